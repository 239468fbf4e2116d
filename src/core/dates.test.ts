import { describe, expect, it } from 'vitest';
import { displayDate, isValidIsoMonth, precisionOf, toDate } from './dates';
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
