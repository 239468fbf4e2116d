// A partner's membership of an instrument or network (Global Alliance, G8 24/7 network, ...), over time.
import { z } from 'zod';
import { DateOrYear, Sources } from '../provenance';
import { MembershipId } from '../vocabularies';

export const Membership = z.object({
  id: MembershipId,
  from: DateOrYear,
  until: DateOrYear.optional(),
  /** `observer`, `founding member` and similar qualifications. */
  role: z.string().optional(),
  note: z.string().optional(),
  sources: Sources,
});
export type Membership = z.infer<typeof Membership>;
