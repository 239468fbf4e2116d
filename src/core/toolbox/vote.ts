// The Council vote simulator: validates a vote, applies a voting rule from data/council/voting-rules.yaml
// to the population figures of data/council/population.yaml, and explains the outcome and what would flip it.
import { z } from 'zod';
import { AppError } from '../errors';
import type { Source } from '../provenance';
import { isValidIsoDate, yearOf, type IsoDate } from '../dates';
import { parseOrThrow } from '../zod-issues';
import { memberState, memberStateCodesText, memberStatesAt, normaliseMemberStateCode } from './member-states';
import { councilMembersOf, populationWeights, type PopulationFile, type PopulationYear } from './population';
import { exceptionsFor, type ParticipationException } from './vote-participation';
import { pivotalStates, type Pivot } from './vote-pivots';
import { percentOf, POSITIONS, tally, type Ballot, type Position, type Tally, type Threshold } from './vote-tally';
import { VoteRuleId, type VotingRuleSpec, type VotingRulesFile } from './voting-rules';

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
    rule: VoteRuleId,
    /** Population figures of this year; the year of `date`, or the latest year in the data, when omitted. */
    year: z.number().int().optional(),
    /** The day of the vote, where it decides who takes part (an opt-out that ended during the year). */
    date: z.string().refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD').optional(),
    /** The decision has defence implications: member states that take no part in such decisions are left out. */
    defenceImplications: z.boolean().default(false),
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
  /** The year whose Council and population figures were used. */
  year: number;
  /** The Council's members that year (ISO codes): 28 up to 2020, 27 from 2021. */
  members: string[];
  /** Whether population weights are absolute figures or the published (rounded) shares. */
  populationFigures: 'population' | 'share';
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
  constructiveAbstention?: { text: string; sources: Source[]; unverified: boolean; note?: string };
  sources: Source[];
  unverified: boolean;
}

/** Simulates a Council vote; throws AppError('invalid_vote') naming a bad code, a state named twice or an unknown year. */
export function simulateVote(input: unknown, council: CouncilData): VoteResult {
  const vote = parseOrThrow(VoteInput, input, 'invalid_vote', 'vote');
  const spec = council.votingRules.rules.find((r) => r.id === vote.rule);
  if (!spec) throw new AppError('corrupt_data', `voting rule ${vote.rule} is missing from data/council/voting-rules.yaml`);
  if (vote.date !== undefined && vote.year !== undefined && yearOf(vote.date) !== vote.year) {
    const message = `the vote's date ${vote.date} is not in ${vote.year}; give one or make them agree`;
    throw new AppError('invalid_vote', `Invalid vote: date: ${message}`, [{ path: 'date', message }]);
  }
  const year = pickYear(council.population, vote.year ?? (vote.date !== undefined ? yearOf(vote.date) : undefined));
  // The Council of the vote's day where one is given (27 from 1 February 2020, the United Kingdom having left), else of 1 January of the year.
  const members = vote.date !== undefined ? memberStatesAt(vote.date as IsoDate).map((m) => m.code) : councilMembersOf(year.year);
  const when = vote.date ?? String(year.year);
  const { weights, unit } = populationWeights(year);
  const exceptions = vote.defenceImplications ? exceptionsFor(council.votingRules.nonParticipation, ['defence-implications'], { date: vote.date, year: year.year }) : [];
  const ballot = buildBallot(leaveOut(checkCodes(vote.votes, when, members), exceptions, members), members);
  const result = tally(ballot, weights, spec);
  const flips = whatWouldFlip(ballot, result, weights, spec);
  const pivotal = pivotalStates(ballot, result, weights, spec);
  const abstention = spec.constructiveAbstention?.explanation;
  const n = result.participating.length;
  const pw = result.weight.participating;
  const count = (p: Position) => result.members[p].length;
  return {
    adopted: result.adopted,
    rule: spec.id,
    title: spec.title,
    basis: spec.basis,
    year: year.year,
    members,
    populationFigures: unit,
    votes: result.members,
    counts: {
      members: members.length,
      participating: n,
      ...(Object.fromEntries(POSITIONS.map((p) => [p, count(p)])) as Record<Position, number>),
    },
    shares: {
      members: {
        for: percentOf(count('for'), n),
        against: percentOf(count('against'), n),
        abstain: percentOf(count('abstain'), n),
        constructive: percentOf(count('constructive'), n),
      },
      population: {
        for: percentOf(result.weight.for, pw),
        against: percentOf(result.weight.against, pw),
        abstain: percentOf(result.weight.abstain, pw),
        constructive: percentOf(result.weight.constructive, pw),
      },
    },
    thresholds: result.thresholds,
    deemedReached: result.deemedReached,
    explanation: withBeforeResult(explain(spec, year, when, members, unit, result, flips), [...exceptions.map(exceptionSentence), ...(abstention ? [abstention.text] : []), pivotalSentence(pivotal)]),
    whatWouldFlip: flips,
    pivotal,
    ...(exceptions.length ? { participationExceptions: exceptions } : {}),
    ...(abstention ? { constructiveAbstention: { text: abstention.text, sources: abstention.sources, unverified: abstention.unverified, ...(abstention.note ? { note: abstention.note } : {}) } } : {}),
    sources: [...spec.sources, ...year.sources, ...exceptions.flatMap((x) => x.sources)],
    unverified: spec.unverified || year.unverified || exceptions.some((x) => x.unverified),
  };
}

