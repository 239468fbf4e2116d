// Qualified majority counted in weighted votes, as before the double majority (Protocol (No 36) on transitional
// provisions, Art. 3): the rule of every vote dated before 1 November 2014, and of a vote up to 31 March 2017 for
// which a member asked for it. Read from data/council/voting-rules.yaml (`weightedVotes`).
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { Sources } from '../provenance';
import { POSITIONS, percentOf, type Ballot, type Position, type Tally, type Threshold } from './vote-tally';

const Day = z.string().refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD');
const MembersShare = z.object({ num: z.number().int().positive(), den: z.number().int().positive(), strictlyMore: z.boolean() }).strict();

export const WeightedVotesPeriod = z
  .object({
    from: Day,
    until: Day,
    /** Weighted votes for a qualified majority when every member takes part, out of `total`. */
    threshold: z.number().int().positive(),
    total: z.number().int().positive(),
    text: z.string().min(1),
    weights: z.record(z.string().regex(/^[A-Z]{2}$/), z.number().int().positive()),
    sources: Sources,
  })
  .strict()
  .superRefine((p, ctx) => {
    const sum = Object.values(p.weights).reduce((a, b) => a + b, 0);
    if (sum !== p.total) ctx.addIssue({ code: 'custom', path: ['weights'], message: `the weights add up to ${sum}, not the total ${p.total}` });
    if (p.threshold > p.total) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'the threshold exceeds the total' });
  });
export type WeightedVotesPeriod = z.infer<typeof WeightedVotesPeriod>;

export const WeightedVotes = z
  .object({
    /** The first day the simulator counts (the Treaty of Lisbon's entry into force). */
    firstDay: Day,
    /** The first day of the double majority (Art. 16(4) TEU). */
    doubleMajorityFrom: Day,
    /** The last day a member could ask for the weighted votes (Protocol No 36, Art. 3(2)). */
    requestUntil: Day,
    populationCheckPercent: z.number().int().min(1).max(100),
    members: z.object({ qmv: MembersShare, rqmv: MembersShare }).strict(),
    basis: z.string().min(1),
    periods: z.array(WeightedVotesPeriod).min(1),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type WeightedVotes = z.infer<typeof WeightedVotes>;

/** The period of weights in force on `day`, if any. */
export function weightsOn(data: WeightedVotes, day: string): WeightedVotesPeriod | undefined {
  return data.periods.find((p) => p.from <= day && day <= p.until);
}

export interface WeightedCount {
  rule: 'qmv' | 'rqmv';
  period: WeightedVotesPeriod;
  members: WeightedVotes['members']['qmv'];
  /** Population weights, when the 62 % check was asked for. */
  populationCheck?: { percent: number; weights: ReadonlyMap<string, number> };
}

/**
 * Counts a qualified majority in weighted votes. With every member taking part: at least the threshold of weighted
 * votes, cast by a majority of the members (rule qmv, a proposal from the Commission) or two thirds of them (rqmv);
 * with members not taking part, the same proportions of the participants' votes and members (Art. 3(4)). Abstaining
 * counts as not voting for. On request, the states voting for must also hold the check's share of the participants'
 * population. No blocking-minority rule: the threshold of votes itself sets it.
 */
export function tallyWeighted(ballot: Ballot, count: WeightedCount): Tally {
  const members: Record<Position, string[]> = { for: [], against: [], abstain: [], constructive: [], notParticipating: [] };
  for (const [code, position] of ballot) members[position === 'constructive' ? 'abstain' : position].push(code);
  for (const p of POSITIONS) members[p].sort();
  const constructiveAsAbstention = [...ballot.values()].includes('constructive');
  const { period } = count;
  const all = [...ballot.keys()].sort();
  const participating = all.filter((c) => ballot.get(c) !== 'notParticipating');
  const w = (codes: readonly string[]) => codes.reduce((sum, c) => sum + (period.weights[c] ?? 0), 0);
  const weight = { all: w(all), participating: w(participating), for: w(members.for), against: w(members.against), abstain: w(members.abstain), constructive: 0 };
  const n = participating.length;
  const nFor = members.for.length;
  const every = n === all.length;
  const thresholds: Threshold[] = [];

  // Art. 3(4): the same proportion of the weighted votes; the threshold itself when all take part.
  const votesRequired = every ? period.threshold : Math.ceil((period.threshold * weight.participating) / period.total);
  thresholds.push({
    id: 'weighted-votes',
    text: every
      ? `at least ${period.threshold} of the ${period.total} weighted votes are cast for`
      : `at least ${period.threshold}/${period.total} of the participants' ${weight.participating} weighted votes are cast for (${votesRequired})`,
    required: { votes: votesRequired, votesOf: weight.participating },
    actual: { votes: weight.for },
    met: weight.for * period.total >= period.threshold * weight.participating,
  });

  const m = count.members;
  const membersRequired = m.strictlyMore ? Math.floor((m.num * n) / m.den) + 1 : Math.ceil((m.num * n) / m.den);
  const share = m.strictlyMore && m.num * 2 === m.den ? 'a majority' : `at least ${m.num}/${m.den}`;
  thresholds.push({
    id: 'members',
    text: `${share} of the ${n} members ${every ? '' : 'taking part '}vote for (${membersRequired})`,
    required: { members: membersRequired },
    actual: { members: nFor },
    met: nFor >= membersRequired,
  });

  if (count.populationCheck) {
    const { percent, weights } = count.populationCheck;
    const pw = (codes: readonly string[]) => codes.reduce((sum, c) => sum + (weights.get(c) ?? 0), 0);
    const popFor = pw(members.for);
    const popAll = pw(participating);
    thresholds.push({
      id: 'population-check',
      text: `checked on a member's request: the members voting for hold at least ${percent} % of the ${every ? "Union's" : "participants'"} population`,
      required: { populationPercent: percent },
      actual: { populationPercent: percentOf(popFor, popAll) },
      met: popFor * 100 >= percent * popAll,
    });
  }

  return {
    adopted: n > 0 && thresholds.every((t) => t.met),
    deemedReached: false,
    constructiveAsAbstention,
    members,
    participating,
    weight,
    thresholds,
  };
}
