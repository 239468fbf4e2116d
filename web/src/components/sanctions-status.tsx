// The regime on the chosen date: its state and its listings' state, who is listed, and when the data was last checked.
import { countWords } from '../lib/sanctions';
import { formatDate } from '../lib/format';
import type { SanctionsView } from '../sanctions-types';
import { DetailsList } from './details-list';
import { RegimeState } from './regime-state';

export function SanctionsStatus({ view, today, caution }: { view: SanctionsView; today: boolean; caution: boolean }) {
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{today ? 'Today' : `On ${formatDate(view.asOf)}`}</h2>
      <DetailsList
        pairs={[
          ['Regime', <RegimeState key="regime" status={view.regime} what="the regime" />],
          ['Listings', <RegimeState key="listings" status={view.listings} what="the listings" otherwise="no expiry of their own: they follow the regime's" />],
          ['Listed', <span key="listed" data-testid="sanctions-counts">{countWords(view.counts)}</span>],
          ['Data last checked', formatDate(view.knownUntil)],
        ]}
      />
      {/* With a warning the notes stand above the page; otherwise they explain the state here. */}
      {!caution && view.notes.length > 0 && (
        <ul className="sanctions-notes">
          {view.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
