// A heading and a list of facts, or a note that the sources record none at this date.
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}

export function FactGroup({ id, title, count, children }: Props) {
  return (
    <section className="fact-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title} <span className="count">{count}</span>
      </h2>
      {count === 0 ? <p className="muted">None recorded at this date.</p> : <ul className="fact-list">{children}</ul>}
    </section>
  );
}
