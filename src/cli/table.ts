// Plain-text tables for the terminal: columns padded to their widest cell; and sources as a line of text.
import { capitalLabelOf, labelOf } from '../core/labels';
import { gradeNote, sourceName, type SourceGrader } from '../core/sources/grades';

export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  // The last column is not cut: nothing follows it (sources stay readable in full).
  const line = (r: string[]) => r.map((c, i) => (i === headers.length - 1 ? c : fit(c, widths[i] ?? 0))).join('  ').trimEnd();
  // An empty list says so under its header, so that a filter that matches nothing is not read as a failed command.
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...(cells.length ? cells.map(line) : ['(none)'])].join('\n');
}

/**
 * A vocabulary code as a table cell shows it, in words (`senior-officials` → `Senior officials`, `not-signed
 * (opposed)` → `Not signed (opposed)`); nothing stays nothing. Ids and `--json` keep the codes.
 */
export function words(code: string | null | undefined): string {
  return code === null || code === undefined || code === '' ? '' : capitalLabelOf(code);
}

/** A list of codes in one cell, in words, the first capitalised only as part of a list: `cyber crime, internet governance`. */
export function topics(codes: readonly string[]): string {
  return codes.map(labelOf).join(', ');
}

/** Sources as one table cell, as the CLI's listings print them. */
export type Cite = (sources: readonly { ref: string; locator: string }[]) => string;

/**
 * Each source once, with the places cited in it: a paper by its citation and published version (given the reviewed
 * grades), a web address as it is, and a note where the grade is below primary.
 */
export function sourcesText(sources: readonly { ref: string; locator: string }[], grader?: SourceGrader): string {
  const places = new Map<string, string[]>();
  for (const s of sources) {
    const list = places.get(s.ref) ?? [];
    if (!list.includes(s.locator)) list.push(s.locator);
    places.set(s.ref, list);
  }
  return [...places]
    .map(([ref, locators]) => {
      const grading = grader?.grade(ref);
      const note = gradeNote(grading?.grade);
      return `${sourceName(ref, grading)} (${locators.join(', ')})${note ? ` [${note}]` : ''}`;
    })
    .join('; ');
}
