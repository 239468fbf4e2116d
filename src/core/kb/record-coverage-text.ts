// The words for where a partner's record stops (record-coverage.ts), shared by the CLI, the web page and its CSV. Kept
// apart from the views, and free of the date helpers, so that the web app's partner page takes only these words and
// the chunks the overview shares with it stay as they were.
import type { DatedNote } from '../provenance';
import type { CoverageView, StatusAsOf } from './record-coverage';
import { shortSourceName } from './unverified-status';

const endOfYear = (date: string) => (date.endsWith('-12-31') ? `the end of ${date.slice(0, 4)}` : date);

/**
 * "UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the
 * data." A partner the votes were not taken for is told so.
 */
export function voteCoverageText(c: Pick<CoverageView, 'to' | 'partnerCovered'>): string {
  const to = endOfYear(c.to);
  if (!c.partnerCovered) return `No UN General Assembly vote of this partner is recorded: the voting data were read for other partners only (to ${to}).`;
  return `UN General Assembly votes recorded to ${to} only: the voting data stop there, so later votes are not in the data.`;
}

/** A later fact as a line under its date as the data give it (a year, a month or a day): "2020: In the First Committee …". */
export function laterFactText(n: Pick<DatedNote, 'date' | 'text' | 'unverified'>): string {
  return `${String(n.date)}: ${n.text}${n.unverified ? ' (unverified)' : ''}`;
}

/** "as of 2016, last reported by Renard (2016)": the year alone, which is what a reader in a later year needs. */
export function statusAsOfText(s: StatusAsOf): string {
  const names = [...new Set(s.sources.map((x) => shortSourceName(x.ref)))];
  return `as of ${String(s.date).slice(0, 4)}, last reported by ${names.join(', ')}`;
}
