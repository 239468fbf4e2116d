// Where a partner's record stops, as a view as of a date reads it: the UN General Assembly votes recorded to the last day
// their voting data cover (data/actors.yaml, the General Assembly's coverage), with what is known after that day, and
// the date to which a verified source last reports an agreement's status that may have moved since (renard2016's
// "considered" read in 2026). The CLI, the web page and its CSV say both in the same words (record-coverage-text.ts).
import { toDate, type IsoDate } from '../dates';
import { startedBy, type DateOrYear, type DatedNote, type Source, type TimedEntry } from '../provenance';
import type { Actor } from '../records/actor';
import type { CoverageKind } from '../records/coverage';

/** What a view as of a date after the record's last day says of the record of one kind of fact for one partner. */
export interface CoverageView {
  kind: CoverageKind;
  /** The last day the data cover: later facts of this kind may exist and are not in the data. */
  to: string;
  /** Whether this partner's facts of this kind were taken from the source at all. */
  partnerCovered: boolean;
  note: string;
  sources: Source[];
  /** What the sources say happened after `to` that the record does not hold, as known at the view's date. */
  later: DatedNote[];
}

/**
 * The coverage of one kind of fact for a partner as of a date, or null when the data state none or the date is within
 * it: a view up to the record's last day has the whole record, and where the data end is not known at its date.
 */
export function coverageView(actors: readonly Actor[], kind: CoverageKind, partner: string, asOf: IsoDate | undefined): CoverageView | null {
  const coverage = actors.flatMap((a) => a.coverage ?? []).find((c) => c.kind === kind);
  if (!coverage || (asOf !== undefined && asOf <= coverage.to)) return null;
  return {
    kind,
    to: coverage.to,
    partnerCovered: coverage.partners.includes(partner),
    note: coverage.note,
    sources: coverage.sources,
    later: coverage.later.filter((n) => toDate(n.date) > coverage.to && startedBy(n.date, asOf)),
  };
}

/**
 * Statuses that hold until a step the sources would report (a negotiation opened, an agreement signed or in force): read
 * years later, they say only what held when last reported. In force and suspended hold until ended, and are dated.
 */
const PENDING = new Set(['considered', 'mandated', 'negotiating', 'on-hold', 'awaiting-ratification', 'signed']);

/** The latest date a verified source reports an agreement's current status by the view's date, and who reports it. */
export interface StatusAsOf {
  date: DateOrYear;
  sources: Source[];
}

/**
 * The date to which the current status is last reported (its entry's start or a later verified note on it, as known at
 * the view's date), given when the status is pending or its start is only a first report; null for a dated in-force or
 * suspended status.
 */
export function statusAsOf<V extends string>(current: TimedEntry<V>, asOf: IsoDate | undefined): StatusAsOf | null {
  if (!PENDING.has(current.value) && !current.reported) return null;
  const notes = (current.datedNotes ?? []).filter((n) => !n.unverified && startedBy(n.date, asOf));
  const last = notes.reduce<DatedNote | null>((a, n) => (a === null || toDate(n.date) >= toDate(a.date) ? n : a), null);
  if (last && toDate(last.date) >= toDate(current.from)) return { date: last.date, sources: last.sources };
  return { date: current.from, sources: current.sources };
}
