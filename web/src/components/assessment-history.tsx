// The assessment over time: maturity at the end of each year as a small line chart (each point coloured by the
// orientation of that year), then, year by year, the facts that moved it and what the sources report of each.
import type { AssessmentHistory, AssessmentHistoryYear } from '../api-types';
import { humanise } from '../lib/format';
import { moveWords } from '../lib/history-move';
import { ORIENTATION_COLOURS } from '../lib/vocabulary';
import { SourcesButton } from './sources-button';

const W = 320;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 20 };
const MOVES_SHOWN = 3;

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

function Chart({ years }: { years: AssessmentHistoryYear[] }) {
  const first = years[0]!.year;
  const span = Math.max(1, years.length - 1);
  const x = (year: number) => PAD.left + ((year - first) / span) * (W - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (H - PAD.top - PAD.bottom);
  const points = years.map((r) => `${x(r.year).toFixed(1)},${y(r.maturity).toFixed(1)}`).join(' ');
  const labelled = years.filter((_, i) => i === 0 || i === years.length - 1 || years.length <= 8 || i % Math.ceil(years.length / 6) === 0);
  const summary = years.map((r) => `${r.year}: ${r.maturity}, ${humanise(r.orientation)}`).join('; ');
  return (
    <svg className="history-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Maturity at the end of each year. ${summary}`}>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d0d7de" strokeWidth={0.5} />
          <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" fontSize={8} fill="#57606a">
            {v}
          </text>
        </g>
      ))}
      <polyline points={points} fill="none" stroke="#3b6ea8" strokeWidth={1.5} />
      {years.map((r) => (
        <circle key={r.year} cx={x(r.year)} cy={y(r.maturity)} r={3} fill={ORIENTATION_COLOURS[r.orientation] ?? '#57606a'}>
          <title>{`${r.year}: maturity ${r.maturity}, ${humanise(r.orientation)}`}</title>
        </circle>
      ))}
      {labelled.map((r) => (
        <text key={r.year} x={x(r.year)} y={H - 6} textAnchor="middle" fontSize={8} fill="#57606a">
          {r.year}
        </text>
      ))}
    </svg>
  );
}

export function AssessmentHistoryChart({ history }: { history: AssessmentHistory }) {
  const { years } = history;
  if (years.length === 0) return <p className="muted">No year to show.</p>;
  const changed = years.filter((r, i) => i > 0 && (r.moved.length > 0 || r.orientation !== years[i - 1]!.orientation));
  return (
    <div className="assessment-history">
      <Chart years={years} />
      <p className="muted small">
        Maturity out of 100 at the end of each year, {history.from}–{history.to}; each point is coloured by that year's orientation.
      </p>
      <details>
        <summary>What moved it, year by year ({changed.length} years with changes)</summary>
        <ul className="history-moves">
          {changed.map((r) => {
            const before = years[years.indexOf(r) - 1]!;
            return (
              <li key={r.year}>
                <strong>{r.year}</strong>: maturity {before.maturity} → {r.maturity}
                {r.orientation !== before.orientation ? `, now ${humanise(r.orientation)}` : ''}
                <ul>
                  {r.moved.slice(0, MOVES_SHOWN).map((m) => {
                    const words = moveWords(m);
                    return (
                      <li key={m.fact.id}>
                        {signed(m.change)} {words.title}
                        {words.why && <span className="move-why"> ({words.why})</span>}
                        <SourcesButton sources={m.sources} label={words.title} />
                      </li>
                    );
                  })}
                  {r.moved.length > MOVES_SHOWN && <li className="muted">and {r.moved.length - MOVES_SHOWN} smaller changes</li>}
                </ul>
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
