// How many cyber-related dialogues (renard2016 s.5's sense: CYBER_RELATED_TOPICS) are active with each partner at the end of each year,
// and which were launched in a given year: the thickening fabric of the EU's cyber diplomacy.
import { toDate, yearOf, type IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { inScopeAt } from '../kb/partners';
import { valueAt } from '../provenance';
import type { Dialogue } from '../records/dialogue';
import { CYBER_RELATED_TOPICS, type PartnerId } from '../vocabularies';

export const isCyberRelated = (d: Dialogue) => d.topics.some((t) => CYBER_RELATED_TOPICS.includes(t));

export interface YearCount {
  year: number;
  /** Distinct dialogues active at the end of the year (a trilateral counts once). */
  total: number;
  byPartner: Partial<Record<PartnerId, number>>;
  dialogues: Partial<Record<PartnerId, string[]>>;
  /**
   * Of `total`, the dialogues whose start the sources do not give: in place when a source first reported them, which
   * says nothing of when they began. A rise made of these is a first report, not a launch.
   */
  startUnknown: number;
  startUnknownByPartner: Partial<Record<PartnerId, number>>;
  /** Dialogues reported before whose status no source gives at the date (not counted in `total`). */
  statusUnknown: number;
  /**
   * Dialogues that would be active at the date only on an unverified entry (a hypothesis of the research notes, a
   * low-grade report): shown apart, never counted in `total`, as the assessment keeps such facts apart (facts-at.ts).
   */
  activeUnverified: string[];
}

const endOfYear = (year: number) => `${year}-12-31` as IsoDate;

/** The status that holds at the date on verified entries only; an unverified entry never decides a count. */
const verifiedStatusAt = (d: Dialogue, date: IsoDate) => valueAt(d.status.filter((e) => !e.unverified), date)?.value;

function activeAt(d: Dialogue, date: IsoDate): boolean {
  return verifiedStatusAt(d, date) === 'active';
}

function unknownAt(d: Dialogue, date: IsoDate): boolean {
  return verifiedStatusAt(d, date) === 'unknown';
}

function activeOnlyUnverifiedAt(d: Dialogue, date: IsoDate): boolean {
  return valueAt(d.status, date)?.value === 'active' && !activeAt(d, date);
}

/** One row per year from the first to the last year any cyber-related dialogue is reported (bounded by the as-of date). */
export function activeCyberDialoguesByYear(dataset: Dataset, partner: PartnerId | undefined, asOf: IsoDate | undefined): YearCount[] {
  const dialogues = dataset.dialogues.filter(isCyberRelated).filter((d) => !partner || d.partners.includes(partner));
  const years = dialogues.flatMap((d) => [...d.status.map((s) => yearOf(toDate(s.from))), ...(d.established !== undefined ? [yearOf(toDate(d.established))] : [])]);
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = asOf ? yearOf(asOf) : Math.max(...years);
  const partners = partner ? [partner] : [...dataset.partners.keys()].sort();
  const rows: YearCount[] = [];
  for (let year = first; year <= last; year++) {
    const date = asOf && yearOf(asOf) === year ? asOf : endOfYear(year);
    const active = dialogues.filter((d) => activeAt(d, date));
    const byPartner: YearCount['byPartner'] = {};
    const names: YearCount['dialogues'] = {};
    const unknownStart: YearCount['startUnknownByPartner'] = {};
    for (const p of partners.filter((id) => id === partner || inScopeAt(dataset.partners.get(id)!, date))) {
      const mine = active.filter((d) => d.partners.includes(p));
      byPartner[p] = mine.length;
      names[p] = mine.map((d) => d.id);
      unknownStart[p] = mine.filter((d) => d.established === undefined).length;
    }
    const startUnknown = active.filter((d) => d.established === undefined).length;
    const statusUnknown = dialogues.filter((d) => unknownAt(d, date)).length;
    const activeUnverified = dialogues.filter((d) => activeOnlyUnverifiedAt(d, date)).map((d) => d.id);
    rows.push({ year, total: active.length, byPartner, dialogues: names, startUnknown, startUnknownByPartner: unknownStart, statusUnknown, activeUnverified });
  }
  return rows;
}

/** Cyber-related dialogues launched (with a known launch date) in a year. */
export function dialoguesLaunchedIn(dataset: Dataset, year: number): Dialogue[] {
  return dataset.dialogues.filter((d) => isCyberRelated(d) && d.established !== undefined && yearOf(toDate(d.established)) === year);
}
