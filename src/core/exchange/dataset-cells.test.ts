import { describe, expect, it } from 'vitest';
import { isNone, isoDay, pyList, splitList, usDate } from './dataset-cells';

describe('dataset cells', () => {
  it('reads Python list literals, nested and with apostrophes', () => {
    expect(pyList("[['ASIA', 'CENTAS', 'CSTO']]")).toEqual(['ASIA', 'CENTAS', 'CSTO']);
    expect(pyList('["Korea, Democratic People\'s Republic of"]')).toEqual(["Korea, Democratic People's Republic of"]);
    expect(pyList('Armenia')).toEqual(['Armenia']);
    expect(pyList('[]')).toEqual([]);
  });
  it('splits parallel lists at top level only, keeping empties', () => {
    expect(splitList('The White House; Lord Ahmad (Minister; GBR); ')).toEqual(['The White House', 'Lord Ahmad (Minister; GBR)', '']);
    expect(splitList('')).toEqual([]);
  });
  it('tells placeholders', () => {
    expect(isNone('Not available')).toBe(true);
    expect(isNone('NaT')).toBe(true);
    expect(isNone('Russia')).toBe(false);
  });
  it('reads dates', () => {
    expect(isoDay('2022-09-14 00:00:00')).toBe('2022-09-14');
    expect(usDate('6/27/2017')).toBe('2017-06-27');
    expect(usDate('2/30/2017')).toBeUndefined();
  });
});
