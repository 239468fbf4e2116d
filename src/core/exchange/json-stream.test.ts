// The streamed bundle reader gives exactly what JSON.parse of the whole text gives, however the text is cut into
// chunks, and refuses what JSON.parse refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStreamError, JsonStreamReader } from './json-stream';

function read(chunks: string[]) {
  const objects: unknown[] = [];
  const top: Record<string, unknown> = {};
  const reader = new JsonStreamReader({ object: (o) => objects.push(o), top: (k, v) => (top[k] = v) });
  for (const c of chunks) reader.push(c);
  reader.end();
  return { objects, top };
}

/** Cuts a text at the given fractions of its length. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

const tricky = { type: 'note', id: 'note--1', text: 'braces } ] { [ and "quotes" \\ back\\\\slashes\\"', list: [1, -2.5e3, true, false, null, ''], nested: { a: [{ b: '}' }] } };

describe('JsonStreamReader', () => {
  it('gives the elements of objects and the other top-level properties, for every cut of a tricky bundle', () => {
    const bundle = { type: 'bundle', id: 'bundle--1', objects: [tricky, 42, 'text', [1, [2]], {}], spec_version: '2.0', empty: {} };
    const text = JSON.stringify(bundle, null, 1);
    for (let i = 0; i <= text.length; i++) {
      const { objects, top } = read([text.slice(0, i), text.slice(i)]);
      expect(objects).toEqual(bundle.objects);
      expect(top).toEqual({ type: 'bundle', id: 'bundle--1', spec_version: '2.0', empty: {} });
    }
  });

  it('reads a top-level array, an empty bundle, a lone object and a leading byte-order mark', () => {
    expect(read(['[{"a":1}, 2 ,"x"]']).objects).toEqual([{ a: 1 }, 2, 'x']);
    expect(read(['{"type":"bundle","objects":[]}'])).toEqual({ objects: [], top: { type: 'bundle' } });
    expect(read(['\ufeff{"type":"campaign","name":"x"}']).top).toEqual({ type: 'campaign', name: 'x' });
    expect(read(['{}', '  \n'])).toEqual({ objects: [], top: {} });
  });

  it('matches JSON.parse on random bundles cut at random places (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.dictionary(fc.string().filter((k) => k !== 'objects' && k !== '__proto__'), fc.jsonValue(), { maxKeys: 4 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), fc.boolean(), (objects, extra, at, pretty) => {
        const text = JSON.stringify({ ...extra, objects }, null, pretty ? 2 : undefined);
        const parsed = JSON.parse(text) as { objects: unknown[] } & Record<string, unknown>;
        const { objects: got, top } = read(cut(text, at));
        const { objects: want, ...rest } = parsed;
        expect(got).toEqual(want);
        expect(top).toEqual(rest);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a trailing comma in an object', '{"type":"bundle","objects":[{"a":1,}]}'],
    ['a trailing comma in the objects array', '{"objects":[{"a":1},]}'],
    ['two objects without a comma', '{"objects":[{"a":1} {"b":2}]}'],
    ['angle brackets around an object', '<{"type":"identity"}>'],
    ['an unclosed bundle', '{"type":"bundle","objects":[{"a":1}'],
    ['an unclosed string', '{"objects":[{"a":"x}]}'],
    ['text after the end', '{"objects":[]} x'],
    ['a missing colon', '{"type" "bundle"}'],
    ['an empty file', ''],
  ])('refuses %s as not JSON', (_name, text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    for (const chunks of [[text], text.split('')]) {
      const error = (() => {
        try {
          read(chunks);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(JsonStreamError);
      expect((error as JsonStreamError).kind).toBe('syntax');
    }
  });

  it('tells a single JSON value apart from text that is not JSON', () => {
    for (const text of ['42', '"bundle"', 'true', 'null']) expect(() => read([text])).toThrow(expect.objectContaining({ kind: 'shape' }));
  });
});
