// Counts a Council vote under one voting rule: each threshold with what it requires, what the vote
// reached, and whether it is met. Pure arithmetic on integer weights, so thresholds are exact.
import type { VotingRuleSpec } from './voting-rules';

export type Position = 'for' | 'against' | 'abstain' | 'constructive' | 'notParticipating';
export const POSITIONS: readonly Position[] = ['for', 'against', 'abstain', 'constructive', 'notParticipating'];

/** Every member state's position. */
export type Ballot = ReadonlyMap<string, Position>;

export type ThresholdId =
  | 'members'
  | 'population'
  | 'blocking-minority'
  | 'no-vote-against'
  | 'at-least-one-for'
  | 'constructive-abstention'
  | 'weighted-votes'
  | 'population-check';

export interface Threshold {
  id: ThresholdId;
  /** What the condition asks, in words. */
  text: string;
  /** `votes` are weighted votes (before the double majority), out of `votesOf` cast by the members taking part. */
  required: { members?: number; populationPercent?: number; votes?: number; votesOf?: number };
  actual: { members?: number; populationPercent?: number; votes?: number };
  /** Whether the condition is satisfied in favour of adoption. */
  met: boolean;
}

export interface Tally {
  adopted: boolean;
  /** Adopted only because too few members opposed to form a blocking minority. */
  deemedReached: boolean;
  /** Constructive abstentions counted as ordinary ones, because the rule has no constructive abstention. */
  constructiveAsAbstention: boolean;
  members: Record<Position, string[]>;
  participating: string[];
  /** Population weight of all members (`all`), of those taking part, and of each position. */
  weight: { all: number; participating: number } & Record<Exclude<Position, 'notParticipating'>, number>;
  thresholds: Threshold[];
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

export function tally(ballot: Ballot, weights: ReadonlyMap<string, number>, spec: VotingRuleSpec): Tally {
  const members = groupByPosition(ballot);
  const constructiveAsAbstention = !spec.constructiveAbstention && members.constructive.length > 0;
  if (constructiveAsAbstention) {
    members.abstain = [...members.abstain, ...members.constructive].sort();
    members.constructive = [];
  }
  const allMembers = [...ballot.keys()].sort();
  const participating = allMembers.filter((c) => ballot.get(c) !== 'notParticipating');
  const w = (codes: readonly string[]) => codes.reduce((sum, c) => sum + (weights.get(c) ?? 0), 0);
  const weight = {
    all: w(allMembers),
    participating: w(participating),
    for: w(members.for),
    against: w(members.against),
    abstain: w(members.abstain),
    constructive: w(members.constructive),
  };
  const n = participating.length;
  const nFor = members.for.length;
  const thresholds: Threshold[] = [];

  if (spec.members) {
    const m = spec.members;
    // Art. 238(1) TFEU: a simple majority is of the Council's component members, whoever takes part.
    const all = m.among === 'all-members';
    const base = all ? allMembers.length : n;
    const required = 'atLeastPercent' in m ? Math.ceil((m.atLeastPercent * base) / 100) : Math.floor(base / 2) + 1;
    const met = 'atLeastPercent' in m ? nFor * 100 >= m.atLeastPercent * base : nFor * 2 > base;
    const share = 'atLeastPercent' in m ? `${m.atLeastPercent} %` : 'more than half';
    thresholds.push({
      id: 'members',
      text: all
        ? `${share} of the Council's ${base} members vote for (${required}), however many take part`
        : `${share} of the ${base} members taking part vote for (${required})`,
      required: { members: required },
      actual: { members: nFor },
      met,
    });
  }
  if (spec.population) {
    const p = spec.population.atLeastPercent;
    thresholds.push({
      id: 'population',
      text: `the members voting for represent at least ${p} % of the participants' population`,
      required: { populationPercent: p },
      actual: { populationPercent: percentOf(weight.for, weight.participating) },
      met: weight.for * 100 >= p * weight.participating,
    });
  }
  if (spec.blockingMinority && spec.population) {
    const b = spec.blockingMinority;
    const allTakePart = members.notParticipating.length === 0;
    const required = allTakePart
      ? b.minMembersAllParticipating
      : fewestAbove(participating, weights, b.populationAbovePercent, weight.participating) + b.plusMembers;
    const opposing = n - nFor;
    thresholds.push({
      id: 'blocking-minority',
      text: allTakePart
        ? `fewer than ${required} members oppose (voting against or abstaining), too few for a blocking minority`
        : `fewer than ${required} members oppose, too few for a blocking minority (with members not taking part: the fewest members above ${b.populationAbovePercent} % of the participants' population, plus ${b.plusMembers})`,
      required: { members: required },
      actual: { members: opposing },
      met: opposing < required,
    });
  }
  if (spec.noVoteAgainst) {
    const against = members.against.length + (spec.abstentionCountsAgainst ? members.abstain.length : 0);
    thresholds.push({
      id: 'no-vote-against',
      text: 'no member taking part votes against',
      required: { members: 0 },
      actual: { members: against },
      met: against === 0,
    });
  }
  if (spec.atLeastOneFor) {
    thresholds.push({
      id: 'at-least-one-for',
      text: 'at least one member votes for',
      required: { members: 1 },
      actual: { members: nFor },
      met: nFor >= 1,
    });
  }
  if (spec.constructiveAbstention) {
    // Art. 31(1) TEU: a third of the member states comprising a third of the Union's population, counted
    // over all members and the whole population when the rule says so (it does: data/council/voting-rules.yaml).
    const { members: fm, population: fp, among } = spec.constructiveAbstention;
    const all = among === 'all-members';
    const baseMembers = all ? allMembers.length : n;
    const basePopulation = all ? weight.all : weight.participating;
    const c = members.constructive.length;
    const requiredMembers = Math.ceil((fm.num * baseMembers) / fm.den);
    const reachesMembers = c * fm.den >= fm.num * baseMembers;
    const reachesPopulation = weight.constructive * fp.den >= fp.num * basePopulation;
    const of = all ? `of all ${baseMembers} member states` : `of the ${baseMembers} members taking part`;
    const ofPopulation = all ? "of the Union's population" : "of the participants' population";
    // Worded as what adoption needs, like every other condition, so that "met" reads the right way round.
    thresholds.push({
      id: 'constructive-abstention',
      text: `qualified abstentions stay below ${fm.num}/${fm.den} ${of} (${requiredMembers}) or below ${fp.num}/${fp.den} ${ofPopulation}; reaching both would stop the decision`,
      required: { members: requiredMembers, populationPercent: percentOf(fp.num, fp.den) },
      actual: { members: c, populationPercent: percentOf(weight.constructive, basePopulation) },
      met: !(reachesMembers && reachesPopulation),
    });
  }

  const byId = (id: ThresholdId) => thresholds.find((t) => t.id === id);
  const population = byId('population');
  const blocking = byId('blocking-minority');
  const populationOk = population === undefined || population.met || (blocking?.met ?? false);
  const othersOk = thresholds.filter((t) => t.id !== 'population' && t.id !== 'blocking-minority').every((t) => t.met);
  const adopted = n > 0 && othersOk && populationOk;
  return {
    adopted,
    deemedReached: adopted && population !== undefined && !population.met,
    constructiveAsAbstention,
    members,
    participating,
    weight,
    thresholds,
  };
}

function groupByPosition(ballot: Ballot): Record<Position, string[]> {
  const groups: Record<Position, string[]> = { for: [], against: [], abstain: [], constructive: [], notParticipating: [] };
  for (const [code, position] of ballot) groups[position].push(code);
  for (const p of POSITIONS) groups[p].sort();
  return groups;
}

// Art. 238(3)(a) TFEU: the fewest participants who together hold more than the given share of their population.
function fewestAbove(participants: readonly string[], weights: ReadonlyMap<string, number>, percent: number, total: number): number {
  const sorted = participants.map((c) => weights.get(c) ?? 0).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i] ?? 0;
    if (sum * 100 > percent * total) return i + 1;
  }
  return sorted.length;
}
