// An explanation as a list of steps: the fact, what it did to the result, and its sources.
import { effectText, isRecord, sourcesOf, textOf } from '../lib/describe';
import { SourcesButton } from './sources-button';

function steps(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined || value === '') return [];
  return [value];
}

export function ExplanationList({ explanation }: { explanation: unknown }) {
  const list = steps(explanation);
  if (list.length === 0) return <p className="muted">No explanation given.</p>;
  return (
    <ul className="explanation">
      {list.map((step, i) => {
        const fact = isRecord(step) && 'fact' in step ? step.fact : step;
        const effect = isRecord(step) ? (step.effect ?? step.delta ?? step.weight) : undefined;
        const text = textOf(fact);
        const eff = effect === undefined ? '' : effectText(effect);
        return (
          <li key={i} className="explanation-step">
            {eff && <span className={`effect ${eff.startsWith('+') ? 'effect-up' : eff.startsWith('−') ? 'effect-down' : ''}`}>{eff}</span>}
            <span className="explanation-text">{text}</span>
            <SourcesButton sources={[...sourcesOf(step), ...(isRecord(fact) ? sourcesOf(fact) : [])]} label={text.slice(0, 60)} />
          </li>
        );
      })}
    </ul>
  );
}
