// Suggestions for an organisation field: the member states (GET /api/member-states) and the EU bodies and
// institutions of the knowledge base (GET /api/actors). Only suggestions: the server checks the value.
import { api } from '../api';
import { isRecord, listOf } from '../lib/describe';
import { useApi } from '../lib/use-api';
import { readMemberStates } from '../lib/vote-model';

function euBodies(value: unknown): [string, string][] {
  const items = Array.isArray(value) ? value : listOf(value);
  return items.filter(isRecord).filter((a) => /^eu/.test(String(a.kind ?? ''))).map((a) => [String(a.id), String(a.name ?? a.id)]);
}

export function OrganisationOptions({ id }: { id: string }) {
  const states = useApi((s) => api.memberStates(undefined, s), 'member-states');
  const actors = useApi((s) => api.actors(s), 'actors');
  return (
    <datalist id={id}>
      {states.data !== undefined &&
        readMemberStates(states.data).map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      {actors.data !== undefined &&
        euBodies(actors.data).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
    </datalist>
  );
}
