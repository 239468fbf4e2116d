import { describe, expect, it } from 'vitest';
import { settledAsOf } from './as-of';

const range = { min: '2000-01-01', max: '2026-12-06' };
const typed = (text: string, partial = false) => settledAsOf({ kind: 'date', text, partial }, range);

describe('settledAsOf', () => {
  it('takes a whole date within the range', () => {
    expect(typed('2014-06-30')).toEqual({ kind: 'date', asOf: '2014-06-30' });
  });
  it('waits, without an error, while a year is typed digit by digit', () => {
    for (const text of ['0002-06-30', '0020-06-30', '0201-06-30']) expect(typed(text).kind).toBe('incomplete');
  });
  it('waits while the browser holds half a date, and reads an empty field as today', () => {
    expect(typed('', true).kind).toBe('incomplete');
    expect(typed('')).toEqual({ kind: 'date', asOf: undefined });
  });
  it('refuses days that do not exist and dates past the range', () => {
    expect(typed('2014-02-30').kind).toBe('incomplete');
    expect(typed('2031-01-01').kind).toBe('incomplete');
  });
  it('reads the slider as the end of the year, and this year as today', () => {
    expect(settledAsOf({ kind: 'year', year: 2014, thisYear: 2026 }, range)).toEqual({ kind: 'date', asOf: '2014-12-31' });
    expect(settledAsOf({ kind: 'year', year: 2026, thisYear: 2026 }, range)).toEqual({ kind: 'date', asOf: undefined });
  });
});
