// Canonical JSON for the audit trail and the curation layer's comparisons: object keys sorted at every level and no
// whitespace (the idea of RFC 8785, for our plain data). An import canonicalises one entry per record it writes, so
// this is written for speed; canonical-json.test.ts compares it with the plain definition over random values.

/** JSON with object keys sorted at every level, undefined fields dropped and no whitespace; one flat string. */
export function canonicalJson(value: unknown): string {
  return flat(write(value));
}

/**
 * Built by appending, which gives V8 a rope of many small pieces. A rope that is stored and hashed costs far more
 * than its flat copy: at 100,000 import entries, about 1.5 s of CPU in the row inserts and the garbage collector.
 * Converting a string to a number makes V8 flatten it in place (the idiom of the flatstr package); the comparison
 * keeps the conversion from being left out as unused.
 */
function flat(text: string): string {
  return Number(text) === 0 ? text : text;
}

function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    // A hole of a sparse array is left empty, as Array.prototype.map leaves it (parsed JSON has none).
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      if (i in value) out += write(value[i]);
    }
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  const kept = frozenTexts.get(o);
  if (kept !== undefined) return kept;
  let out = '{';
  for (const k of sortedKeys(o)) {
    const v = o[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    // Strings and booleans, most of a record's fields, written here rather than through another call.
    out += quoted(k) + ':' + (typeof v === 'string' ? JSON.stringify(v) : v === true ? 'true' : v === false ? 'false' : write(v));
  }
  out += '}';
  if (Object.isFrozen(o) && unchanging(o)) frozenTexts.set(o, (out = flat(out)));
  return out;
}

/**
 * The text of each frozen object of plain data values, written once. An import's incidents share their effects and
 * context flags as frozen objects (core/exchange/records.ts), and every audit entry of a created incident holds them:
 * at 20,000 CFR rows the canonical JSON of the entries took about a quarter less CPU with their text kept
 * (bench/README.md). The text reads only the object's own enumerable properties: when the object is frozen and each
 * of them is a data property with a primitive value, none can change, so the text cannot either (a proxy's traps must
 * answer a frozen target as it is); any other object is written each time.
 */
const frozenTexts = new WeakMap<object, string>();

function unchanging(o: object): boolean {
  for (const k of Object.keys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (!d || !('value' in d) || (typeof d.value === 'object' && d.value !== null) || typeof d.value === 'function') return false;
  }
  return true;
}

/**
 * The object's keys in the order of the default sort (UTF-16 code units, as comparing with < does). Records built
 * by our mappings often list them in that order already: then they are not sorted again.
 */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if (!((keys[i - 1] as string) < (keys[i] as string))) return sortedAgain(keys);
  }
  return keys;
}

/**
 * Unsorted keys in an order seen before (the records of one import share a few shapes: an incident body, its
 * effects, its context) take the sorted copy kept for that order, compared key by key, instead of a sort.
 */
const sortedOrders = new Map<string, { keys: readonly string[]; sorted: string[] }>();

function sortedAgain(keys: string[]): string[] {
  const first = keys[0] as string;
  const seen = sortedOrders.get(first);
  if (seen && seen.keys.length === keys.length) {
    let same = true;
    for (let i = 1; i < keys.length && same; i++) same = seen.keys[i] === keys[i];
    if (same) return seen.sorted;
  }
  const sorted = [...keys].sort();
  if (sortedOrders.size < 4096 || seen) sortedOrders.set(first, { keys, sorted });
  return sorted;
}

/** Object keys as JSON strings: the same few keys recur in every entry of an import, so they are quoted once. */
const keyText = new Map<string, string>();

function quoted(key: string): string {
  let q = keyText.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (keyText.size < 4096) keyText.set(key, q);
  }
  return q;
}
