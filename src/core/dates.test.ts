import { describe, expect, it } from 'vitest';
import { displayDate, isValidIsoMonth, precisionOf, readDate, toDate } from './dates';
import { DateOrYear, holdsAt, startedBy } from './provenance';
import type { IsoDate } from './dates';

describe('dates of the knowledge base: a year, a month or a day', () => {
  it('reads a month as "YYYY-MM" and nothing else', () => {
    expect(isValidIsoMonth('2014-05')).toBe(true);
    expect(isValidIsoMonth('2014-13')).toBe(false);
    expect(isValidIsoMonth('2014-00')).toBe(false);
    expect(isValidIsoMonth('2014-05-19')).toBe(false);
    expect(DateOrYear.safeParse('2014-05').success).toBe(true);
    expect(DateOrYear.safeParse('2014-13').success).toBe(false);
    expect(DateOrYear.safeParse('2014-5').success).toBe(false);
  });

  it('gives each form its precision and counts a year or a month from its first day', () => {
    expect([2014, '2014-05', '2014-05-19'].map(precisionOf)).toEqual(['year', 'month', 'day']);
    expect([2014, '2014-05', '2014-05-19'].map(toDate)).toEqual(['2014-01-01', '2014-05-01', '2014-05-19']);
  });

  it('starts a month-dated fact on the first day of the month, and ends one there', () => {
    expect(startedBy('2014-05', '2014-04-30' as IsoDate)).toBe(false);
    expect(startedBy('2014-05', '2014-05-01' as IsoDate)).toBe(true);
    expect(holdsAt('2014-05', '2014-09', '2014-08-31' as IsoDate)).toBe(true);
    expect(holdsAt('2014-05', '2014-09', '2014-09-01' as IsoDate)).toBe(false);
    // Years and days keep their meaning.
    expect(startedBy(2014, '2013-12-31' as IsoDate)).toBe(false);
    expect(startedBy(2014, '2014-01-01' as IsoDate)).toBe(true);
    expect(startedBy('2014-05-19', '2014-05-18' as IsoDate)).toBe(false);
  });

  it('shows a date no more precisely than it is known: never a day for a month', () => {
    expect(displayDate('2014-01-01', 'year')).toBe('2014');
    expect(displayDate('2014-05-01', 'month')).toBe('May 2014');
    expect(displayDate('2014-05', 'month')).toBe('May 2014');
    expect(displayDate('2014-05-19', 'day')).toBe('2014-05-19');
  });
});

describe('readDate: the date a read answers for', () => {
  const today = '2026-12-06' as IsoDate;
  it('is today without a date, the date given up to today, and refuses a later one naming today', () => {
    expect(readDate(undefined, today)).toBe('2026-12-06');
    expect(readDate('', today)).toBe('2026-12-06');
    expect(readDate('2014-05-19', today)).toBe('2014-05-19');
    expect(readDate('2026-12-06', today)).toBe('2026-12-06');
    expect(() => readDate('2026-12-07', today)).toThrow('asOf 2026-12-07 is after today, 2026-12-06; give a date up to today');
    expect(() => readDate('2099-01-01', today, 'date')).toThrow(/^date 2099-01-01 is after today/);
    // The same date passes once it is today.
    expect(readDate('2026-12-07', '2026-12-07' as IsoDate)).toBe('2026-12-07');
    expect(() => readDate('2026-02-30', today)).toThrow(/YYYY-MM-DD/);
  });
});
