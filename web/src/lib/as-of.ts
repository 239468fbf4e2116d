// When a date being typed or dragged in the as-of control is ready to become the view's date.
import { FIRST_AS_OF } from '../../../src/core/first-as-of';
import { formatDate, isIsoDate } from './format';

/** What the control holds while it is used: the date field's text (partial when the browser holds half a date), or the year slider's year. */
export type AsOfDraft = { kind: 'date'; text: string; partial: boolean } | { kind: 'year'; year: number; thisYear: number };

/** A date for the view (undefined: today), or not yet, with a hint for when the reader leaves the field. */
export type SettledAsOf = { kind: 'date'; asOf: string | undefined } | { kind: 'incomplete'; hint: string };

const realDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

export function settledAsOf(draft: AsOfDraft, range: { min: string; max: string }): SettledAsOf {
  if (draft.kind === 'year') return { kind: 'date', asOf: draft.year >= draft.thisYear ? undefined : `${draft.year}-12-31` };
  const text = draft.text.trim();
  // An empty field is today, unless the browser still holds half a date in it.
  if (text === '') return draft.partial ? { kind: 'incomplete', hint: 'Finish the date, or clear it to see today' } : { kind: 'date', asOf: undefined };
  if (!isIsoDate(text) || !realDay(text)) return { kind: 'incomplete', hint: 'Finish the date' };
  // While a year is typed digit by digit the browser reads 0002, 0020, 0201: wait for the whole year.
  if (text < range.min || text > range.max) return { kind: 'incomplete', hint: 'Choose a date in the range the data covers' };
  return { kind: 'date', asOf: text };
}

/** The as-of date a page's address asks for: none (today), a date to show, or a problem to tell the reader. */
export type AddressAsOf = { asOf: string | undefined; problem?: undefined } | { asOf: undefined; problem: string };

/**
 * Reads ?asOf= as the API does (a calendar date YYYY-MM-DD, from the first date the observatory reads, FIRST_AS_OF,
 * up to today): a link with another form, an earlier or a later date is told apart from no date, so that the page
 * says so rather than quietly showing today.
 */
export function addressAsOf(raw: string | null, today: string): AddressAsOf {
  if (raw === null || raw === '') return { asOf: undefined };
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (!isIsoDate(raw) || !realDay(raw)) {
    return { asOf: undefined, problem: `The date in the address, "${shown}", is not a calendar date: give it as YYYY-MM-DD (e.g. 2014-06-30), up to today, ${today}.` };
  }
  if (raw > today) return { asOf: undefined, problem: `The date in the address, ${raw}, is after today, ${today}: give a date up to today.` };
  if (raw < FIRST_AS_OF) return { asOf: undefined, problem: `The date in the address, ${raw}, is before ${FIRST_AS_OF}, where the observatory's record begins: give a date from ${FIRST_AS_OF} to today, ${today}.` };
  return { asOf: raw };
}

/**
 * What the year slider says beside it (`shown`) and to a screen reader (`spoken`): "today" only when the view is
 * today. A date chosen in the current year shows that date, not "today", which contradicted the plan's "Made on".
 */
export function sliderWords(draft: AsOfDraft | null, shownDate: string, thisYear: number): { shown: string; spoken: string } {
  if (draft?.kind === 'year') return draft.year >= thisYear ? { shown: 'today', spoken: 'today' } : { shown: String(draft.year), spoken: `end of ${draft.year}` };
  if (shownDate === '') return { shown: 'today', spoken: 'today' };
  return { shown: shownDate.slice(0, 4), spoken: isIsoDate(shownDate) ? formatDate(shownDate) : shownDate };
}

/**
 * A plan's date from the address checked against its incident's start (a plan is made from that day up to today):
 * a date before it is told to the reader, and today's plan shown, rather than a refusal with the API's field name.
 */
export function planAsOf(asOf: string | undefined, start: string | undefined): AddressAsOf {
  if (asOf === undefined || start === undefined || asOf >= start) return { asOf };
  return { asOf: undefined, problem: `The date in the address, ${formatDate(asOf)}, is before the incident began on ${formatDate(start)}: a plan is made on a date from that day up to today.` };
}
