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

  it('still bounds the number of views', async () => {
    const cache = new DerivedCache({ maxViews: 2 });
    for (const k of ['a', 'b', 'c']) await cache.get([k], () => view(10));
    expect(cache.size).toBe(2);
  });
});
