// A definition list of label/value pairs, each pair in its own group.
import type { ReactNode } from 'react';

export function DetailsList({ pairs }: { pairs: [string, ReactNode][] }) {
  return (
    <dl className="details-list">
      {pairs.map(([k, v]) => (
        <div key={k} className="details-pair">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
