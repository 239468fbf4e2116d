// The overview's headline numbers, each with its own small loading or unavailable state.
import type { ReactNode } from 'react';

export interface Figure {
  label: string;
  value: ReactNode;
  note?: string;
}

export function HeadlineFigures({ figures }: { figures: Figure[] }) {
  return (
    <dl className="figures">
      {figures.map((f) => (
        <div className="figure" key={f.label}>
          <dt>{f.label}</dt>
          <dd>
            <span className="figure-value">{f.value}</span>
            {f.note && <span className="figure-note">{f.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
