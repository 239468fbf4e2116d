// How a cached view's answer reads the client's If-None-Match and Accept-Encoding headers, and how a view is written
// once: in pieces equal to JSON.stringify, compressed, a large view's bytes made again from its gzip copy.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chosenCoding, encodedSize, encodeView, identityBody, jsonChunks, KEEP_IDENTITY_UNDER, matchesTag } from './send-json';

describe('entity tags', () => {
  it('matches the tag itself, its weak form, * and a tag in a list; nothing else', () => {
    expect(matchesTag('"abc"', '"abc"')).toBe(true);
    expect(matchesTag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesTag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesTag('*', '"abc"')).toBe(true);
    expect(matchesTag('"abd"', '"abc"')).toBe(false);
    expect(matchesTag('abc', '"abc"')).toBe(false);
    expect(matchesTag(undefined, '"abc"')).toBe(false);
    expect(matchesTag('', '"abc"')).toBe(false);
  });
});

describe('content coding', () => {
  it('prefers br, then gzip, among the codings accepted with q > 0', () => {
    expect(chosenCoding('gzip, deflate, br')).toBe('br');
    expect(chosenCoding('gzip, deflate')).toBe('gzip');
    expect(chosenCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chosenCoding('GZIP')).toBe('gzip');
    expect(chosenCoding('*')).toBe('br');
    expect(chosenCoding('*, br;q=0')).toBe('gzip');
  });

  it('answers a header asked again as the first time (the choices are kept per spelling)', () => {
    for (let round = 0; round < 3; round++) {
      expect(chosenCoding('gzip, deflate, br')).toBe('br');
      expect(chosenCoding('gzip, deflate')).toBe('gzip');
      expect(chosenCoding('br;q=0')).toBeUndefined();
      // More spellings than are kept: the oldest are let go and parsed again.
      for (let i = 0; i < 70; i++) expect(chosenCoding(`gzip;q=0.${i % 9}, x-${i}`)).toBe(i % 9 === 0 ? undefined : 'gzip');
      expect(chosenCoding(`${'x, '.repeat(100)}br`)).toBe('br');
    }
  });

  it('sends the body as it is when nothing usable is accepted', () => {
    expect(chosenCoding(undefined)).toBeUndefined();
    expect(chosenCoding('identity')).toBeUndefined();
    expect(chosenCoding('deflate')).toBeUndefined();
    expect(chosenCoding('gzip;q=0, br;q=0')).toBeUndefined();
    expect(chosenCoding('*;q=0')).toBeUndefined();
  });
});

describe('a view written in pieces', () => {
  // Grading-like presentation: objects with a ref get a field, so an object with one must be presented whole.
  const present = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(present);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, present(x)]));
      return 'ref' in o ? { ...o, grade: 'primary' } : o;
    }
    return v;
  };
  const apart = (o: Record<string, unknown>) => !('ref' in o);
  const values = fc.oneof(
    fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
    fc.jsonValue(),
    fc.array(fc.record({ id: fc.string(), sources: fc.array(fc.record({ ref: fc.webUrl(), locator: fc.string() })), note: fc.option(fc.string(), { nil: undefined }) })),
  );

  it('is exactly JSON.stringify of the presented value, at any depth', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect([...jsonChunks(value, present, apart, depth)].join('')).toBe(JSON.stringify(present(value)) ?? 'null');
        expect([...jsonChunks(value, undefined, undefined, depth)].join('')).toBe(JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('differs when the value does (a test that can fail)', () => {
    expect([...jsonChunks([{ a: 1 }, { ref: 'x', locator: 'y' }], present, apart)].join('')).toBe('[{"a":1},{"ref":"x","locator":"y","grade":"primary"}]');
    expect([...jsonChunks([{ a: 1, b: undefined, c: () => 1 }, undefined])].join('')).toBe('[{"a":1},null]');
  });
});

