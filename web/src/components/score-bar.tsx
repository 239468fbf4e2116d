// A labelled horizontal bar for a score out of 100 (or a share), readable without the colour.
interface Props {
  label: string;
  value: number;
  max?: number;
  colour?: string;
}

export function ScoreBar({ label, value, max = 100, colour }: Props) {
  const pct = Math.max(0, Math.min(100, (value / max) * 100));
  const shown = max === 1 ? `${Math.round(value * 100)}%` : `${Math.round(value)} / ${max}`;
  return (
    <div className="score-bar">
      <div className="score-bar-label">
        <span>{label}</span>
        <span className="score-bar-value">{shown}</span>
      </div>
      <div className="bar-track" role="img" aria-label={`${label}: ${shown}`}>
        <div className="bar-fill" style={{ width: `${pct}%`, background: colour }} />
      </div>
    </div>
  );
}
