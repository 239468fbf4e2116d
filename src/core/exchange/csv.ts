// CSV as RFC 4180 describes it: a writer (csv-stringify, with its formula escaping) and a reader that takes the
// text in chunks (so that a file can be streamed) and hands back whole records, quoted newlines included.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * OWASP "CSV Injection": a text cell that begins with =, +, -, @, a tab or a carriage return (or their full-width
 * forms) is prefixed with a quote, so that no spreadsheet evaluates it; numbers stay numbers. Cells holding a
 * semicolon or a line break are quoted too, so that a spreadsheet in a locale that separates with semicolons
 * still reads one cell and cannot start a new one with a formula.
 */
const OPTIONS = {
  escape_formulas: true,
  quoted_match: /[;\r\n]/,
  record_delimiter: 'windows',
  cast: { boolean: (v: boolean) => String(v) },
} as const;

/** One field: quoted when it holds a comma, a quote, a semicolon or a line break, with quotes doubled (RFC 4180 §2.6-2.7). */
export function csvField(value: CsvCell): string {
  return stringify([[value ?? null]], { ...OPTIONS, record_delimiter: '' });
}

/** A whole CSV document: a header line, then one line per row, CRLF line ends as RFC 4180 §2.1 asks. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([headers, ...rows].map((r) => r.map((c) => c ?? null)), OPTIONS);
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * An incremental reader: push text chunks, take the complete records seen so far; `end()` flushes the last.
 * Accepts LF or CRLF line ends and a leading byte-order mark; a quote inside an unquoted field is kept as text.
 */
export class CsvReader {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  private inQuotes = false;
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private out: { line: number; cells: string[] }[] = [];

  push(chunk: string): { line: number; cells: string[] }[] {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          // fall through: the character after a closing quote is handled as outside quotes
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (ch === '\n') this.line++;
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else if (ch === ',') {
        this.endField();
      } else if (ch === '\n') {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else if (ch === '\r') {
        // CR is dropped before LF; a bare CR inside a field is kept.
        if (text[i + 1] !== '\n' && i + 1 < text.length) this.field += ch;
      } else {
        if (this.quoted) throw new CsvSyntaxError(`text after a closing quote on line ${this.line}`, this.line);
        this.field += ch;
      }
    }
    const ready = this.out;
    this.out = [];
    return ready;
  }

  end(): { line: number; cells: string[] }[] {
    if (this.inQuotes && !this.quoteSeen) throw new CsvSyntaxError(`a quoted field opened on line ${this.recordLine} is never closed`, this.recordLine);
    this.inQuotes = false;
    this.quoteSeen = false;
    if (this.field !== '' || this.record.length > 0 || this.quoted) this.endRecord();
    const ready = this.out;
    this.out = [];
    return ready;
  }

  private endField() {
    this.record.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  private endRecord() {
    this.endField();
    // A blank line is no record.
    if (!(this.record.length === 1 && this.record[0] === '')) this.out.push({ line: this.recordLine, cells: this.record });
    this.record = [];
  }
}

/** Parses a whole CSV text into records. */
export function parseCsv(text: string): string[][] {
  const r = new CsvReader();
  return [...r.push(text), ...r.end()].map((x) => x.cells);
}

/** Turns records into objects keyed by the header row; missing cells are empty strings. */
export function withHeader(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  header.forEach((h, i) => (row[h] = cells[i] ?? ''));
  return row;
}
