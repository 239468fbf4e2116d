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

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
/** The characters that end a run of ordinary text outside quotes. */
const SPECIAL = /[",\n\r]/g;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** A record with more or fewer cells than the header: a row cut short (a truncated file) or one with cells run together. */
export class CsvWidthError extends CsvSyntaxError {
  constructor(
    line: number,
    readonly expected: number,
    readonly found: number,
  ) {
    super(`the record on line ${line} has ${found} cell${found === 1 ? '' : 's'}, the header ${expected}`, line);
  }
}

export interface CsvReaderOptions {
  /** Every record must have as many cells as the first (the header); a record that does not throws CsvWidthError. */
  sameWidth?: boolean;
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
  private width = -1;

  constructor(private readonly options: CsvReaderOptions = {}) {}

  push(chunk: string): { line: number; cells: string[] }[] {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // Runs of ordinary characters are copied as one slice; only the characters that matter are looked at one by one.
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          // The character after a closing quote is handled as outside quotes.
          this.inQuotes = false;
          continue;
        }
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        for (let nl = text.indexOf('\n', i); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) this.line++;
        this.field += text.slice(i, end);
        if (q < 0) break;
        this.quoteSeen = true;
        i = q + 1;
        continue;
      }
      SPECIAL.lastIndex = i;
      const found = SPECIAL.exec(text);
      const end = found ? found.index : n;
      if (end > i) {
        if (this.quoted) throw new CsvSyntaxError(`text after a closing quote on line ${this.line}`, this.line);
        this.field += text.slice(i, end);
        i = end;
        if (!found) break;
      }
      const ch = text.charCodeAt(i);
      if (ch === QUOTE) {
        if (this.field === '' && !this.quoted) {
          this.inQuotes = true;
          this.quoted = true;
        } else {
          // A quote inside an unquoted field is text.
          if (this.quoted) throw new CsvSyntaxError(`text after a closing quote on line ${this.line}`, this.line);
          this.field += '"';
        }
      } else if (ch === COMMA) {
        this.endField();
      } else if (ch === LF) {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else if (text.charCodeAt(i + 1) !== LF && i + 1 < n) {
        // CR is dropped before LF; a bare CR inside a field is kept.
        this.field += '\r';
      }
      i++;
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
    if (!(this.record.length === 1 && this.record[0] === '')) {
      if (this.options.sameWidth) {
        if (this.width < 0) this.width = this.record.length;
        else if (this.record.length !== this.width) throw new CsvWidthError(this.recordLine, this.width, this.record.length);
      }
      this.out.push({ line: this.recordLine, cells: this.record });
    }
    this.record = [];
  }
}

/** Parses a whole CSV text into records. */
export function parseCsv(text: string, options: CsvReaderOptions = {}): string[][] {
  const r = new CsvReader(options);
  return [...r.push(text), ...r.end()].map((x) => x.cells);
}

/** Turns records into objects keyed by the header row; missing cells are empty strings. */
export function withHeader(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  header.forEach((h, i) => (row[h] = cells[i] ?? ''));
  return row;
}
