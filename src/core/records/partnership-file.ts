// The shape of one reviewed data file of data/partnerships/: a partner and everything the sources say about it.
import { z } from 'zod';
import { DateOrYear, Sources, timed } from '../provenance';
import { PartnerGroup, Perception, PartnerId } from '../vocabularies';
import { Agreement } from './agreement';
import { Cooperation, Tension } from './cooperation';
import { Dialogue } from './dialogue';
import { PartnershipDocument } from './document';
import { Membership } from './membership';
import { Positions } from './positions';

export const Partner = z.object({
  id: PartnerId,
  name: z.string().min(1),
  /** One of the ten strategic partners of the papers, or another partner of EU cyber dialogues. */
  group: PartnerGroup,
  /** When the EU established the strategic partnership. */
  partnershipSince: z.number().int().optional(),
  /**
   * For a partner outside the ten (required there, see buildDataset): when its cyber dialogue with the EU began. Before
   * that date the partner is not part of the observatory's picture (the map, the network, the assessment of all partners).
   */
  cyberDialogueSince: DateOrYear.optional(),
  /** ISO 3166-1 numeric code, the id of the partner's shape on the world map. */
  isoNumeric: z.string().regex(/^\d{3}$/, 'must be the three-digit ISO 3166-1 numeric code'),
  /** Short notes on summit and ministerial attention to cyber issues. */
  attention: z
    .array(z.object({ level: z.enum(['summit', 'ministerial']), note: z.string(), year: z.number().int(), sources: Sources }))
    .default([]),
});
export type Partner = z.infer<typeof Partner>;

export const PartnershipFile = z
  .object({
    partner: Partner,
    documents: z.array(PartnershipDocument.omit({ partner: true })).default([]),
    dialogues: z.array(Dialogue).default([]),
    agreements: z.array(Agreement.omit({ partner: true })).default([]),
    positions: Positions.default({ budapestConvention: [], internetGovernance: [], wcit2012: [], unCybercrimeConvention: [], unVotes: [] }),
    memberships: z.array(Membership).default([]),
    cooperation: z.array(Cooperation).default([]),
    perception: z.array(timed(Perception)).default([]),
    tensions: z.array(Tension).default([]),
  })
  .strict();
export type PartnershipFile = z.infer<typeof PartnershipFile>;

/** Dialogues shared by several partners (trilaterals) live in their own file. */
export const SharedDialoguesFile = z.object({ dialogues: z.array(Dialogue) }).strict();
