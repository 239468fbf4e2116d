import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { EU_NUMERIC, PARTNER_NUMERIC } from './geo-codes';
import { atlasCountries, mapProjection, projectWorld, type WorldAtlas } from './world-shapes';

const atlasFile = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
const atlas = JSON.parse(fs.readFileSync(atlasFile, 'utf8')) as WorldAtlas;

/** The absolute points of SVG path data of M, L, l and z commands, ring by ring. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    const nums = (args?.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? []).map(Number);
    if (cmd === 'M') out.push([]);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const [a, b] = [nums[i] ?? NaN, nums[i + 1] ?? NaN];
      if (cmd === 'l') [x, y] = [x + a, y + b];
      else [x, y] = [a, b];
      out[out.length - 1]?.push([x, y]);
    }
  }
  return out;
}

/** Every point of the ring is one of the projection's points, rounded, in order; only points that round onto the last are gone. */
function follows(ring: [number, number][], want: [number, number][]): boolean {
  let j = 0;
  for (const [x, y] of ring) {
    while (j < want.length && Math.hypot((want[j]?.[0] ?? 0) - x, (want[j]?.[1] ?? 0) - y) > 0.08) j++;
    if (j >= want.length) return false;
  }
  return ring.length >= 3;
}

describe('the world map shapes projected at build time', () => {
  const world = projectWorld(atlas);

  it('draws every country of the atlas but Antarctica, each once, the partners and the member states among them', () => {
    const ids = world.countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(atlas.objects.countries.geometries.length - 1);
    expect(ids).not.toContain('010');
    // Malta (470) is too small for the atlas's 1:110m scale, on this map as before.
    for (const code of [...Object.values(PARTNER_NUMERIC), ...EU_NUMERIC].filter((c) => c !== '470')) expect(ids).toContain(code);
  });

  it('gives each outline within a twentieth of a unit of the projection drawn in the browser before', () => {
    const plain = geoPath(mapProjection(atlas));
    const features = atlasCountries(atlas).features;
    let points = 0;
    for (const [i, f] of features.entries()) {
      // A ring under a fifth of a unit across draws nothing at this size; rounding may leave it out.
      const span = (r: [number, number][]) => Math.max(...r.map((p) => p[0])) - Math.min(...r.map((p) => p[0])) + Math.max(...r.map((p) => p[1])) - Math.min(...r.map((p) => p[1]));
      const expected = rings(plain(f) ?? '');
      const got = rings(world.countries[i]?.d ?? '');
      const id = world.countries[i]?.id ?? '';
      expect(got.length, id).toBeGreaterThanOrEqual(expected.filter((r) => span(r) >= 0.2).length);
      let r = 0;
      for (const ring of got) {
        while (r < expected.length && !follows(ring, expected[r] ?? []) && span(expected[r] ?? []) < 0.2) r++;
        expect(follows(ring, expected[r] ?? []), `${id} ring ${r}`).toBe(true);
        points += ring.length;
        r++;
      }
    }
    expect(points).toBeGreaterThan(5000);
  });

  it('follows the atlas: another shape for a country gives another outline', () => {
    const moved = structuredClone(atlas);
    const arcs = moved.arcs;
    const first = arcs[0]?.[0];
    if (first) first[0] = (first[0] ?? 0) + 40; // the first arc's start moves east
    const changed = projectWorld(moved).countries.filter((c, i) => c.d !== world.countries[i]?.d);
    expect(changed.length).toBeGreaterThan(0);
  });

  it('is smaller than the atlas it comes from', () => {
    expect(JSON.stringify(world).length).toBeLessThan(fs.statSync(atlasFile).size * 0.7);
  });
});
