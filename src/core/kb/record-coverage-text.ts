// The words for where a partner's record stops (record-coverage.ts), shared by the CLI, the web page and its CSV. Kept
// apart from the views, and free of the date helpers, so that the web app's partner page takes only these words and
// the chunks the overview shares with it stay as they were.
import type { DatedNote } from '../provenance';
import type { CoverageKind } from '../records/coverage';
import type { CoverageView, StatusAsOf } from './record-coverage';
import { shortSourceName } from './unverified-status';

const endOfYear = (date: string) => (date.endsWith('-12-31') ? `the end of ${date.slice(0, 4)}` : date);

/** How each kind of record is named: its facts, its source, what a later fact of it is, and what a partner not read lacks. */
const WORDS: Record<CoverageKind, { what: string; source: string; later: string; unread: string; none: string }> = {
  'un-votes': {
    what: 'UN General Assembly votes',
    source: 'the voting data stop',
    later: 'later votes',
    unread: 'no vote of this partner recorded',
    none: 'No UN General Assembly vote of this partner is recorded: the voting data were read',
  },
  'un-cybercrime-signatures': {
    what: 'Signatures of the UN Convention against Cybercrime',
    source: 'the list of signatories stops',
    later: 'later signatures',
    unread: 'no signature status of this partner recorded',
    none: 'No signature status of this partner is recorded for the UN Convention against Cybercrime: the list of signatories was read',
  },
  'paris-call-supporters': {
    what: 'Paris Call supporters',
    source: 'the list of supporters stops',
    later: 'later supporters',
    unread: 'no supporter status of this partner recorded',
    none: 'No Paris Call supporter status of this partner is recorded: the list of supporters was read',
  },
};

/** The facts a record holds, as a heading: "UN General Assembly votes", "Paris Call supporters". */
export const coverageLabel = (kind: CoverageKind): string => WORDS[kind].what;

/** What a view after the record's last day lacks, as short tags: "later votes not in the data", and for a partner not read, "no vote of this partner recorded". */
export const coverageTags = (c: Pick<CoverageView, 'kind' | 'partnerCovered'>): string[] => [`${WORDS[c.kind].later} not in the data`, ...(c.partnerCovered ? [] : [WORDS[c.kind].unread])];

/**
 * "Paris Call supporters recorded to 2025-12-25 only: the list of supporters stops there, so later supporters are not
 * in the data." A partner the source was not read for is told so.
 */
export function coverageText(c: Pick<CoverageView, 'kind' | 'to' | 'partnerCovered'>): string {
  const w = WORDS[c.kind];
  const to = endOfYear(c.to);
  if (!c.partnerCovered) return `${w.none} for other partners only (to ${to}).`;
  return `${w.what} recorded to ${to} only: ${w.source} there, so ${w.later} are not in the data.`;
}

/**
 * "UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the
 * data." A partner the votes were not taken for is told so.
 */
export function voteCoverageText(c: Pick<CoverageView, 'to' | 'partnerCovered'>): string {
  return coverageText({ ...c, kind: 'un-votes' });
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
