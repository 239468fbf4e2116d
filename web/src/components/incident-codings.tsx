// A dataset's own codings of an incident (EuRepoC's indicators and scores), cell by cell with the row they come from:
// shown as the dataset wrote them, apart from the incident's fields, since no rule of the toolbox reads them.
import type { IncidentInput } from '../toolbox-types';
import { DetailsList } from './details-list';

/** A column's name in words: `legal_attribution_reference` reads "Legal attribution reference", `MITRE_impact` "MITRE impact". */
export function columnWords(column: string): string {
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function IncidentCodings({ codings }: { codings: IncidentInput['codings'] }) {
  if (!codings?.length) return null;
  return (
    <div data-testid="incident-codings">
      {codings.map((c) => (
        <details key={c.source}>
          <summary>
            Codings of the source dataset ({Object.keys(c.cells).length}): {c.source}
          </summary>
          <p className="muted">As the dataset codes the incident; the response plan does not read them.</p>
          <DetailsList pairs={Object.entries(c.cells).map(([column, value]) => [columnWords(column), value])} />
        </details>
      ))}
    </div>
  );
}
