// The EU and national bodies an incident goes to, by area of responsibility (bendiek2018's table).
import { textOf } from '../lib/describe';
import type { InvolvedBody } from '../toolbox-types';
import { SourcesButton } from './sources-button';

export function InvolvedBodies({ bodies }: { bodies: InvolvedBody[] }) {
  if (bodies.length === 0) return <p className="muted">No area of responsibility is engaged by this incident.</p>;
  return (
    <ul className="bodies">
      {bodies.map((b, i) => (
        <li key={b.area ?? i} className="body">
          <strong>{b.domain ?? textOf(b)}</strong>
          <SourcesButton sources={b.sources ?? []} label={b.domain ?? 'this area'} />
          {b.euLevel && b.euLevel.length > 0 && <p>EU level: {b.euLevel.join(', ')}</p>}
          {b.nationalLevel && b.nationalLevel.length > 0 && <p>National level: {b.nationalLevel.join(', ')}</p>}
          {b.why && <p className="muted">Because {b.why}.</p>}
        </li>
      ))}
    </ul>
  );
}
