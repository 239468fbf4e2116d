// On the incident page: the STIX reports imported as its sources, each with its references and its own TLP label.
import { formatDate, humanise } from '../lib/format';
import type { IncidentReport } from '../toolbox-types';
import { ExternalReferenceText } from './external-reference';
import { TlpLabel } from './tlp-label';

export function IncidentReports({ reports }: { reports: IncidentReport[] | undefined }) {
  if (!reports?.length) return null;
  return (
    <section className="card" aria-labelledby="reports-heading">
      <h2 id="reports-heading">
        Reports <span className="count">{reports.length}</span>
      </h2>
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.id} className="report" data-report={r.id}>
            <h3>{r.name}</h3>
            <p className="report-meta">
              <TlpLabel level={r.tlp} /> Published {formatDate(r.published)}
              {r.types.length > 0 && ` · ${r.types.map(humanise).join(', ')}`}
            </p>
            {r.description && <p>{r.description}</p>}
            {r.externalReferences.length > 0 && (
              <>
                <h4>References</h4>
                <ul className="reference-list">
                  {r.externalReferences.map((e, i) => (
                    <li key={`${e.source}-${i}`}>
                      <ExternalReferenceText reference={e} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
