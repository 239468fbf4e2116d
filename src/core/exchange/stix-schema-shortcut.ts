// A cheaper proof that an object passes its type's OASIS schema, for the plain shapes most bundles are made of: the
// common properties of core.json and the simple properties of the type's own schema (strings, lists of strings,
// timestamps, identifiers). It answers only "valid" or "not sure"; anything it is not sure of (a property it does
// not know, a nested structure, a value of the wrong kind) goes to the schema itself, so that refusals and their
// messages stay the schema's. The rules are read from the schema documents; the common ones (core, properties,
// identifier, timestamp) are used only when those documents are the ones the rules were written from.
import { sha1Hex } from './hash';
import type { SchemaDocument } from './stix-schemas';

/** True only when the object certainly passes the schema of that path (false means: ask the schema). */
export type StixSchemaShortcut = (path: string, object: Record<string, unknown>) => boolean;

type Check = (value: unknown) => boolean;

const CORE = '../common/core.json';
const IDENTIFIER = '../common/identifier.json';
const TIMESTAMP = '../common/timestamp.json';
/** The common documents the core's rules below were written from, by the SHA-1 of their canonical JSON. */
const COMMON_DOCUMENTS: Record<string, string> = {
  'common/core.json': '2afea4399437157cbfda142f1b23ba9858f0c0c5',
  'common/properties.json': '20a4ac17684f24802c74371a4a53494fc613aeba',
  'common/identifier.json': '7359fdb6dd1bcc794f6d912832656921d1cd45e9',
  'common/timestamp.json': 'aceb73a174386403a9c6773d0c58a8602af8c43a',
};
/** Words that only describe a schema; any other keyword makes a property schema one this proof does not know. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples']);

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x);
}

/** The digest a common document is pinned by (exported for the test that pins them). */
export const documentDigest = (schema: unknown): string => sha1Hex(canonical(schema));

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A property schema without its annotations, or undefined when it is not a plain object. */
function bare(s: unknown): Record<string, unknown> | undefined {
  if (!isRecord(s)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (!ANNOTATIONS.has(k)) out[k] = v;
  return out;
}

const sameKeys = (o: Record<string, unknown>, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => k in o);
};

interface Common {
  typePattern: RegExp;
  identifier: RegExp;
  timestamp: RegExp;
  millis: RegExp;
  /** The patterns of properties.json: a key must match one; `_bin` and `_hex` keys have checks of their own. */
  binKey: RegExp;
  hexKey: RegExp;
  anyKey: RegExp;
}

/** The regular expressions of the common documents, when they are the pinned ones. */
function commonRules(docs: ReadonlyMap<string, Record<string, unknown>>): Common | undefined {
  for (const [path, digest] of Object.entries(COMMON_DOCUMENTS)) {
    const d = docs.get(path);
    if (!d || documentDigest(d) !== digest) return undefined;
  }
  const core = docs.get('common/core.json') as { properties: { type: { pattern: string }; created: { allOf: { pattern: string }[] } } };
  const keys = Object.keys((docs.get('common/properties.json') as { patternProperties: Record<string, unknown> }).patternProperties);
  const bin = keys.find((k) => k.endsWith('_bin$'));
  const hex = keys.find((k) => k.endsWith('_hex$'));
  const any = keys.find((k) => k !== bin && k !== hex);
  if (keys.length !== 3 || !bin || !hex || !any) return undefined;
  return {
    typePattern: new RegExp(core.properties.type.pattern),
    identifier: new RegExp((docs.get('common/identifier.json') as { pattern: string }).pattern),
    timestamp: new RegExp((docs.get('common/timestamp.json') as { pattern: string }).pattern),
    millis: new RegExp(String(core.properties.created.allOf[1]?.pattern)),
    binKey: new RegExp(bin),
    hexKey: new RegExp(hex),
    anyKey: new RegExp(any),
  };
}

/** A check for one of the simple property schemas of the type documents, or undefined for any other. */
function propertyCheck(schema: unknown, c: Common): Check | undefined {
  const s = bare(schema);
  if (!s) return undefined;
  const isString = (v: unknown): v is string => typeof v === 'string';
  if (sameKeys(s, ['$ref']) && s.$ref === TIMESTAMP) return (v) => isString(v) && c.timestamp.test(v);
  if (sameKeys(s, ['$ref']) && s.$ref === IDENTIFIER) return (v) => isString(v) && c.identifier.test(v);
  if (sameKeys(s, ['type']) && s.type === 'string') return isString;
  if (sameKeys(s, ['type', 'enum']) && s.type === 'string' && Array.isArray(s.enum)) {
    const values = new Set(s.enum);
    return (v) => isString(v) && values.has(v);
  }
  if (sameKeys(s, ['pattern']) && isString(s.pattern)) {
    const p = new RegExp(s.pattern);
    return (v) => !isString(v) || p.test(v);
  }
  if (sameKeys(s, ['type', 'pattern']) && s.type === 'string' && isString(s.pattern)) {
    const p = new RegExp(s.pattern);
    return (v) => isString(v) && p.test(v);
  }
  if (sameKeys(s, ['type', 'items', 'minItems']) && s.type === 'array' && s.minItems === 1) {
    const items = bare(s.items);
    if (!items || !sameKeys(items, ['type']) || items.type !== 'string') return undefined;
    return (v) => Array.isArray(v) && v.length >= 1 && v.every(isString);
  }
  if (sameKeys(s, ['allOf']) && Array.isArray(s.allOf) && s.allOf.length === 2) {
    const [ref, not] = s.allOf.map(bare);
    const pattern = bare(not?.not);
    if (ref && sameKeys(ref, ['$ref']) && ref.$ref === IDENTIFIER && not && sameKeys(not, ['not']) && pattern && sameKeys(pattern, ['pattern']) && isString(pattern.pattern)) {
      const p = new RegExp(pattern.pattern);
      return (v) => isString(v) && c.identifier.test(v) && !p.test(v);
    }
  }
  return undefined;
}

