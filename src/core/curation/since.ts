// "What happened with a partner since a date": the dated facts of the knowledge base that began, changed or ended
// on or after it, and the curated changes published since then.
import { precisionOf, toDate, type DatePrecision, type IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import type { Source } from '../provenance';
import { allEvents } from '../timeline/events';
import type { KbChange } from './change';

export interface SinceEntry {
  date: string;
  precision: DatePrecision;
  /** added: a fact begins; changed: a step of something already there; ended: it stops. */
  change: 'added' | 'changed' | 'ended';
  kind: string;
  title: string;
  detail: string | null;
  fact: string;
  sources: Source[];
  unverified: boolean;
}

const ENDED_STATES = new Set(['dormant', 'on-hold', 'terminated', 'expired', 'suspended', 'ended']);

/**
 * Dated facts of `partner` on or after `since` and, when `until` is given (today), not after it, oldest first: a
 * step the data dates in the future (a status that turns "unknown" after years without a report) has not happened.
 */
export function factsSince(dataset: Dataset, partner: string, since: IsoDate, until?: IsoDate): SinceEntry[] {
  const out: SinceEntry[] = [];
  for (const e of allEvents(dataset)) {
    if (e.date < since || (until !== undefined && e.date > until) || !(e.partners as string[]).includes(partner)) continue;
    const added = e.kind === 'dialogue-launched' || e.kind === 'dialogue-meeting' || e.kind === 'document' || e.kind === 'cooperation' || e.kind === 'tension' || (e.kind === 'membership' && e.detail !== 'ended');
    const ended = (e.detail !== null && ENDED_STATES.has(e.detail)) || (e.kind === 'membership' && e.detail === 'ended');
    out.push({ date: e.date, precision: e.precision, change: ended ? 'ended' : added ? 'added' : 'changed', kind: e.kind, title: e.title, detail: e.detail, fact: e.fact, sources: e.sources, unverified: false });
  }
  // Cooperation and tensions that ended: the timeline dates their start only.
  const entry = dataset.partners.get(partner as never);
  for (const c of [...(entry?.file.cooperation ?? []), ...(entry?.file.tensions ?? [])]) {
    if (c.until === undefined || toDate(c.until) < since || (until !== undefined && toDate(c.until) > until)) continue;
    const kind = entry?.file.cooperation.includes(c as never) ? 'cooperation' : 'tension';
    out.push({ date: toDate(c.until), precision: precisionOf(c.until), change: 'ended', kind, title: `${c.title} ends`, detail: 'ended', fact: `${kind}:${c.id}`, sources: c.sources, unverified: false });
  }
  markUnverified(dataset, partner, out);
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

/** Dialogue statuses and rounds flagged unverified in the data stay flagged here. */
function markUnverified(dataset: Dataset, partner: string, entries: SinceEntry[]): void {
  for (const d of dataset.dialogues) {
    if (!(d.partners as string[]).includes(partner)) continue;
    const flagged = [...d.status.filter((s) => s.unverified).map((s) => toDate(s.from)), ...d.meetings.filter((m) => m.unverified).map((m) => toDate(m.date))];
    for (const e of entries) if (e.fact === `dialogue:${d.id}` && flagged.includes(e.date as never)) e.unverified = true;
  }
}

/** Published changes of `partner` reviewed on or after `since`, oldest first. */
export function publishedSince(changes: readonly KbChange[], partner: string, since: IsoDate): KbChange[] {
  return changes.filter((c) => c.status === 'published' && c.partner === partner && (c.reviewedAt ?? '') >= since).sort((a, b) => (a.publishedSeq ?? 0) - (b.publishedSeq ?? 0));
}
