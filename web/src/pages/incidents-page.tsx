// Incidents: the registry, filtered and searched, a page at a time; the way in to record one.
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { Guarded } from '../components/guarded';
import { IncidentFilters, type IncidentFilter } from '../components/incident-filters';
import { IncidentTable } from '../components/incident-table';
import { pageFromParam, pageSummary } from '../lib/paging';
import { allowance, isTeamMode } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';

const PAGE = 20;

export function IncidentsPage() {
  useTitle('Incidents');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  // A page that sent the person here may say why, e.g. that an incident is now out of their sight.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const filter: IncidentFilter = { category: params.get('category') ?? '', ongoing: params.get('ongoing') ?? '', q: params.get('q') ?? '' };
  const page = pageFromParam(params.get('page'), PAGE);
  const query = { category: filter.category, ongoing: filter.ongoing, q: filter.q, limit: PAGE, offset: page * PAGE };
  const list = useApi((s) => api.incidents(query, s), JSON.stringify(query));

  const go = (f: IncidentFilter, p = 0) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    if (p > 0) next.set('page', String(p));
    setParams(next);
  };

  return (
    <div className="page page-incidents">
      <header className="page-header">
        <h1>Incidents</h1>
        <p className="lede">
          Malicious cyber activities against member states and EU institutions, with the EU's options for each.
          {isTeamMode(me) && me.principal.kind === 'anonymous' && ' You see public (TLP:CLEAR) incidents only until you sign in.'}
        </p>
        {notice && (
          <p className="notice notice-info" role="status">
            {notice}
          </p>
        )}
        <div className="toolbar">
          <IncidentFilters key={filter.q} value={filter} onChange={(f) => go(f)} />
          <Guarded allowance={allowance(me, 'incident.create')} label="Record an incident" signInLabel="Sign in to record an incident" next="/incidents/new" className="button button-primary">
            <Link to="/incidents/new" className="button button-primary">
              Record an incident
            </Link>
          </Guarded>
        </div>
      </header>
      {list.error?.status === 400 ? (
        // A filter of the address the list does not know (?category=foo): the selects show "All" and cannot clear it.
        <div className="notice notice-error" role="alert" data-testid="incident-filter-refused">
          <strong>The filters in the address cannot be applied.</strong>
          <p>{list.error.message}</p>
          <button type="button" className="button" onClick={() => go({ category: '', ongoing: '', q: '' })}>
            Clear the filters
          </button>
        </div>
      ) : (
        <AsyncView resource={list} what="the incidents">
          {(r) => {
            const summary = pageSummary(page, r.items.length, r.total, PAGE);
            return (
            <section className="card" aria-label="Incidents found">
              <p className={summary.pastTheEnd ? 'notice notice-info' : 'muted'} aria-live="polite">
                {summary.text}
                {summary.pastTheEnd && (
                  <>
                    {' '}
                    <button type="button" className="button" onClick={() => go(filter, summary.lastPage)}>
                      Go to the last page
                    </button>
                  </>
                )}
              </p>
              {!summary.pastTheEnd && <IncidentTable items={r.items} />}
              <nav className="pager" aria-label="Pages">
                <button type="button" className="button" disabled={page === 0} onClick={() => go(filter, page - 1)}>
                  Previous
                </button>
                <button type="button" className="button" disabled={(page + 1) * PAGE >= r.total} onClick={() => go(filter, page + 1)}>
                  Next
                </button>
              </nav>
            </section>
            );
          }}
        </AsyncView>
      )}
    </div>
  );
}
