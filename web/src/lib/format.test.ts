import { describe, expect, it } from 'vitest';
import { formatDate, formatDated, formatPeriod } from './format';

describe('dates in words, no more precise than the sources', () => {
  it('shows a year as a year, a month as a month and a day as a day', () => {
    expect(formatDate(2014)).toBe('2014');
    expect(formatDate('2014-05')).toBe('May 2014');
    expect(formatDate('2014-05-19')).toBe('19 May 2014');
    expect(formatPeriod('2014-05', '2014-07')).toBe('May 2014 – Jul 2014');
  });

  it('shows a timeline date with its precision, never inventing a day', () => {
    expect(formatDated('2014-01-01', 'year')).toBe('2014');
    expect(formatDated('2014-05-01', 'month')).toBe('May 2014');
    expect(formatDated('2014-05-19', 'day')).toBe('19 May 2014');
  });
});
