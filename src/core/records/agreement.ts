// An agreement between the EU (or one of its agencies) and a partner: MLA, extradition, Europol, Eurojust...
import { z } from 'zod';
import { Sources, timed } from '../provenance';
import { AgreementStatus, AgreementType, PartnerId } from '../vocabularies';

export const Agreement = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  partner: PartnerId,
  type: AgreementType,
  title: z.string().min(1),
  /** The EU party: the Union itself or an agency such as Europol or Eurojust. */
  euParty: z.enum(['eu', 'europol', 'eurojust', 'eu-and-member-states']).default('eu'),
  status: z.array(timed(AgreementStatus)).min(1),
  summary: z.string().optional(),
  sources: Sources,
});
export type Agreement = z.infer<typeof Agreement>;
