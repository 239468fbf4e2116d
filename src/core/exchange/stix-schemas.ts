// The first validation layer: each STIX object against the OASIS JSON schema of its own type, as the official
// validator does (stix2validator/validator.py). The bundle schema is not used: it rejects valid bundles that
// hold locations, incidents, groupings, notes or opinions (research notes on STIX, §1.4).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { stixSchemaShortcut } from './stix-schema-shortcut';

export interface SchemaDocument {
  /** Path relative to the schema folder, e.g. `sdos/incident.json`. */
  path: string;
  schema: Record<string, unknown>;
}

export interface SchemaIssue {
  path: string;
  message: string;
}

export interface SchemaCheck {
  /** The schema the object was checked against, e.g. `sdos/threat-actor.json`, or `common/core.json` for custom types. */
  schema: string;
  /** False when the type has no schema of its own (a custom or unknown object). */
  known: boolean;
  issues: SchemaIssue[];
}

export type StixSchemaValidator = (object: Record<string, unknown>) => SchemaCheck;

const TYPE_DIRS = ['sdos', 'sros', 'observables'];
/** Object types whose schema sits in common/. */
const COMMON_TYPES = ['marking-definition', 'language-content', 'extension-definition'];
const COMPOSITE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else']);

/** The forms the OASIS schemas' patterns ask for most often, in words (STIX 2.1's common data types: timestamp, identifier, binary, hex). */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  '^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?Z$': 'a UTC timestamp such as 2016-05-12T08:17:27.000Z',
  'T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z$': 'a UTC timestamp to the millisecond at least, such as 2016-05-12T08:17:27.000Z',
  '^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$': 'an identifier <type>--<UUID> such as identity--8c6af861-7b20-41ef-9b59-6344fd872a8f',
  '^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\\-?$': 'a type name of lower-case letters, digits and hyphens, starting with a letter',
  '^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$': 'base64-encoded binary data',
  '^([a-fA-F0-9]{2})+$': 'hexadecimal bytes (an even number of the digits 0-9 and a-f)',
};
/** A pattern quoted whole up to this length; a longer one is named by the schema it belongs to, never cut. */
const QUOTED_PATTERN_MAX = 100;

/** What a value failing a schema's `pattern` must look like: in words, else the whole expression, never a cut one. */
function patternMessage(pattern: string): string {
  const words = PATTERN_WORDS[pattern];
  if (words) return `must be ${words}`;
  const prefix = /^\^([a-z][a-z0-9-]*--)$/.exec(pattern)?.[1];
  if (prefix) return `must be an identifier starting with "${prefix}"`;
  if (pattern.length <= QUOTED_PATTERN_MAX) return `does not have the required form: it must match the regular expression ${pattern}`;
  return "does not have the required form: see this property's pattern in the STIX 2.1 schema of its object";
}

function issueOf(e: ErrorObject): SchemaIssue {
  let path = e.instancePath.split('/').filter(Boolean).join('.');
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
    path = path ? `${path}.${params.missingProperty}` : params.missingProperty;
    return { path, message: 'is required' };
  }
  if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { path: path ? `${path}.${params.additionalProperty}` : params.additionalProperty, message: 'is not allowed here (custom properties need a lower-case name of 3 to 250 characters)' };
  }
  if (e.keyword === 'pattern') return { path: path || '(object)', message: patternMessage(String(params.pattern)) };
  return { path: path || '(object)', message: e.message ?? e.keyword };
}

/** The most telling errors of a failed validation: leaf errors first, deepest path first, without repeats. */
export function summariseErrors(errors: readonly ErrorObject[], limit = 5): SchemaIssue[] {
  const leaves = errors.filter((e) => !COMPOSITE.has(e.keyword));
  const chosen = (leaves.length ? leaves : errors).map(issueOf).sort((a, b) => b.path.split('.').length - a.path.split('.').length);
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const i of chosen) {
    const key = `${i.path} ${i.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Compiles the OASIS schemas (given as parsed documents, read by the edge) into a per-type validator.
 * Ajv needs `strict: false` and `unicodeRegExp: false` for these files (research notes on STIX, §1.4).
 * Objects of the plain shapes are shown valid by stix-schema-shortcut.ts without the schema's walk (the answer is the
 * same: it only ever says "valid" where the schema does); `shortcut: false` asks the schema for every object.
 */
export function compileStixSchemas(documents: readonly SchemaDocument[], opts: { shortcut?: boolean } = {}): StixSchemaValidator {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true, logger: false });
  addFormats(ajv);
  const idByPath = new Map<string, string>();
  for (const d of documents) {
    if (d.path.startsWith('interop/')) continue;
    const id = typeof d.schema.$id === 'string' ? d.schema.$id : d.path;
    ajv.addSchema(d.schema, id);
    idByPath.set(d.path, id);
  }
  const byType = new Map<string, string>();
  for (const path of idByPath.keys()) {
    const [dir, file] = path.split('/');
    const type = file?.replace(/\.json$/, '') ?? '';
    if ((dir && TYPE_DIRS.includes(dir)) || (dir === 'common' && COMMON_TYPES.includes(type))) byType.set(type, path);
  }
  for (const needed of ['common/core.json', 'common/cyber-observable-core.json']) {
    if (!idByPath.has(needed)) throw new Error(`STIX schema ${needed} is missing`);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (path: string): ValidateFunction => {
    let v = compiled.get(path);
    if (!v) {
      const fn = ajv.getSchema(idByPath.get(path) as string);
      if (!fn) throw new Error(`STIX schema ${path} does not compile`);
      v = fn;
      compiled.set(path, v);
    }
    return v;
  };

  const shortcut = opts.shortcut === false ? undefined : stixSchemaShortcut(documents);
  return (object) => {
    const type = typeof object.type === 'string' ? object.type : '';
    const own = byType.get(type);
    if (own !== undefined && shortcut?.(own, object)) return { schema: own, known: true, issues: [] };
    // Like the official validator: a custom object is checked against the common core of its kind.
    const path = own ?? ('created' in object || 'modified' in object || !('spec_version' in object) ? 'common/core.json' : 'common/cyber-observable-core.json');
    const validate = validatorFor(path);
    const ok = validate(object);
    return { schema: path, known: own !== undefined, issues: ok ? [] : summariseErrors(validate.errors ?? []) };
  };
}
