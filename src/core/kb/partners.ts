// Looking up partners by id, with the error users see for an unknown one.
import { AppError, allowedList } from '../errors';
import { PARTNER_IDS, type PartnerId } from '../vocabularies';
import type { Dataset, PartnerEntry } from './dataset';

export function normalisePartnerId(raw: string): PartnerId {
  const id = raw.trim().toUpperCase();
  if ((PARTNER_IDS as readonly string[]).includes(id)) return id as PartnerId;
  throw new AppError(
    'unknown_partner',
    `Unknown partner "${raw}": the strategic partners are ${allowedList(PARTNER_IDS)}`,
    [{ path: 'id', message: `must be one of ${PARTNER_IDS.join(', ')}` }],
  );
}

export function requirePartner(dataset: Dataset, raw: string): PartnerEntry {
  const id = normalisePartnerId(raw);
  const entry = dataset.partners.get(id);
  if (!entry) throw new AppError('unknown_partner', `Partner ${id} has no data in this dataset`);
  return entry;
}

export function listPartners(dataset: Dataset) {
  return [...dataset.partners.values()]
    .map(({ file }) => ({ id: file.partner.id, name: file.partner.name, partnershipSince: file.partner.partnershipSince ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
