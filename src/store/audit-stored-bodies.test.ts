// The body put back into an entry's `after` in its key's place: the same object, keys in the same order, as sorting
// all of the entry's fields with the body among them gives (how the reader first wrote it), over random fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBody } from './audit-stored-bodies';

/** The plain definition: every field but the reference, the body added, sorted by key, the body last among equals. */
function plain(after: Record<string, unknown>, kind: string, canonicalBody: string): Record<string, unknown> {
  const fields: [string, unknown][] = Object.entries(after).filter(([k]) => k !== 'stored');
  fields.push([kind, JSON.parse(canonicalBody) as unknown]);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(fields);
}

describe('withBody', () => {
  it('is the plain definition for any fields and kind (property)', () => {
    const key = fc.oneof(fc.constantFrom('stored', 'marking', 'source', 'incident', 'actor', 'zz', '10', '9', '__proto__', ''), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })), key, fc.jsonValue({ maxDepth: 2 }), (after, kind, body) => {
        const text = JSON.stringify(body);
        const got = withBody(after, kind, text);
        const want = plain(after, kind, text);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { numRuns: 2000 },
    );
  });
});
