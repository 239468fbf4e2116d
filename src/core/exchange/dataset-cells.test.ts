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
  it('tells placeholders as trimming and lower-casing every text would, long texts included', () => {
    const plain = (v: string | undefined) => v === undefined || ['', 'not available', 'unknown', 'n', 'nat', 'nan', 'none', 'n/a', '[]'].includes(v.trim().toLowerCase());
    const parts = ['Not available', 'UNKNOWN', 'n/A', '[]', 'NaN', 'None', ' ', '\t', '\n', 'x', 'Russia', 'K', '\u212a', '\u0130', 'é', '\u{1d400}'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts: (string | undefined)[] = [undefined, 'a'.repeat(5000), ` ${'Unknown'.repeat(3)} `];
    for (let k = 0; k < 5000; k++) texts.push(Array.from({ length: Math.floor(next() * 6) }, () => parts[Math.floor(next() * parts.length)]).join(''));
    for (const t of texts) expect([t, isNone(t)]).toEqual([t, plain(t)]);
    // The length bound is safe because lower case never shortens a text.
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCodePoint(c);
      if (ch.toLowerCase().length < ch.length) throw new Error(`U+${c.toString(16)} is shorter in lower case`);
    }
  });
  it('reads dates', () => {
    expect(isoDay('2022-09-14 00:00:00')).toBe('2022-09-14');
    expect(usDate('6/27/2017')).toBe('2017-06-27');
    expect(usDate('2/30/2017')).toBeUndefined();
  });
});
