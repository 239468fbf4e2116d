// When the Budapest Convention binds a partner: from its entry into force for that state, not from the deposit of its
// instrument. A source's date where the partner file states one; otherwise derived from the deposit by the Convention's
// own rule: for a signatory that ratifies later (Art. 36(4)) and for a state that accedes (Art. 37(2)), the first day of
// the month following the expiration of three months after the deposit. The article numbers are the Convention's text,
// which neither the papers nor the research notes give (UNVERIFIED, as data/toolbox/rules.yaml notes them).
import { isValidIsoDate, type IsoDate } from '../dates';
import type { Source } from '../provenance';
import { valueAt } from '../provenance';
import type { BudapestEntry } from '../records/positions';

export interface BudapestEntryIntoForce {
  /** The day the Convention entered (or enters) into force for the state. */
  date: IsoDate;
  /** The deposit of the instrument (the ratified entry's start); null when the sources give the entry into force only. */
  deposit: IsoDate | null;
  /** True when the observatory derived the day from the deposit by the Convention's rule; false when a source states it. */
  derived: boolean;
  /** The article whose rule applies: a signatory's later ratification (36(4)) or an accession (37(2)); unverified. */
  article: 'Art. 36(4)' | 'Art. 37(2)';
  /** The stated date rests on an unverified source (the derived one is as sure as the deposit it comes from). */
  unverified: boolean;
  /** The sources that state the date, or those of the deposit the rule derives it from. */
  sources: Source[];
}

/** The first day of the month following the expiration of three months after `deposit`: the month four months on. */
export function derivedEntryIntoForce(deposit: IsoDate): IsoDate {
  const [y, m] = deposit.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + 4;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01` as IsoDate;
}

/**
 * The entry into force of a ratified entry of `history`: stated where its `inForce` gives it, derived from its start (the
 * deposit) otherwise; null for an entry that is not a ratification or whose deposit is dated only to a month or a year.
 */
export function entryIntoForceOf(history: readonly BudapestEntry[], entry: BudapestEntry): BudapestEntryIntoForce | null {
  if (entry.value !== 'ratified') return null;
  const signedBefore = history.some((e) => e.value === 'signed' && String(e.from) < String(entry.from));
  const article = signedBefore ? 'Art. 36(4)' : 'Art. 37(2)';
  const deposit = typeof entry.from === 'string' && isValidIsoDate(entry.from) ? (entry.from as IsoDate) : null;
  if (entry.inForce) {
    return { date: entry.inForce.date as IsoDate, deposit: entry.inForce.depositNotRecorded ? null : deposit, derived: false, article, unverified: entry.inForce.unverified === true, sources: entry.inForce.sources };
  }
  if (deposit === null) return null;
  return { date: derivedEntryIntoForce(deposit), deposit, derived: true, article, unverified: entry.unverified === true, sources: entry.sources };
}

export interface BudapestBinding {
  /** The status as the observatory records it on the date (a deposit makes it `ratified`). */
  status: string;
  /** The ratification's entry into force, where the status is ratified and it can be given. */
  inForce: BudapestEntryIntoForce | null;
  /** Whether the Convention binds the state on the date: ratified, and in force by then. */
  bound: boolean;
}

/** The Convention's hold on a state on `asOf`, from the entries of its history that may be relied on. */
export function budapestBindingAt(history: readonly BudapestEntry[], asOf: IsoDate): BudapestBinding | null {
  const current = valueAt(history, asOf);
  if (!current) return null;
  const inForce = entryIntoForceOf(history, current);
  return { status: current.value, inForce, bound: inForce !== null && inForce.date <= asOf };
}
