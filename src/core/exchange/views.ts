// Exports of the lists the API serves, as CSV or JSON: the same rows a user sees, one record per line, nested
// values flattened into dotted columns (lists of values joined with "; "). JSON is the list as served.
import { AppError, allowedList } from '../errors';
import { toCsv, type CsvCell } from './csv';

export const EXPORT_VIEWS = ['partners', 'dialogues', 'matrix', 'assessments', 'incidents', 'plans', 'actors', 'stix'] as const;
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

/** A CSV of flat rows; the columns are the union of the rows' keys in order of first appearance. */
export function rowsToCsv(rows: readonly Record<string, CsvCell>[], first: readonly string[] = []): string {
  const columns: string[] = [...first];
  const seen = new Set(columns);
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      columns.push(k);
    }
  }
  return toCsv(columns, rows.map((r) => columns.map((c) => r[c])));
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
