// The Council's voting rules as data (data/council/voting-rules.yaml): the thresholds the vote simulator applies.
import { z } from 'zod';
import { Sources } from '../provenance';

export const VoteRuleId = z.enum(['unanimity', 'qmv', 'rqmv', 'simple']);
export type VoteRuleId = z.infer<typeof VoteRuleId>;

const Fraction = z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).strict();
const Percent = z.number().int().min(1).max(100);

export const VotingRuleSpec = z
  .object({
    id: VoteRuleId,
    title: z.string().min(1),
    /** Treaty articles, for the explanation. */
    basis: z.string().min(1),
    /** Members voting for, counted among those taking part. */
    members: z
      .union([z.object({ atLeastPercent: Percent }).strict(), z.object({ moreThanHalf: z.literal(true) }).strict()])
      .optional(),
    /** Population of the members voting for, as a share of the participants' population. */
    population: z.object({ atLeastPercent: Percent }).strict().optional(),
    /** Whether an abstention weighs like a vote against (it does wherever votes for are counted). */
    abstentionCountsAgainst: z.boolean().default(false),
    noVoteAgainst: z.boolean().default(false),
    atLeastOneFor: z.boolean().default(false),
    /** Qualified abstentions that stop the decision when they reach both fractions. */
    constructiveAbstention: z.object({ members: Fraction, population: Fraction }).strict().optional(),
    /**
     * A blocking minority needs at least `minMembersAllParticipating` members, or, when some do not take
     * part, the fewest members above `populationAbovePercent` of the participants' population plus
     * `plusMembers`; failing which the majority is deemed reached.
     */
    blockingMinority: z
      .object({
        minMembersAllParticipating: z.number().int().positive(),
        populationAbovePercent: Percent,
        plusMembers: z.number().int().min(0),
      })
      .strict()
      .optional(),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type VotingRuleSpec = z.infer<typeof VotingRuleSpec>;

export const VotingRulesFile = z
  .object({
    rules: z.array(VotingRuleSpec).superRefine((rules, ctx) => {
      for (const id of VoteRuleId.options) {
        const n = rules.filter((r) => r.id === id).length;
        if (n !== 1) ctx.addIssue({ code: 'custom', path: [], message: `rule ${id} must appear exactly once, found ${n}` });
      }
    }),
  })
  .strict();
export type VotingRulesFile = z.infer<typeof VotingRulesFile>;
