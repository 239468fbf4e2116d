// A partner's positions over time: Budapest Convention, internet-governance model, WCIT-12, the UN Convention against
// Cybercrime and its votes on the UN General Assembly's cyber resolutions.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { Sources, timed } from '../provenance';
import {
  BudapestStance,
  BudapestStatus,
  InternetGovernanceModel,
  UnCybercrimeConventionStatus,
  UnCyberResolution,
  UnVote,
  Wcit2012,
} from '../vocabularies';

/**
 * What another source says about the same fact when the sources contradict each other (research notes, s.2.10).
 * The entry keeps the reading the better source gives; the other reading stays beside it with its own sources.
 */
export const Disagreement = z
  .object({
    claim: z.string().min(1),
    sources: Sources,
  })
  .strict();
export type Disagreement = z.infer<typeof Disagreement>;

const disagreements = z.array(Disagreement).optional();

export const BudapestEntry = timed(BudapestStatus).extend({ stance: BudapestStance.optional(), disagreements });

/** The partner's status towards the UN Convention against Cybercrime (GA res 79/243, open for signature in Hanoi, 2025). */
export const UnCybercrimeConventionEntry = timed(UnCybercrimeConventionStatus).extend({ disagreements });

/** How the partner voted on a recorded UN General Assembly vote on a cyber resolution. */
export const UnVoteEntry = z
  .object({
    resolution: UnCyberResolution,
    date: z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' }),
    vote: UnVote,
    note: z.string().optional(),
    unverified: z.boolean().optional(),
    sources: Sources,
    disagreements,
  })
  .strict();
export type UnVoteEntry = z.infer<typeof UnVoteEntry>;

export const Positions = z.object({
  budapestConvention: z.array(BudapestEntry).default([]),
  internetGovernance: z.array(timed(InternetGovernanceModel)).default([]),
  wcit2012: z.array(timed(Wcit2012)).default([]),
  unCybercrimeConvention: z.array(UnCybercrimeConventionEntry).default([]),
  unVotes: z.array(UnVoteEntry).default([]),
});
export type Positions = z.infer<typeof Positions>;
