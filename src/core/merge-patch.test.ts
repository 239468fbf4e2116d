import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch';

describe('mergePatch', () => {
  it('merges nested objects, deletes on null and replaces arrays', () => {
    const target = { a: 1, b: { c: 2, d: 3 }, e: [1, 2] };
    expect(mergePatch(target, { b: { c: 5, d: null }, e: [9], f: 'x' })).toEqual({ a: 1, b: { c: 5 }, e: [9], f: 'x' });
    expect(target).toEqual({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] });
  });
  it('replaces the whole value with a non-object patch', () => {
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
  });
});
