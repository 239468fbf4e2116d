import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv as projectCsv } from '../../../src/core/exchange/csv';
import { csvCell, toCsv } from './csv';

describe('the browser’s CSV writer', () => {
  it('defuses formulas, keeps negative numbers, and quotes what a spreadsheet would split', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell('-12')).toBe("'-12");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('writes what the project’s writer writes, for any table (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1', '-2', '+a', '@b', '\tc', '\rd', 'e;f', 'g\nh', 'i"j', '', 'k,l'), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        expect(toCsv(['a', 'b', 'c'], rows)).toBe(projectCsv(['a', 'b', 'c'], rows));
      }),
    );
  });

  it('reads back with the project’s reader', () => {
    expect(parseCsv(toCsv(['x', 'y'], [['a,b', 'line\nbreak']]))).toEqual([
      ['x', 'y'],
      ['a,b', 'line\nbreak'],
    ]);
  });
});
