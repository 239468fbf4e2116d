// The escalation ladder drawn as a ladder: the least coercive measure on the bottom rung, the most on top;
// open rungs stand out, closed ones are greyed, each leads to the measure's reasons.
import type { PlanMeasure } from '../toolbox-types';

export function EscalationLadder({ measures }: { measures: PlanMeasure[] }) {
  return (
    <div className="ladder-frame">
      <p className="ladder-end" aria-hidden="true">
        Most coercive
      </p>
      <ol className="ladder" aria-label="Escalation ladder, from the least coercive measure (first) to the most coercive (last)">
        {measures.map((m, i) => (
          <li key={m.id} className={`rung ${m.available ? 'rung-open' : 'rung-closed'}`}>
            <a href={`#measure-${m.id}`} className="rung-label">
              <span className="rung-step" aria-hidden="true">
                {i + 1}
              </span>
              <span className="rung-title">{m.title}</span>
              <span className="rung-state">{m.available ? '✓ open' : '✕ closed'}</span>
            </a>
          </li>
        ))}
      </ol>
      <p className="ladder-end" aria-hidden="true">
        Least coercive
      </p>
    </div>
  );
}
