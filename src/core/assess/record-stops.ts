// Whether an under-delivering verdict rests only on the record stopping. One-off deliverables (an exercise, a campaign)
// count for a few years after their last report (readCooperation), and a dialogue no source reports for three full years
// turns `unknown` in the data; when nothing later is reported, both stop counting and the partnership can read
// under-delivering although nothing recorded says it delivers little. renard2016 s.5 calls under-delivering the
// partnerships whose cooperation stays thin; a record that stops is not that finding.
import { monthName, precisionOf, toDate } from '../dates';
import type { Source } from '../provenance';
import type { FactRef } from './explanation';
import type { PartnerFacts } from './facts-at';
import { readCooperation } from './read-facts';
import type { Orientation, Weights } from './weights';

export interface Lapsed {
  /** A one-off deliverable no longer counted, or a dialogue whose status turned unknown for want of reports. */
  kind: 'deliverable' | 'dialogue';
  fact: FactRef;
  /** The last report of it by the as-of date (a deliverable's end or later dated note), as the source dates it. */
  lastReported: string;
  sources: Source[];
}

export interface RecordStops {
  /** The orientation the partnership would read with the lapsed deliverables still counted. */
  wouldBe: Orientation;
  /** The latest report among the lapsed deliverables. */
  lastReported: string;
  lapsed: Lapsed[];
}

/** The one-off deliverables no longer counted at the date only because no later report of them is known. */
export function lapsedDeliverables(facts: PartnerFacts, weights: Weights): Lapsed[] {
  const asOf = facts.asOf;
  if (asOf === undefined) return [];
  return readCooperation(facts, weights)
    .filter((r) => r.reading.event === true && !r.inForce && r.fact.value.until !== undefined)
    .map((r) => {
      const until = r.fact.value.until as string | number;
      // The report as the source dates it (a year stays a year), the latest by its first day.
      const reports = [until, ...(r.fact.value.datedNotes ?? []).map((n) => n.date)].filter((d) => toDate(d) >= toDate(until) && toDate(d) <= asOf);
      const last = reports.reduce((a, b) => (toDate(b) > toDate(a) ? b : a), until);
      return { kind: 'deliverable' as const, fact: r.fact.ref, lastReported: String(last), sources: r.fact.sources };
    });
}

/** The last status of a dialogue that a source reported, before it turned unknown; undefined when it never did. */
function lastKnownStatus(d: PartnerFacts['dialogues'][number]) {
  return d.value.statusHistory.filter((e) => e.value !== 'unknown' && !e.unverified).at(-1)?.value;
}

/** The dialogues whose status is unknown at the date after a reported one: no source reports them any more. */
export function unreportedDialogues(facts: PartnerFacts): Lapsed[] {
  return facts.dialogues
    .filter((d) => d.value.status === 'unknown' && lastKnownStatus(d) !== undefined)
    .map((d) => ({ kind: 'dialogue' as const, fact: d.ref, lastReported: String(d.value.lastReported ?? d.value.statusSince), sources: d.sources }));
}

/** The facts with each unreported dialogue at the last status a source gave it. */
export function keepingDialogues(facts: PartnerFacts): PartnerFacts {
  return { ...facts, dialogues: facts.dialogues.map((d) => (d.value.status === 'unknown' && lastKnownStatus(d) ? { ...d, value: { ...d.value, status: lastKnownStatus(d)! } } : d)) };
}

/** Weights that keep every one-off deliverable in the record, however old its last report. */
export function keepingDeliverables(weights: Weights): Weights {
  const dw = weights.dimensions;
  return { ...weights, dimensions: { ...dw, cooperation: { ...dw.cooperation, eventYears: Number.MAX_SAFE_INTEGER } } };
}

/** A date as the sources give it, in words: a year stays a year, a month is "March 2022", a day "6 December 2023". */
export function dateInWords(date: string | number): string {
  const d = String(date);
  const precision = /^\d{4}$/.test(d) ? 'year' : precisionOf(d);
  if (precision === 'year') return d.slice(0, 4);
  return precision === 'month' ? monthName(d) : `${Number(d.slice(8, 10))} ${monthName(d)}`;
}

/** A date with its preposition: "in 2014", "in March 2022", "on 21 September 2020". */
export function whenInWords(date: string | number): string {
  const d = String(date);
  return `${/^\d{4}$/.test(d) || precisionOf(d) === 'month' ? 'in' : 'on'} ${dateInWords(d)}`;
}

/** A list in a sentence: "a", "a and b", "a, b and c". */
const inSentence = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export interface StillReported {
  title: string;
  /** The latest verified round of the dialogue by the as-of date. */
  lastRound: string;
}

/** A report dated by its year alone ("2016") is later than any round of that year: it holds to the year's end. */
const laterThan = (date: string) => (/^\d{4}$/.test(date) ? `${date}-12-31` : toDate(date));

/**
 * The dialogues, not lapsed, whose rounds the sources still report after the lapsed facts' last report (the US and
 * Japan hold rounds in 2023 and 2024 while old deliverables lapsed): latest first.
 */
export function stillReported(facts: PartnerFacts, after: string): StillReported[] {
  return facts.dialogues
    .filter((d) => d.value.status !== 'unknown')
    .flatMap((d) => {
      const rounds = d.value.meetings.filter((m) => !m.unverified).map((m) => m.date);
      const last = rounds.reduce<string | number | undefined>((a, b) => (a === undefined || toDate(b) > toDate(a) ? b : a), undefined);
      return last !== undefined && toDate(last) > laterThan(after) ? [{ title: d.ref.title, lastRound: String(last) }] : [];
    })
    .sort((a, b) => (toDate(a.lastRound) > toDate(b.lastRound) ? -1 : 1));
}

