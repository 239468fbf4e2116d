// A partner's profile as of a date: the facts that hold then, each with its sources (the API's main read). Nothing
// learned after the date is shown: no entry, meeting or end dated later. A source published later may still be cited
// for a fact dated by then (renard2016 reporting a dialogue of 2014): the rule is on the facts' dates, not the sources'.
import { toDate, yearOf, type IsoDate } from '../dates';
import { startedBy, valueAt, holdsAt, type DateOrYear, type DatedNote, type TimedEntry } from '../provenance';
import type { Agreement } from '../records/agreement';
import type { Dialogue } from '../records/dialogue';
import { isMember } from '../records/membership';
import type { PartnershipFile } from '../records/partnership-file';
import type { BudapestEntry } from '../records/positions';
import type { PartnerId } from '../vocabularies';
import { entryIntoForceOf } from './budapest-in-force';
import type { Dataset, PartnerEntry } from './dataset';
import { dialoguesWith } from './dialogue-index';
import { strategiesAt } from './national-strategies';
import { requirePartner } from './partners';
import { coverageView, statusAsOf } from './record-coverage';

/** A position as of a date: the entry that holds, plus every entry the sources give up to that date. */
export type PositionView<E> = E & { history: E[] };

/** An entry with only the dated notes made by the date (a statement of 2016 is not known in 2014). */
export function notesAt<E extends { datedNotes?: DatedNote[] | undefined }>(entry: E, asOf: IsoDate | undefined): E {
  if (asOf === undefined || entry.datedNotes === undefined) return entry;
  return { ...entry, datedNotes: entry.datedNotes.filter((n) => startedBy(n.date, asOf)) };
}

/**
 * An entry as known at the date: an end that comes after the date is not known yet, so a view as of the date does not
 * give it (the 2014 view of a membership that ended in 2022 says "since", not "until 2022"); nor are its later notes.
 */
export function knownAt<E extends { until?: DateOrYear | undefined; datedNotes?: DatedNote[] | undefined }>(entry: E, asOf: IsoDate | undefined): E {
  const noted = notesAt(entry, asOf);
  if (asOf === undefined || noted.until === undefined || toDate(noted.until) <= asOf) return noted;
  const copy = { ...noted };
  delete copy.until;
  return copy;
}

function position<E extends TimedEntry<string>>(history: E[], asOf: IsoDate | undefined): PositionView<E> | null {
  const current = valueAt<string, E>(history, asOf);
  if (!current) return null;
  return { ...knownAt(current, asOf), history: history.filter((e) => startedBy(e.from, asOf)).map((e) => knownAt(e, asOf)) };
}

/**
 * The Budapest Convention's position with, for a ratification, its entry into force (stated by a source or derived from
 * the deposit, `budapest-in-force.ts`) and whether the Convention is in force for the partner on the date. A day after
 * the date is named: it follows from the deposit (the Convention's rule) or is the day its source states, so a view dated
 * between deposit and entry into force says from when the state is bound, as the response plan does.
 */
function budapestPosition(history: BudapestEntry[], asOf: IsoDate | undefined) {
  const view = position(history, asOf);
  const current = valueAt<string, BudapestEntry>(history, asOf);
  if (!view || !current) return null;
  const entryIntoForce = entryIntoForceOf(history, current);
  const inForceOnDate = entryIntoForce === null || asOf === undefined ? null : entryIntoForce.date <= asOf;
  return { ...view, entryIntoForce, inForceOnDate };
}

/**
 * Whether the entry that holds at the date is unverified and the verified entries give another value (or none): the
 * value then rests only on a hypothesis of the research notes or a low-grade report. An unverified entry that repeats
 * what a verified one says (a later round reported by a weaker source) leaves the value verified.
 */
export function restsOnUnverified<V, E extends TimedEntry<V>>(history: readonly E[], current: E, asOf: IsoDate | undefined): boolean {
  if (!current.unverified) return false;
  return valueAt<V, E>(history.filter((e) => !e.unverified), asOf)?.value !== current.value;
}

