// The audit trail's canonical JSON and chain input against their plain definitions, over random values: the hashes
// of every stored entry depend on these exact bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { chainInput } from './chain';

/** The definition, written plainly: keys sorted by the default sort at every level, undefined fields left out. */
function plainCanonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${Array.from(value.keys(), (i) => (i in value ? plainCanonical(value[i]) : '')).join(',')}]`;
  const o = value as Record<string, unknown>;
  const fields = Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${plainCanonical(o[k])}`);
  return `{${fields.join(',')}}`;
}

/** What chainHash hashes, written plainly. */
const plainInput = (prev: string, e: Record<string, unknown>) => `${prev}\n${plainCanonical(e)}`;

const key = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('a', 'b', 'A', '10', '9', '-1', '1.5', '__proto__', 'toJSON', 'length'));

/** Nested objects, arrays (sparse too), unicode and lone surrogates, every kind of number, undefined and null. */
const anything = fc.anything({
  key,
  maxDepth: 4,
  stringUnit: 'binary',
  withBoxedValues: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withDate: true,
  withObjectString: true,
});

/** Objects whose keys were inserted in sorted order, in reverse and shuffled: the writer skips sorting the first. */
const ordered = fc
  .tuple(fc.dictionary(key, fc.oneof(fc.string({ unit: 'grapheme' }), fc.boolean(), fc.double(), fc.constant(undefined), fc.constant(null), fc.array(fc.integer()))), fc.constantFrom('sorted', 'reversed', 'as drawn'))
  .map(([d, order]) => {
    const keys = Object.keys(d);
    if (order !== 'as drawn') keys.sort();
    if (order === 'reversed') keys.reverse();
    const o: Record<string, unknown> = {};
    for (const k of keys) o[k] = d[k];
    return { nested: o, list: [o, { ...o }], o };
  });

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ 10: 'x', 9: 'y', a: true, b: false })).toBe('{"10":"x","9":"y","a":true,"b":false}');
  });

  it('is the plain definition for any value (property)', () => {
    fc.assert(
      fc.property(anything, (v) => {
        expect(canonicalJson(v)).toBe(plainCanonical(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the plain definition whatever order the keys were written in (property)', () => {
    fc.assert(
      fc.property(ordered, (v) => {
        expect(canonicalJson(v)).toBe(plainCanonical(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('is the plain definition over objects of few keys whose orders share their first keys, one after the other (property)', () => {
    // Orders seen before are sorted from a kept copy: an order that matches one kept but for a later key must not take it.
    const few = fc.uniqueArray(fc.constantFrom('m', 'a', 'z', 'b', 'y', 'toString'), { minLength: 2, maxLength: 5 }).map((keys) => Object.fromEntries(keys.map((k, i) => [k, i])));
    fc.assert(
      fc.property(fc.array(few, { maxLength: 30 }), (list) => {
        for (const o of list) expect(canonicalJson(o)).toBe(plainCanonical(o));
      }),
      { numRuns: 500 },
    );
  });

  it('is the plain definition over values sharing frozen parts, written again and again (property)', () => {
    // Frozen objects of primitive values are written once and their text kept; frozen ones holding objects, getters or
    // another prototype are written each time, since what they show can change.
    const flatPart = fc.dictionary(key, fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.boolean(), fc.double(), fc.constant(undefined), fc.constant(null)), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(flatPart, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.boolean(), (drawn, picks, nested) => {
        const parts = drawn.map((d) => Object.freeze({ ...d }));
        const inner = { n: 0 };
        const holder = Object.freeze({ inner });
        let ticks = 0;
        const clock = Object.freeze(Object.defineProperty({}, 't', { enumerable: true, get: () => ticks }));
        const odd = Object.freeze(Object.assign(Object.create({ inherited: 1 }) as object, { own: 'x' }));
        for (const [i, p] of picks.entries()) {
          const value = { part: parts[p % parts.length], list: [parts[(p + 1) % parts.length], parts[p % parts.length]], ...(nested ? { holder, clock, odd } : {}) };
          expect(canonicalJson(value)).toBe(plainCanonical(value));
          inner.n = i + 1;
          ticks = i + 1;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a frozen object of primitive values once', () => {
    let reads = 0;
    const part = new Proxy(Object.freeze({ b: true, a: 'x', c: 1 }), {
      get(target, k, receiver) {
        reads++;
        return Reflect.get(target, k, receiver) as unknown;
      },
    });
    const first = canonicalJson({ effects: part });
    const after = reads;
    expect(canonicalJson({ effects: part, again: [part] })).toBe(`{"again":[{"a":"x","b":true,"c":1}],"effects":{"a":"x","b":true,"c":1}}`);
    expect(first).toBe('{"effects":{"a":"x","b":true,"c":1}}');
    expect(reads).toBe(after);
  });

  it('its own text, parsed and written again, is that text (property)', () => {
    // The verifier checks a link over the stored text and trusts a match (chain.ts, linkHolds): it must be the text
    // that writing the parsed contents again gives. Texts that are not JSON (a sparse array's hole) are not stored.
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(anything, fc.jsonValue()), (value) => {
        const text = canonicalJson(value);
        fc.pre(parses(text));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('the chain input built around contents canonicalised once is the plain one (property)', () => {
    const scalar = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.integer(), fc.double());
    const entry = fc.record({ seq: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.double()), at: fc.string({ unit: 'grapheme' }), actor: scalar, actorOrg: scalar, action: scalar, targetType: scalar, targetId: fc.string({ unit: 'binary' }), before: anything, after: anything });
    fc.assert(
      fc.property(entry, fc.string(), (e, prev) => {
        const input = chainInput(prev, e as Parameters<typeof chainInput>[1], canonicalJson(e.before), canonicalJson(e.after));
        // The store writes absent contents as null (audit-log.ts), which is what the input then covers.
        expect(input).toBe(plainInput(prev, { ...e, before: e.before ?? null, after: e.after ?? null }));
      }),
      { numRuns: 1000 },
    );
  });
});
