// Calendar dates (YYYY-MM-DD) as the product's unit of time: parsing, validation and comparison.
import { AppError } from './errors';

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

/** A year (e.g. 2014) read as a date: its first day, the earliest moment a "since 2014" fact holds. */
export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01` as IsoDate;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Normalises a `from` that may be a year or a date. */
export function toDate(value: string | number): IsoDate {
  return (typeof value === 'number' ? yearStart(value) : value) as IsoDate;
}
