// The overview map's country shapes, projected once when the app is built (web/vite.config.ts) rather than in the
// browser on every visit: the Natural Earth projection of the world-atlas 1:110m countries, fitted to the map's frame,
// as SVG path data rounded to a tenth of a unit (the map is drawn at most ~1.5 screen pixels per unit), without
// Antarctica and without any property the map does not draw. The browser fetches this and draws it as it is.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;
const MARGIN = 4;
/** Coordinates are kept in tenths of a unit of the map's frame. */
const SCALE = 10;

export type WorldAtlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** One country: its ISO 3166-1 numeric code (or its name, for the few shapes without a code) and its outline. */
export interface CountryShape {
  id: string;
  d: string;
}

export interface WorldShapes {
  width: number;
  height: number;
  countries: CountryShape[];
}

/** The countries the map draws, as features of the atlas (Antarctica left out: it would take a fifth of the frame). */
export function atlasCountries(atlas: WorldAtlas) {
  const all = feature(atlas, atlas.objects.countries);
  return { ...all, features: all.features.filter((f) => f.properties.name !== 'Antarctica') };
}

/** The projection the map uses: the whole of the drawn countries fitted to the frame, less a small margin. */
export function mapProjection(atlas: WorldAtlas) {
  return geoNaturalEarth1().fitExtent(
    [
      [MARGIN, MARGIN],
      [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN],
    ],
    atlasCountries(atlas),
  );
}

const countryId = (f: Feature<Geometry, { name: string }>) => String(f.id ?? f.properties.name);

/** A number of tenths written as briefly as SVG allows: 12.5, .5, -.5, 3. */
function tenths(n: number): string {
  const s = String(n / SCALE);
  return s.replace(/^(-?)0\./, '$1.');
}

/** Path data of rings of points in tenths: an absolute move to each ring's start, then relative lines, then close. */
function pathData(rings: [number, number][][]): string {
  let out = '';
  const put = (cmd: string, nums: number[]) => {
    out += cmd;
    let prev = '';
    for (const n of nums) {
      const t = tenths(n);
      // A separator only where the numbers would run together: "1.5-2" and "1.5.5" read as two numbers, "1 5" needs it.
      const runs = prev !== '' && (/^\d/.test(t) || (t.startsWith('.') && !prev.includes('.')));
      out += runs ? ` ${t}` : t;
      prev = t;
    }
  };
  for (const ring of rings) {
    const first = ring[0];
    if (!first || ring.length < 3) continue;
    put('M', first);
    let [px, py] = first;
    const steps: number[] = [];
    for (const [x, y] of ring.slice(1)) {
      steps.push(x - px, y - py);
      [px, py] = [x, y];
    }
    put('l', steps);
    out += 'z';
  }
  return out;
}

/** The rings a path of the projection draws for a feature, each point rounded to tenths, repeated points dropped. */
function projectedRings(path: ReturnType<typeof geoPath>, f: Feature): [number, number][][] {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  const add = (x: number, y: number) => {
    const p: [number, number] = [Math.round(x * SCALE), Math.round(y * SCALE)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  };
  const context = {
    moveTo(x: number, y: number) {
      if (ring.length) rings.push(ring);
      ring = [];
      add(x, y);
    },
    lineTo: add,
    closePath() {
      // The ring's last point repeats its first; closing the path draws that side.
      const [a, z] = [ring[0], ring[ring.length - 1]];
      if (a && z && ring.length > 1 && a[0] === z[0] && a[1] === z[1]) ring.pop();
    },
    arc() {
      throw new Error('a country outline has no arcs');
    },
    beginPath() {},
  };
  path.context(context as unknown as CanvasRenderingContext2D)(f);
  if (ring.length) rings.push(ring);
  return rings;
}

/** Projects the atlas once: the data the overview map fetches. */
export function projectWorld(atlas: WorldAtlas): WorldShapes {
  const path = geoPath(mapProjection(atlas));
  const countries = atlasCountries(atlas).features.map((f) => ({ id: countryId(f), d: pathData(projectedRings(path, f)) }));
  return { width: MAP_WIDTH, height: MAP_HEIGHT, countries };
}
