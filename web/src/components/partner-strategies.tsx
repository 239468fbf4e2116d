// The partner's national cybersecurity strategies as of the date: each dated no more precisely than its sources date it
// (a year stays a year), the first marked, a dataset's count where it has one, and what a source says of them at a
// date. Shown, not scored: the papers mention strategies only as context, and no gap rule reads them.
import type { PartnerProfile } from '../api-types';
import { formatDate } from '../lib/format';
import { FactItem } from './fact-item';
import { ProposeChangeButton } from './propose-change';

type Strategies = NonNullable<PartnerProfile['nationalStrategies']>;

export function PartnerStrategies({ strategies }: { strategies: Strategies | null }) {
  const list = strategies?.strategies ?? [];
  const notes = strategies?.datedNotes ?? [];
  return (
    <section className="fact-group" aria-labelledby="strategies-heading">
      <h2 id="strategies-heading">
        National cybersecurity strategies <span className="count">{list.length}</span>
      </h2>
      <ProposeChangeButton kind="national-strategy" action="add" />
      <p className="muted">Shown, not scored: the papers mention partners' strategies only as context, and no gap rule reads them.</p>
      {list.length === 0 && <p className="muted">{strategies ? 'None adopted by this date.' : 'None recorded.'}</p>}
      {(list.length > 0 || notes.length > 0) && (
        <ul className="fact-list">
          {list.map((s) => (
            <FactItem
              key={s.id}
              label={s.title}
              title={s.title}
              tags={[
                `adopted ${formatDate(s.adopted)}`,
                s.first && 'first',
                s.dateAsGiven && `the source writes ${s.dateAsGiven}: read as a ${s.precision}`,
              ]}
              summary={s.note}
              sources={s.sources}
              unverified={s.unverified}
              change={{ kind: 'national-strategy', target: s.id }}
            />
          ))}
          {notes.map((n, i) => (
            <FactItem key={`note-${i}`} label={`Remark of ${formatDate(n.date)}`} title={`Remark of ${formatDate(n.date)}`} tags={[]} summary={n.text} sources={n.sources} unverified={n.unverified} />
          ))}
        </ul>
      )}
      {strategies?.counted && (
        <p className="fact-history">
          A dataset counts {strategies.counted.count} {strategies.counted.count === 1 ? 'strategy' : 'strategies'} in {strategies.counted.period}
          {strategies.counted.count > list.length ? `; ${list.length} of them dated here` : ''}.
        </p>
      )}
      {strategies?.undated && (
        <p className="fact-history strategies-undated">
          Date unknown for {strategies.undated.count} counted {strategies.undated.count === 1 ? 'strategy' : 'strategies'}
          {strategies.undated.unverified ? ' (unverified)' : ''}: {strategies.undated.note}
        </p>
      )}
    </section>
  );
}
