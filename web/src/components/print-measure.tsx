// A measure as printed: decision, procedure and basis for an open one; the failing conditions for a closed one.
import { decidedBy } from '../lib/decision-words';
import { humanise } from '../lib/format';
import { namePapers } from '../lib/citation';
import { isRecord, textOf } from '../lib/describe';
import { attributionCloses, attributionSentence, isAttributionReason } from '../lib/measure-attribution';
import type { PlanMeasure } from '../toolbox-types';

export function PrintMeasure({ measure: m }: { measure: PlanMeasure }) {
  const own = m.reasons.filter((r) => !isAttributionReason(m, r));
  const reasons = m.available ? own.filter((r) => r.kind !== 'advisory' || r.holds) : own.filter((r) => !r.holds && r.kind !== 'advisory' && r.kind !== 'procedure');
  const basis = m.legalBasis.map((b) => (isRecord(b) ? textOf(b.label ?? b) : textOf(b))).join('; ');
  return (
    <li className="print-measure">
      <strong>{m.title}</strong> <span className="muted">({humanise(m.category)})</span>
      {m.available && (
        <p>
          {decidedBy(m.decision)}.
          {m.procedure ? ` ${namePapers(m.procedure)}` : ''}
          {basis ? ` Legal basis: ${basis}.` : ''}
        </p>
      )}
      {m.attribution && (
        <p className="print-attribution" data-testid="measure-attribution">
          {attributionCloses(m.attribution) ? '✕ ' : ''}
          {attributionSentence(m.attribution)}
        </p>
      )}
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>
            {r.holds ? '✓' : '✕'} {namePapers(r.text)}
          </li>
        ))}
      </ul>
    </li>
  );
}
