// A partner's positions over time: Budapest Convention, internet-governance model, WCIT-12, the UN Convention against
// Cybercrime and its votes on the UN General Assembly's cyber resolutions.
import { z } from 'zod';
import { isValidIsoDate, toDate } from '../dates';
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

/**
 * When the Convention entered into force for the partner, as a source states it. The Convention binds a state from that
 * day, not from the deposit of its instrument (the entry's `from`); without it the observatory derives the day from the
 * deposit by the Convention's rule (`budapest-in-force.ts`). `depositNotRecorded`: the sources give the entry into force
 * but not the deposit, so the entry starts on the day the Convention entered into force (the United States).
 */
export const BudapestInForce = z
  .object({
    date: z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' }),
    depositNotRecorded: z.boolean().optional(),
    note: z.string().optional(),
    unverified: z.boolean().optional(),
    sources: Sources,
  })
  .strict();
export type BudapestInForce = z.infer<typeof BudapestInForce>;

export const BudapestEntry = timed(BudapestStatus).extend({ stance: BudapestStance.optional(), inForce: BudapestInForce.optional(), disagreements });
export type BudapestEntry = z.infer<typeof BudapestEntry>;

/** A file's entry: an entry into force only on a ratification, and not before its deposit. */
const CheckedBudapestEntry = BudapestEntry.refine((e) => e.inForce === undefined || e.value === 'ratified', { message: 'only a ratified entry has an entry into force', path: ['inForce'] }).refine(
  (e) => e.inForce === undefined || (e.inForce.depositNotRecorded ? e.inForce.date === e.from : e.inForce.date >= toDate(e.from)),
  { message: 'the entry into force is on or after the deposit (on the entry\'s start when the deposit is not recorded)', path: ['inForce', 'date'] },
);

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
  budapestConvention: z.array(CheckedBudapestEntry).default([]),
  internetGovernance: z.array(timed(InternetGovernanceModel)).default([]),
  wcit2012: z.array(timed(Wcit2012)).default([]),
  unCybercrimeConvention: z.array(UnCybercrimeConventionEntry).default([]),
  unVotes: z.array(UnVoteEntry).default([]),
});
export type Positions = z.infer<typeof Positions>;
