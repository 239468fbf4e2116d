// Exports of the lists the API serves, as CSV or JSON: the same rows a user sees, one record per line, nested
// values flattened into dotted columns (lists of values joined with "; "). JSON is the list as served.
import type { z } from 'zod';
import { AppError, allowedList } from '../errors';
import { toCsv, type CsvCell } from './csv';

export const EXPORT_VIEWS = ['partners', 'dialogues', 'matrix', 'national-strategies', 'assessments', 'incidents', 'plans', 'actors', 'stix'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];
export const TABLE_FORMATS = ['csv', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export function parseView(value: string | undefined): ExportView {
  if (value && (EXPORT_VIEWS as readonly string[]).includes(value)) return value as ExportView;
  throw new AppError('invalid_filter', `Unknown view "${value ?? ''}": the views are ${allowedList(EXPORT_VIEWS)}`, [{ path: 'view', message: `one of ${EXPORT_VIEWS.join(', ')}` }]);
}

export function parseTableFormat(value: string | undefined, fallback: TableFormat = 'json'): TableFormat {
  if (value === undefined || value === '') return fallback;
  if ((TABLE_FORMATS as readonly string[]).includes(value)) return value as TableFormat;
  throw new AppError('invalid_filter', `Unknown format "${value}": use ${allowedList(TABLE_FORMATS)}`, [{ path: 'format', message: 'csv or json' }]);
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Flattens a record: nested objects become dotted columns, lists of plain values are joined with "; ", lists of
 * objects (explanations, sources, history) are left to the JSON export and counted instead.
 */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, CsvCell> = {}): Record<string, CsvCell> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlain(v)) flatten(v, key, out);
    else if (Array.isArray(v)) {
      if (v.every((x) => !isPlain(x) && !Array.isArray(x))) out[key] = v.map(String).join('; ');
      else out[`${key}.count`] = v.length;
    } else out[key] = v as CsvCell;
  }
  return out;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: SchemaDef } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under its wrappers (optional, nullable, default, lazy, a pipe's input...). */
function unwrapped(s: z.ZodType): z.ZodType {
  const d = defOf(s);
  if (WRAPPERS.has(d.type) && d.innerType) return unwrapped(d.innerType);
  if (d.type === 'lazy' && d.getter) return unwrapped(d.getter());
  if (d.type === 'pipe' && d.in && d.out) return unwrapped(defOf(d.in).type === 'transform' ? d.out : d.in);
  return s;
}

/** Whether flatten counts a list of these (objects and lists) rather than joining it (plain values). */
function counted(element: z.ZodType): boolean {
  const d = defOf(unwrapped(element));
  if (d.type === 'union') return (d.options ?? []).some(counted);
  return d.type === 'object' || d.type === 'record' || d.type === 'array' || d.type === 'intersection';
}

/**
 * The columns `flatten` writes for records of this schema, in the schema's order: what a CSV of the view has as its
 * header even when no row is written. Optional and nullable parts give their columns as well (empty on a row without
 * them); a record keyed by an enumeration gives one group per key; a record of free keys gives none.
 */
export function flatColumns(schema: z.ZodType, prefix = '', out: string[] = []): string[] {
  const add = (key: string) => {
    if (!out.includes(key)) out.push(key);
  };
  const s = unwrapped(schema);
  const d = defOf(s);
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (d.type === 'object' && d.shape) for (const [k, v] of Object.entries(d.shape)) nested(v, at(k));
  else if (d.type === 'intersection' && d.left && d.right) {
    flatColumns(d.left, prefix, out);
    flatColumns(d.right, prefix, out);
  } else if (d.type === 'union') for (const o of d.options ?? []) flatColumns(o, prefix, out);
  else if (d.type === 'record' && d.keyType && d.valueType) {
    const keys = defOf(unwrapped(d.keyType)).entries;
    for (const k of Object.values(keys ?? {})) nested(d.valueType, at(String(k)));
  }
  return out;

  function nested(v: z.ZodType, key: string): void {
    const inner = unwrapped(v);
    const t = defOf(inner);
    if (t.type === 'object' || t.type === 'intersection' || t.type === 'record' || (t.type === 'union' && (t.options ?? []).some((o) => defOf(unwrapped(o)).type === 'object'))) flatColumns(inner, key, out);
    else if (t.type === 'array' && t.element) add(counted(t.element) ? `${key}.count` : key);
    else add(key);
  }
}

/**
 * A row of `flatten` set to a view's columns: an empty list read where the view counts the list (`x` empty, `x.count`
 * a column) is a count of 0, and an absent object (`x` null where the columns hold `x.…`) leaves its columns empty,
 * instead of either adding a column of its own.
 */
function fitted(row: Record<string, CsvCell>, columns: ReadonlySet<string>): Record<string, CsvCell> {
  const out: Record<string, CsvCell> = {};
  for (const [k, v] of Object.entries(row)) {
    if (!columns.has(k) && (v === '' || v === null || v === undefined)) {
      if (columns.has(`${k}.count`)) {
        if (v === '') out[`${k}.count`] = 0;
        continue;
      }
      if ([...columns].some((c) => c.startsWith(`${k}.`))) continue;
    }
    out[k] = v;
  }
  return out;
}

/**
 * A CSV of flat rows under a view's columns (`first`): its header even with no row; a row's key the columns do not
 * name is added after them, in order of first appearance, so that nothing a row holds is left out.
 */
export function rowsToCsv(rows: readonly Record<string, CsvCell>[], first: readonly string[] = []): string {
  const columns: string[] = [...first];
  const seen = new Set(columns);
  const declared = new Set(first);
  const table = first.length ? rows.map((r) => fitted(r, declared)) : rows;
  for (const r of table) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      columns.push(k);
    }
  }
  return toCsv(columns, table.map((r) => columns.map((c) => r[c])));
}

/** The instrument matrix: one row per partner, one column per instrument holding the cell's value. */
export function matrixRows(matrix: { columns: string[]; rows: { id: string; name: string; cells: Record<string, { value?: unknown } | null | undefined> }[] }): Record<string, CsvCell>[] {
  return matrix.rows.map((r) => {
    const row: Record<string, CsvCell> = { id: r.id, name: r.name };
    for (const c of matrix.columns) {
      const v = r.cells[c]?.value;
      row[c] = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : (v as CsvCell);
    }
    return row;
  });
}
