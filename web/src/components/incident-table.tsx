// The incidents found, one row each, newest first.
import { Link } from 'react-router-dom';
import { formatDate, humanise } from '../lib/format';
import { countryText } from '../lib/countries';
import type { StoredIncident } from '../toolbox-types';
import { TlpLabel } from './tlp-label';

export function IncidentTable({ items }: { items: StoredIncident[] }) {
  if (items.length === 0) return <p className="muted">No incident matches. Change the filters or record one.</p>;
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label="Incidents">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Marking</th>
            <th scope="col">Category</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Severity</th>
            <th scope="col">Victims</th>
            <th scope="col">Suspected initiator</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ id, marking, incident: i }) => (
            <tr key={id}>
              <th scope="row">
                <Link to={`/incidents/${id}`}>{i.title}</Link>
              </th>
              <td>
                <TlpLabel level={marking.tlp} />
              </td>
              <td>{humanise(i.category)}</td>
              <td>{formatDate(i.start)}</td>
              <td>{i.ongoing ? <span className="tag tag-live">ongoing</span> : 'concluded'}</td>
              <td>{humanise(i.effects?.severity ?? '—')}</td>
              <td>{(i.victims ?? []).map((v) => countryText(v.country)).join(', ')}</td>
              <td>
                {humanise(i.initiator?.type ?? 'unknown')}
                {i.initiator?.country ? ` (${i.initiator.country})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
