// Two or three partners side by side, one row per dimension, each cell with its sources.
import type { PartnerProfile } from '../api-types';
import type { CompareRow } from '../lib/compare-rows';
import { ExplanationList } from './explanation-list';
import { SourcesButton } from './sources-button';

export function CompareTable({ profiles, rows }: { profiles: PartnerProfile[]; rows: CompareRow[] }) {
  let lastGroup = '';
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label="Comparison table">
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            {profiles.map((p) => (
              <th scope="col" key={p.id}>
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) => {
            const out = [];
            if (r.group !== lastGroup) {
              lastGroup = r.group;
              out.push(
                <tr key={`g-${r.group}`} className="group-row">
                  <th scope="colgroup" colSpan={profiles.length + 1}>
                    {r.group}
                  </th>
                </tr>,
              );
            }
            out.push(
              <tr key={`${r.group}-${r.label}`}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={profiles[i]?.id ?? i}>
                    {c.text} <SourcesButton sources={c.sources} label={`${r.label}, ${profiles[i]?.name ?? ''}`} />
                    {c.why && c.why.length > 0 && (
                      <details className="cell-why">
                        <summary>Why</summary>
                        <ExplanationList explanation={c.why} />
                      </details>
                    )}
                  </td>
                ))}
              </tr>,
            );
            return out;
          })}
        </tbody>
      </table>
    </div>
  );
}
