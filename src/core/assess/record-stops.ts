// Whether an under-delivering verdict rests only on the record stopping. One-off deliverables (an exercise, a campaign)
// count for a few years after their last report (readCooperation), and a dialogue no source reports for three full years
// turns `unknown` in the data; when nothing later is reported, both stop counting and the partnership can read
// under-delivering although nothing recorded says it delivers little. renard2016 s.5 calls under-delivering the
// partnerships whose cooperation stays thin; a record that stops is not that finding.
import { toDate } from '../dates';
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

/** The reason an under-delivering verdict gives when it rests only on the record stopping. */
export function recordStopsBecause(stops: RecordStops, eventYears: number): string {
  const deliverables = stops.lapsed.filter((l) => l.kind === 'deliverable');
  const dialogues = stops.lapsed.filter((l) => l.kind === 'dialogue');
  const parts: string[] = [];
  if (deliverables.length === 1) parts.push(`a one-off deliverable lapsed ${eventYears} years after its last report`);
  else if (deliverables.length) parts.push(`${deliverables.length} one-off deliverables lapsed ${eventYears} years after their last report`);
  if (dialogues.length) parts.push(`${dialogues.length === 1 ? 'a dialogue is' : `${dialogues.length} dialogues are`} of unknown status after three full years without a report`);
  return (
    `the record stops, not the partnership: ${parts.join(' and ')}, none reported after ${stops.lastReported.slice(0, 4)} by the sources reviewed; ` +
    `counted still, the partnership would read ${stops.wouldBe}`
  );
}