/** The earliest and the latest of some dates (years or ISO dates), compared as dates. */
function earliest<T extends DateOrYear>(dates: T[]): T | null {
  return dates.reduce<T | null>((a, d) => (a === null || toDate(d) < toDate(a) ? d : a), null);
}
function latest<T extends DateOrYear>(dates: T[]): T | null {
  return dates.reduce<T | null>((a, d) => (a === null || toDate(d) >= toDate(a) ? d : a), null);
}

/**
 * A dialogue as of a date: only the status entries and meetings dated by then. `established` is its known start (null
 * when the sources do not give one: it is then only `firstReported`, never "started" at the report's date);
 * `lastReported` is the latest date a source reports it by then (a status entry, a dated note on one, a meeting), which an
 * `unknown` status names ("unknown since").
 */
export function dialogueView(d: Dialogue, asOf: IsoDate | undefined) {
  const current = valueAt(d.status, asOf);
  if (!current) return null;
  const statusHistory = d.status.filter((e) => startedBy(e.from, asOf)).map((e) => knownAt(e, asOf));
  const meetings = d.meetings.filter((m) => startedBy(m.date, asOf)).sort((a, b) => (toDate(a.date) < toDate(b.date) ? -1 : 1));
  const held = meetings.filter((m) => !m.unverified);
  // A report is a verified status entry, a later dated note on one (renard2016 "still in place") or a meeting held.
  const reported = statusHistory.filter((e) => e.value !== 'unknown' && !e.unverified);
  const notes = reported.flatMap((e) => (e.datedNotes ?? []).filter((n) => !n.unverified).map((n) => n.date));
  const reports = [...reported.map((e) => e.from), ...notes, ...held.map((m) => m.date)];
  const lastReported = latest(reports);
  return {
    id: d.id,
    name: d.name,
    partners: d.partners,
    thirdParties: d.thirdParties,
    level: d.level,
    frequency: d.frequency,
    /** The dialogue's topics and those its meetings took up by the date. */
    topics: [...new Set([...d.topics, ...held.flatMap((m) => m.topics)])],
    /** The multilateral processes and fora its meetings took up by the date. */
    fora: [...new Set(held.flatMap((m) => m.fora))],
    cyberSpecific: d.cyberSpecific,
    established: d.established ?? null,
    firstReported: earliest(reports) ?? current.from,
    lastReported,
    status: current.value,
    /** Whether the status rests only on an unverified entry (a low-grade report): to be shown as such, never counted. */
    statusUnverified: restsOnUnverified(d.status, current, asOf),
    /** Since when the status holds; for `unknown`, the last date a source reported the dialogue. */
    statusSince: current.value === 'unknown' ? (lastReported ?? current.from) : current.from,
    statusHistory,
    meetings,
    keyDialogue: d.keyDialogue,
    summary: d.summary ?? null,
    sources: d.sources,
  };
}
export type DialogueView = NonNullable<ReturnType<typeof dialogueView>>;

export function agreementView(a: Agreement, asOf: IsoDate | undefined) {
  const current = valueAt(a.status, asOf);
  if (!current) return null;
  // A step whose date is only its first report gives no year of signature or entry into force.
  const firstWith = (s: string) => a.status.find((e) => e.value === s && !e.reported && startedBy(e.from, asOf));
  const signed = firstWith('signed');
  const inForce = firstWith('in-force');
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    euParty: a.euParty,
    status: current.value,
    /** Whether the status rests only on an unverified entry (a hypothesis of the research notes): shown as such, never counted. */
    statusUnverified: restsOnUnverified(a.status, current, asOf),
    year: yearOf(toDate(current.from)),
    /** Whether `year` is only when a source first reported the status (its start is not given). */
    statusReported: current.reported === true,
    /** For a pending status, or one only reported: the latest date a verified source reports it by the date, and who. */
    statusAsOf: statusAsOf(current, asOf),
    signedYear: signed ? yearOf(toDate(signed.from)) : null,
    inForceYear: inForce ? yearOf(toDate(inForce.from)) : null,
    statusHistory: a.status.filter((e) => startedBy(e.from, asOf)).map((e) => knownAt(e, asOf)),
    summary: a.summary ?? null,
    sources: [...a.sources, ...current.sources.filter((s) => !a.sources.some((x) => x.ref === s.ref && x.locator === s.locator))],
  };
}

