// A document that frames a partnership (joint statement, action plan, agreement...) and how much it says on cyber.
import { z } from 'zod';
import { DateOrYear, DatedNotes, Sources } from '../provenance';
import { CyberMention, DocumentType, PartnerId, Topic } from '../vocabularies';

export const PartnershipDocument = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  partner: PartnerId,
  title: z.string().min(1),
  type: DocumentType,
  year: z.number().int().min(1990).max(2100),
  /** The day it was adopted or signed, where the sources give it; an as-of view before that day does not show it. */
  date: DateOrYear.optional(),
  /** The areas it commits the two sides to work on together, where a gap rule reads them (cyber defence...). */
  covers: z.array(Topic).default([]),
  cyberMention: CyberMention,
  /** Whether renard2014's appendix lists it as a key document of the partnership. */
  keyDocument: z.boolean().default(false),
  /** What holds when the document is adopted; a later statement goes in `datedNotes` with its own date. */
  summary: z.string().optional(),
  datedNotes: DatedNotes,
  url: z.string().url().optional(),
  sources: Sources,
});
export type PartnershipDocument = z.infer<typeof PartnershipDocument>;
