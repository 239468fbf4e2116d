// Batch screening files: a list of names in (CSV, one name a row, or JSON), one result row per name out.
import { AppError } from '../errors';
import { parseCsv, toCsv } from '../exchange/csv';
import type { ScreeningMatch } from './screen';

export const BATCH_LIMIT = 10_000;
export const NAME_MAX = 300;

/** Checks a list of names to screen: strings, not empty, at most NAME_MAX characters, at most BATCH_LIMIT of them. */
export function checkNames(value: unknown, field = 'names'): string[] {
  if (!Array.isArray(value)) throw new AppError('invalid_input', `${field} must be a list of names (strings)`, [{ path: field, message: 'expected an array of strings' }]);
  if (value.length === 0) throw new AppError('invalid_input', `${field} is empty: give at least one name`, [{ path: field, message: 'at least one name' }]);
  if (value.length > BATCH_LIMIT) throw new AppError('invalid_input', `${field} has ${value.length} names; at most ${BATCH_LIMIT} at a time`, [{ path: field, message: `at most ${BATCH_LIMIT}` }]);
  return value.map((v, i) => {
    if (typeof v !== 'string' || !v.trim()) throw new AppError('invalid_input', `${field}.${i} must be a non-empty name`, [{ path: `${field}.${i}`, message: 'a non-empty string' }]);
    if (v.length > NAME_MAX) throw new AppError('invalid_input', `${field}.${i} is longer than ${NAME_MAX} characters`, [{ path: `${field}.${i}`, message: `at most ${NAME_MAX} characters` }]);
    return v.trim();
  });
}

/** The names of a CSV file: the first cell of each row; a first row reading "name" is a header. */
export function namesFromCsv(text: string): string[] {
  const rows = parseCsv(text).map((r) => (r[0] ?? '').trim());
  const names = /^(name|names|query)$/i.test(rows[0] ?? '') ? rows.slice(1) : rows;
  return checkNames(names.filter(Boolean), 'file');
}

/** The names of a JSON file: a list of names, or `{ "names": [...] }`. */
export function namesFromJson(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'The file is not JSON: give a list of names or { "names": [...] }', [{ path: 'file', message: 'not JSON' }]);
  }
  const list = value && typeof value === 'object' && !Array.isArray(value) ? (value as { names?: unknown }).names : value;
  return checkNames(list, 'names');
}

export const RESULT_COLUMNS = ['query', 'matches', 'strong', 'targetId', 'name', 'kind', 'score', 'matchedOn', 'listedSince', 'inForce'] as const;

/** One row per name screened: its best match (or none), and how many matches there were. */
export function resultRows(results: readonly { query: string; matches: readonly ScreeningMatch[] }[]): (string | number | boolean)[][] {
  return results.map(({ query, matches }) => {
    const m = matches[0];
    return [query, matches.length, m?.strong ?? false, m?.targetId ?? '', m?.name ?? '', m?.kind ?? '', m?.score ?? '', m?.matchedOn ?? '', m?.listedSince ?? '', m?.inForce ?? ''];
  });
}

export function resultsCsv(results: readonly { query: string; matches: readonly ScreeningMatch[] }[]): string {
  return toCsv(RESULT_COLUMNS, resultRows(results));
}
