// The Council vote simulator: validates a vote, applies a voting rule from data/council/voting-rules.yaml
// to the population figures of data/council/population.yaml, and explains the outcome and what would flip it.
import { z } from 'zod';
import { AppError } from '../errors';
import type { Source } from '../provenance';
import { isValidIsoDate, yearOf, yearStart, type IsoDate } from '../dates';
import { parseOrThrow } from '../zod-issues';
import { memberState, memberStateCodesText, memberStatesAt, normaliseMemberStateCode } from './member-states';
import { councilMembersOf, populationWeights, type PopulationFile, type PopulationYear } from './population';
import { exceptionsFor, type ConstructiveAbstentionBase, type ParticipationException } from './vote-participation';
import { pivotalStates, type Pivot } from './vote-pivots';
import { percentOf, POSITIONS, tally, type Ballot, type Position, type Tally, type Threshold } from './vote-tally';
import { tallyWeighted, weightsOn, type WeightedVotes } from './vote-weighted';
import { deriveRule, withChosen, type RuleDerivation } from './vote-derive';
import { renameVoteFields, type VoteFieldNames } from './vote-fields';
import { ActKind, ProposerId, VoteRuleId, type VotingRuleSpec, type VotingRulesFile } from './voting-rules';

/**
 * A list of member states: an array, or a comma-separated string as typed on a command line. Whether each
 * is a member is checked against the Council of the vote's year, once the year is known.
 */
const CodeList = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v.map((c) => c.trim())));

