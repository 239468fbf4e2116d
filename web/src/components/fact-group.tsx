// A heading and a list of facts, or a note that the sources record none at this date.
import type { ReactNode } from 'react';
import type { ChangeKind } from '../lib/kb-changes';
import { ProposeChangeButton } from './propose-change';

interface Props {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
  /** The kind of record an addition to this section proposes. */
  propose?: ChangeKind;
}

export function FactGroup({ id, title, count, children, propose }: Props) {
  return (
    <section className="fact-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title} <span className="count">{count}</span>
      </h2>
      {propose && <ProposeChangeButton kind={propose} action="add" />}
      {count === 0 ? <p className="muted">None recorded at this date.</p> : <ul className="fact-list">{children}</ul>}
    </section>
  );
}
