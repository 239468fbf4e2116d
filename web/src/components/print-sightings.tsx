// The print view's imported sightings and reports: one line each, every one with its own TLP label.
import { formatDate, humanise } from '../lib/format';
import { seenWhen, sightedWhat, timesSeen } from '../lib/sightings';
import type { IncidentReport, IncidentSighting } from '../toolbox-types';
import { ExternalReferenceText } from './external-reference';
import { TlpLabel } from './tlp-label';

export function PrintSightings({ sightings = [], reports = [] }: { sightings?: IncidentSighting[] | undefined; reports?: IncidentReport[] | undefined }) {
  return (
    <>
      {sightings.length > 0 && (
        <>
          <h2>Sightings</h2>
          <ul className="print-sightings">
            {sightings.map((s) => (
              <li key={s.id}>
                <TlpLabel level={s.tlp} /> <strong>{seenWhen(s)}</strong>: {sightedWhat(s.of).toLowerCase()}
                {s.count !== null && `, seen ${timesSeen(s.count).toLowerCase()}`}
                {s.where.length > 0 && ` at ${s.where.join(', ')}`}
                {s.description && `. ${s.description}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {reports.length > 0 && (
        <>
          <h2>Reports</h2>
          <ul className="print-sightings">
            {reports.map((r) => (
              <li key={r.id}>
                <TlpLabel level={r.tlp} /> <strong>{r.name}</strong>, published {formatDate(r.published)}
                {r.types.length > 0 && ` (${r.types.map(humanise).join(', ').toLowerCase()})`}
                {r.description && `. ${r.description}`}
                {r.externalReferences.map((e, i) => (
                  <span key={`${e.source}-${i}`}>
                    {i === 0 ? ' References: ' : '; '}
                    <ExternalReferenceText reference={e} withAddress />
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
