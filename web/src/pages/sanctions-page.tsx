// Cyber sanctions: the EU's regime of restrictive measures against cyber-attacks on any date — whether it was in
// force, on which acts it rests, when it was renewed, and who was listed for which incidents.
import { api } from '../api';
import { AsOfControl } from '../components/as-of-control';
import { AsyncView } from '../components/async-view';
import { ExportBar, PrintFooter } from '../components/export-bar';
import { SanctionsCaution } from '../components/sanctions-caution';
import { SanctionsChart } from '../components/sanctions-chart';
import { SanctionsFramework } from '../components/sanctions-framework';
import { SanctionsRenewals } from '../components/sanctions-renewals';
import { SanctionsScreening } from '../components/sanctions-screening';
import { SanctionsStatus } from '../components/sanctions-status';
import { SanctionsTargets } from '../components/sanctions-targets';
import { AsOfProblem } from '../components/as-of-problem';
import { sanctionsTable } from '../lib/export-toolbox-tables';
import { formatDate } from '../lib/format';
import { listingsDiffer, needsCaution, stateSentence } from '../lib/sanctions';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';
import type { SanctionsView } from '../sanctions-types';
import '../sanctions.css';

export function SanctionsPage() {
  useTitle('Cyber sanctions');
  const [query, update] = useUrlQuery();
  const [asOf, setAsOf, asOfProblem] = asOfParam(query, update);
  const filter = query.get('q') ?? '';
  const setFilter = (q: string) => update((p) => (q ? p.set('q', q) : p.delete('q')));
  const view = useApi((s) => api.sanctions(asOf, s), asOf ?? 'today');
  // The page shows today when no date is chosen; the server's date is the one the answer holds for.
  const today = asOf === undefined;

  return (
    <div className="page page-sanctions">
      <header className="page-header">
        <h1>Cyber sanctions</h1>
        <p className="lede" aria-live="polite" data-testid="sanctions-summary">
          {view.data ? <Summary view={view.data} today={today} /> : 'The EU regime of restrictive measures against cyber-attacks, on the date you choose.'}
        </p>
        <div className="toolbar">
          <AsOfControl value={asOf} onChange={setAsOf} />
        </div>
        <ExportBar what="EU cyber sanctions" tlp="clear" asOf={asOf} table={view.data ? () => view.data && sanctionsTable(view.data, asOf) : undefined} />
      </header>
      <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />
      <AsyncView resource={view} what="the sanctions regime">
        {(v) => {
          const caution = needsCaution(v);
          const dateWords = today ? 'today' : `on ${formatDate(v.asOf)}`;
          return (
            <>
              {caution && <SanctionsCaution notes={v.notes} />}
              <div className="sanctions-layout">
                <SanctionsStatus view={v} today={today} caution={caution} />
                <SanctionsFramework framework={v.framework} />
              </div>
              <SanctionsChart timeline={v.timeline} asOf={v.asOf} />
              <SanctionsScreening asOf={asOf} />
              <SanctionsTargets targets={v.targets} dateWords={dateWords} filter={filter} onFilter={setFilter} />
              <SanctionsRenewals view={v} dateWords={dateWords} />
              <p className="muted" data-testid="sanctions-courts">
                Court annulments: {v.courts.annulments.length ? v.courts.annulments.map((a) => `${a.case} (${formatDate(a.date)})`).join(', ') : v.courts.note} The data holds up to {formatDate(v.knownUntil)}.
              </p>
            </>
          );
        }}
      </AsyncView>
      <PrintFooter tlp="clear" />
    </div>
  );
}

/** The regime's state in words, and the listings' when they differ from it. */
function Summary({ view, today }: { view: SanctionsView; today: boolean }) {
  const when = { asOf: view.asOf, today, adopted: view.framework.decision.adopted };
  const regime = stateSentence('regime', view.regime, when);
  return (
    <>
      {regime}
      {listingsDiffer(view) && ` ${stateSentence('listings', view.listings, { ...when, follows: true })}`}
    </>
  );
}
