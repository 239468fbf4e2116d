import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { applyWeightChanges, changedPaths, extendsReviewed } from './weights-extends';

const reviewed = { version: 1, title: 'Reviewed v1', dimensions: { a: { cap: 50, points: { x: 1, y: 2 } }, b: { cap: 10 } }, rules: [{ id: 'r', atLeast: 55 }] };

describe('weights that extend the reviewed ones', () => {
  it('recognises a document that asks to extend', () => {
    expect(extendsReviewed({ extends: 'reviewed', dimensions: {} })).toBe(true);
    expect(extendsReviewed(reviewed)).toBe(false);
    expect(extendsReviewed([1])).toBe(false);
  });

  it('merges the changes and names them in the title', () => {
    const out = applyWeightChanges(reviewed, { extends: 'reviewed', dimensions: { a: { points: { y: 5 } } } }, 'mine.yaml') as typeof reviewed;
    expect(out.dimensions.a).toEqual({ cap: 50, points: { x: 1, y: 5 } });
    expect(out.dimensions.b).toEqual({ cap: 10 });
    expect(out.title).toBe('Reviewed v1, changed: dimensions.a.points.y');
    expect('extends' in out).toBe(false);
  });

  it('replaces arrays whole, removes with null, and keeps a title the user gives', () => {
    const out = applyWeightChanges(reviewed, { extends: 'reviewed', title: 'Mine', rules: [{ id: 'r', atLeast: 80 }], dimensions: { b: null } }, 'm') as Record<string, unknown>;
    expect(out.rules).toEqual([{ id: 'r', atLeast: 80 }]);
    expect((out.dimensions as Record<string, unknown>).b).toBeUndefined();
    expect(out.title).toBe('Mine');
  });

  it('says when nothing changed', () => {
    expect((applyWeightChanges(reviewed, { extends: 'reviewed', dimensions: { b: { cap: 10 } } }, 'm') as { title: string }).title).toBe('Reviewed v1, no change');
  });

  it('refuses to extend anything but the reviewed weights, naming the field', () => {
    try {
      applyWeightChanges(reviewed, { extends: 'mine' }, 'm.yaml');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('invalid_weights');
      expect(isAppError(error) && error.issues[0]?.path).toBe('extends');
    }
  });

  it('lists changed leaves, arrays as one value', () => {
    expect(changedPaths({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 2] }, d: true })).toEqual(['a.b', 'd']);
    expect(changedPaths({ c: [1, 2] }, { c: [2, 1] })).toEqual(['c']);
  });
});
