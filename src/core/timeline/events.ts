// Dated events of the partnerships, per partner or overall: dialogues launched and reported, agreements' steps, documents,
// positions, memberships, cooperation, tensions and the EU's strategies.
import { precisionOf, toDate, yearOf, type DatePrecision, type IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { normalisePartnerId } from '../kb/partners';
import { labelOf, nameInSentence } from '../labels';
import type { DateOrYear, Source } from '../provenance';
import { isMember, membershipFactId, type Membership } from '../records/membership';
import type { PartnerId } from '../vocabularies';

export const EVENT_KINDS = [
  'dialogue-launched',
  'dialogue-reported',
  'dialogue-status',
  'dialogue-meeting',
  'agreement',
  'document',
  'position',
  'membership',
  'cooperation',
  'tension',
  'strategy-adopted',
  'national-strategy',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface TimelineEvent {
  date: string;
  year: number;
  /** `year` when the source gives only the year (the date is then 1 January), `month` when it gives only the month (the date is then its first day). */
  precision: DatePrecision;
  kind: EventKind;
  /** The partners concerned; empty for the EU's own strategies. */
  partners: PartnerId[];
  title: string;
  /** The state reached, where the event is a step: `in-force`, `ratified`, `dormant`... */
  detail: string | null;
  /** The id of the fact in the knowledge base. */
  fact: string;
  sources: Source[];
}

/** The sources of an end: those of the dated notes made on the day it came, else the entry's own. */
function endSources(e: { until?: DateOrYear | undefined; sources: Source[]; datedNotes?: { date: DateOrYear; sources: Source[] }[] | undefined }): Source[] {
  const until = e.until === undefined ? undefined : toDate(e.until);
  const notes = (e.datedNotes ?? []).filter((n) => toDate(n.date) === until);
  return notes.length ? notes.flatMap((n) => n.sources) : e.sources;
}

/** An entry that holds only on an unverified entry says so in its title. */
const unverifiedMark = (e: { unverified?: boolean | undefined }) => (e.unverified ? ' (unverified)' : '');

/** An entry whose `from` is only the date a source first reported it says so: its start is not known. */
const firstReported = (e: { reported?: boolean | undefined }) => (e.reported ? ' (first reported; start not given)' : '');

const at = (d: DateOrYear) => {
  const date = toDate(d);
  return { date, year: yearOf(date), precision: precisionOf(d) };
};

export function allEvents(dataset: Dataset): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (when: DateOrYear, e: Omit<TimelineEvent, 'date' | 'year' | 'precision'>) => events.push({ ...at(when), ...e });

  for (const d of dataset.dialogues) {
    const fact = `dialogue:${d.id}`;
    if (d.established !== undefined) push(d.established, { kind: 'dialogue-launched', partners: d.partners, title: `${d.name} launched`, detail: null, fact, sources: d.sources });
    // A dialogue without a launch date is only "first reported": the papers describe it as in place when they write,
    // which says nothing of when it began. A later report of the same status is a report; a change of status is a step.
    const statuses = [...d.status].sort((a, b) => (toDate(a.from) < toDate(b.from) ? -1 : 1));
    statuses.forEach((s, i) => {
      const previous = statuses[i - 1];
      if (i === 0 && d.established !== undefined && s.value === 'active') return;
      const changed = previous !== undefined ? previous.value !== s.value : s.value !== 'active';
      push(s.from, {
        kind: changed ? 'dialogue-status' : 'dialogue-reported',
        partners: d.partners,
        title: `${changed ? `${d.name}: ${s.value === 'unknown' ? 'status unknown' : labelOf(s.value)}` : i === 0 ? `${d.name} first reported ${labelOf(s.value)} (start not given)` : `${d.name} reported ${labelOf(s.value)}`}${unverifiedMark(s)}`,
        detail: s.value,
        fact,
        sources: s.sources,
      });
    });
    for (const m of d.meetings) {
      if (m.unverified) continue;
      push(m.date, { kind: 'dialogue-meeting', partners: d.partners, title: `${d.name}: ${m.title}`, detail: null, fact, sources: m.sources });
    }
  }

  for (const [pid, entry] of dataset.partners) {
    const { file } = entry;
    const partners = [pid];
    for (const a of entry.agreements) {
      for (const s of a.status) push(s.from, { kind: 'agreement', partners, title: `${a.title}: ${labelOf(s.value)}${firstReported(s)}${unverifiedMark(s)}`, detail: s.value, fact: `agreement:${a.id}`, sources: s.sources });
    }
    for (const d of entry.documents) push(d.date ?? d.year, { kind: 'document', partners, title: d.title, detail: d.type, fact: `document:${d.id}`, sources: d.sources });
    const positions = [
      ['budapest-convention', 'Budapest Convention', file.positions.budapestConvention],
      ['internet-governance', 'Internet-governance model', file.positions.internetGovernance],
      ['wcit-2012', 'WCIT-12 final acts', file.positions.wcit2012],
    ] as const;
    for (const [key, label, history] of positions) {
      history.forEach((e, i) => {
        const stance = 'stance' in e && e.stance ? e.stance : undefined;
        // An entry that keeps the status of the one before changes only the stance: it says so, not a second signature.
        const kept = i > 0 && history[i - 1]!.value === e.value && stance !== undefined;
        const what = kept ? `${labelOf(stance)} (still ${labelOf(e.value)})` : `${labelOf(e.value)}${stance ? ` (${labelOf(stance)})` : ''}`;
        push(e.from, { kind: 'position', partners, title: `${file.partner.name}: ${label} — ${what}${firstReported(e)}${unverifiedMark(e)}`, detail: e.value, fact: `position:${pid}-${key}-${i}`, sources: e.sources });
      });
    }
    // A signature of the UN cybercrime convention is a membership event; a non-signature the sources report is a position.
    file.positions.unCybercrimeConvention.forEach((e, i) => {
      if (e.value !== 'not-signed') return;
      push(e.from, { kind: 'position', partners, title: `${file.partner.name}: UN Convention against Cybercrime — ${labelOf(e.value)}${firstReported(e)}${unverifiedMark(e)}`, detail: e.value, fact: `position:${pid}-un-cybercrime-convention-${i}`, sources: e.sources });
    });
    for (const m of file.memberships.filter(isMember)) {
      push(m.from, { kind: 'membership', partners, title: `${membershipTitle(file.partner.name, m)}${unverifiedMark(m)}`, detail: m.role ?? null, fact: membershipFactId(pid, m), sources: m.sources });
      if (m.until !== undefined) push(m.until, { kind: 'membership', partners, title: `${file.partner.name} leaves ${nameInSentence(m.id)}`, detail: 'ended', fact: membershipFactId(pid, m), sources: m.sources });
    }
    for (const c of file.cooperation) {
      push(c.from, { kind: 'cooperation', partners, title: `${c.title}${firstReported(c)}`, detail: c.kind, fact: `cooperation:${c.id}`, sources: c.sources });
      // An end the sources give (Europol's suspension of 2022) is an event of its own; a one-off held within a year is not.
      if (c.until !== undefined && yearOf(toDate(c.until)) > yearOf(toDate(c.from))) {
        push(c.until, { kind: 'cooperation', partners, title: `${c.title}: ended`, detail: 'ended', fact: `cooperation:${c.id}`, sources: endSources(c) });
      }
    }
    for (const t of file.tensions) push(t.from, { kind: 'tension', partners, title: `${t.title}${firstReported(t)}`, detail: null, fact: `tension:${t.id}`, sources: t.sources });
  }

  for (const s of dataset.framework.strategies) {
    push(s.adopted, { kind: 'strategy-adopted', partners: [], title: s.title, detail: s.by, fact: `strategy:${s.id}`, sources: s.sources });
  }
  // A partner's national strategies (the EU's are its framework's strategies above); the first says so.
  for (const e of dataset.nationalStrategies) {
    const name = dataset.partners.get(e.partner)?.file.partner.name;
    if (name === undefined) continue;
    e.strategies.forEach((s, i) => {
      push(s.adopted, { kind: 'national-strategy', partners: [e.partner], title: `${name}: ${s.title}${unverifiedMark(s)}`, detail: i === 0 ? 'first' : null, fact: `national-strategy:${s.id}`, sources: s.sources });
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
}

/** The events up to a date, for one partner (the events that concern it) or overall. */
export function timelineEvents(dataset: Dataset, partner: string | undefined, asOf: IsoDate | undefined): TimelineEvent[] {
  const id = partner ? normalisePartnerId(partner) : undefined;
  return allEvents(dataset).filter((e) => (asOf === undefined || e.date <= asOf) && (!id || e.partners.includes(id)));
}

/**
 * The event of a membership's start, worded by its role: a signatory signs and an observer is admitted as one; neither
 * joins (a signature is not a ratification, an observer not a member). A start the sources do not give is first reported.
 */
export function membershipTitle(partnerName: string, m: Pick<Membership, 'id' | 'role' | 'reported' | 'from'>): string {
  const body = nameInSentence(m.id);
  const role = m.role?.trim().toLowerCase() ?? '';
  if (m.reported) {
    const as = role === 'signatory' ? ' as a signatory' : role === 'observer' ? ' as an observer' : '';
    return `${partnerName} in ${body}${as}${firstReported(m)}`;
  }
  if (role === 'signatory') return `${partnerName} signs ${body}`;
  if (role === 'observer') return `${partnerName} becomes an observer of ${body}`;
  return `${partnerName} joins ${body}`;
}
