// The response plan as a document to print and take into a meeting: no navigation, everything on paper.
import { Link, useParams } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { IncidentSummary } from '../components/incident-summary';
import { PlanNotCounted } from '../components/plan-not-counted';
import { PlanObservatory } from '../components/plan-observatory';
import { PlanPrecedents } from '../components/plan-precedents';
import { PrintMeasure } from '../components/print-measure';
import { PrintSanctions } from '../components/print-sanctions';
import { PrintSightings } from '../components/print-sightings';
import { TlpLabel } from '../components/tlp-label';
import { SourceList } from '../components/source-list';
import { namePapers } from '../lib/citation';
import { uniqueSources } from '../lib/describe';
import { formatDate, todayIso } from '../lib/format';
import { strictestTlp } from '../lib/tlp';
import { generalReasons, identifiedCount, planMeasures, readCatalogue, withoutGeneral } from '../lib/plan';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { useUrlQuery } from '../lib/use-url-query';
import type { ResponsePlan, ShownIncident, TlpLevel } from '../toolbox-types';

export function IncidentPrintPage() {
  const id = useParams().id ?? '';
  const stored = useApi((s) => api.incident(id, s), id);
  // The plan's date follows the incident page's (?asOf=); a date the API refuses is shown as the plan's error.
  const [query] = useUrlQuery();
  const asOf = query.get('asOf') || undefined;
  const plan = useApi((s) => api.plan(id, asOf, s), `${id}@${asOf ?? ''}`);
  const catalogue = useApi((s) => api.measures(s), 'measures');
  useTitle(stored.data ? `Response plan: ${stored.data.incident.title}` : 'Response plan');
  return (
    <main id="main" className="print-page">
      <div className="print-actions no-print">
        <Link to={`/incidents/${id}${asOf ? `?asOf=${asOf}` : ''}`}>← Back to the incident</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <AsyncView resource={stored} what="the incident">
        {(s) => (
          <article>
            <header>
              <p className="print-marking">
                <TlpLabel level={pageLevel(s)} />
              </p>
              <p className="print-kicker">
                Response plan · {asOf ? `made on ${formatDate(asOf)}, printed ${formatDate(todayIso())}` : `prepared ${formatDate(todayIso())}`} · incident version {s.version}
              </p>
              <h1>{s.incident.title}</h1>
            </header>
            <IncidentSummary incident={s.incident} />
            <PrintSightings sightings={s.sightings} reports={s.reports} />
            <AsyncView resource={plan} what="the response plan">
              {(p) => <PrintPlan plan={p} catalogue={catalogue.data} identified={identifiedCount(s.incident)} />}
            </AsyncView>
            <footer className="print-marking">
              <TlpLabel level={pageLevel(s)} />
            </footer>
          </article>
        )}
      </AsyncView>
    </main>
  );
}

/** The page's marking: the strictest of the incident's and of every sighting and report printed with it. */
function pageLevel(s: ShownIncident): TlpLevel {
  return strictestTlp([s.marking.tlp, ...(s.sightings ?? []).map((x) => x.tlp), ...(s.reports ?? []).map((x) => x.tlp)]);
}

function PrintPlan({ plan, catalogue, identified }: { plan: ResponsePlan; catalogue: unknown; identified: number }) {
  const all = planMeasures(plan, catalogue === undefined ? undefined : readCatalogue(catalogue));
  const general = generalReasons(all);
  const measures = withoutGeneral(all, general);
  const o = plan.observatory;
  const observed = o ? [...o.cyberDialogues, ...o.inactiveCyberDialogues, ...o.criminalJusticeAgreements, ...(o.budapestConvention ? [o.budapestConvention] : [])] : [];
  const sources = uniqueSources([
    ...general.flatMap((r) => r.sources),
    ...measures.flatMap((m) => [...(m.sources ?? []), ...m.reasons.flatMap((r) => r.sources)]),
    ...observed.flatMap((x) => x.sources),
    ...(plan.precedents ?? []).flatMap((p) => p.sources),
  ]);
  return (
    <>
      <PlanNotCounted asOf={plan.asOf} items={plan.notCounted} />
      {general.length > 0 && (
        <>
          <h2>Throughout</h2>
          <ul>
            {general.map((r) => (
              <li key={r.rule}>{namePapers(r.text)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>Open measures, in escalation order</h2>
      <ol className="print-measures">
        {measures.filter((m) => m.available).map((m) => (
          <PrintMeasure key={m.id} measure={m} />
        ))}
      </ol>
      <h2>Closed measures</h2>
      <ul className="print-measures">
        {measures.filter((m) => !m.available).map((m) => (
          <PrintMeasure key={m.id} measure={m} />
        ))}
      </ul>
      {plan.bodies && plan.bodies.length > 0 && (
        <>
          <h2>Bodies to involve</h2>
          <ul>
            {plan.bodies.map((b, i) => (
              <li key={b.area ?? i}>
                <strong>{b.domain}</strong>
                {b.euLevel?.length ? ` — EU level: ${b.euLevel.join(', ')}` : ''}
                {b.nationalLevel?.length ? `; national level: ${b.nationalLevel.join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.sanctions && <PrintSanctions sanctions={plan.sanctions} identified={identified} />}
      {plan.observatory !== undefined && <PlanObservatory observatory={plan.observatory} level={2} print />}
      {plan.precedents && <PlanPrecedents precedents={plan.precedents} level={2} print />}
      <h2>Sources</h2>
      <SourceList sources={sources} />
    </>
  );
}
