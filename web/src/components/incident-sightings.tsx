// On the incident page: the STIX sightings imported on it, newest first, each with its own TLP label.
import { formatDate } from '../lib/format';
import { sightedWhat, timesSeen } from '../lib/sightings';
import type { IncidentSighting } from '../toolbox-types';
import { TlpLabel } from './tlp-label';

export function IncidentSightings({ sightings }: { sightings: IncidentSighting[] | undefined }) {
  if (!sightings?.length) return null;
  return (
    <section className="card" aria-labelledby="sightings-heading">
      <h2 id="sightings-heading">
        Sightings <span className="count">{sightings.length}</span>
      </h2>
      <div className="scroll-x" tabIndex={0} role="region" aria-label="Sightings">
        <table className="data-table sightings-table">
          <thead>
            <tr>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              <th scope="col">Of</th>
              <th scope="col">How many times</th>
              <th scope="col">Where</th>
              <th scope="col">Description</th>
              <th scope="col">Marking</th>
            </tr>
          </thead>
          <tbody>
            {sightings.map((s) => (
              <tr key={s.id} data-sighting={s.id}>
                <th scope="row">{formatDate(s.firstSeen)}</th>
                <td>{formatDate(s.lastSeen)}</td>
                <td>{sightedWhat(s.of)}</td>
                <td>
                  {timesSeen(s.count)}
                  {s.summary && <span className="muted"> (summary of several observations)</span>}
                </td>
                <td>{s.where.length ? s.where.join(', ') : <span className="muted">Not stated</span>}</td>
                <td>{s.description ?? <span className="muted">None</span>}</td>
                <td>
                  <TlpLabel level={s.tlp} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
