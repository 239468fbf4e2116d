// A partnership's dated events (dialogues launched, agreements signed, memberships, strategies), newest first.
import { useState } from 'react';
import type { TimelineEvent } from '../api-types';
import { eventDetail } from '../lib/event-detail';
import { formatDated, humanise } from '../lib/format';
import type { UnverifiedDialogueYears } from '../lib/unverified-years';
import { SourcesButton } from './sources-button';

const FIRST = 8;

export function PartnerEvents({ events, unverified = [] }: { events: TimelineEvent[]; unverified?: UnverifiedDialogueYears[] }) {
  const [all, setAll] = useState(false);
  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date));
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const apart =
    unverified.length > 0 ? (
      <p className="muted" data-testid="timeline-unverified">
        Active only on an unverified source, not counted: {unverified.map((d) => `${d.name} (${d.years})`).join('; ')}.
      </p>
    ) : null;
  if (sorted.length === 0) {
    return (
      <>
        <p className="muted">No dated event up to this date.</p>
        {apart}
      </>
    );
  }
  return (
    <>
      <ol className="events">
        {shown.map((e, i) => {
          const detail = eventDetail(e);
          return (
            <li key={`${e.fact ?? e.title}-${i}`} className="event">
              <span className="event-date">{formatDated(e.date, e.precision)}</span>
              <span className="event-body">
                <span className="tag">{humanise(e.kind)}</span> {e.title}
                {detail ? <span className="muted"> — {detail}</span> : null}
                <SourcesButton sources={e.sources} label={e.title} />
              </span>
            </li>
          );
        })}
      </ol>
      {sorted.length > FIRST && (
        <button type="button" className="button button-quiet" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? 'Show the latest only' : `Show all ${sorted.length} events`}
        </button>
      )}
      {apart}
    </>
  );
}
