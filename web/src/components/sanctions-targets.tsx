// The persons and entities listed on the date, one row each, narrowed by a filter over every column.
import { useId } from 'react';
import { formatDate } from '../lib/format';
import { matchesFilter, stateName } from '../lib/sanctions';
import type { ListedTarget } from '../sanctions-types';
import { CellList } from './cell-list';
import { TargetReasons } from './sanctions-target-reasons';
import { SourcesButton } from './sources-button';

interface Props {
  targets: ListedTarget[];
  dateWords: string;
  filter: string;
  onFilter: (filter: string) => void;
}

export function SanctionsTargets({ targets, dateWords, filter, onFilter }: Props) {
  const id = useId();
  const shown = targets.filter((t) => matchesFilter(t, filter, stateName));
  return (
    <section className="card" aria-labelledby="targets-heading">
      <h2 id="targets-heading">
        Listed persons and entities <span className="count">{targets.length}</span>
      </h2>
      {targets.length === 0 ? (
        <p className="muted">No one is on the list {dateWords}.</p>
      ) : (
        <>
          <form className="filters sanctions-filter" role="search" aria-label="Filter the listed persons and entities" onSubmit={(e) => e.preventDefault()}>
            <div className="field-inline">
              <label htmlFor={`${id}-q`}>Filter</label>
              <input id={`${id}-q`} type="search" value={filter} onChange={(e) => onFilter(e.target.value)} placeholder="name, group, state, incident…" />
            </div>
          </form>
          <p className="muted" role="status" data-testid="targets-shown">
            {filter.trim() ? `${shown.length} of ${targets.length} shown` : `All ${targets.length} shown`}
          </p>
          {shown.length === 0 ? (
            <p className="muted">No listed person or entity matches “{filter.trim()}”.</p>
          ) : (
            <div className="scroll-x" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
              <table className="data-table sanctions-targets">
                <caption id={`${id}-caption`}>Persons and entities listed {dateWords}, with the incidents and acts they were listed for</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Listed since</th>
                    <th scope="col">Group</th>
                    <th scope="col">State</th>
                    <th scope="col">Listed for</th>
                    <th scope="col">Acts</th>
                    <th scope="col">Reasons</th>
                    <th scope="col">Sources</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((t) => (
                    <tr key={t.id} data-kind={t.kind}>
                      <th scope="row">
                        {t.name}
                        {t.aliases.length > 0 && <span className="aliases">also {t.aliases.join(', ')}</span>}
                      </th>
                      <td>{t.kind === 'person' ? 'Person' : 'Entity'}</td>
                      <td>{formatDate(t.since)}</td>
                      <td>{t.group ?? '—'}</td>
                      <td>{t.state ? stateName(t.state) : '—'}</td>
                      <td>
                        <CellList items={t.incidents} />
                      </td>
                      <td>
                        <CellList items={t.acts} />
                        {t.unverified && (
                          <span className="tag tag-warn" title={t.note}>
                            to be verified
                          </span>
                        )}
                      </td>
                      <td>
                        <TargetReasons target={t} />
                      </td>
                      <td>
                        <SourcesButton sources={t.sources} label={`Sources for the listing of ${t.name}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
