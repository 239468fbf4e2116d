// A partner's profile as of a date: the facts that hold then, each with its sources (the API's main read).
import { toDate, yearOf, type IsoDate } from '../dates';
import { startedBy, valueAt, holdsAt, type TimedEntry } from '../provenance';
import type { Agreement } from '../records/agreement';
import type { Dialogue } from '../records/dialogue';
import { isMember } from '../records/membership';
import type { PartnershipFile } from '../records/partnership-file';
import type { PartnerId } from '../vocabularies';
import type { Dataset, PartnerEntry } from './dataset';
import { requirePartner } from './partners';

/** A position as of a date: the entry that holds, plus every entry the sources give up to that date. */
export type PositionView<E> = E & { history: E[] };

function position<E extends TimedEntry<string>>(history: E[], asOf: IsoDate | undefined): PositionView<E> | null {
  const current = valueAt<string, E>(history, asOf);
  if (!current) return null;
  return { ...current, history: history.filter((e) => startedBy(e.from, asOf)) };
}

export function dialogueView(d: Dialogue, asOf: IsoDate | undefined) {
  const current = valueAt(d.status, asOf);
  if (!current) return null;
  return {
    id: d.id,
    name: d.name,
    partners: d.partners,
    thirdParties: d.thirdParties,
    level: d.level,
    frequency: d.frequency,
    topics: d.topics,
    cyberSpecific: d.cyberSpecific,
    established: d.established ?? null,
    status: current.value,
    statusHistory: d.status.filter((e) => startedBy(e.from, asOf)),
    keyDialogue: d.keyDialogue,
    summary: d.summary ?? null,
    sources: d.sources,
  };
}
export type DialogueView = NonNullable<ReturnType<typeof dialogueView>>;

export function agreementView(a: Agreement, asOf: IsoDate | undefined) {
  const current = valueAt(a.status, asOf);
  if (!current) return null;
  const firstWith = (s: string) => a.status.find((e) => e.value === s && startedBy(e.from, asOf));
  const signed = firstWith('signed');
  const inForce = firstWith('in-force');
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    euParty: a.euParty,
    status: current.value,
    year: yearOf(toDate(current.from)),
    signedYear: signed ? yearOf(toDate(signed.from)) : null,
    inForceYear: inForce ? yearOf(toDate(inForce.from)) : null,
    statusHistory: a.status.filter((e) => startedBy(e.from, asOf)),
    summary: a.summary ?? null,
    sources: [...a.sources, ...current.sources.filter((s) => !a.sources.some((x) => x.ref === s.ref && x.locator === s.locator))],
  };
}

function dated<T extends { from: string | number; until?: string | number | undefined }>(items: T[], asOf: IsoDate | undefined): T[] {
  return items.filter((i) => (asOf === undefined ? true : holdsAt(i.from, i.until, asOf) || startedBy(i.from, asOf)));
}

export function dialoguesOf(dataset: Dataset, id: PartnerId): Dialogue[] {
  return dataset.dialogues.filter((d) => d.partners.includes(id));
}

function membershipsAt(file: PartnershipFile, asOf: IsoDate | undefined) {
  return file.memberships.filter((m) => isMember(m) && (holdsAt(m.from, m.until, asOf) || (asOf === undefined && m.until === undefined)));
}

export function buildProfile(dataset: Dataset, id: string, asOf: IsoDate | undefined) {
  const entry: PartnerEntry = requirePartner(dataset, id);
  const { file } = entry;
  const memberships = membershipsAt(file, asOf);
  return {
    id: file.partner.id,
    name: file.partner.name,
    asOf: asOf ?? null,
    partnershipSince: file.partner.partnershipSince ?? null,
    documents: entry.documents
      .filter((d) => startedBy(d.year, asOf))
      .map((d) => ({
        id: d.id,
        title: d.title,
        type: d.type,
        year: d.year,
        cyberMention: d.cyberMention,
        keyDocument: d.keyDocument,
        url: d.url ?? null,
        summary: d.summary ?? null,
        sources: d.sources,
      })),
    dialogues: dialoguesOf(dataset, file.partner.id)
      .map((d) => dialogueView(d, asOf))
      .filter((d): d is DialogueView => d !== null),
    agreements: entry.agreements
      .map((a) => agreementView(a, asOf))
      .filter((a): a is NonNullable<typeof a> => a !== null),
    positions: {
      budapestConvention: position(file.positions.budapestConvention, asOf),
      internetGovernance: position(file.positions.internetGovernance, asOf),
      wcit2012: position(file.positions.wcit2012, asOf),
    },
    memberships: memberships.map((m) => m.id),
    membershipDetails: memberships,
    cooperation: dated(file.cooperation, asOf),
    perception: position(file.perception, asOf),
    tensions: dated(file.tensions, asOf),
    attention: file.partner.attention.filter((a) => startedBy(a.year, asOf)),
  };
}
export type PartnerProfile = ReturnType<typeof buildProfile>;
