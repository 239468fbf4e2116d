// A document that frames a partnership (joint statement, action plan, agreement...) and how much it says on cyber.
import { z } from 'zod';
import { Sources } from '../provenance';
import { CyberMention, DocumentType, PartnerId } from '../vocabularies';

export const PartnershipDocument = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  partner: PartnerId,
  title: z.string().min(1),
  type: DocumentType,
  year: z.number().int().min(1990).max(2100),
  cyberMention: CyberMention,
  /** Whether renard2014's appendix lists it as a key document of the partnership. */
  keyDocument: z.boolean().default(false),
  summary: z.string().optional(),
  url: z.string().url().optional(),
  sources: Sources,
});
export type PartnershipDocument = z.infer<typeof PartnershipDocument>;
