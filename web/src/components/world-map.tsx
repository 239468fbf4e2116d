// A world map with the partners coloured by a chosen measure; each partner links to its page.
import { useMemo } from 'react';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { useNavigate } from 'react-router-dom';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { useApi } from '../lib/use-api';
import { EU_NUMERIC, PARTNER_NUMERIC } from '../lib/geo-codes';
import { AsyncView } from './async-view';

export interface MapPartner {
  id: string;
  name: string;
  fill: string;
  valueLabel: string;
}

const WIDTH = 960;
const HEIGHT = 440;

type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let shared: Promise<World> | null = null;

/** The country shapes, fetched once per visit (and early: the overview asks before its other data arrive). */
export function loadWorld(): Promise<World> {
  shared ??= fetch(worldUrl).then(async (res) => {
    if (!res.ok) {
      shared = null;
      throw new Error(`The world map could not be loaded (${res.status})`);
    }
    return (await res.json()) as World;
  });
  return shared;
}

export function WorldMap({ partners, caption }: { partners: MapPartner[]; caption: string }) {
  const world = useApi(() => loadWorld(), 'world');
  return (
    <AsyncView resource={world} what="the world map">
      {(w) => <MapSvg world={w} partners={partners} caption={caption} />}
    </AsyncView>
  );
}

function MapSvg({ world, partners, caption }: { world: World; partners: MapPartner[]; caption: string }) {
  const navigate = useNavigate();
  const shapes = useMemo(() => {
    const all = feature(world, world.objects.countries);
    const collection = { ...all, features: all.features.filter((f) => f.properties?.name !== 'Antarctica') };
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      collection,
    );
    const path = geoPath(projection);
    return collection.features
      .map((f: Feature<Geometry, { name: string }>) => ({ id: String(f.id ?? f.properties.name), name: f.properties.name, d: path(f) ?? '' }));
  }, [world]);

  const byNumeric = new Map(partners.map((p) => [PARTNER_NUMERIC[p.id], p]));
  return (
    <figure className="world-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={caption}>
        <g aria-hidden="true">
          {shapes
            .filter((s) => !byNumeric.has(s.id))
            .map((s) => (
              <path key={s.id + s.name} d={s.d} className={EU_NUMERIC.has(s.id) ? 'country country-eu' : 'country'} />
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

