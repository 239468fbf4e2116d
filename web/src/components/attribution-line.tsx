// The attribution a measure rests on, and what is missing, as one line of its card.
import { attributionCloses, attributionSentence } from '../lib/measure-attribution';
import type { MeasureAttribution, PlanReason } from '../toolbox-types';
import { SourcesButton } from './sources-button';
import '../incident.css';

export function AttributionLine({ attribution: a, reason }: { attribution: MeasureAttribution; reason?: PlanReason }) {
  const closes = attributionCloses(a);
  const state = closes ? 'fails' : a.effect === 'names-state' && !a.met ? 'caution' : 'holds';
  return (
    <p className={`attribution-line attribution-${state}`} data-testid="measure-attribution">
      <span className="reason-mark" aria-hidden="true">
        {closes ? '✕' : state === 'caution' ? '!' : '✓'}
      </span>
      <span>{attributionSentence(a)}</span>
      {reason && <SourcesButton sources={reason.sources} label="the attribution it needs" />}
    </p>
  );
}
