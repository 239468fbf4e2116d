// The second validation layer: what the JSON schemas cannot say (STIX 2.1 "MUST"s and the TLP rules):
// modified not before created, real calendar timestamps, ids whose prefix is their type, a single TLP marking,
// TLP markings whose id and value agree. Each check returns issues with the property path.
import type { SchemaIssue } from './stix-schemas';
import { TLP2_EXTENSION_ID, tlpById } from './tlp';

export type StixObject = Record<string, unknown> & { type: string; id?: string };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ID = new RegExp(`^([a-z][a-z0-9-]*[a-z0-9])--(${UUID})$`);
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

export function isStixId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

export function idType(id: string): string {
  return id.slice(0, id.indexOf('--'));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the `count` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(v: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A STIX timestamp that names a real instant (the schema's regex lets 2016-04-31 through). Read character by
 * character, without a match or a Date per call (every object has two timestamps or more); the same answers as the
 * plain form `^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$` read through Date.UTC, which the test
 * compares it with, including that form's refusal of the years 0000-0099 (Date.UTC reads them as 1900-1999).
 */
export function isRealTimestamp(value: string): boolean {
  const n = value.length;
  if (n < 20 || value.charCodeAt(n - 1) !== 0x5a) return false;
  // - - T : : at their places, then either Z or a dot and at least one digit before it.
  if (value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d || value.charCodeAt(10) !== 0x54 || value.charCodeAt(13) !== 0x3a || value.charCodeAt(16) !== 0x3a) return false;
  if (n > 20 && (n === 21 || value.charCodeAt(19) !== 0x2e || digitsAt(value, 20, n - 21) < 0)) return false;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  const h = digitsAt(value, 11, 2);
  const mi = digitsAt(value, 14, 2);
  const s = digitsAt(value, 17, 2);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] as number));
}

const FRACTION = /\.(\d+)Z$/;
const fraction = (t: string) => (FRACTION.exec(t)?.[1] ?? '').padEnd(9, '0');

/** Compares two STIX timestamps by instant, fractions of any length included. */
export function compareTimestamps(a: string, b: string): number {
  // The same text is the same instant (created and modified mostly are); the fractions are read only when the seconds agree.
  if (a === b) return 0;
  const wa = a.slice(0, 19);
  const wb = b.slice(0, 19);
  if (wa !== wb) return wa < wb ? -1 : 1;
  const fa = fraction(a);
  const fb = fraction(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

const TIMESTAMP_PROPERTIES = ['created', 'modified', 'first_seen', 'last_seen', 'start_time', 'stop_time', 'published', 'valid_from', 'valid_until'] as const;

/** Timestamps that must not go backwards: the later one not before the earlier. */
const ORDERED_PAIRS = [
  ['created', 'modified'],
  ['first_seen', 'last_seen'],
  ['start_time', 'stop_time'],
] as const;

/** The bit of a timestamp property in the answers semanticIssues keeps. */
const bit = (p: (typeof TIMESTAMP_PROPERTIES)[number]) => 1 << TIMESTAMP_PROPERTIES.indexOf(p);

const REF_PATHS = ['created_by_ref', 'source_ref', 'target_ref', 'sighting_of_ref'] as const;
const REFS_PATHS = ['object_marking_refs', 'object_refs', 'where_sighted_refs', 'observed_data_refs'] as const;

/**
 * The references an object makes that `resolved` does not know, with their paths, so that the bundle check can say
 * which do not resolve; the path of a reference that resolves is never written (most do).
 */
export function referencesNotIn(o: StixObject, resolved: (ref: string) => boolean): { path: string; ref: string }[] {
  const out: { path: string; ref: string }[] = [];
  for (const p of REF_PATHS) {
    const ref = o[p];
    if (typeof ref === 'string' && !resolved(ref)) out.push({ path: p, ref });
  }
  for (const p of REFS_PATHS) {
    const list = o[p];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const ref: unknown = list[i];
      if (typeof ref === 'string' && !resolved(ref)) out.push({ path: `${p}.${i}`, ref });
    }
  }
  const granular = o.granular_markings;
  if (Array.isArray(granular)) {
    for (let i = 0; i < granular.length; i++) {
      const ref = (granular[i] as { marking_ref?: unknown } | undefined)?.marking_ref;
      if (typeof ref === 'string' && !resolved(ref)) out.push({ path: `granular_markings.${i}.marking_ref`, ref });
    }
  }
  return out;
}

/** The semantic checks of one object; the schema layer has already run. */
export function semanticIssues(o: StixObject): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const id = o.id;
  if (typeof id !== 'string' || !isStixId(id)) {
    issues.push({ path: 'id', message: `"${String(id)}" is not a STIX identifier (<type>--<UUID>)` });
  } else if (idType(id) !== o.type) {
    issues.push({ path: 'id', message: `the id's type "${idType(id)}" differs from the object's type "${o.type}"` });
  }
  // Each timestamp is checked once (a bundle has hundreds of thousands of them), and a text equal to the one just
  // found real (created and modified mostly are) not again; the order checks reuse the answers, kept as bits.
  let real = 0;
  let lastReal: string | undefined;
  for (let i = 0; i < TIMESTAMP_PROPERTIES.length; i++) {
    const p = TIMESTAMP_PROPERTIES[i] as (typeof TIMESTAMP_PROPERTIES)[number];
    const v = o[p];
    if (typeof v !== 'string') continue;
    if (v === lastReal || isRealTimestamp(v)) {
      real |= 1 << i;
      lastReal = v;
    } else if (TIMESTAMP.test(v)) issues.push({ path: p, message: `"${v}" is not a real date and time` });
  }
  for (const [from, to] of ORDERED_PAIRS) {
    if (real & bit(from) && real & bit(to) && compareTimestamps(o[to] as string, o[from] as string) < 0) {
      issues.push(from === 'created' ? { path: 'modified', message: `must be later than or equal to created (${String(o.created)}), got ${String(o.modified)}` } : { path: to, message: `must not be before ${from} (${String(o[from])})` });
    }
  }
  // The markings are counted without lists; the list of TLP markings is built only for the message.
  const refs = o.object_marking_refs;
  let tlpCount = 0;
  let selfMarked = false;
  if (Array.isArray(refs)) {
    for (const r of refs) {
      if (typeof r !== 'string') continue;
      if (tlpById(r)) tlpCount++;
      if (r === id) selfMarked = true;
    }
  }
  if (tlpCount > 1) {
    const tlps = (refs as unknown[]).filter((r): r is string => typeof r === 'string' && tlpById(r) !== undefined);
    issues.push({ path: 'object_marking_refs', message: `carries ${tlps.length} TLP markings (${tlps.map((r) => tlpById(r)?.name).join(', ')}); an object may carry one` });
  }
  if (selfMarked) issues.push({ path: 'object_marking_refs', message: 'a marking definition cannot mark itself' });
  if (o.type === 'marking-definition') issues.push(...markingIssues(o));
  if (o.type === 'relationship' || o.type === 'sighting') {
    for (const p of ['source_ref', 'target_ref', 'sighting_of_ref']) {
      const v = o[p];
      if (v !== undefined && !isStixId(v)) issues.push({ path: p, message: `"${String(v)}" is not a STIX identifier` });
    }
  }
  return issues;
}

