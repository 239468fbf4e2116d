// Checks a user-supplied filter value against its closed vocabulary, naming the allowed values when it is not in it.
import type { z } from 'zod';
import { AppError, allowedList } from '../errors';

export function checkFilter<T extends string>(name: string, value: string | undefined, vocabulary: z.ZodEnum<Record<string, T>> | readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  const allowed: readonly string[] = Array.isArray(vocabulary) ? vocabulary : (vocabulary as z.ZodEnum<Record<string, T>>).options;
  if (allowed.includes(value)) return value as T;
  throw new AppError('invalid_filter', `Unknown ${name} "${value}": allowed values are ${allowedList(allowed)}`, [
    { path: name, message: `must be one of ${allowed.join(', ')}` },
  ]);
}

/** The years a year filter may name, and what bounds them (said in the error). */
export interface YearRange {
  from: number;
  to: number;
  what: string;
}

export function checkYear(name: string, value: string | undefined, range?: YearRange): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}$/.test(value)) {
    throw new AppError('invalid_filter', `${name} must be a four-digit year, got "${value}"`, [{ path: name, message: 'expected YYYY' }]);
  }
  const year = Number(value);
  if (range && (year < range.from || year > range.to)) {
    throw new AppError('invalid_filter', `${name} ${value} is outside ${range.what}: give a year from ${range.from} to ${range.to}`, [
      { path: name, message: `from ${range.from} to ${range.to}` },
    ]);
  }
  return year;
}
