// The browser's CSV writer, the same rules as the project's writer (src/core/exchange/csv.ts, csv-stringify, which
// needs Node's Buffer): RFC 4180 quoting and CRLF line ends, spreadsheet formulas defused (OWASP "CSV Injection"),
// cells with a semicolon quoted for locales that separate with semicolons. csv.test.ts holds the two writers equal.

export type CsvCell = string | number | boolean | null | undefined;

/** A text beginning like a formula (=, +, -, @, tab, carriage return, or their full-width forms); numbers stay numbers. */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: the header line, then one line per row, each line ended by CRLF (RFC 4180 §2.1). */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [headers, ...rows].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}