/** TLP: a marking with a TLP id must carry that TLP's value, and a TLP 2.0 value must come with its official id. */
function markingIssues(o: StixObject): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const id = typeof o.id === 'string' ? o.id : '';
  const known = tlpById(id);
  const ext = (o.extensions as Record<string, unknown> | undefined)?.[TLP2_EXTENSION_ID] as { tlp_2_0?: unknown; extension_type?: unknown } | undefined;
  const def = o.definition as { tlp?: unknown } | undefined;
  if (ext !== undefined) {
    const value = ext.tlp_2_0;
    if (typeof value !== 'string') issues.push({ path: `extensions.${TLP2_EXTENSION_ID}.tlp_2_0`, message: 'is required for a TLP 2.0 marking' });
    else if (!known || known.version !== '2.0') issues.push({ path: 'id', message: `a TLP 2.0 marking (${value}) must use the official id of TLP:${value.toUpperCase()}` });
    else if (known.level !== value) issues.push({ path: `extensions.${TLP2_EXTENSION_ID}.tlp_2_0`, message: `is "${value}" but the id is that of ${known.name} (2.0)` });
    if (ext.extension_type !== 'property-extension') issues.push({ path: `extensions.${TLP2_EXTENSION_ID}.extension_type`, message: 'must be "property-extension"' });
  } else if (o.definition_type === 'tlp') {
    const value = def?.tlp;
    if (!known || known.version !== '1.0') issues.push({ path: 'id', message: `a TLP 1.0 marking must use the id STIX 2.1 gives TLP:${String(value).toUpperCase()}` });
    else if (known.level !== value) issues.push({ path: 'definition.tlp', message: `is "${String(value)}" but the id is that of ${known.name} (1.0)` });
  } else if (known) {
    issues.push({ path: 'id', message: `this id belongs to ${known.name} (${known.version}), but the object does not define that TLP marking` });
  }
  return issues;
}

/** Properties of the types the import maps, to tell custom ones apart (they are reported, not imported). */
const COMMON = ['type', 'spec_version', 'id', 'created_by_ref', 'created', 'modified', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];
const OWN: Record<string, string[]> = {
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

/** The properties each mapped type knows, core's and its own, as one set per type (looked up once per key). */
const KNOWN = new Map(Object.entries(OWN).map(([type, own]) => [type, new Set([...COMMON, ...own])]));
const NO_CUSTOM: readonly string[] = Object.freeze([]);

/** Custom properties of a mapped object that do not follow the x_ naming convention (a list only when there are some). */
export function customProperties(o: StixObject): readonly string[] {
  const known = KNOWN.get(o.type);
  if (!known) return NO_CUSTOM;
  let out: string[] | undefined;
  for (const k of Object.keys(o)) {
    if (known.has(k) || k.startsWith('x_')) continue;
    (out ??= []).push(k);
  }
  return out ?? NO_CUSTOM;
}
