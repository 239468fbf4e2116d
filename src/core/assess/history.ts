// A partnership's assessment over time: maturity and orientation at the end of each year, and the facts that moved the
// maturity score between one year and the next (issue 16, "is this partnership maturing?" for any year).
import { AppError } from '../errors';
import { FIRST_AS_OF, toDate, type IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { labelOf } from '../labels';
import type { Source } from '../provenance';
import { assessPartner } from './engine';
import type { FactRef } from './explanation';
import { whenInWords } from './record-stops';
import type { Dimension, Orientation, Weights } from './weights';

/** The widest span one request may ask for: the papers' period and today's fit many times over. */
export const HISTORY_MAX_YEARS = 60;
/** The first year read: the observatory's record begins on FIRST_AS_OF, and every as-of read refuses an earlier date. */
export const FIRST_YEAR = Number(FIRST_AS_OF.slice(0, 4));
const LAST_YEAR = 2100;

export interface Move {
  fact: FactRef;
  /** Maturity points this fact adds (or takes) at the end of the year, against the end of the year before. */
  change: number;
  /** `entered` (not counted the year before), `left` (no longer counted) or `changed` (counts for more or less). */
  how: 'entered' | 'left' | 'changed';
  /**
   * What the sources report of the fact within the year, when that is why it moved: a status it took (an agreement
   * or a dialogue suspended, a dialogue's status unknown for want of reports) or an end they give a cooperation item.
   * The fact's title then says it too ("... (suspended in March 2022)"), so that every reader of the title sees it.
   */
  because?: string;
  sources: Source[];
}

export interface YearReading {
  year: number;
  /** The date the year is read at: its last day, or today for the year not yet over. */
  asOf: string;
  maturity: number;
  orientation: Orientation;
  /** The rule that gave the orientation, so that a change of label names its cause. */
  orientationRule: string;
  dimensions: Record<Dimension, number>;
  /** The facts whose effect on maturity changed since the end of the year before, strongest first. */
  moved: Move[];
}

export interface AssessmentHistory {
  id: string;
  name: string;
  from: number;
  to: number;
  weights: string;
  years: YearReading[];
}

/** Reads a year of a from/to pair; the default applies when the user gave none. `name` is the field as the user wrote it (`--from` on the CLI). */
export function parseHistoryYear(name: string, value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const text = String(value);
  if (!/^\d{4}$/.test(text) || Number(text) < FIRST_YEAR || Number(text) > LAST_YEAR) {
    throw new AppError('invalid_filter', `${name} must be a four-digit year between ${FIRST_YEAR} and ${LAST_YEAR}, got "${text}"`, [
      { path: name, message: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` },
    ]);
  }
  return Number(text);
}

/** Checks that the span runs forwards and is not too long; throws `invalid_filter` naming both ends (as the user wrote them). */
export function checkSpan(from: number, to: number, names: { from: string; to: string } = { from: 'from', to: 'to' }): void {
  if (from > to) throw new AppError('invalid_filter', `${names.from} (${from}) must not be after ${names.to} (${to})`, [{ path: names.from, message: `must be at most ${names.to}` }]);
  if (to - from + 1 > HISTORY_MAX_YEARS) {
    throw new AppError('invalid_filter', `${names.from} ${from} to ${to} spans ${to - from + 1} years; at most ${HISTORY_MAX_YEARS} are read at once`, [
      { path: names.to, message: `at most ${HISTORY_MAX_YEARS} years after ${names.from}` },
    ]);
  }
}

// Every item that moves the score counts: facts, and the caps that hold a dimension within 0-100 (rules move nothing).
const isFactItem = (id: string) => !id.startsWith('rule:');
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Each fact's total effect on maturity (a fact can count in several dimensions), unrounded. */
function effects(explanation: { fact: FactRef; effect: number; sources: Source[] }[]): Map<string, { fact: FactRef; effect: number; sources: Source[] }> {
  const out = new Map<string, { fact: FactRef; effect: number; sources: Source[] }>();
  for (const e of explanation) {
    if (!isFactItem(e.fact.id)) continue;
    const known = out.get(e.fact.id);
    if (known) known.effect += e.effect;
    else out.set(e.fact.id, { fact: e.fact, effect: e.effect, sources: e.sources });
  }
  return out;
}

function movesBetween(before: ReturnType<typeof effects>, after: ReturnType<typeof effects>): Move[] {
  const moves: Move[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    const change = round1(now.effect - (then?.effect ?? 0));
    if (change !== 0) moves.push({ fact: now.fact, change, how: then ? 'changed' : 'entered', sources: now.sources });
  }
  for (const [id, then] of before) {
    if (!after.has(id) && round1(then.effect) !== 0) moves.push({ fact: then.fact, change: round1(-then.effect), how: 'left', sources: then.sources });
  }
  // A fact re-dated by a later entry of the same value (a position confirmed in a later year) leaves and enters under
  // two ids for the same title: the pair moves nothing.
  const same = (a: Move, b: Move) => a.fact.title === b.fact.title && round1(a.change + b.change) === 0;
  const kept = moves.filter((m) => !(m.how !== 'changed' && moves.some((o) => o !== m && o.how !== 'changed' && o.how !== m.how && same(m, o))));
  return kept.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.fact.id.localeCompare(b.fact.id));
}

type Dated = { value: string; from: string | number; unverified?: boolean | undefined };

/** The last verified status an entry took after `after` and by `upTo`, in words; undefined when none. */
function statusTaken(history: readonly Dated[], after: IsoDate, upTo: IsoDate): string | undefined {
  const e = history.filter((x) => !x.unverified && toDate(x.from) > after && toDate(x.from) <= upTo).at(-1);
  if (!e) return undefined;
  if (e.value === 'unknown') {
    // Reports resting only on unverified entries after the last verified one keep nothing known (Ukraine's 2024-2025 rounds).
    const lastVerified = history.filter((x) => !x.unverified && x.value !== 'unknown' && toDate(x.from) < toDate(e.from)).at(-1);
    const unverifiedLater = history.some((x) => x.unverified && x.value !== 'unknown' && toDate(x.from) < toDate(e.from) && (!lastVerified || toDate(x.from) > toDate(lastVerified.from)));
    const when = whenInWords(e.from).replace(/^(in|on) /, 'from ');
    return unverifiedLater
      ? `status unknown ${when}: no verified source reports it for three full years (later reports unverified, not counted)`
      : `status unknown ${when}: no source reports it for three full years`;
  }
  return `${labelOf(e.value)} ${whenInWords(e.from)}`;
}

/** What the sources report of a fact between two dates that explains its move (see Move.because). */
function reportedChange(dataset: Dataset, partner: string, factId: string, after: IsoDate, upTo: IsoDate): string | undefined {
  const [kind, id] = [factId.slice(0, factId.indexOf(':')), factId.slice(factId.indexOf(':') + 1)];
  const entry = [...dataset.partners].find(([pid]) => pid === partner)?.[1];
  if (kind === 'agreement') {
    const a = entry?.agreements.find((x) => x.id === id);
    return a ? statusTaken(a.status, after, upTo) : undefined;
  }
  if (kind === 'dialogue') {
    const d = dataset.dialogues.find((x) => x.id === id);
    return d ? statusTaken(d.status, after, upTo) : undefined;
  }
  if (kind === 'cooperation') {
    const c = entry?.file.cooperation.find((x) => x.id === id);
    return c?.until !== undefined && toDate(c.until) > after && toDate(c.until) <= upTo ? `ended ${whenInWords(c.until)}` : undefined;
  }
  return undefined;
}

/** The moves with what the sources report of each within the year, where that explains it. */
function explained(moves: Move[], dataset: Dataset, partner: string, after: IsoDate, upTo: IsoDate): Move[] {
  return moves.map((m) => {
    const because = m.how === 'entered' ? undefined : reportedChange(dataset, partner, m.fact.id, after, upTo);
    return because ? { ...m, fact: { ...m.fact, title: `${m.fact.title} (${because})` }, because } : m;
  });
}

/**
 * The assessment at the end of each year from `from` to `to`, each with the facts that moved it since the year before;
 * the year `today` falls in is read as of `today`, as a view without a date is (values the data dates later in that year
 * are not yet known). Later years, asked for by name, are read at their end.
 */
export function assessHistory(dataset: Dataset, id: string, from: number, to: number, weights: Weights, today?: IsoDate): AssessmentHistory {
  checkSpan(from, to);
  const years: YearReading[] = [];
  let previous: ReturnType<typeof effects> | undefined;
  let previousAsOf = `${from - 1}-12-31` as IsoDate;
  let name = id;
  let partner = id;
  for (let year = from; year <= to; year++) {
    const end = `${year}-12-31` as IsoDate;
    const asOf = today !== undefined && today.startsWith(`${year}-`) ? today : end;
    // The year before the first is read too, so that the first year's moves are known.
    if (previous === undefined && year === from) {
      const before = assessPartner(dataset, id, `${year - 1}-12-31` as IsoDate, weights);
      previous = effects(before.explanation);
    }
    const a = assessPartner(dataset, id, asOf, weights);
    name = a.name;
    partner = a.id;
    const now = effects(a.explanation);
    years.push({
      year,
      asOf,
      maturity: a.maturity,
      orientation: a.orientation,
      orientationRule: a.orientationRule.id,
      dimensions: Object.fromEntries(Object.entries(a.dimensions).map(([k, d]) => [k, d.score])) as Record<Dimension, number>,
      moved: explained(movesBetween(previous ?? new Map(), now), dataset, a.id, previousAsOf, asOf),
    });
    previous = now;
    previousAsOf = asOf;
  }
  return { id: partner, name, from, to, weights: weights.title, years };
}
