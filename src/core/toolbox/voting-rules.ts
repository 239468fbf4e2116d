// The Council's voting rules as data (data/council/voting-rules.yaml): the thresholds the vote simulator applies.
import { z } from 'zod';
import { Sources } from '../provenance';
import { ACT_KINDS, PROPOSER_IDS, VOTE_RULE_IDS } from './vote-kinds';
import { NonParticipation } from './vote-participation';
import { WeightedVotes } from './vote-weighted';

export const VoteRuleId = z.enum(VOTE_RULE_IDS);
export type VoteRuleId = z.infer<typeof VoteRuleId>;

const Fraction = z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).strict();
const Percent = z.number().int().min(1).max(100);

/**
 * Whom a threshold is counted over: the members taking part (Art. 238(3) TFEU, for qualified majorities when
 * not all members vote), or all the Council's component members and the Union's whole population (Art. 238(1)
 * TFEU for simple majority, Art. 31(1) TEU for constructive abstention).
 */
export const CountedAmong = z.enum(['participants', 'all-members']);
export type CountedAmong = z.infer<typeof CountedAmong>;

export const VotingRuleSpec = z
  .object({
    id: VoteRuleId,
    title: z.string().min(1),
    /** Treaty articles, for the explanation. */
    basis: z.string().min(1),
    /** Members voting for, counted among those taking part unless `among` says all members. */
    members: z
      .union([
        z.object({ atLeastPercent: Percent, among: CountedAmong.default('participants') }).strict(),
        z.object({ moreThanHalf: z.literal(true), among: CountedAmong.default('participants') }).strict(),
      ])
      .optional(),
    /** Population of the members voting for, as a share of the participants' population. */
    population: z.object({ atLeastPercent: Percent }).strict().optional(),
    /** Whether an abstention weighs like a vote against (it does wherever votes for are counted). */
    abstentionCountsAgainst: z.boolean().default(false),
    noVoteAgainst: z.boolean().default(false),
    atLeastOneFor: z.boolean().default(false),
    /**
     * Qualified abstentions that stop the decision when they reach both fractions, of the base `among` names;
     * `explanation` says what abstaining constructively means for the abstainer, with its sources.
     */
    constructiveAbstention: z
      .object({
        members: Fraction,
        population: Fraction,
        among: CountedAmong,
        explanation: z.object({ text: z.string().min(1), sources: Sources, unverified: z.boolean().default(false), note: z.string().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
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

export const ProposerId = z.enum(PROPOSER_IDS);
export type ProposerId = z.infer<typeof ProposerId>;

export const ActKind = z.enum(ACT_KINDS);
export type ActKind = z.infer<typeof ActKind>;

const QualifiedRule = z.enum(['qmv', 'rqmv']);

export const ProposersSpec = z
  .object({
    basis: z.string().min(1),
    list: z
      .array(
        z
          .object({ id: ProposerId, title: z.string().min(1), qualified: QualifiedRule, weighted: QualifiedRule, unverified: z.boolean().default(false), note: z.string().optional() })
          .strict(),
      )
      .refine((l) => ProposerId.options.every((id) => l.filter((p) => p.id === id).length === 1), 'every proposer must appear exactly once'),
    sources: Sources,
  })
  .strict();
export type ProposersSpec = z.infer<typeof ProposersSpec>;

export const ActSpec = z
  .object({
    id: ActKind,
    title: z.string().min(1),
    basis: z.string().min(1),
    /** The rule, or `qualified`: a qualified majority whose kind the proposer decides. */
    rule: z.union([VoteRuleId, z.literal('qualified')]),
    /** One of the four cases of Art. 31(2) TEU: the emergency brake applies, and defence implications exclude it (Art. 31(4)). */
    cfspQualified: z.boolean().default(false),
    /** Who may propose it; absent: the proposer does not matter. */
    proposers: z.array(ProposerId).optional(),
    /** The toolbox measure (data/toolbox/measures.yaml) whose rule this act must agree with. */
    measure: z.string().optional(),
    text: z.string().optional(),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type ActSpec = z.infer<typeof ActSpec>;

export const EmergencyBrakeSpec = z
  .object({ basis: z.string().min(1), text: z.string().min(1), sources: Sources, unverified: z.boolean().default(false), note: z.string().optional() })
  .strict();
export type EmergencyBrakeSpec = z.infer<typeof EmergencyBrakeSpec>;

export const ActsSpec = z
  .array(ActSpec)
  .refine((l) => ActKind.options.every((id) => l.filter((a) => a.id === id).length === 1), 'every kind of act must appear exactly once');

export const VotingRulesFile = z
  .object({
    rules: z.array(VotingRuleSpec).superRefine((rules, ctx) => {
      for (const id of VoteRuleId.options) {
        const n = rules.filter((r) => r.id === id).length;
        if (n !== 1) ctx.addIssue({ code: 'custom', path: [], message: `rule ${id} must appear exactly once, found ${n}` });
      }
    }),
    /** Member states that take no part in decisions on a subject (vote-participation.ts). */
    nonParticipation: z.array(NonParticipation).default([]),
    /** How a qualified majority was counted before the double majority (vote-weighted.ts). */
    weightedVotes: WeightedVotes,
    /** Who proposes, and the qualified majority a proposal of theirs needs (vote-derive.ts). */
    proposers: ProposersSpec,
    /** The kinds of act the rule is derived for (vote-derive.ts). */
    acts: ActsSpec,
    /** Art. 31(2) TEU, second subparagraph. */
    emergencyBrake: EmergencyBrakeSpec,
  })
  .strict();
export type VotingRulesFile = z.infer<typeof VotingRulesFile>;
