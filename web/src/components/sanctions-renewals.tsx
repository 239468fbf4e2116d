// The decisions that set when the regime and its listings expire, oldest first, with the one in force on the date marked.
import { formatDate } from '../lib/format';
import { decidedAfter, governs } from '../lib/sanctions';
import type { SanctionsView } from '../sanctions-types';
import { SourcesButton } from './sources-button';

export function SanctionsRenewals({ view, dateWords }: { view: SanctionsView; dateWords: string }) {
  return (
    <section className="card" aria-labelledby="renewals-heading">
      <h2 id="renewals-heading">Renewals</h2>
      <div className="scroll-x" tabIndex={0} role="region" aria-labelledby="renewals-caption">
        <table className="data-table sanctions-renewals">
          <caption id="renewals-caption">Decisions setting the expiry of the regime and of its listings, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Decided</th>
              <th scope="col">Regime until</th>
              <th scope="col">Listings until</th>
              <th scope="col">Listings reviewed</th>
              <th scope="col">Check</th>
              <th scope="col">Note</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {view.renewals.map((r) => {
              const applies = governs(r, view);
              const later = decidedAfter(r, view.asOf);
              const label = `the decision of ${formatDate(r.decided)}`;
              return (
                <tr key={`${r.decided}-${r.regimeUntil ?? ''}-${r.listingsUntil ?? ''}`} className={applies.length ? 'row-current' : later ? 'row-later' : undefined}>
                  <th scope="row">
                    {formatDate(r.decided)}
                    {applies.length > 0 && <> <span className="tag tag-open">applies to the {applies.join(' and the ')} {dateWords}</span></>}
                    {later && <> <span className="tag">after this date</span></>}
                  </th>
                  <td>{formatDate(r.regimeUntil)}</td>
                  <td>{formatDate(r.listingsUntil)}</td>
                  <td>{r.listingsReviewedEvery ?? '—'}</td>
                  <td>{r.unverified ? <span className="tag tag-warn">to be verified</span> : 'sourced'}</td>
                  <td>{r.note ?? '—'}</td>
                  <td>
                    <SourcesButton sources={r.sources} label={label} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
