// Kept incident pages: answered only at the version they were read at, not kept when the version moved while reading,
// shared by requests that read the same version at once, and bounded by their bytes (least recently used first).
import { describe, expect, it } from 'vitest';
import { KeptPages, pageAnswer } from './kept-incident-pages';

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

  it('tags a page by its bytes', () => {
    expect(pageAnswer('{"a":1}').etag).toBe(pageAnswer('{"a":1}').etag);
    expect(pageAnswer('{"a":1}').etag).not.toBe(pageAnswer('{"a":2}').etag);
    expect(pageAnswer('{"a":"ü"}').body.length).toBe(10);
  });
});