function pickYear(file: PopulationFile, wanted: number | undefined) {
  const years = file.years.map((y) => y.year).sort((a, b) => a - b);
  const year = wanted ?? years[years.length - 1];
  const found = file.years.find((y) => y.year === year);
  if (!found) {
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
      const message = `${named} (${memberState(named)?.name ?? named}) takes no part in this vote (${x?.basis ?? ''}); leave it out of ${position}`;
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
        const message = `${code} (${name}) is named both in ${earlier} and in ${position}; name each member state once`;
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
function whatWouldFlip(ballot: Ballot, current: Tally, weights: ReadonlyMap<string, number>, spec: VotingRuleSpec): Flip[] {
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
    if (tally(moved, weights, spec).adopted !== current.adopted) {
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

function explain(spec: VotingRuleSpec, figures: PopulationYear, when: string, council: readonly string[], unit: 'population' | 'share', t: Tally, flips: readonly Flip[]): string[] {
  const m = t.members;
  const year = figures.year;
  const lines = [
    `${spec.title} (${spec.basis}), with the ${year} population figures: ${m.for.length} for, ${m.against.length} against, ` +
      `${m.abstain.length} abstaining${spec.constructiveAbstention ? `, ${m.constructive.length} abstaining constructively` : ''}, ` +
      `${m.notParticipating.length} not taking part.`,
    `The Council ${when.length > 4 ? 'on' : 'of'} ${when} has ${council.length} members: ${council.join(', ')}.`,
  ];
  if (figures.unverified && (spec.population || spec.constructiveAbstention)) {
    lines.push(`Some ${year} population figures are estimates still to be checked against the Council's decision for that year; the outcome near a threshold may differ.`);
  }
  if (t.constructiveAsAbstention) {
    lines.push('Constructive abstention exists only for unanimous CFSP decisions (Art. 31(1) TEU); those abstentions count as ordinary ones here.');
  }
  if (spec.abstentionCountsAgainst && m.abstain.length > 0) lines.push('Abstentions weigh like votes against under this rule: only votes for count.');
  if (!spec.abstentionCountsAgainst && m.abstain.length > 0) lines.push('Abstentions do not prevent a unanimous decision (Art. 238(4) TFEU).');
  for (const th of t.thresholds) lines.push(thresholdSentence(th));
  if (t.deemedReached) {
    lines.push('The population condition fails, but too few members opposed to form a blocking minority, so the qualified majority is deemed reached.');
  }
  if (unit === 'share') {
    lines.push(`Population weights are the Council's published shares for ${year}, rounded to two decimals, taken relative to their sum among the members taking part.`);
  }
  lines.push(t.adopted ? 'Result: adopted.' : 'Result: not adopted.');
  if (flips.length === 0 && !t.adopted) lines.push('No change of votes among the members taking part would adopt it.');
  for (const f of flips) lines.push(f.text);
  return lines;
}

function thresholdSentence(t: Threshold): string {
  const actual = [
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
