import { describe, expect, it } from 'vitest';
import { FIRST_AS_OF } from '../../../src/core/first-as-of';
import { addressAsOf, planAsOf, settledAsOf, sliderWords } from './as-of';

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

describe('addressAsOf', () => {
  const today = '2026-12-06';
  it('reads no date as today and a calendar date up to today as that date', () => {
    expect(addressAsOf(null, today)).toEqual({ asOf: undefined });
    expect(addressAsOf('', today)).toEqual({ asOf: undefined });
    expect(addressAsOf('2014-06-30', today)).toEqual({ asOf: '2014-06-30' });
    expect(addressAsOf(today, today)).toEqual({ asOf: today });
  });
  it('names the form and the range when the address holds something else', () => {
    for (const raw of ['bad', '2014-6-30', '30/06/2014', '2014-02-30', '2014-06-30T00:00']) {
      const read = addressAsOf(raw, today);
      expect(read.asOf).toBeUndefined();
      expect(read.problem).toContain(`"${raw}"`);
      expect(read.problem).toContain('YYYY-MM-DD');
      expect(read.problem).toContain(today);
    }
  });
  it('refuses a date after today, naming today, and moves with today', () => {
    expect(addressAsOf('2026-12-07', today).problem).toBe('The date in the address, 2026-12-07, is after today, 2026-12-06: give a date up to today.');
    expect(addressAsOf('2026-12-07', '2026-12-07')).toEqual({ asOf: '2026-12-07' });
  });
  it('refuses a date before the observatory\'s first date (as the API and the CLI do), naming the range; reads that date', () => {
    expect(addressAsOf('1999-12-31', today)).toEqual({ asOf: undefined, problem: `The date in the address, 1999-12-31, is before ${FIRST_AS_OF}, where the observatory's record begins: give a date from ${FIRST_AS_OF} to today, ${today}.` });
    expect(addressAsOf(FIRST_AS_OF, today)).toEqual({ asOf: FIRST_AS_OF });
  });
  it('shortens a very long value in its message', () => {
    const problem = addressAsOf('x'.repeat(5000), today).problem ?? '';
    expect(problem.length).toBeLessThan(200);
  });
});

describe('the year slider’s words', () => {
  it('says today only when the view is today, and the chosen date otherwise, in the current year too', () => {
    expect(sliderWords(null, '', 2026)).toEqual({ shown: 'today', spoken: 'today' });
    expect(sliderWords(null, '2026-10-20', 2026)).toEqual({ shown: '2026', spoken: '20 Oct 2026' });
    expect(sliderWords(null, '2017-12-01', 2026)).toEqual({ shown: '2017', spoken: '1 Dec 2017' });
  });
  it('while dragging, says the end of the year, and today at the current year', () => {
    expect(sliderWords({ kind: 'year', year: 2019, thisYear: 2026 }, '2019-12-31', 2026)).toEqual({ shown: '2019', spoken: 'end of 2019' });
    expect(sliderWords({ kind: 'year', year: 2026, thisYear: 2026 }, '', 2026)).toEqual({ shown: 'today', spoken: 'today' });
  });
});

describe('a plan date from the address', () => {
  it('keeps a date from the incident start on, and tells a date before it apart instead of asking the server for it', () => {
    expect(planAsOf('2026-11-20', '2026-11-20')).toEqual({ asOf: '2026-11-20' });
    expect(planAsOf(undefined, '2026-11-20')).toEqual({ asOf: undefined });
    expect(planAsOf('2020-01-01', undefined)).toEqual({ asOf: '2020-01-01' });
    const early = planAsOf('2020-01-01', '2026-11-20');
    expect(early.asOf).toBeUndefined();
    expect(early.problem).toBe('The date in the address, 1 Jan 2020, is before the incident began on 20 Nov 2026: a plan is made on a date from that day up to today.');
    expect(planAsOf('2026-11-19', '2026-11-20').problem).toContain('19 Nov 2026');
  });
});
