// The views' CSV files: the CSV writer of lib/csv.ts (the project's rules: RFC 4180, spreadsheet formulas defused),
// every row carrying the TLP marking and the date the view holds for, and a file name that says both.
import { toCsv, type CsvCell } from './csv';
import type { TlpLevel } from '../toolbox-types';
import { tlpLabel } from './tlp';

/** A view as a table: what it is, for which date, under which marking. */
export interface ExportTable {
  /** The view, in the file name: `partner`, `compare`, `matrix`, `network`, `sanctions`, `plan`. */
  view: string;
  /** What the view is about, in the file name: a partner's code, the compared partners, an incident. */
  subject?: string;
  /** The date the view holds for; undefined is today. */
  asOf: string | undefined;
  tlp: TlpLevel;
  headers: string[];
  rows: CsvCell[][];
}

/** `TLP:AMBER+STRICT` as a file name may hold it (no colon on Windows): `TLP-AMBER+STRICT`. */
const tlpInName = (level: TlpLevel) => tlpLabel(level).replace(':', '-');

const safe = (part: string) =>
  part
    .normalize('NFKD')
    .replace(/[^\w+.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** `cyberdiplo-partner-JP-2014-06-30-TLP-CLEAR.csv`: the view, its subject, its date, its marking. */
export function exportFileName(t: Pick<ExportTable, 'view' | 'subject' | 'asOf' | 'tlp'>, today: string, extension = 'csv'): string {
  const parts = ['cyberdiplo', t.view, t.subject ? safe(t.subject) : '', t.asOf ?? today, tlpInName(t.tlp)].filter(Boolean);
  return `${parts.join('-')}.${extension}`;
}

/** The CSV text: the marking and the date first on every row, so that a row copied out keeps both. */
export function exportCsv(t: ExportTable, today: string): string {
  const marking = tlpLabel(t.tlp);
  const date = t.asOf ?? today;
  return toCsv(['Marking', 'As of', ...t.headers], t.rows.map((r) => [marking, date, ...r]));
}

/**
 * Saves a text as a file through the browser; a CSV opens with the byte-order mark that makes spreadsheets read UTF-8
 * (JSON must not: RFC 8259, section 8.1).
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(type.startsWith('text/csv') ? ['\ufeff', text] : [text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