describe('an encoded view', () => {
  const text = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `fact-${i}`, title: `Dialogue round ${i % 97} — Brüssel`, year: 2000 + (i % 26) })));
  const tagOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  const read = async (body: Buffer | Readable) => (Buffer.isBuffer(body) ? body : Buffer.concat((await body.toArray()) as Buffer[]));

  it('keeps a small view whole and uncompressed', async () => {
    const e = await encodeView('application/json', ['{"a":', '1}']);
    expect(e.body?.toString()).toBe('{"a":1}');
    expect(e.br).toBeUndefined();
    expect(e.etag).toBe(tagOf(Buffer.from('{"a":1}')));
    expect(encodedSize(e)).toBeGreaterThan(e.length);
  });

  it('keeps a middle-sized view whole and compressed, the copies decoding to its bytes', async () => {
    const t = text(2000);
    const e = await encodeView('application/json', [t.slice(0, 1000), t.slice(1000)]);
    const bytes = Buffer.from(t);
    expect(e.length).toBe(bytes.length);
    expect(e.body?.equals(bytes)).toBe(true);
    expect(brotliDecompressSync(e.br ?? Buffer.alloc(0)).equals(bytes)).toBe(true);
    expect(gunzipSync(e.gzip ?? Buffer.alloc(0)).equals(bytes)).toBe(true);
    expect(e.etag).toBe(tagOf(bytes));
    expect(encodedSize(e)).toBe(256 + bytes.length + (e.br?.length ?? 0) + (e.gzip?.length ?? 0));
  });

  it('makes the br copy of a very large view again, smaller and decoding to the same bytes; a smaller view keeps its first', async () => {
    const t = text(30_000); // ~2 MB
    const pieces = t.match(/[\s\S]{1,5000}/g) ?? [];
    const e = await encodeView('application/json', pieces, 1024, 1024 * 1024);
    const first = e.br;
    await e.recompressed;
    expect(e.br?.length).toBeLessThan(first?.length ?? 0);
    expect(brotliDecompressSync(e.br ?? Buffer.alloc(0)).equals(Buffer.from(t))).toBe(true);
    const smaller = await encodeView('application/json', pieces, 1024, 4 * 1024 * 1024);
    expect(smaller.recompressed).toBeUndefined();
    expect(smaller.br?.equals(first ?? Buffer.alloc(0))).toBe(true);
  });

  it('keeps a large view only compressed; its bytes come back by streaming decompression, equal to the original', async () => {
    const t = text(60_000); // ~4 MB, written in many pieces
    const pieces = t.match(/[\s\S]{1,5000}/g) ?? [];
    const e = await encodeView('application/json', pieces);
    const bytes = Buffer.from(t);
    expect(e.body).toBeUndefined();
    expect(e.length).toBe(bytes.length);
    expect(e.etag).toBe(tagOf(bytes));
    const body = identityBody(e);
    expect(body).toBeInstanceOf(Readable);
    expect((await read(body)).equals(bytes)).toBe(true);
    expect(brotliDecompressSync(e.br ?? Buffer.alloc(0)).equals(bytes)).toBe(true);
    expect(encodedSize(e)).toBeLessThan(bytes.length / 5);
    // Another view: another tag.
    const other = await encodeView('application/json', [t.replace('fact-59999', 'fact-x')]);
    expect(other.etag).not.toBe(e.etag);
    expect((await read(identityBody(other))).toString()).toBe(t.replace('fact-59999', 'fact-x'));
  });

  it('keeps the plain bytes of a view the size of the built-in full assessment (452 KB), unless given a lower limit', async () => {
    const t = text(7_000);
    const bytes = Buffer.from(t);
    expect(bytes.length).toBeGreaterThan(400_000);
    expect(bytes.length).toBeLessThan(KEEP_IDENTITY_UNDER);
    const kept = await encodeView('application/json', [t]);
    expect(kept.body?.equals(bytes)).toBe(true);
    expect(identityBody(kept)).toBe(kept.body);
    const streamed = await encodeView('application/json', [t], 256 * 1024);
    expect(streamed.body).toBeUndefined();
    expect(streamed.etag).toBe(kept.etag);
    expect((await read(identityBody(streamed))).equals(bytes)).toBe(true);
    expect(encodedSize(kept) - encodedSize(streamed)).toBe(bytes.length);
  });

  it('lets other work run while it encodes a large view', async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const slow = function* () {
      for (let i = 0; i < 200; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until); // 1 ms of work per piece
        yield 'x'.repeat(1000);
      }
    };
    const e = await encodeView('text/plain', slow(), 1024);
    running = false;
    expect(e.length).toBe(200_000);
    expect(turns).toBeGreaterThan(10);
    expect((await read(identityBody(e))).toString()).toBe('x'.repeat(200_000));
  });
});
