// The number listed over time as a small step chart (persons and entities stacked), with the chosen date marked.
import { formatDate } from '../lib/format';
import { countWords } from '../lib/sanctions';

interface Point {
  date: string;
  persons: number;
  entities: number;
}

const W = 560;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 20 };

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function SanctionsChart({ timeline, asOf }: { timeline: Point[]; asOf: string }) {
  if (timeline.length === 0) return null;
  const first = day(timeline[0]?.date ?? asOf);
  const last = Math.max(day(timeline[timeline.length - 1]?.date ?? asOf), day(asOf)) + 86_400_000 * 60;
  const max = Math.max(1, ...timeline.map((p) => p.persons + p.entities));
  const x = (d: string) => PAD.left + ((day(d) - first) / (last - first)) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / max) * (H - PAD.top - PAD.bottom);
  const end = new Date(last).toISOString().slice(0, 10);
  const steps = (value: (p: Point) => number) => {
    let d = '';
    timeline.forEach((p, i) => {
      d += i === 0 ? `M${x(p.date)},${y(value(p))}` : `H${x(p.date)}V${y(value(p))}`;
    });
    return `${d}H${x(end)}`;
  };
  const area = (value: (p: Point) => number) => `${steps(value)}V${y(0)}H${x(timeline[0]?.date ?? asOf)}Z`;
  const latest = [...timeline].reverse().find((p) => p.date <= asOf) ?? { date: asOf, persons: 0, entities: 0 };
  const years = [...new Set(timeline.map((p) => p.date.slice(0, 4)))];
  return (
    <figure className="sanctions-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="sanctions-chart-caption" data-testid="sanctions-chart">
        <path d={area((p) => p.persons + p.entities)} className="chart-entities" />
        <path d={area((p) => p.persons)} className="chart-persons" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} className="chart-axis" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="chart-axis" />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" className="chart-label">
          {max}
        </text>
        {years.map((yr) => (
          <text key={yr} x={x(`${yr}-01-01`) < PAD.left ? PAD.left : x(`${yr}-01-01`)} y={H - 5} className="chart-label">
            {yr}
          </text>
        ))}
        <line x1={x(asOf)} x2={x(asOf)} y1={PAD.top} y2={y(0)} className="chart-asof" />
      </svg>
      <figcaption id="sanctions-chart-caption">
        Listed over time: <span className="legend-persons">persons</span> and <span className="legend-entities">entities</span>; on {formatDate(asOf)}, {countWords(latest)}.
      </figcaption>
    </figure>
  );
}
