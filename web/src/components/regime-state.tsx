// A state of the sanctions regime or its listings as a tag, with its expiry and the renewal that set it.
import { formatDate } from '../lib/format';
import { STATE_LABELS, STATE_TAGS } from '../lib/sanctions';
import type { RegimeStatus } from '../sanctions-types';
import { SourcesButton } from './sources-button';

/** `otherwise`: what sets the expiry when no renewal of its own does (the listings follow the regime's until 2022). */
export function RegimeState({ status, what, otherwise }: { status: RegimeStatus; what: string; otherwise?: string }) {
  const r = status.decidedBy;
  return (
    <>
      <span className={STATE_TAGS[status.state]}>{STATE_LABELS[status.state]}</span>
      {status.until && <> until {formatDate(status.until)}</>}
      {!r && status.until && otherwise && <span className="regime-decided"> · {otherwise}</span>}
      {r && (
        <span className="regime-decided">
          {' '}
          · set by the decision of {formatDate(r.decided)} <SourcesButton sources={r.sources} label={`the expiry of ${what}`} />
          {r.unverified && <span className="tag tag-warn">to be verified</span>}
          {r.note && <span className="regime-note"> {r.note}</span>}
        </span>
      )}
    </>
  );
}
