// A partner's membership of an instrument or network (Global Alliance, G8 24/7 network, ...), over time; or, where a
// source lists who belongs, the sourced fact that the partner did not (so that "no" can be told apart from "no data").
import { z } from 'zod';
import { DateOrYear, DatedNotes, Sources } from '../provenance';
import { MembershipId } from '../vocabularies';

export const MembershipStatus = z.enum(['member', 'not-member']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const Membership = z.object({
  id: MembershipId,
  /** `not-member`: a source that lists the members for the period leaves the partner out. */
  status: MembershipStatus.optional(),
  from: DateOrYear,
  /** Set when `from` is the date a source first reported the fact in place, not its start (which the sources do not give). */
  reported: z.boolean().optional(),
  until: DateOrYear.optional(),
  /** For bodies that sit in sessions (each UN GGE), the session, e.g. "2014-2015". */
  session: z.string().regex(/^\d{4}-\d{4}$/).optional(),
  /** `observer`, `founding member` and similar qualifications. */
  role: z.string().optional(),
  /** What holds from `from`; a later statement goes in `datedNotes` with its own date. */
  note: z.string().optional(),
  datedNotes: DatedNotes,
  /** Set when the source named was not read for this entry and the fact still needs checking. */
  unverified: z.boolean().optional(),
  sources: Sources,
});
export type Membership = z.infer<typeof Membership>;

/** Whether the entry records a membership (rather than a sourced absence). */
export function isMember(m: Pick<Membership, 'status'>): boolean {
  return m.status !== 'not-member';
}

/** The id of a membership fact: one per partner, instrument and (for bodies that sit in sessions) session. */
export function membershipFactId(partner: string, m: Pick<Membership, 'id' | 'session'>): string {
  return `membership:${partner}-${m.id}${m.session ? `-${m.session}` : ''}`;
}
