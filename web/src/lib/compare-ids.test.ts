import { describe, expect, it } from 'vitest';
import { compareIds } from './compare-ids';

describe('compareIds', () => {
  it('reads the ids in upper case, without blanks, at most three', () => {
    expect(compareIds(null)).toEqual([]);
    expect(compareIds(' us, ,cn ')).toEqual(['US', 'CN']);
    expect(compareIds('US,CN,JP,IN')).toEqual(['US', 'CN', 'JP']);
  });
  it('names a partner given twice once, so that it is not compared with itself', () => {
    expect(compareIds('US,us')).toEqual(['US']);
    expect(compareIds('US,US,CN,JP')).toEqual(['US', 'CN', 'JP']);
  });
});
