// The partner × instrument matrix: each instrument a row, each partner a column, each cell with its sources.
import { Link } from 'react-router-dom';
import type { InstrumentMatrix as Matrix } from '../api-types';
import { humanise } from '../lib/format';
import { SourcesButton } from './sources-button';

function cellClass(value: string | null, notYet: string | undefined): string {
  if (notYet !== undefined) return 'cell-empty cell-not-yet';
  if (value === null) return 'cell-empty';
  // A sourced "no" (the partner is outside the instrument) reads apart from "no data".
  if (/^(no\b|suspended)/i.test(value)) return 'cell-no';
  // A ratification deposited but not yet in force on the date does not bind yet.
  if (/not yet in force/.test(value)) return 'cell-mid';
  if (/ratified|acceded|in-force|member|multi-stakeholder|refused|founding/i.test(value)) return 'cell-strong';
  if (/not-signed|intergovernmental|opposed|on-hold/i.test(value)) return 'cell-weak';
  return 'cell-mid';
}

/** "negotiating, negotiating" (two agreements of one type) reads "Negotiating (2)"; a cell in words (a ratification with its dates) as it is. */
function cellText(value: string): string {
  if (/\d{4}-\d{2}-\d{2}/.test(value)) return humanise(value);
  const counts = new Map<string, number>();
  for (const part of value.split(', ')) counts.set(part, (counts.get(part) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${humanise(v)} (${n})` : humanise(v))).join(', ');
}

export function InstrumentMatrix({ matrix, highlight }: { matrix: Matrix; highlight: string[] }) {
  const rows = matrix.rows;
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label="Partner by instrument matrix">
      <table className="matrix">
        <caption className="visually-hidden">
          Each partner's position on, membership of, or agreement under each instrument; "no" where a source places the
          partner outside it, "no data" where no source says either way, "not yet" where the instrument did not yet exist
        </caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            {rows.map((r) => (
              <th scope="col" key={r.id} className={highlight.includes(r.id) ? 'col-highlight' : undefined}>
                <Link to={`/partners/${r.id}`} title={r.name}>
                  {r.id}
                </Link>
                <span className="visually-hidden"> {r.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.columns.map((col) => (
            <tr key={col}>
              <th scope="row">{humanise(col)}</th>
              {rows.map((r) => {
                const cell = r.cells[col] ?? { value: null, sources: [] };
                return (
                  <td key={r.id} className={`${cellClass(cell.value, cell.notYet)}${highlight.includes(r.id) ? ' col-highlight' : ''}`}>
                    {cell.notYet !== undefined ? (
                      <span className="no-data">not yet (from {cell.notYet})</span>
                    ) : cell.value === null ? (
                      <span className="no-data">no data</span>
                    ) : (
                      cellText(cell.value)
                    )}
                    <SourcesButton sources={cell.sources} label={`${humanise(col)}, ${r.name}`} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
