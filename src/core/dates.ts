// Calendar dates (YYYY-MM-DD) as the product's unit of time: parsing, validation and comparison.
import { AppError } from './errors';
import { FIRST_AS_OF as FIRST_AS_OF_TEXT } from './first-as-of';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string & { readonly __brand: 'IsoDate' };

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Parses an as-of date given by a user; throws `invalid_date` naming the expected form. */
export function parseAsOf(value: string | undefined, field = 'asOf'): IsoDate | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isValidIsoDate(value)) {
    throw new AppError('invalid_date', `${field} must be a calendar date in the form YYYY-MM-DD, got "${value}"`, [
      { path: field, message: 'expected YYYY-MM-DD' },
    ]);
  }
  return value as IsoDate;
}

/**
 * The date a read answers for: the one given, or `today` when none is. A date after today is refused: the data holds
 * values dated ahead (a dialogue turning unknown after three years without a report), which no reader may be shown.
 */
export function readDate(value: string | undefined, today: IsoDate, field = 'asOf'): IsoDate {
  const date = parseAsOf(value, field);
  if (date === undefined) return today;
  if (date > today) {
    throw new AppError('invalid_date', `${field} ${date} is after today, ${today}; give a date up to today`, [
      { path: field, message: `on or before ${today}` },
    ]);
  }
  return date;
}

/** The earliest date the observatory reads its knowledge base at (first-as-of.ts). */
export const FIRST_AS_OF = FIRST_AS_OF_TEXT as IsoDate;

/** A date of the observatory's views: `readDate`, and refused before FIRST_AS_OF. */
export function readViewDate(value: string | undefined, today: IsoDate, field = 'asOf'): IsoDate {
  const date = readDate(value, today, field);
  if (date < FIRST_AS_OF) {
    throw new AppError('invalid_date', `${field} ${date} is before ${FIRST_AS_OF}, where the observatory's record begins; give a date from ${FIRST_AS_OF} to today, ${today}`, [
      { path: field, message: `from ${FIRST_AS_OF} to ${today}` },
    ]);
  }
  return date;
}

/** A year (e.g. 2014) read as a date: its first day, the earliest moment a "since 2014" fact holds. */
export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01` as IsoDate;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month as the sources give it when they name no day ("May 2014" is "2014-05"). */
export function isValidIsoMonth(value: string): boolean {
  return ISO_MONTH.test(value);
}

/** How precisely a date of the knowledge base is known: a year (2014), a month ("2014-05") or a day ("2014-05-19"). */
export type DatePrecision = 'year' | 'month' | 'day';

export function precisionOf(value: string | number): DatePrecision {
  if (typeof value === 'number') return 'year';
  return isValidIsoMonth(value) ? 'month' : 'day';
}

/** Normalises a `from` that may be a year, a month or a date: a year or a month counts from its first day. */
export function toDate(value: string | number): IsoDate {
  if (typeof value === 'number') return yearStart(value);
  return (isValidIsoMonth(value) ? `${value}-01` : value) as IsoDate;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "May 2014" for a month ("2014-05", or any date of that month). */
export function monthName(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7)} ${date.slice(0, 4)}`;
}

/** A date shown no more precisely than it is known: "2014", "May 2014" or "2014-05-19"; a day is never invented. */
export function displayDate(date: string, precision: DatePrecision): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return monthName(date);
  return date;
}
