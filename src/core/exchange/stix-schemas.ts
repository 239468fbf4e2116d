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
  if (e.keyword === 'pattern') return { path: path || '(object)', message: `does not have the required form (${String(params.pattern).slice(0, 80)})` };
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
