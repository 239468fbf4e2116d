// The versions of an incident: when it was recorded and each change since.
import { api } from '../api';
import { formatDate, humanise } from '../lib/format';
import { useApi } from '../lib/use-api';
import { AsyncView } from './async-view';

const PAST: Record<string, string> = { create: 'recorded', update: 'updated', delete: 'deleted' };

export function IncidentHistory({ id, version }: { id: string; version: number }) {
  const history = useApi((s) => api.incidentHistory(id, s), `${id}-${version}`);
  return (
    <AsyncView resource={history} what="the history">
      {(entries) => (
        <ol className="history">
          {entries.map((e) => (
            <li key={e.version}>
              Version {e.version}: {PAST[e.action] ?? humanise(e.action)} on {formatDate(e.at.slice(0, 10))} at {e.at.slice(11, 16)} UTC
            </li>
          ))}
        </ol>
      )}
    </AsyncView>
  );
}
