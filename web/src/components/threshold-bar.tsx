// A count or share against its threshold: the bar fills to what the vote reached, a mark stands at what is required.
import { percent } from '../lib/format';

interface Props {
  label: string;
  actual: number;
  required: number;
  /** The full length of the bar: members taking part, or 100 for percent of the population. */
  scale: number;
  unit: 'members' | 'percent';
  met: boolean;
}

export function ThresholdBar({ label, actual, required, scale, unit, met }: Props) {
  const at = (v: number) => `${Math.max(0, Math.min(100, (v / Math.max(scale, 1)) * 100))}%`;
  const show = (v: number) => (unit === 'percent' ? percent(v / 100, 2) : `${v}`);
  const text = `${label}: ${show(actual)}${unit === 'members' ? ` of ${scale}` : ''}, threshold ${show(required)}, ${met ? 'met' : 'not met'}`;
  return (
    <div className="threshold-bar">
      <div className="score-bar-label">
        <span>{label}</span>
        <span className="score-bar-value">
          {show(actual)} <span className="muted">/ threshold {show(required)}</span>
        </span>
      </div>
      <div className="bar-track threshold-track" role="img" aria-label={text}>
        <div className={`bar-fill ${met ? 'bar-met' : 'bar-unmet'}`} style={{ width: at(actual) }} />
        <div className="threshold-mark" style={{ left: at(required) }} />
      </div>
    </div>
  );
}
