// The cyber-sanctions regime on paper: its state on the plan's date and who the incident names that is listed already.
import { andList, formatDate, todayIso } from '../lib/format';
import { listingsDiffer, needsCaution, noneListedSentence, stateSentence } from '../lib/sanctions';
import type { PlanSanctions } from '../sanctions-types';

/** `identified`: how many persons and entities the incident names, all of them screened. */
export function PrintSanctions({ sanctions: s, identified }: { sanctions: PlanSanctions; identified: number }) {
  const when = { asOf: s.asOf, today: s.asOf === todayIso() };
  return (
    <>
      <h2>Cyber-sanctions regime</h2>
      <p>
        {stateSentence('regime', s.regime, when)} {listingsDiffer(s) && stateSentence('listings', s.listings, { ...when, follows: true })}
        {s.acts.length > 0 && ` Listing rests on ${andList(s.acts)}.`}
      </p>
      {needsCaution(s) && (
        <ul>
          {s.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {s.alreadyListed.length === 0 ? (
        <p>{noneListedSentence(identified)}</p>
      ) : (
        <ul>
          {s.alreadyListed.map((l) => (
            <li key={`${l.id}-${l.name}`}>
              <strong>{l.name}</strong> is listed{l.listedName !== l.name ? ` as ${l.listedName}` : ''} ({l.kind}) since {formatDate(l.since)}
              {l.acts.length > 0 && `, by ${andList(l.acts)}`}
              {l.incidents.length > 0 && `, for ${andList(l.incidents)}`} ({l.strong ? 'strong' : 'possible'} match on ‘{l.matchedOn}’).
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