/** The reason an under-delivering verdict gives when it rests only on the record stopping. */
export function recordStopsBecause(stops: RecordStops, eventYears: number, still: readonly StillReported[] = []): string {
  const deliverables = stops.lapsed.filter((l) => l.kind === 'deliverable');
  const dialogues = stops.lapsed.filter((l) => l.kind === 'dialogue');
  const parts: string[] = [];
  // The deliverables that lapsed are named (up to three): they, not the partnership's dialogue, are what stopped.
  const named = deliverables.length <= 3 ? ` (${deliverables.map((l) => l.fact.title).join('; ')})` : '';
  if (deliverables.length === 1) parts.push(`a one-off deliverable lapsed ${eventYears} years after its last report${named}`);
  else if (deliverables.length) parts.push(`${deliverables.length} one-off deliverables lapsed ${eventYears} years after their last report${named}`);
  if (dialogues.length) parts.push(`${dialogues.length === 1 ? 'a dialogue is' : `${dialogues.length} dialogues are`} of unknown status after three full years without a report`);
  const one = stops.lapsed.length === 1;
  const rounds = still.slice(0, 3).map((s) => `${s.title}, latest ${dateInWords(s.lastRound)}`);
  const more = still.length > 3 ? ` and ${still.length - 3} more` : '';
  return (
    `the record stops, not the partnership: ${parts.join(' and ')}; the sources reviewed ${one ? 'do not report it' : 'report none of them'} after ${stops.lastReported.slice(0, 4)}` +
    (rounds.length ? `, but still report dialogue rounds after it (${rounds.join('; ')}${more})` : '') +
    `; counted still, the partnership would read ${stops.wouldBe}`
  );
}

export interface Suspension {
  /** When the sources date the suspension (as they give it: a year, a month or a day). */
  from: string;
  agreements: string[];
  dialogues: string[];
  /** Cooperation items whose end the sources date to the suspension. */
  ended: string[];
  sources: Source[];
}

/** The date since which an entry's status holds, on verified entries. */
const since = (history: readonly { value: string; from: string | number; unverified?: boolean | undefined }[], status: string) =>
  history.filter((e) => e.value === status && !e.unverified).at(-1)?.from;

/**
 * The channels the sources report suspended at the date, grouped by the date of the suspension, latest first: the
 * agreements and dialogues whose status is `suspended`, and the cooperation items that ended then (Russia from March
 * 2022). Only a suspension that ended cooperation delivered explains a thin record; none is returned otherwise.
 */
export function suspendedChannels(facts: PartnerFacts, { endedOnly = true }: { endedOnly?: boolean } = {}): Suspension[] {
  const groups = new Map<string, Suspension>();
  const group = (from: string | number) => {
    const key = String(from);
    const g = groups.get(key) ?? { from: key, agreements: [], dialogues: [], ended: [], sources: [] };
    groups.set(key, g);
    return g;
  };
  for (const a of facts.agreements.filter((x) => x.value.status === 'suspended')) {
    const from = since(a.value.statusHistory, 'suspended');
    if (from === undefined) continue;
    group(from).agreements.push(a.ref.title);
    group(from).sources.push(...a.sources);
  }
  for (const d of facts.dialogues.filter((x) => x.value.status === 'suspended')) {
    const from = since(d.value.statusHistory, 'suspended');
    if (from === undefined) continue;
    group(from).dialogues.push(d.ref.title);
    group(from).sources.push(...d.sources);
  }
  for (const c of facts.cooperation) {
    const g = c.value.until === undefined ? undefined : groups.get(String(c.value.until));
    if (!g) continue;
    g.ended.push(c.ref.title);
    g.sources.push(...c.sources);
  }
  const all = [...groups.values()].sort((a, b) => (toDate(a.from) > toDate(b.from) ? -1 : 1));
  return !endedOnly || all.some((g) => g.ended.length > 0) ? all : [];
}

/**
 * What the reason of a record that stops adds when the sources report channels suspended that ended no cooperation
 * (Russia's Permanent Partnership Council from 2014, before March 2022): the record stops, but not only the record.
 */
export function alsoSuspended(suspensions: readonly Suspension[]): string {
  const said = suspensions.map((g) => inSentence([...g.agreements, ...g.dialogues].map((t) => `the ${t}`)) + ` suspended ${whenInWords(g.from)}`);
  return said.length ? `; yet not only the record: the sources also report ${inSentence(said)}` : '';
}

const counted = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/**
 * The reason an under-delivering verdict gives when the sources report the channels suspended: what was suspended and
 * when, then the rule's own reason for what remains.
 */
export function suspendedBecause(suspensions: readonly Suspension[], because: string): string {
  const said = suspensions.map((g) => {
    const suspended = [
      ...(g.agreements.length ? [g.agreements.length <= 2 ? `the ${g.agreements.join(' and the ')}` : `${g.agreements.length} agreements`] : []),
      ...(g.dialogues.length ? [g.dialogues.length === 1 ? `the ${g.dialogues[0]}` : `${g.dialogues.length} dialogues`] : []),
    ];
    const parts = [...(suspended.length ? [`${inSentence(suspended)} suspended`] : []), ...(g.ended.length ? [`${counted(g.ended.length, 'a cooperation item', 'cooperation items')} ended`] : [])];
    return `${inSentence(parts)} ${whenInWords(g.from)}`;
  });
  return `the sources report the channels suspended, not a record that stops: ${said.join('; ')}; what remains: ${because}`;
}
