// Compare: two or three partners side by side on every dimension, and the partner × instrument matrix.
import { api } from '../api';
import { AsOfControl } from '../components/as-of-control';
import { AsyncView } from '../components/async-view';
import { ComparePickers } from '../components/compare-pickers';
import { CompareTable } from '../components/compare-table';
import { ErrorMessage } from '../components/error-message';
import { ExportBar, PrintFooter } from '../components/export-bar';
import { InstrumentMatrix } from '../components/instrument-matrix';
import { Loading } from '../components/loading';
import { AsOfProblem } from '../components/as-of-problem';
import { compareIds } from '../lib/compare-ids';
import { compareRows } from '../lib/compare-rows';
import { compareTable, matrixTable } from '../lib/export-tables';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/use-api';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';
import { useTitle } from '../lib/use-title';
import { namesText, partnerName } from '../lib/partner-names';

export function ComparePage() {
  const [query, update] = useUrlQuery();
  const [asOf, setAsOf, asOfProblem] = asOfParam(query, update);
  const ids = compareIds(query.get('ids'));
  const key = `${ids.join(',')}@${asOf ?? ''}`;
  const partners = useApi((s) => api.partners(s), 'partners');
  useTitle(ids.length ? `Compare ${namesText(ids.map((id) => partnerName(id, partners.data)))}` : 'Compare');
  const profiles = useApi((s) => Promise.all(ids.map((id) => api.partner(id, asOf, s))), key);
  const compare = useApi((s) => (ids.length >= 2 ? api.compare(ids, asOf, s) : Promise.resolve(undefined)), key);
  const matrix = useApi((s) => api.matrix(asOf, s), `matrix@${asOf ?? ''}`);

  const setIds = (next: string[]) =>
    update((q) => {
      if (next.length) q.set('ids', next.join(','));
      else q.delete('ids');
    });

  return (
    <div className="page page-compare">
      <header className="page-header">
        <h1>Compare partnerships</h1>
        <p className="lede">{asOf ? `As of ${formatDate(asOf)}.` : 'As they stand today.'} Choose two or three partners.</p>
        <div className="toolbar">
          {partners.data && <ComparePickers partners={partners.data} ids={ids} onChange={setIds} />}
          <AsOfControl value={asOf} onChange={setAsOf} />
        </div>
        {partners.error && <ErrorMessage error={partners.error} what="the partners" onRetry={partners.reload} />}
      </header>
      <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />

      <section className="card" aria-labelledby="side-heading">
        <h2 id="side-heading">Side by side</h2>
        {ids.length < 2 ? (
          <p className="muted">Choose at least two partners above to see them side by side.</p>
        ) : (
          <>
            {compare.error && <ErrorMessage error={compare.error} what="the assessment comparison" onRetry={compare.reload} />}
            <AsyncView resource={profiles} what="the partnerships">
              {(list) => {
                // While another choice loads, the previous table would show the wrong columns: wait for it.
                if (list.map((p) => p.id).join() !== ids.join()) return <Loading what="the partnerships" />;
                const rows = compareRows(list, compare.data?.partners.map((p) => p.id).join() === ids.join() ? compare.data : undefined);
                return (
                  <>
                    <ExportBar what={`Comparison of ${list.map((p) => p.name).join(', ')}`} tlp="clear" asOf={asOf} table={() => compareTable(list, rows, asOf)} />
                    <CompareTable profiles={list} rows={rows} />
                  </>
                );
              }}
            </AsyncView>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Partner × instrument matrix</h2>
        <p className="muted">Positions on the multilateral instruments, memberships and agreements of every partner at the date; the compared ones are highlighted.</p>
        <AsyncView resource={matrix} what="the matrix">
          {(m) => (
            <>
              <ExportBar what="Partner × instrument matrix" tlp="clear" asOf={asOf} table={() => matrixTable(m, asOf)} />
              <InstrumentMatrix matrix={m} highlight={ids} />
            </>
          )}
        </AsyncView>
      </section>
      <PrintFooter tlp="clear" />
    </div>
  );
}
