import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimestamps, customProperties, idType, isRealTimestamp, isStixId, referencesNotIn, semanticIssues, type StixObject } from './stix-checks';
import type { SchemaIssue } from './stix-schemas';
import { TLP_MARKINGS, tlpById } from './tlp';

/** The plain forms the checks must agree with (as first written: a list of groups, closures per comparison, every reference's path). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
function plainIsReal(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const dt = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, Math.min(s ?? 0, 59)));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === (mo ?? 1) - 1 && dt.getUTCDate() === d && (h ?? 0) < 24 && (mi ?? 0) < 60 && (s ?? 0) <= 60;
}
function plainReferences(o: StixObject): { path: string; ref: string }[] {
  const out: { path: string; ref: string }[] = [];
  for (const p of ['created_by_ref', 'source_ref', 'target_ref', 'sighting_of_ref']) if (typeof o[p] === 'string') out.push({ path: p, ref: o[p] as string });
  for (const p of ['object_marking_refs', 'object_refs', 'where_sighted_refs', 'observed_data_refs']) {
    const list = o[p];
    if (Array.isArray(list)) list.forEach((r, i) => typeof r === 'string' && out.push({ path: `${p}.${i}`, ref: r }));
  }
  const granular = o.granular_markings;
  if (Array.isArray(granular)) {
    granular.forEach((g, i) => {
      const ref = (g as { marking_ref?: unknown })?.marking_ref;
      if (typeof ref === 'string') out.push({ path: `granular_markings.${i}.marking_ref`, ref });
    });
  }
  return out;
}
function plainCompare(a: string, b: string): number {
  const frac = (t: string) => (/\.(\d+)Z$/.exec(t)?.[1] ?? '').padEnd(9, '0');
  const whole = (t: string) => t.slice(0, 19);
  return whole(a) < whole(b) ? -1 : whole(a) > whole(b) ? 1 : frac(a) < frac(b) ? -1 : frac(a) > frac(b) ? 1 : 0;
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Timestamps near each other (so that equal seconds and fractions are frequent), some not real, some not timestamps. */
const timestamp = fc.oneof(
  fc
    .tuple(fc.constantFrom('2016', '2021', '0050', '2024', '0000', '0099', '0100', '1900', '2000', '2100', '2400', '9999'), two(13), two(32), two(25), two(61), two(61), fc.constantFrom('', '.0', '.000', '.5', '.123', '.1234567891'))
    .map(([y, mo, d, h, mi, s, f]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}Z`),
  fc.constantFrom('2021-01-01T00:00:00Z', '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.5Z', '2021-01-01', 'not a time', '', '2021-01-01T00:00:00.Z', '2021-01-01T00:00:00z', '2021-01-01t00:00:00Z', '2021-01-01T00:00:00.000', '2021-01-01T00:00:00.0a0Z', '2021-1-01T00:00:00Z', ' 2021-01-01T00:00:00Z', '2021-01-01T00:00:00.000Z '),
);
/** A real-looking timestamp with one character replaced, removed or doubled (digits by non-digits, separators moved). */
const brokenTimestamp = fc
  .tuple(timestamp, fc.nat(40), fc.constantFrom('', '0', '9', '/', ':', '-', '.', 'T', 'Z', ' ', '٣', 'x'), fc.boolean())
  .map(([t, at, c, keep]) => (keep ? t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1)) : t.slice(0, at % (t.length + 1)) + c + t.slice((at % (t.length + 1)) + 1)));

describe('STIX timestamps', () => {
  it('are told real and compared as the plain forms do', () => {
    fc.assert(
      fc.property(timestamp, timestamp, brokenTimestamp, (a, b, c) => {
        expect(isRealTimestamp(a)).toBe(plainIsReal(a));
        expect(isRealTimestamp(c)).toBe(plainIsReal(c));
        expect(compareTimestamps(a, b)).toBe(plainCompare(a, b));
        expect(compareTimestamps(a, a)).toBe(plainCompare(a, a));
      }),
      { numRuns: 20000, seed: 14 },
    );
  }, 60_000); // 20,000 runs: about a second on a quiet machine, several under load
});

describe('references', () => {
  it('not resolved are those of the plain list that do not resolve, paths and order kept', () => {
    const ids = ['identity--1', 'location--2', 'marking-definition--3', 'threat-actor--4'];
    const ref = fc.oneof(fc.constantFrom(...ids), fc.constant(7));
    const object = fc.record({
      type: fc.constant('relationship'),
      created_by_ref: fc.option(ref, { nil: undefined }),
      source_ref: fc.option(ref, { nil: undefined }),
      target_ref: fc.option(ref, { nil: undefined }),
      sighting_of_ref: fc.option(ref, { nil: undefined }),
      where_sighted_refs: fc.option(fc.array(ref, { maxLength: 2 }), { nil: undefined }),
      object_marking_refs: fc.option(fc.array(ref, { maxLength: 3 }), { nil: undefined }),
      object_refs: fc.option(fc.array(ref, { maxLength: 3 }), { nil: undefined }),
      granular_markings: fc.option(fc.array(fc.record({ marking_ref: ref }), { maxLength: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(object, fc.subarray(ids), (o, known) => {
        const resolved = new Set(known);
        const plain = plainReferences(o as StixObject).filter((r) => !resolved.has(r.ref));
        expect(referencesNotIn(o as StixObject, (r) => resolved.has(r))).toStrictEqual(plain);
      }),
      { numRuns: 1000, seed: 14 },
    );
  });
});

/** semanticIssues as first written (a set of real timestamps, lists of markings), for objects other than marking definitions. */
function plainSemanticIssues(o: StixObject): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const id = o.id;
  if (typeof id !== 'string' || !isStixId(id)) issues.push({ path: 'id', message: `"${String(id)}" is not a STIX identifier (<type>--<UUID>)` });
  else if (idType(id) !== o.type) issues.push({ path: 'id', message: `the id's type "${idType(id)}" differs from the object's type "${o.type}"` });
  const real = new Set<string>();
  for (const p of ['created', 'modified', 'first_seen', 'last_seen', 'start_time', 'stop_time', 'published', 'valid_from', 'valid_until']) {
    const v = o[p];
    if (typeof v !== 'string') continue;
    if (plainIsReal(v)) real.add(p);
    else if (TIMESTAMP.test(v)) issues.push({ path: p, message: `"${v}" is not a real date and time` });
  }
  for (const [from, to] of [['created', 'modified'], ['first_seen', 'last_seen'], ['start_time', 'stop_time']] as const) {
    if (real.has(from) && real.has(to) && plainCompare(o[to] as string, o[from] as string) < 0) {
      issues.push(from === 'created' ? { path: 'modified', message: `must be later than or equal to created (${String(o.created)}), got ${String(o.modified)}` } : { path: to, message: `must not be before ${from} (${String(o[from])})` });
    }
  }
  const markings = Array.isArray(o.object_marking_refs) ? o.object_marking_refs.filter((r): r is string => typeof r === 'string') : [];
  const tlps = markings.filter((r) => tlpById(r));
  if (tlps.length > 1) issues.push({ path: 'object_marking_refs', message: `carries ${tlps.length} TLP markings (${tlps.map((r) => tlpById(r)?.name).join(', ')}); an object may carry one` });
  if (typeof id === 'string' && markings.includes(id)) issues.push({ path: 'object_marking_refs', message: 'a marking definition cannot mark itself' });
  if (o.type === 'relationship' || o.type === 'sighting') {
    for (const p of ['source_ref', 'target_ref', 'sighting_of_ref']) {
      const v = o[p];
      if (v !== undefined && !isStixId(v)) issues.push({ path: p, message: `"${String(v)}" is not a STIX identifier` });
    }
  }
  return issues;
}

describe('semantic checks', () => {
  it('give the issues of the plain form, in its order', () => {
    const uuid = '0b8f1c6e-2d4a-4b8c-9e7f-0a1b2c3d4e5f';
    const id = fc.constantFrom(`incident--${uuid}`, `relationship--${uuid}`, `identity--${uuid}`, 'incident--1', 7, undefined);
    const marking = fc.oneof(fc.constantFrom(...TLP_MARKINGS.map((m) => m.id)), id);
    const object = fc.record({
      type: fc.constantFrom('incident', 'relationship', 'identity', 'sighting'),
      id,
      created: fc.option(timestamp, { nil: undefined }),
      modified: fc.option(fc.oneof(timestamp, fc.constant('2021-01-01T00:00:00.000Z')), { nil: undefined }),
      first_seen: fc.option(timestamp, { nil: undefined }),
      last_seen: fc.option(timestamp, { nil: undefined }),
      start_time: fc.option(timestamp, { nil: undefined }),
      stop_time: fc.option(timestamp, { nil: undefined }),
      published: fc.option(timestamp, { nil: undefined }),
      object_marking_refs: fc.option(fc.array(marking, { maxLength: 3 }), { nil: undefined }),
      source_ref: fc.option(id, { nil: undefined }),
    });
    fc.assert(
      fc.property(object, fc.boolean(), (o, same) => {
        // created and modified are often the same text: the check reuses its answer for it.
        const x = (same ? { ...o, modified: o.created } : o) as StixObject;
        expect(semanticIssues(x)).toStrictEqual(plainSemanticIssues(x));
      }),
      { numRuns: 5000, seed: 14 },
    );
  });
});

/** customProperties as first written: lists of names searched for each key. */
const PLAIN_COMMON = ['type', 'spec_version', 'id', 'created_by_ref', 'created', 'modified', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];
const PLAIN_OWN: Record<string, string[]> = {
  'threat-actor': ['name', 'description', 'threat_actor_types', 'aliases', 'first_seen', 'last_seen', 'roles', 'goals', 'sophistication', 'resource_level', 'primary_motivation', 'secondary_motivations', 'personal_motivations'],
  'intrusion-set': ['name', 'description', 'aliases', 'first_seen', 'last_seen', 'goals', 'resource_level', 'primary_motivation', 'secondary_motivations'],
  campaign: ['name', 'description', 'aliases', 'first_seen', 'last_seen', 'objective'],
  identity: ['name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information'],
  incident: ['name', 'description', 'kill_chain_phases'],
  location: ['name', 'description', 'latitude', 'longitude', 'precision', 'region', 'country', 'administrative_area', 'city', 'street_address', 'postal_code'],
  relationship: ['relationship_type', 'description', 'source_ref', 'target_ref', 'start_time', 'stop_time'],
  sighting: ['description', 'first_seen', 'last_seen', 'count', 'sighting_of_ref', 'observed_data_refs', 'where_sighted_refs', 'summary'],
  report: ['name', 'description', 'report_types', 'published', 'object_refs'],
};
// As first written but for `Object.hasOwn`: the first form read `OWN[o.type]` and threw for an object of type
// "constructor" (a valid type name) or "toString", which found Object.prototype's members.
function plainCustomProperties(o: StixObject): string[] {
  const own = Object.hasOwn(PLAIN_OWN, o.type) ? PLAIN_OWN[o.type] : undefined;
  if (!own) return [];
  return Object.keys(o).filter((k) => !PLAIN_COMMON.includes(k) && !own.includes(k) && !k.startsWith('x_'));
}

describe('custom properties', () => {
  it('are those of the plain form, in the order of the keys', () => {
    const types = [...Object.keys(PLAIN_OWN), 'malware', 'x-custom', 'constructor', 'toString', '__proto__'];
    // Every known name of every type, names that look alike, x_ and X_ names, and names of Object.prototype.
    const names = [...new Set([...PLAIN_COMMON, ...Object.values(PLAIN_OWN).flat()])];
    const key = fc.oneof(fc.constantFrom(...names), fc.constantFrom('x_mine', 'x_', 'X_mine', 'xmine', 'name ', 'Name', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf', ''), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.uniqueArray(key, { maxLength: 12 }), (type, keys) => {
        const o = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 1])))) as StixObject;
        Object.defineProperty(o, 'type', { value: type, enumerable: true, configurable: true, writable: true });
        expect([...customProperties(o)]).toStrictEqual(plainCustomProperties(o));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });
});
