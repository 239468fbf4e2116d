// Turning API identifiers and dates into the words and numbers a reader expects.
import { capitalLabelOf } from '../../../src/core/labels';

/** `cyber-security` → `Cyber security`; known acronyms and names keep their spelling (the words of src/core/labels.ts). */
export function humanise(id: string): string {
  return capitalLabelOf(id);
}

/** A year, a month ("2014-05" → "May 2014", no day is invented) or an ISO date, as written in the sources. */
export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return String(value);
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!d) return value;
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A date of the timeline shown no more precisely than the sources give it: `2014`, `May 2014` or `19 May 2014`. */
export function formatDated(date: string, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return formatDate(date.slice(0, 7));
  return formatDate(date);
}

/** A period; when `from` is only the date a source first reported the fact (`reported`), it says so, not "since". */
export function formatPeriod(from: string | number, until?: string | number, reported?: boolean): string {
  const start = reported ? `first reported ${formatDate(from)}` : formatDate(from);
  if (until === undefined) return reported ? start : `since ${start}`;
  return `${start} – ${formatDate(until)}`;
}

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** Today's date as YYYY-MM-DD, the upper bound of the as-of control. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A moment from the server (ISO date and time), to the minute, in UTC so that every reader sees the same text. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const d = new Date(t);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${date}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** Names as a sentence writes them: `DE`, `DE and FR`, `DE, FR and IT`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
