// What a plan made on an earlier date leaves out: the attributions and responses the incident records after that day,
// and undated attributions nothing shows were made by then.
import { notCountedWhy } from '../../../src/core/toolbox/not-counted';
import { formatDate } from '../lib/format';

export function PlanNotCounted({ asOf, items }: { asOf: string; items: readonly string[] | undefined }) {
  if (!items || items.length === 0) return null;
  return (
    <div className="notice plan-not-counted" data-testid="plan-not-counted">
      <p>
        <strong>Not counted in this plan</strong>, {notCountedWhy(items)} ({formatDate(asOf)}):
      </p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
