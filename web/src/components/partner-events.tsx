// A partnership's dated events (dialogues launched, agreements signed, memberships, strategies), newest first.
import { useState } from 'react';
import type { TimelineEvent } from '../api-types';
import { eventDetail } from '../lib/event-detail';
import { formatDated, humanise } from '../lib/format';
import { SourcesButton } from './sources-button';

const FIRST = 8;

export function PartnerEvents({ events }: { events: TimelineEvent[] }) {
  const [all, setAll] = useState(false);
  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date));
  const shown = all ? sorted : sorted.slice(0, FIRST);
  if (sorted.length === 0) return <p className="muted">No dated event up to this date.</p>;
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
    </>
  );
}
