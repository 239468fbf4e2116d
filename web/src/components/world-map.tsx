// A world map with the partners coloured by a chosen measure; each partner links to its page.
import { useNavigate } from 'react-router-dom';
import { EU_NUMERIC, PARTNER_NUMERIC } from '../lib/geo-codes';
import { useApi } from '../lib/use-api';
import { loadedWorld, loadWorld } from '../lib/world-data';
import type { WorldShapes } from '../lib/world-shapes';
import { AsyncView } from './async-view';

export interface MapPartner {
  id: string;
  name: string;
  fill: string;
  valueLabel: string;
}

export function WorldMap({ partners, caption }: { partners: MapPartner[]; caption: string }) {
  const world = useApi(() => loadWorld(), 'world', loadedWorld);
  return (
    <AsyncView resource={world} what="the world map">
      {(w) => <MapSvg world={w} partners={partners} caption={caption} />}
    </AsyncView>
  );
}

function MapSvg({ world, partners, caption }: { world: WorldShapes; partners: MapPartner[]; caption: string }) {
  const navigate = useNavigate();
  const shapes = world.countries;
  const byNumeric = new Map(partners.map((p) => [PARTNER_NUMERIC[p.id], p]));
  return (
    <figure className="world-map">
      <svg viewBox={`0 0 ${world.width} ${world.height}`} role="group" aria-label={caption}>
        <g aria-hidden="true">
          {shapes
            .filter((s) => !byNumeric.has(s.id))
            .map((s) => (
              <path key={s.id} d={s.d} className={EU_NUMERIC.has(s.id) ? 'country country-eu' : 'country'} />
            ))}
        </g>
        {shapes
          .filter((s) => byNumeric.has(s.id))
          .map((s) => {
            const p = byNumeric.get(s.id);
            if (!p) return null;
            return (
              <a
                key={s.id}
                href={`/partners/${p.id}`}
                aria-label={`${p.name}: ${p.valueLabel}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/partners/${p.id}`);
                }}
              >
                <title>{`${p.name}: ${p.valueLabel}`}</title>
                <path d={s.d} className="country country-partner" style={{ fill: p.fill }} />
              </a>
            );
          })}
      </svg>
      <figcaption className="visually-hidden">{caption}</figcaption>
    </figure>
  );
}