function dated<T extends { from: string | number; until?: string | number | undefined }>(items: T[], asOf: IsoDate | undefined): T[] {
  return items.filter((i) => (asOf === undefined ? true : holdsAt(i.from, i.until, asOf) || startedBy(i.from, asOf))).map((i) => knownAt(i, asOf));
}

export function dialoguesOf(dataset: Dataset, id: PartnerId): Dialogue[] {
  return dialoguesWith(dataset, id);
}

function membershipsAt(file: PartnershipFile, asOf: IsoDate | undefined) {
  return file.memberships.filter((m) => isMember(m) && (holdsAt(m.from, m.until, asOf) || (asOf === undefined && m.until === undefined))).map((m) => knownAt(m, asOf));
}

export function buildProfile(dataset: Dataset, id: string, asOf: IsoDate | undefined) {
  const entry: PartnerEntry = requirePartner(dataset, id);
  const { file } = entry;
  const memberships = membershipsAt(file, asOf);
  return {
    id: file.partner.id,
    name: file.partner.name,
    asOf: asOf ?? null,
    group: file.partner.group,
    partnershipSince: file.partner.partnershipSince ?? null,
    // A dialogue that begins after the date is not known yet.
    cyberDialogueSince: file.partner.cyberDialogueSince !== undefined && startedBy(file.partner.cyberDialogueSince, asOf) ? file.partner.cyberDialogueSince : null,
    documents: entry.documents
      .filter((d) => startedBy(d.date ?? d.year, asOf))
      .map((d) => ({
        id: d.id,
        title: d.title,
        type: d.type,
        year: d.year,
        date: d.date ?? null,
        covers: d.covers,
        cyberMention: d.cyberMention,
        keyDocument: d.keyDocument,
        url: d.url ?? null,
        summary: d.summary ?? null,
        ...(d.datedNotes ? { datedNotes: notesAt(d, asOf).datedNotes } : {}),
        sources: d.sources,
      })),
    dialogues: dialoguesOf(dataset, file.partner.id)
      .map((d) => dialogueView(d, asOf))
      .filter((d): d is DialogueView => d !== null),
    agreements: entry.agreements
      .map((a) => agreementView(a, asOf))
      .filter((a): a is NonNullable<typeof a> => a !== null),
    positions: {
      budapestConvention: budapestPosition(file.positions.budapestConvention, asOf),
      internetGovernance: position(file.positions.internetGovernance, asOf),
      wcit2012: position(file.positions.wcit2012, asOf),
      unCybercrimeConvention: position(file.positions.unCybercrimeConvention, asOf),
    },
    /** Recorded UN General Assembly votes on cyber resolutions, up to the date. */
    unVotes: file.positions.unVotes.filter((v) => startedBy(v.date, asOf)),
    /** Where the record of those votes stops (the voting data's last day) and what is known after it. */
    unVoteCoverage: coverageView(dataset.actors, 'un-votes', file.partner.id, asOf),
    /** Where the record of the UN Convention against Cybercrime's signatures stops (the list read) and what is known after it. */
    unCybercrimeCoverage: coverageView(dataset.actors, 'un-cybercrime-signatures', file.partner.id, asOf),
    /** Where the record of the Paris Call's state supporters stops (the list read) and what is known after it. */
    parisCallCoverage: coverageView(dataset.actors, 'paris-call-supporters', file.partner.id, asOf),
    memberships: memberships.map((m) => m.id),
    membershipDetails: memberships,
    cooperation: dated(file.cooperation, asOf),
    perception: position(file.perception, asOf),
    tensions: dated(file.tensions, asOf),
    attention: file.partner.attention.filter((a) => startedBy(a.year, asOf)),
    /** Its national cybersecurity strategies adopted by the date (shown, not scored); null when the data hold none. */
    nationalStrategies: strategiesAt(dataset.nationalStrategies, file.partner.id, asOf),
  };
}
export type PartnerProfile = ReturnType<typeof buildProfile>;