/** The rules of core.json for its own properties (extensions, external references and granular markings are left to the schema). */
function coreChecks(c: Common): Map<string, Check> {
  const isString = (v: unknown): v is string => typeof v === 'string';
  const ids = (v: unknown) => Array.isArray(v) && v.length >= 1 && v.every((x) => isString(x) && c.identifier.test(x));
  const stamp = (v: unknown) => isString(v) && c.timestamp.test(v) && c.millis.test(v);
  return new Map<string, Check>([
    ['spec_version', (v) => v === '2.0' || v === '2.1'],
    ['id', (v) => isString(v) && c.identifier.test(v)],
    ['created_by_ref', (v) => isString(v) && c.identifier.test(v)],
    ['labels', (v) => Array.isArray(v) && v.length >= 1 && v.every(isString)],
    ['created', stamp],
    ['modified', stamp],
    ['revoked', (v) => typeof v === 'boolean'],
    ['confidence', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100],
    ['lang', isString],
    ['object_marking_refs', ids],
  ]);
}

const CORE_REQUIRED = ['type', 'spec_version', 'id', 'created', 'modified'];
/** core.json's `not`: an object holding any of these is refused by the schema, so it is the schema's to word. */
const FORBIDDEN = new Set(['severity', 'action', 'username', 'phone_numbers']);

interface TypeRules {
  type: string;
  /** Each property's checks: core's and the type's own, all applied when both name it. */
  checks: Map<string, Check[]>;
  /** Properties this proof cannot check: an object holding one goes to the schema. */
  unsure: Set<string>;
  required: string[];
}

/** The rules of a type document of the plain form `allOf: [core, { properties }]` with `required`, else undefined. */
function typeRules(type: string, doc: Record<string, unknown>, core: Map<string, Check>, c: Common): TypeRules | undefined {
  const top = bare(doc);
  if (!top) return undefined;
  delete top.$id;
  delete top.$schema;
  delete top.definitions;
  if (!sameKeys(top, ['type', 'allOf', 'required']) || top.type !== 'object' || !Array.isArray(top.required) || !Array.isArray(top.allOf) || top.allOf.length !== 2) return undefined;
  const [ref, own] = top.allOf.map(bare);
  if (!ref || !sameKeys(ref, ['$ref']) || ref.$ref !== CORE || !own || !sameKeys(own, ['properties']) || !isRecord(own.properties)) return undefined;
  // core.json's rules on `type`: its pattern, a length of 3 to 250, and not "action".
  if (!c.typePattern.test(type) || type.length < 3 || type.length > 250 || type === 'action') return undefined;
  const checks = new Map<string, Check[]>();
  const unsure = new Set(['extensions', 'external_references', 'granular_markings']);
  for (const [k, check] of core) checks.set(k, [check]);
  for (const [k, schema] of Object.entries(own.properties)) {
    const check = propertyCheck(schema, c);
    if (check) checks.set(k, [...(checks.get(k) ?? []), check]);
    else unsure.add(k);
  }
  // `type` must be this type: the type document's enum says so, and core's rules hold for it (checked above).
  checks.set('type', [(v) => v === type, ...(checks.get('type') ?? [])]);
  for (const k of [...checks.keys()]) {
    // properties.json holds for every key: a key outside its patterns, or with a check of its own, is the schema's.
    if (unsure.has(k) || !c.anyKey.test(k) || c.binKey.test(k) || c.hexKey.test(k)) {
      checks.delete(k);
      unsure.add(k);
    }
  }
  return { type, checks, unsure, required: [...CORE_REQUIRED, ...top.required.map(String)] };
}

/**
 * The proof for every type whose document has the plain form, or undefined when the common documents are not the
 * pinned ones (another copy of the schemas, given by CYBERDIPLO_STIX_SCHEMAS): then every object goes to the schema.
 */
export function stixSchemaShortcut(documents: readonly SchemaDocument[]): StixSchemaShortcut | undefined {
  const docs = new Map(documents.map((d) => [d.path, d.schema]));
  const c = commonRules(docs);
  if (!c) return undefined;
  const core = coreChecks(c);
  const byPath = new Map<string, TypeRules>();
  for (const d of documents) {
    const [dir, file] = d.path.split('/');
    if (dir !== 'sdos' && dir !== 'sros') continue;
    const rules = typeRules((file ?? '').replace(/\.json$/, ''), d.schema, core, c);
    if (rules) byPath.set(d.path, rules);
  }
  return (path, o) => {
    const rules = byPath.get(path);
    if (!rules || o.type !== rules.type) return false;
    for (const k of rules.required) if (o[k] === undefined) return false;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k) || rules.unsure.has(k)) return false;
      const v = o[k];
      // properties.json: a value of any kind but null or an empty list.
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return false;
      const checks = rules.checks.get(k);
      if (checks) {
        for (const check of checks) if (!check(v)) return false;
      } else if (FORBIDDEN.has(k) || !c.anyKey.test(k) || c.binKey.test(k) || c.hexKey.test(k)) {
        // Any other key is a custom property: properties.json's patterns decide it, and core's `not` refuses four names.
        return false;
      }
    }
    return true;
  };
}
