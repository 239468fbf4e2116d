// The cyber-sanctions regime in a response plan: whether listing is possible on the plan's date, and which of the
// persons and entities identified in the incident are listed already, since when and for what.
import { Link } from 'react-router-dom';
import { andList, formatDate, todayIso } from '../lib/format';
import { listingsDiffer, needsCaution, noneListedSentence, stateSentence } from '../lib/sanctions';
import type { PlanSanctions as Sanctions } from '../sanctions-types';
import { CellList } from './cell-list';
import { SanctionsCaution } from './sanctions-caution';
import '../sanctions.css';

/** `identified`: how many persons and entities the incident names, all of them screened. */
export function PlanSanctions({ sanctions: s, identified }: { sanctions: Sanctions; identified: number }) {
  const when = { asOf: s.asOf, today: s.asOf === todayIso() };
  return (
    <section aria-labelledby="sanctions-heading" className="card plan-sanctions">
      <h3 id="sanctions-heading">Cyber-sanctions regime</h3>
      <p data-testid="plan-sanctions-state">
        {stateSentence('regime', s.regime, when)}
        {listingsDiffer(s) && ` ${stateSentence('listings', s.listings, { ...when, follows: true })}`}
      </p>
      {s.acts.length > 0 && <p className="muted">Listing rests on {andList(s.acts)}.</p>}
      {needsCaution(s) && <SanctionsCaution notes={s.notes} />}
      {s.alreadyListed.length === 0 ? (
        <p>{noneListedSentence(identified)}</p>
      ) : (
        <div className="scroll-x" tabIndex={0} role="region" aria-labelledby="already-listed-caption">
          <table className="data-table">
            <caption id="already-listed-caption">Identified in this incident and already listed</caption>
            <thead>
              <tr>
                <th scope="col">Named in the incident</th>
                <th scope="col">Listed as</th>
                <th scope="col">Kind</th>
                <th scope="col">Listed since</th>
                <th scope="col">By</th>
                <th scope="col">Listed for</th>
                <th scope="col">Screening</th>
              </tr>
            </thead>
            <tbody>
              {s.alreadyListed.map((l) => (
                <tr key={`${l.id}-${l.name}`}>
                  <th scope="row">{l.name}</th>
                  <td>{l.listedName}</td>
                  <td>{l.kind === 'person' ? 'Person' : 'Entity'}</td>
                  <td>{formatDate(l.since)}</td>
                  <td>
                    <CellList items={l.acts} />
                  </td>
                  <td>
                    <CellList items={l.incidents} />
                  </td>
                  <td className={l.strong ? 'match-strong' : undefined}>
                    {l.strong ? 'strong' : 'possible'} match ({l.score.toFixed(2)}) on ‘{l.matchedOn}’
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/sanctions">The regime, its renewals and everyone listed, with sources</Link>
      </p>
    </section>
  );
}
