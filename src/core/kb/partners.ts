// Looking up partners by id, with the error users see for an unknown one. Which partners exist is data: the partner
// files of the dataset (the ten strategic partners of the papers and the EU's other cyber-dialogue partners).
import type { IsoDate } from '../dates';
import { AppError, allowedList } from '../errors';
import { startedBy } from '../provenance';
import type { PartnerId } from '../vocabularies';
import type { Dataset, PartnerEntry } from './dataset';

const ID_FORMAT = /^[A-Z]{2}$/;

/** The partner ids the dataset holds, in alphabetical order. */
export function partnerIds(dataset: Dataset): PartnerId[] {
  return [...dataset.partners.keys()].sort();
}

function unknownPartner(raw: string, allowed: readonly string[] | undefined): AppError {
  const list = allowed ?? [];
  return new AppError(
    'unknown_partner',
    allowed
      ? `Unknown partner "${raw}": the partners are ${allowedList(list)} (the ten strategic partners and the EU's other cyber-dialogue partners)`
      : `Unknown partner "${raw}": a partner id is a two-letter country code such as US or UK`,
    [{ path: 'id', message: allowed ? `must be one of ${list.join(', ')}` : 'must be two letters' }],
  );
}

/**
 * Reads a partner id as typed (trimmed, upper case). Without the dataset only the form is checked; with it, the id must
 * be one of its partners, and the error names them.
 */
export function normalisePartnerId(raw: string, dataset?: Dataset): PartnerId {
  const id = raw.trim().toUpperCase();
  // The sorted list of partners is built only for the error: a lookup is one map access.
  if (!ID_FORMAT.test(id) || (dataset && !dataset.partners.has(id))) throw unknownPartner(raw, dataset ? partnerIds(dataset) : undefined);
  return id;
}

export function requirePartner(dataset: Dataset, raw: string): PartnerEntry {
  const id = normalisePartnerId(raw, dataset);
  return dataset.partners.get(id)!;
}

/** Whether a partner is part of the picture at a date: the ten always, another partner from its first cyber dialogue. */
export function inScopeAt(entry: PartnerEntry, asOf: IsoDate | undefined): boolean {
  const since = entry.file.partner.cyberDialogueSince;
  return entry.file.partner.group === 'strategic-partner' || since === undefined || startedBy(since, asOf);
}

/** The partners, by name; with a date, only those in the picture then (see inScopeAt). */
export function listPartners(dataset: Dataset, asOf?: IsoDate) {
  return [...dataset.partners.values()]
    .filter((entry) => inScopeAt(entry, asOf))
    .map(({ file }) => ({
      id: file.partner.id,
      name: file.partner.name,
      group: file.partner.group,
      partnershipSince: file.partner.partnershipSince ?? null,
      cyberDialogueSince: file.partner.cyberDialogueSince ?? null,
      isoNumeric: file.partner.isoNumeric,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
