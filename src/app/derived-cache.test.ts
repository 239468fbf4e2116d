// The derived cache is bounded by the size of its views as well as by their number.
import { describe, expect, it } from 'vitest';
import { DerivedCache, viewSize } from './derived-cache';

const view = (chars: number) => ({ text: 'x'.repeat(chars) });

describe('derived cache bound', () => {
  it('measures a view by the length of its JSON text', () => {
    expect(viewSize(view(100))).toBe(JSON.stringify(view(100)).length);
    expect(viewSize(undefined)).toBe(1);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(viewSize(cyclic)).toBeGreaterThan(0);
  });

  it('drops the least recently used views once their total size passes the bound', async () => {
    const cache = new DerivedCache({ maxSize: 1000 });
    let computed = 0;
    const get = (key: string) => cache.get([key], () => (computed++, view(400)));
    await get('a');
    await get('b');
    expect(cache.size).toBe(2);
    await get('a'); // a is now the most recently used
    await get('c'); // 3 x ~411 > 1000: b goes
    expect(cache.size).toBe(2);
    expect(cache.calculatedSize).toBeLessThanOrEqual(1000);
    expect(computed).toBe(3);
    await get('a');
    expect(computed).toBe(3);
    await get('b');
    expect(computed).toBe(4);
  });

  it('answers a view larger than the bound without keeping it', async () => {
    const cache = new DerivedCache({ maxSize: 1000 });
    let computed = 0;
    const big = async () => cache.get(['big'], () => (computed++, view(5000)));
    expect((await big()).text).toHaveLength(5000);
    expect(await big()).toEqual(view(5000));
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('counts a view by the size its caller gives (a compressed answer by its bytes)', async () => {
    const cache = new DerivedCache({ maxSize: 1000 });
    const big = view(5000);
    await cache.get(['small-form'], () => big, { size: () => 300 });
    expect(cache.size).toBe(1);
    expect(cache.calculatedSize).toBe(300);
    await cache.get(['other'], () => big, { size: () => 800 }); // 1,100 > 1,000: the older goes
    expect(cache.size).toBe(1);
    expect(cache.calculatedSize).toBe(800);
    await cache.get(['too-big'], () => big, { size: () => 1001 });
    expect(cache.calculatedSize).toBe(800);
  });

  it('still bounds the number of views', async () => {
    const cache = new DerivedCache({ maxViews: 2 });
    for (const k of ['a', 'b', 'c']) await cache.get([k], () => view(10));
    expect(cache.size).toBe(2);
  });
});

describe('derived cache computations', () => {
  it('computes a view once for callers that ask while it is being computed', async () => {
    const cache = new DerivedCache();
    let computed = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      computed++;
      await gate;
      return view(10);
    };
    const asked = [cache.get(['k'], compute), cache.get(['k'], compute), cache.get(['k'], compute)];
    release();
    const answers = await Promise.all(asked);
    expect(computed).toBe(1);
    expect(answers[1]).toBe(answers[0]);
    expect(cache.size).toBe(1);
  });

  it('answers but does not keep a view its keep check refuses, and keeps one it accepts', async () => {
    const cache = new DerivedCache();
    let computed = 0;
    let current = true;
    const get = () => cache.get(['k'], () => (computed++, view(10)), { keep: () => current });
    current = false;
    expect(await get()).toEqual(view(10));
    await get();
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
    current = true;
    await get();
    await get();
    expect(computed).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('keeps nothing from a computation that fails, and computes again when asked again', async () => {
    const cache = new DerivedCache();
    let fail = true;
    const get = () => cache.get(['k'], () => {
      if (fail) throw new Error('no');
      return view(1);
    });
    await expect(get()).rejects.toThrow('no');
    fail = false;
    expect(await get()).toEqual(view(1));
  });
});