export const VoteInput = z
  .object({
    /** The rule counted; derived from `act` and `proposer` when omitted (one of the two must be given). */
    rule: VoteRuleId.optional(),
    /** The kind of act (Art. 31 TEU's cases, the sanctions acts...): the rule is derived from it and the proposer. */
    act: ActKind.optional(),
    /** Who proposes the act: a qualified majority is the reinforced one on a proposal not from the Commission or the High Representative (Art. 238(2) TFEU). */
    proposer: ProposerId.optional(),
    /** The member state that declares vital and stated reasons of national policy to oppose a CFSP qualified-majority decision (Art. 31(2) TEU, second subparagraph). */
    emergencyBrake: z.string().optional(),
    /** Population figures of this year; the year of `date`, or the latest year in the data, when omitted. */
    year: z.number().int().optional(),
    /** The day of the vote, where it decides who takes part (an opt-out that ended during the year). */
    date: z.string().refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD').optional(),
    /** The decision has defence implications: member states that take no part in such decisions are left out. */
    defenceImplications: z.boolean().default(false),
    /**
     * A member asked that a qualified majority be counted in weighted votes, as any could from 1 November 2014 to
     * 31 March 2017 (Protocol No 36, Art. 3(2)); votes dated earlier are counted that way anyway.
     */
    weightedVotesRequested: z.boolean().default(false),
    /** A member asked for the check that the states voting for hold 62 % of the population (weighted votes only). */
    populationCheck: z.boolean().default(false),
    /** States not named anywhere vote for. */
    votes: z
      .object({
        for: CodeList,
        against: CodeList,
        abstain: CodeList,
        constructive: CodeList,
        notParticipating: CodeList,
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type VoteInput = z.input<typeof VoteInput>;

export interface CouncilData {
  population: PopulationFile;
  votingRules: VotingRulesFile;
}

export interface Flip {
  states: string[];
  to: Position;
  outcome: 'adopted' | 'rejected';
  text: string;
}

type Shares = Record<'for' | 'against' | 'abstain' | 'constructive', number>;

export interface VoteResult {
  adopted: boolean;
  rule: VoteRuleId;
  title: string;
  basis: string;
  /** The year whose Council was counted (the vote's year); its population figures too, unless `figuresYear` says otherwise. */
  year: number;
  /** Set when the data holds no population figures for the vote's year yet: the latest year's figures were counted instead. */
  figuresYear?: number;
  /** The Council's members that year (ISO codes): 28 up to 2020, 27 from 2021. */
  members: string[];
  /** Whether population weights are absolute figures or the published (rounded) shares; none for a year the data has no figures for (before 2014). */
  populationFigures: 'population' | 'share' | 'none';
  /** Under a qualified majority: whether it was counted with the double majority or in weighted votes, and why. */
  counting?: Counting;
  /** The rule derived from the act and its proposer, with why, and whether the rule chosen differs. */
  derivation?: RuleDerivation;
  /** A member state stopped the vote (Art. 31(2) TEU, second subparagraph): no vote is taken. */
  emergencyBrake?: EmergencyBrake;
  votes: Record<Position, string[]>;
  counts: { members: number; participating: number } & Record<Position, number>;
  /** Percent of the members taking part, and of their population. */
  shares: { members: Shares; population: Shares };
  thresholds: Threshold[];
  deemedReached: boolean;
  explanation: string[];
  whatWouldFlip: Flip[];
  /** Every member state whose own change of vote would reverse the outcome, largest first. */
  pivotal: Pivot[];
  /** Member states left out of the vote by the decision's subject (Denmark on defence until 1 July 2022), with why. */
  participationExceptions?: ParticipationException[];
  /** Under a rule with constructive abstention: what abstaining that way means for the abstainer, with sources. */
  constructiveAbstention?: { text: string; sources: Source[]; unverified: boolean; note?: string; counted?: 'participants' | 'all-members' };
  sources: Source[];
  unverified: boolean;
}

export interface EmergencyBrake {
  state: string;
  voteTaken: false;
  basis: string;
  text: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
}

/** How a qualified majority was counted: the double majority, or the weighted votes before it (vote-weighted.ts). */
export interface Counting {
  method: 'double-majority' | 'weighted-votes';
  /** Why weighted votes: the vote is dated before the double majority, or a member asked for them (up to 31 March 2017). */
  reason?: 'before-double-majority' | 'requested';
  basis: string;
  text: string;
  /** The weighted votes in force on the vote's day (weighted votes only). */
  period?: { from: string; until: string; threshold: number; total: number; weights: Record<string, number> };
  /** Whether a member asked for the check that the states voting for hold 62 % of the population (weighted votes only). */
  populationCheck: boolean;
  sources: Source[];
  unverified: boolean;
  note?: string;
}

/**
 * Simulates a Council vote; throws AppError('invalid_vote') naming a bad code, a state named twice or an unknown year,
 * each field named as `names` calls it (the API's fields by default; the CLI's options).
 */
export function simulateVote(input: unknown, council: CouncilData, names?: VoteFieldNames): VoteResult {
  try {
    return simulate(input, council);
  } catch (e) {
    throw renameVoteFields(e, names);
  }
}

function simulate(input: unknown, council: CouncilData): VoteResult {
  const vote = parseOrThrow(VoteInput, input, 'invalid_vote', 'vote');
  const wv = council.votingRules.weightedVotes;
  const wanted = vote.year ?? (vote.date !== undefined ? yearOf(vote.date) : undefined);
  const derivation = derivationOf(vote, council.votingRules, wanted);
  const ruleId = vote.rule ?? derivation?.rule;
  if (ruleId === undefined) {
    const message = `give the rule (${VoteRuleId.options.join(', ')}) or the kind of act ({{act}}: ${ActKind.options.join(', ')}) with who proposes it ({{proposer}}: ${ProposerId.options.join(', ')})`;
    throw new AppError('invalid_vote', `Invalid vote: rule: ${message}`, [{ path: 'rule', message }]);
  }
  const spec = council.votingRules.rules.find((r) => r.id === ruleId);
  if (!spec) throw new AppError('corrupt_data', `voting rule ${ruleId} is missing from data/council/voting-rules.yaml`);
  if (vote.date !== undefined && vote.year !== undefined && yearOf(vote.date) !== vote.year) {
    const message = `the vote's date ${vote.date} is not in ${vote.year}; give one or make them agree`;
    throw new AppError('invalid_vote', `Invalid vote: date: ${message}`, [{ path: 'date', message }]);
  }
  refuseBeforeFirstDay(wv, vote.date, wanted);
  const figures = pickYear(council.population, wanted);
  const yearNumber = wanted !== undefined && figures !== undefined && wanted > figures.year ? wanted : (figures?.year ?? (wanted as number));
  // A year after the data's last figures is counted with them, and says so (the Council's figures are updated each 1 January).
  const carried = figures !== undefined && figures.year !== yearNumber ? figures.year : undefined;
  // The Council of the vote's day where one is given (27 from 1 February 2020, the United Kingdom having left), else of 1 January of the year.
  const members = vote.date !== undefined ? memberStatesAt(vote.date as IsoDate).map((m) => m.code) : councilMembersOf(yearNumber);
  const when = vote.date ?? String(yearNumber);
  const counting = countingOf(spec, wv, vote, yearNumber, figures, members);
  const population = figures ? populationWeights(figures) : { weights: new Map<string, number>(), unit: 'none' as const };
  const exceptions = vote.defenceImplications ? exceptionsFor(council.votingRules.nonParticipation, ['defence-implications'], { date: vote.date, year: yearNumber }) : [];
  const left = leaveOut(checkCodes(vote.votes, when, members), exceptions, members);
  const brake = vote.emergencyBrake === undefined ? undefined : brakeState(vote.emergencyBrake, spec, derivation, left, when, members);
  const ballot = buildBallot(brake === undefined || left.against.includes(brake) ? left : { ...left, against: [...left.against, brake] }, members);
  if (!figures && spec.constructiveAbstention && [...ballot.values()].includes('constructive')) {
    const message = `counting qualified abstentions needs the Union's population in ${yearNumber}, and the data holds population figures from ${firstFiguresYear(council.population)} only`;
    throw new AppError('invalid_vote', `Invalid vote: votes.constructive: ${message}`, [{ path: 'votes.constructive', message }]);
  }
  // Under unanimity, a state out by protocol may say whom qualified abstentions are counted over while it is out.
  const base = exceptions.find((x) => x.constructiveAbstention)?.constructiveAbstention;
  const rule: VotingRuleSpec = base && spec.constructiveAbstention ? { ...spec, constructiveAbstention: { ...spec.constructiveAbstention, among: base.among } } : spec;
  const period = counting?.period;
  const count = (b: Ballot): Tally =>
    period && (rule.id === 'qmv' || rule.id === 'rqmv')
      ? tallyWeighted(b, {
          rule: rule.id,
          period: { ...period, text: '', sources: [] },
          members: wv.members[rule.id],
          ...(counting.populationCheck ? { populationCheck: { percent: wv.populationCheckPercent, weights: population.weights } } : {}),
        })
      : tally(b, population.weights, rule);
  const sizes = period ? new Map(Object.entries(period.weights)) : population.weights;
  const result = count(ballot);
  const flips = whatWouldFlip(ballot, result, sizes, rule, count);
  const pivotal = pivotalStates(ballot, result, sizes, count);
  const abstention = spec.constructiveAbstention?.explanation;
  const n = result.participating.length;
  const size = (p: Position | 'participating') => (p === 'participating' ? result.participating : result.members[p]).reduce((sum, c) => sum + (population.weights.get(c) ?? 0), 0);
  const pw = size('participating');
  const nOf = (p: Position) => result.members[p].length;
  const weighted = counting?.method === 'weighted-votes';
  const derivationLines = derivation ? [...derivation.reasons, ...(derivation.contradiction ? [derivation.contradiction] : [])] : [];
  const extra = [
    ...(vote.defenceImplications && (spec.id === 'qmv' || spec.id === 'rqmv') ? [DEFENCE_QMV] : []),
    ...exceptions.map(exceptionSentence),
    ...(base && spec.constructiveAbstention ? [`${base.text}${base.unverified ? ' (unverified)' : ''}`] : []),
    ...(abstention ? [abstention.text] : []),
    pivotalSentence(pivotal),
  ];
  const answer: VoteResult = {
    adopted: result.adopted,
    rule: spec.id,
    title: weighted ? `${spec.title} in weighted votes` : spec.title,
    basis: weighted ? wv.basis : spec.basis,
    year: yearNumber,
    ...(carried !== undefined ? { figuresYear: carried } : {}),
    members,
    populationFigures: population.unit,
    ...(counting ? { counting } : {}),
    ...(derivation ? { derivation } : {}),
    votes: result.members,
    counts: {
      members: members.length,
      participating: n,
      ...(Object.fromEntries(POSITIONS.map((p) => [p, nOf(p)])) as Record<Position, number>),
    },
    shares: {
      members: {
        for: percentOf(nOf('for'), n),
        against: percentOf(nOf('against'), n),
        abstain: percentOf(nOf('abstain'), n),
        constructive: percentOf(nOf('constructive'), n),
      },
      population: {
        for: percentOf(size('for'), pw),
        against: percentOf(size('against'), pw),
        abstain: percentOf(size('abstain'), pw),
        constructive: percentOf(size('constructive'), pw),
      },
    },
    thresholds: result.thresholds,
    deemedReached: result.deemedReached,
    explanation: withBeforeResult([...derivationLines, ...explain(rule, figures, yearNumber, when, members, population.unit, result, flips, counting)], [...(carried !== undefined ? [carriedSentence(carried, yearNumber)] : []), ...extra]),
    whatWouldFlip: flips,
    pivotal,
    ...(exceptions.length ? { participationExceptions: exceptions } : {}),
    ...(abstention ? { constructiveAbstention: constructiveAbstentionOf(abstention, base) } : {}),
    sources: [...(derivation?.sources ?? []), ...(weighted ? (counting?.sources ?? []) : spec.sources), ...(figures && (!weighted || counting?.populationCheck) ? figures.sources : []), ...exceptions.flatMap((x) => x.sources)],
    unverified:
      (weighted ? (counting?.unverified ?? true) : spec.unverified) ||
      (carried !== undefined && Boolean(spec.population || spec.constructiveAbstention)) ||
      (figures !== undefined && (!weighted || counting?.populationCheck === true) && figures.unverified) ||
      exceptions.some((x) => x.unverified || (spec.constructiveAbstention !== undefined && x.constructiveAbstention?.unverified === true)) ||
      (derivation?.unverified ?? false),
  };
  return brake === undefined ? answer : braked(answer, brake, council.votingRules.emergencyBrake, derivationLines);
}

/**
 * The rule derived from the act and its proposer (with the rule chosen beside it), or none: neither given, or only a
 * proposer beside a rule that is not a qualified majority (the proposer then decides nothing).
 */
function derivationOf(vote: z.output<typeof VoteInput>, rules: VotingRulesFile, year: number | undefined): RuleDerivation | undefined {
  if (vote.act === undefined && vote.proposer === undefined) return undefined;
  if (vote.act === undefined && vote.rule !== 'qmv' && vote.rule !== 'rqmv') {
    if (vote.rule !== undefined) return undefined;
    const message = `give the kind of act ({{act}}: ${ActKind.options.join(', ')}) beside the proposer, or the rule ({{rule}}: ${VoteRuleId.options.join(', ')})`;
    throw new AppError('invalid_vote', `Invalid vote: act: ${message}`, [{ path: 'act', message }]);
  }
  // Counted in weighted votes (before the double majority, or on request): the proposer's weighted majority.
  const day = vote.date ?? (year !== undefined ? yearStart(year) : undefined);
  const weighted = vote.weightedVotesRequested || (day !== undefined && day < rules.weightedVotes.doubleMajorityFrom);
  const d = deriveRule({ act: vote.act, proposer: vote.proposer, defenceImplications: vote.defenceImplications, weighted }, rules.acts, rules.proposers);
  return d && vote.rule !== undefined ? withChosen(d, vote.rule) : d;
}

/**
 * The member state that pulls the emergency brake: only on a qualified-majority vote of Art. 31(2) TEU's cases, and
 * only a member taking part that is not named as voting for.
 */
function brakeState(raw: string, spec: VotingRuleSpec, derivation: RuleDerivation | undefined, votes: Votes, when: string, members: readonly string[]): string {
  const refuse = (message: string): never => {
    throw new AppError('invalid_vote', `Invalid vote: emergencyBrake: ${message}`, [{ path: 'emergencyBrake', message }]);
  };
  if (!derivation?.cfspQualified || (spec.id !== 'qmv' && spec.id !== 'rqmv')) {
    const cases = 'cfsp-strategic-interests, cfsp-hr-on-request, cfsp-implementing or cfsp-special-representative';
    refuse(
      derivation?.cfspQualified === false && derivation.act !== undefined
        ? `the emergency brake stops only a qualified-majority vote in one of the cases of Art. 31(2) TEU (${cases}), without defence implications; this vote is by ${derivation.rule}${derivation.act ? ` (${derivation.basis})` : ''}, where a member state opposes by its vote`
        : `the emergency brake stops only a qualified-majority vote in one of the cases of Art. 31(2) TEU: give the kind of act ({{act}}: ${cases}) and the rule it is counted by must be qmv or rqmv`,
    );
  }
  const code = normaliseMemberStateCode(raw);
  if (!members.includes(code)) refuse(notAMemberMessage(raw, code, when, members));
  if (votes.notParticipating.includes(code)) refuse(`${code} (${memberState(code)?.name ?? code}) takes no part in the vote, so it cannot stop it; take it out of {{votes.notParticipating}}`);
  if (votes.for.includes(code) || votes.abstain.includes(code) || votes.constructive.includes(code)) {
    refuse(`${code} (${memberState(code)?.name ?? code}) declares that it intends to oppose the decision; do not name it as voting for or abstaining`);
  }
  return code;
}

/** The answer when a member state pulled the emergency brake: no vote is taken, nothing is counted as adopted. */
function braked(answer: VoteResult, state: string, spec: VotingRulesFile['emergencyBrake'], derivationLines: readonly string[]): VoteResult {
  const name = memberState(state)?.name ?? state;
  const text = `${name} (${state}) ${spec.text}`;
  return {
    ...answer,
    adopted: false,
    emergencyBrake: { state, voteTaken: false, basis: spec.basis, text, sources: spec.sources, unverified: spec.unverified, ...(spec.note ? { note: spec.note } : {}) },
    thresholds: [],
    deemedReached: false,
    whatWouldFlip: [],
    pivotal: [],
    explanation: [...derivationLines, `Emergency brake (${spec.basis}${spec.unverified ? ', text unverified' : ''}): ${text}`, 'Result: no vote is taken.'],
    sources: [...answer.sources, ...spec.sources],
    unverified: answer.unverified || spec.unverified,
  };
}

/** Art. 31(4) TEU, as the research notes give it (section 3.5, unverified text). */
const DEFENCE_QMV =
  'The qualified-majority derogations for CFSP decisions (Art. 31(2) TEU) do not apply to decisions with military or defence implications (Art. 31(4) TEU, text unverified): such a decision is taken by qualified majority only where another article of the Treaties provides for it; otherwise it needs unanimity.';

type Explanation = NonNullable<NonNullable<VotingRuleSpec['constructiveAbstention']>['explanation']>;

/** What constructive abstention means, with how a third is counted while a state is out by protocol, where one is. */
function constructiveAbstentionOf(abstention: Explanation, base: ConstructiveAbstentionBase | undefined): NonNullable<VoteResult['constructiveAbstention']> {
  const note = [abstention.note, base?.note].filter(Boolean).join(' ');
  return {
    text: base ? `${abstention.text} ${base.text}` : abstention.text,
    sources: abstention.sources,
    unverified: abstention.unverified || (base?.unverified ?? false),
    ...(note ? { note } : {}),
    ...(base ? { counted: base.among } : {}),
  };
}

function firstFiguresYear(file: PopulationFile): number {
  return Math.min(...file.years.map((y) => y.year));
}

/** Votes before the Treaty of Lisbon's rules are refused, naming the first day the simulator counts. */
function refuseBeforeFirstDay(wv: WeightedVotes, date: string | undefined, year: number | undefined) {
  const first = wv.firstDay;
  const tooEarly = date !== undefined ? date < first : year !== undefined && yearStart(year) < first;
  if (!tooEarly) return;
  const path = date !== undefined ? 'date' : 'year';
  const asked = date ?? String(year);
  const message =
    `the simulator counts votes from ${first}, when the Treaty of Lisbon's voting rules took effect (the articles it applies); ` +
    `${asked} is earlier${date === undefined && year === yearOf(first) ? `: give the vote's date, from ${first}` : ''}`;
  throw new AppError('invalid_vote', `Invalid vote: ${path}: ${message}`, [{ path, message }]);
}

/**
 * How a qualified majority is counted on the vote's day: in weighted votes before the double majority, or from then to
 * the end of the request window when a member asked for them; otherwise the double majority. Refuses a year that
 * straddles a change (2014, and 2017 for a request) without the vote's date, a request outside its window or under
 * another rule, and a population check nobody can count.
 */
function countingOf(spec: VotingRuleSpec, wv: WeightedVotes, vote: z.output<typeof VoteInput>, year: number, figures: PopulationYear | undefined, members: readonly string[]): Counting | undefined {
  const refuse = (path: string, message: string): never => {
    throw new AppError('invalid_vote', `Invalid vote: ${path}: ${message}`, [{ path, message }]);
  };
  const qualified = spec.id === 'qmv' || spec.id === 'rqmv';
  if (!qualified) {
    if (vote.weightedVotesRequested) refuse('weightedVotesRequested', `weighted votes count qualified majorities only ({{rule}} qmv or rqmv), not ${spec.id}`);
    if (vote.populationCheck) refuse('populationCheck', `the ${wv.populationCheckPercent} % population check belongs to qualified majorities in weighted votes, not to ${spec.id}`);
    return undefined;
  }
  const date = vote.date;
  const from = wv.doubleMajorityFrom;
  if (date === undefined && year === yearOf(from) && !from.endsWith('-01-01')) {
    refuse('date', `the double majority applies from ${from}, weighted votes before; give the vote's date ({{date}}) for a qualified-majority vote in ${year}`);
  }
  const day = date ?? yearStart(year);
  const before = day < from;
  if (!before && vote.weightedVotesRequested) {
    if (date === undefined && year === yearOf(wv.requestUntil)) {
      refuse('date', `a member could ask for the weighted votes up to ${wv.requestUntil}; give the vote's date ({{date}}) for a vote in ${year}`);
    }
    if (day > wv.requestUntil) {
      refuse('weightedVotesRequested', `a member could ask for the weighted votes only from ${from} to ${wv.requestUntil} (${wv.basis}(2)); the vote of ${date ?? year} is counted with the double majority`);
    }
  }
  const weighted = before || vote.weightedVotesRequested;
  if (!weighted) {
    if (vote.populationCheck) refuse('populationCheck', `the ${wv.populationCheckPercent} % population check belongs to the weighted votes (before ${from}, or on request up to ${wv.requestUntil}); the double majority counts the population itself`);
    return {
      method: 'double-majority',
      basis: spec.basis,
      text:
        `Counted with the double majority, the rule of qualified-majority votes from ${from} (Art. 16(4) TEU)` +
        (day <= wv.requestUntil ? `; up to ${wv.requestUntil} any member could ask for the weighted votes instead (${wv.basis}(2)).` : '.'),
      populationCheck: false,
      sources: spec.sources,
      unverified: spec.unverified,
    };
  }
  const period = weightsOn(wv, day);
  if (!period) throw new AppError('corrupt_data', `no weighted votes in data/council/voting-rules.yaml for ${day}`);
  const missing = members.filter((c) => period.weights[c] === undefined);
  if (missing.length > 0) throw new AppError('corrupt_data', `the weighted votes of ${period.from} to ${period.until} miss ${missing.join(', ')}`);
  if (vote.populationCheck && !figures) {
    refuse('populationCheck', `the ${wv.populationCheckPercent} % population check needs the population figures of ${year}, and the data holds them from 2014 only`);
  }
  const why = before
    ? `the vote is dated before ${from}, when the double majority replaced them (Art. 16(4) TEU)`
    : `a member asked for them, as any could for an act from ${from} to ${wv.requestUntil} (${wv.basis}(2))`;
  const members_ = spec.id === 'qmv' ? 'a majority of the members when the act is adopted on a proposal from the Commission' : 'two thirds of the members for an act not proposed by the Commission (a proposal from the High Representative included)';
  return {
    method: 'weighted-votes',
    reason: before ? 'before-double-majority' : 'requested',
    basis: wv.basis,
    text:
      `Counted in weighted votes (${wv.basis}${wv.unverified ? ', unverified' : ''}): ${why}. ${period.text} ` +
      `An act needs ${period.threshold} of the ${period.total} votes, cast by ${members_}` +
      (vote.populationCheck ? `, and, as a member asked, states holding ${wv.populationCheckPercent} % of the population.` : `; any member may ask for a check that they hold ${wv.populationCheckPercent} % of the population.`),
    period: { from: period.from, until: period.until, threshold: period.threshold, total: period.total, weights: Object.fromEntries(members.map((c) => [c, period.weights[c] ?? 0])) },
    populationCheck: vote.populationCheck,
    sources: [...wv.sources, ...period.sources],
    unverified: wv.unverified,
    ...(wv.note ? { note: wv.note } : {}),
  };
}

/** Why a vote after the data's last population figures is counted with them. */
function carriedSentence(figuresYear: number, year: number): string {
  return (
    `The data holds population figures up to ${figuresYear}; the Council updates them with effect from 1 January each year (Art. 11(6) of its Rules of Procedure), ` +
    `and those for ${year} are not in the data yet, so the ${figuresYear} figures were counted: a result near a population threshold may differ.`
  );
}

/**
 * The population figures of a year; none for a year before the data's first (weighted votes need none); the latest
 * year's for a year after it (the caller says so).
 */
function pickYear(file: PopulationFile, wanted: number | undefined): PopulationYear | undefined {
  const years = file.years.map((y) => y.year).sort((a, b) => a - b);
  const latest = years[years.length - 1];
  const year = wanted === undefined || (latest !== undefined && wanted > latest) ? latest : wanted;
  const found = file.years.find((y) => y.year === year);
  if (!found && (year === undefined || year >= (years[0] ?? 0))) {
    const message = `no population figures for ${String(wanted)}; available years: ${years.join(', ')}`;
    throw new AppError('invalid_vote', `Invalid vote: year: ${message}`, [{ path: 'year', message }]);
  }
  return found;
}

type Votes = z.output<typeof VoteInput>['votes'];

/** Every code named must be a member of that year's Council: GB up to 2020, HR from 2014 on (in the data's years). */
function checkCodes(votes: Votes, year: string, members: readonly string[]): Votes {
  const issues: { path: string; message: string }[] = [];
  const checked = Object.fromEntries(
    POSITIONS.map((position) => [
      position,
      votes[position].map((raw, i) => {
        const code = normaliseMemberStateCode(raw);
        if (!members.includes(code)) issues.push({ path: `votes.${position}.${i}`, message: notAMemberMessage(raw, code, year, members) });
        return code;
      }),
    ]),
  ) as Votes;
  if (issues.length > 0) {
    throw new AppError('invalid_vote', `Invalid vote: ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`, issues);
  }
  return checked;
}

function notAMemberMessage(raw: string, code: string, year: string, members: readonly string[]): string {
  const state = memberState(code);
  // `year` is a year, or the vote's day.
  const day = year.length > 4 ? year : `${year}-01-01`;
  const when = state
    ? state.memberUntil !== undefined && state.memberUntil < day
      ? ` (${state.name} was a member until ${state.memberUntil})`
      : ` (${state.name} became a member on ${state.memberSince})`
    : '';
  const on = year.length > 4 ? 'on' : 'in';
  return `"${raw}" is not a member state ${on} ${year}${when}; the Council ${on === 'on' ? 'on' : 'of'} ${year} has ${members.length} members: ${memberStateCodesText(members)}`;
}

/**
 * The states a participation exception leaves out are moved to those not taking part; naming one as voting is
 * refused, since it takes no part (Protocol No 22, Art. 5, for Denmark).
 */
function leaveOut(votes: Votes, exceptions: readonly ParticipationException[], members: readonly string[]): Votes {
  const out = exceptions.map((x) => x.state).filter((c) => members.includes(c));
  for (const position of POSITIONS) {
    if (position === 'notParticipating') continue;
    const named = votes[position].find((c) => out.includes(c));
    if (named !== undefined) {
      const x = exceptions.find((e) => e.state === named);
      const message = `${named} (${memberState(named)?.name ?? named}) takes no part in this vote (${x?.basis ?? ''}); leave it out of {{votes.${position}}}`;
      throw new AppError('invalid_vote', `Invalid vote: votes.${position}: ${message}`, [{ path: `votes.${position}`, message }]);
    }
  }
  return { ...votes, notParticipating: [...new Set([...votes.notParticipating, ...out])] };
}

function exceptionSentence(x: ParticipationException): string {
  return `${memberState(x.state)?.name ?? x.state} takes no part (${x.basis}${x.unverified ? ', unverified' : ''}): ${x.text}`;
}

function buildBallot(votes: Votes, members: readonly string[]): Ballot {
  const ballot = new Map<string, Position>(members.map((c) => [c, 'for']));
  const namedIn = new Map<string, Position>();
  for (const position of POSITIONS) {
    for (const code of votes[position]) {
      const earlier = namedIn.get(code);
      if (earlier !== undefined && earlier !== position) {
        const name = memberState(code)?.name ?? code;
        const message = `${code} (${name}) is named both in {{votes.${earlier}}} and in {{votes.${position}}}; name each member state once`;
        throw new AppError('invalid_vote', `Invalid vote: votes.${position}: ${message}`, [{ path: `votes.${position}`, message }]);
      }
      namedIn.set(code, position);
      ballot.set(code, position);
    }
  }
  if ([...ballot.values()].every((p) => p === 'notParticipating')) {
    const message = 'at least one member state must take part in the vote';
    throw new AppError('invalid_vote', `Invalid vote: votes.notParticipating: ${message}`, [{ path: 'votes.notParticipating', message }]);
  }
  return ballot;
}

/**
 * The smallest set of member states whose change of vote reverses the outcome. Larger states first: a
 * bigger state moves at least as much population as a smaller one and counts the same as a member, so
 * the first prefix that works is a smallest set. Under a no-vote-against rule every vote against must go.
 */
function whatWouldFlip(ballot: Ballot, current: Tally, weights: ReadonlyMap<string, number>, spec: VotingRuleSpec, count: (b: Ballot) => Tally): Flip[] {
  const byWeight = (codes: readonly string[]) =>
    [...codes].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || a.localeCompare(b));
  const m = current.members;
  const to: Position = current.adopted ? 'against' : 'for';
  const mandatory = current.adopted || !spec.noVoteAgainst ? [] : [...m.against, ...(spec.abstentionCountsAgainst ? m.abstain : [])];
  const candidates = current.adopted
    ? byWeight(m.for)
    : spec.noVoteAgainst
      ? [...byWeight(m.constructive), ...byWeight(spec.abstentionCountsAgainst ? [] : m.abstain)]
      : byWeight([...m.against, ...m.abstain, ...m.constructive]);
  for (let k = mandatory.length > 0 ? 0 : 1; k <= candidates.length; k++) {
    const states = [...mandatory, ...candidates.slice(0, k)];
    const moved = new Map(ballot);
    for (const code of states) moved.set(code, to);
    if (count(moved).adopted !== current.adopted) {
      return [{ states, to, outcome: current.adopted ? 'rejected' : 'adopted', text: flipText(states, ballot, to, current.adopted) }];
    }
  }
  return [];
}

function flipText(states: readonly string[], ballot: Ballot, to: Position, adopted: boolean): string {
  const from = [...new Set(states.map((c) => ballot.get(c)))].map((p) => label(p ?? 'for')).join(' or ');
  const who = listStates(states);
  return adopted
    ? `If ${who} voted against instead of ${from}, the act would not be adopted.`
    : `If ${who} voted ${label(to)} instead of ${from}, the act would be adopted.`;
}

function explain(spec: VotingRuleSpec, figures: PopulationYear | undefined, year: number, when: string, council: readonly string[], unit: 'population' | 'share' | 'none', t: Tally, flips: readonly Flip[], counting: Counting | undefined): string[] {
  const m = t.members;
  const weighted = counting?.method === 'weighted-votes';
  const usesPopulation = weighted ? counting.populationCheck : Boolean(spec.population || spec.constructiveAbstention);
  const title = weighted ? `${spec.title} in weighted votes (${counting.basis})` : `${spec.title} (${spec.basis})`;
  const withFigures = usesPopulation ? `, with the ${year} population figures` : weighted ? `, in ${year}` : figures ? `, with the ${year} population figures` : `, in ${year}`;
  const lines = [
    ...(counting ? [counting.text] : []),
    `${title}${withFigures}: ${m.for.length} for, ${m.against.length} against, ` +
      `${m.abstain.length} abstaining${spec.constructiveAbstention ? `, ${m.constructive.length} abstaining constructively` : ''}, ` +
      `${m.notParticipating.length} not taking part.`,
    `The Council ${when.length > 4 ? 'on' : 'of'} ${when} has ${council.length} members: ${council.join(', ')}.`,
  ];
  if (figures?.unverified && usesPopulation) {
    lines.push(`Some ${year} population figures are estimates still to be checked against the Council's decision for that year; the outcome near a threshold may differ.`);
  }
  if (!figures && !weighted) lines.push(`The data holds no population figures for ${year}; this rule needs none here.`);
  if (t.constructiveAsAbstention && m.abstain.length > 0) {
    lines.push('Constructive abstention exists only for unanimous CFSP decisions (Art. 31(1) TEU); those abstentions count as ordinary ones here.');
  }
  if (spec.abstentionCountsAgainst && m.abstain.length > 0) lines.push('Abstentions weigh like votes against under this rule: only votes for count.');
  if (!spec.abstentionCountsAgainst && m.abstain.length > 0) lines.push('Abstentions do not prevent a unanimous decision (Art. 238(4) TFEU).');
  for (const th of t.thresholds) lines.push(thresholdSentence(th));
  if (t.deemedReached) {
    lines.push('The population condition fails, but too few members opposed to form a blocking minority, so the qualified majority is deemed reached.');
  }
  if (unit === 'share' && usesPopulation) {
    lines.push(`Population weights are the Council's published shares for ${year}, rounded to two decimals, taken relative to their sum among the members taking part.`);
  }
  lines.push(t.adopted ? 'Result: adopted.' : 'Result: not adopted.');
  if (flips.length === 0 && !t.adopted) lines.push('No change of votes among the members taking part would adopt it.');
  for (const f of flips) lines.push(f.text);
  return lines;
}

function thresholdSentence(t: Threshold): string {
  const actual = [
    t.actual.votes !== undefined ? `${t.actual.votes} weighted vote${t.actual.votes === 1 ? '' : 's'}` : '',
    t.actual.members !== undefined ? `${t.actual.members} member${t.actual.members === 1 ? '' : 's'}` : '',
    t.actual.populationPercent !== undefined ? `${t.actual.populationPercent} % of the population` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const text = t.text.charAt(0).toUpperCase() + t.text.slice(1);
  return `${text}: ${actual}; ${t.met ? 'met' : 'not met'}.`;
}

/** Lines placed before the result, so that the explanation still ends with the result and what would flip it. */
function withBeforeResult(lines: string[], extra: readonly string[]): string[] {
  const at = lines.findIndex((l) => l.startsWith('Result: '));
  return at < 0 ? [...lines, ...extra] : [...lines.slice(0, at), ...extra, ...lines.slice(at)];
}

function pivotalSentence(pivots: readonly Pivot[]): string {
  if (pivots.length === 0) return 'No single member state could reverse the outcome by changing its vote alone.';
  const first = pivots[0];
  const change = first?.outcome === 'rejected' ? 'voting against' : 'voting for';
  return `Pivotal member states (each could reverse the outcome alone by ${change}): ${listStates(pivots.map((p) => p.state))}.`;
}

function label(p: Position): string {
  const labels: Record<Position, string> = {
    for: 'for',
    against: 'against',
    abstain: 'abstaining',
    constructive: 'abstaining constructively',
    notParticipating: 'not taking part',
  };
  return labels[p];
}

function listStates(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join('');
  return `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
}
