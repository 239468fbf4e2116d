// Kept incident pages: answered only at the version they were read at, not kept when the version moved while reading,
// shared by requests that read the same version at once, and bounded by their bytes (least recently used first); a
// kept page's compressed copies, and the answer in the coding the client accepts.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { KeptPages, pageAnswer, sendPage, type PageAnswer } from './kept-incident-pages';

/** A stand-in for the database: a version the test moves, and reads that count themselves. */
function world() {
  const w = {
    version: 1,
    reads: 0,
    now: async () => w.version,
    read: (text: string) => async () => {
      w.reads++;
      return `${text}@${w.version}`;
    },
  };
  return w;
}

const text = async (p: Promise<{ body: Buffer }>) => (await p).body.toString('utf8');

describe('KeptPages', () => {
  it('answers a kept page while the version stays, and reads again once it moves', async () => {
    const w = world();
    const kept = new KeptPages();
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@1');
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@1');
    expect(w.reads).toBe(1);
    expect(await text(kept.answer(w.now, 'other', w.read('other')))).toBe('other@1');
    expect(w.reads).toBe(2);
    w.version = 2;
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@2');
    expect(w.reads).toBe(3);
    expect(kept.size.pages).toBe(1);
  });

  it('drops what it kept when the version goes back (a database restored under the server)', async () => {
    const w = world();
    const kept = new KeptPages();
    w.version = 5;
    expect(await text(kept.answer(w.now, 'k', w.read('old')))).toBe('old@5');
    w.version = 3;
    expect(await text(kept.answer(w.now, 'k', w.read('restored')))).toBe('restored@3');
    w.version = 5;
    expect(await text(kept.answer(w.now, 'k', w.read('new')))).toBe('new@5');
    expect(w.reads).toBe(3);
  });

  it('does not keep a page read while the version moved', async () => {
    const w = world();
    const kept = new KeptPages();
    const moving = async () => {
      const t = `page@${w.version}`;
      w.version++;
      return t;
    };
    expect(await text(kept.answer(w.now, 'k', moving))).toBe('page@1');
    expect(kept.size.pages).toBe(0);
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@2');
    expect(kept.size.pages).toBe(1);
  });

  it('shares one reading among requests at the same version, and none across versions', async () => {
    const w = world();
    const kept = new KeptPages();
    const at1 = await Promise.all([1, 2, 3].map(() => text(kept.answer(w.now, 'k', w.read('page')))));
    expect(at1).toEqual(['page@1', 'page@1', 'page@1']);
    expect(w.reads).toBe(1);
    w.version = 2;
    expect(await Promise.all([text(kept.answer(w.now, 'k', w.read('page'))), text(kept.answer(w.now, 'j', w.read('j')))])).toEqual(['page@2', 'j@2']);
    expect(w.reads).toBe(3);
  });

  it('passes a failed reading on to every request that shared it, and keeps nothing', async () => {
    const w = world();
    const kept = new KeptPages();
    const failing = async () => {
      throw new Error('database gone');
    };
    await expect(Promise.all([kept.answer(w.now, 'k', failing), kept.answer(w.now, 'k', failing)])).rejects.toThrow('database gone');
    expect(kept.size.pages).toBe(0);
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@1');
  });

  it('keeps pages within its bytes, dropping the least recently used', async () => {
    const w = world();
    const one = 256 + 1 + 1000;
    const kept = new KeptPages(2 * one + 10);
    const big = (c: string) => async () => c.repeat(998) + '@1';
    for (const k of ['a', 'b']) await kept.answer(w.now, k, big(k));
    await kept.answer(w.now, 'a', w.read('never read'));
    await kept.answer(w.now, 'c', big('c'));
    expect(kept.size).toEqual({ pages: 2, bytes: 2 * one });
    const reads = w.reads;
    expect(await text(kept.answer(w.now, 'a', w.read('a')))).toBe(`${'a'.repeat(998)}@1`);
    expect(await text(kept.answer(w.now, 'b', w.read('b')))).toBe('b@1');
    expect(w.reads).toBe(reads + 1);
    // A page larger than the bound is answered, never kept.
    expect((await kept.answer(w.now, 'd', async () => 'd'.repeat(5000))).body.length).toBe(5000);
    expect(kept.size.pages).toBe(2);
  });

  it('answers from its pages a request that holds an older shared read, and drops them only if the version went back', async () => {
    const w = world();
    const kept = new KeptPages();
    w.version = 2;
    expect(await text(kept.answer(w.now, 'k', w.read('page')))).toBe('page@2');
    // Version 1 was read for the request before a write moved it to 2; read now, it is 2: the kept page answers.
    expect(await text(kept.answer(w.now, 'k', w.read('page'), undefined, async () => 1))).toBe('page@2');
    expect(w.reads).toBe(1);
    // Read now, it is 1 too: the database went back (a restore), and what was kept goes.
    w.version = 1;
    expect(await text(kept.answer(w.now, 'k', w.read('restored'), undefined, async () => 1))).toBe('restored@1');
    expect(w.reads).toBe(2);
  });

  it('keeps br and gzip copies of a kept page, counted in its bytes, each decoding to the page', async () => {
    const w = world();
    const kept = new KeptPages();
    const long = async () => JSON.stringify({ total: 200, items: Array.from({ length: 200 }, (_, i) => ({ id: `inc-${i}`, title: `Incident ${i}` })) });
    const page = await kept.answer(w.now, 'k', long);
    const plain = kept.size.bytes;
    await kept.compressed();
    expect(brotliDecompressSync(page.br ?? Buffer.alloc(0))).toEqual(page.body);
    expect(gunzipSync(page.gzip ?? Buffer.alloc(0))).toEqual(page.body);
    expect(page.br?.length).toBeLessThan(page.body.length / 4);
    expect(kept.size.bytes).toBe(plain + (page.br?.length ?? 0) + (page.gzip?.length ?? 0));
  });

  it('compresses neither a page it does not keep nor a small one', async () => {
    const w = world();
    const kept = new KeptPages();
    const moving = async () => `${'x'.repeat(5000)}@${w.version++}`;
    const notKept = await kept.answer(w.now, 'k', moving);
    const small = await kept.answer(w.now, 'j', w.read('page'));
    await kept.compressed();
    expect(kept.size.pages).toBe(1);
    expect([notKept.br, notKept.gzip, small.br, small.gzip]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('answers a page in the coding the client accepts once it has the copy, plainly before and otherwise', async () => {
    const w = world();
    const kept = new KeptPages();
    let page: PageAnswer = await kept.answer(w.now, 'k', async () => JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i })) }));
    const app = Fastify();
    app.get('/', (_req, reply) => sendPage(reply, page));
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/', headers });
    const before = await get({ 'accept-encoding': 'br' });
    expect([before.headers['content-encoding'], before.rawPayload]).toEqual([undefined, page.body]);
    await kept.compressed();
    page = await kept.answer(w.now, 'k', w.read('never read'));
    const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect([br.headers['content-encoding'], br.headers.vary, br.rawPayload]).toEqual(['br', 'Accept-Encoding', page.br]);
    const gz = await get({ 'accept-encoding': 'gzip' });
    expect([gz.headers['content-encoding'], gz.rawPayload]).toEqual(['gzip', page.gzip]);
    const plain = await get({ 'accept-encoding': 'identity' });
    expect([plain.headers['content-encoding'], plain.rawPayload]).toEqual([undefined, page.body]);
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect((await get({ 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) })).statusCode).toBe(304);
    expect(w.reads).toBe(0);
    await app.close();
  });

  it('tags a page by its bytes', () => {
    expect(pageAnswer('{"a":1}').etag).toBe(pageAnswer('{"a":1}').etag);
    expect(pageAnswer('{"a":1}').etag).not.toBe(pageAnswer('{"a":2}').etag);
    expect(pageAnswer('{"a":"ü"}').body.length).toBe(10);
  });
});
