// The cyber-sanctions regime on paper: its state on the plan's date and who the incident names that is listed already.
import { andList, formatDate, todayIso } from '../lib/format';
import { listingsDiffer, needsCaution, stateSentence } from '../lib/sanctions';
import type { PlanSanctions } from '../sanctions-types';

export function PrintSanctions({ sanctions: s }: { sanctions: PlanSanctions }) {
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
        <p>None of the persons or entities identified in this incident is on the list.</p>
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
