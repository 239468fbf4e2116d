// The Council vote as the page keeps it: each member state's choice, the rule and the year, all in the address.
import type { VoteChoice, VoteRequest, VoteRule } from '../toolbox-types';
import { isRecord, listOf, numberOf } from './describe';

export const RULES = [
  ['unanimity', 'Unanimity'],
  ['qmv', 'Qualified majority'],
  ['rqmv', 'Reinforced QMV'],
  ['simple', 'Simple majority'],
] as const;

export const CHOICES = [
  ['for', 'For'],
  ['against', 'Against'],
  ['abstain', 'Abstain'],
  ['constructive', 'Constructive abstention'],
  ['notParticipating', 'Not participating'],
] as const;

/** The address keys for the choices other than `for` (states not named vote for). */
const PARAM: Record<Exclude<VoteChoice, 'for'>, string> = {
  against: 'against',
  abstain: 'abstain',
  constructive: 'constructive',
  notParticipating: 'absent',
};

export interface MemberStateRow {
  code: string;
  name: string;
  population: number | undefined;
}

/** The member states with their population share as a fraction, whether the API gives percent or fractions. */
export function readMemberStates(value: unknown): MemberStateRow[] {
  const items = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.states) ? value.states : listOf(value);
  const rows = items.filter(isRecord).map((s) => ({
    code: String(s.code),
    name: String(s.name ?? s.code),
    population: numberOf(s.populationShare) ?? numberOf(s.share) ?? numberOf(s.populationPercent),
  }));
  const total = rows.reduce((sum, r) => sum + (r.population ?? 0), 0);
  return total > 1.5 ? rows.map((r) => ({ ...r, population: r.population === undefined ? undefined : r.population / 100 })) : rows;
}

export const isRule = (v: string | null): v is VoteRule => RULES.some(([r]) => r === v);

export function readChoices(params: URLSearchParams): Map<string, VoteChoice> {
  const out = new Map<string, VoteChoice>();
  for (const [choice, key] of Object.entries(PARAM) as [Exclude<VoteChoice, 'for'>, string][]) {
    for (const code of (params.get(key) ?? '').split(',').filter(Boolean)) out.set(code.toUpperCase(), choice);
  }
  return out;
}

export function writeChoices(params: URLSearchParams, choices: Map<string, VoteChoice>) {
  for (const [choice, key] of Object.entries(PARAM) as [Exclude<VoteChoice, 'for'>, string][]) {
    const codes = [...choices].filter(([, c]) => c === choice).map(([code]) => code);
    if (codes.length) params.set(key, codes.sort().join(','));
    else params.delete(key);
  }
}

/** What the page may add to a vote besides the rule, the year and the votes: the day and what the decision is. */
export interface VoteOptions {
  date?: string;
  defenceImplications?: boolean;
  weightedVotesRequested?: boolean;
}

/** The options as the address keeps them (?date=2013-05-02&defence=1&weighted=1); a malformed date is left out. */
export function readVoteOptions(params: URLSearchParams): VoteOptions {
  const date = params.get('date') ?? '';
  return {
    ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}),
    ...(params.get('defence') === '1' ? { defenceImplications: true } : {}),
    ...(params.get('weighted') === '1' ? { weightedVotesRequested: true } : {}),
  };
}

/**
 * The request body with the votes as lists under `votes`, as the API document describes first; without a rule the
 * API derives it from the kind of act and its proposer (vote-decision.ts).
 */
export function voteRequest(rule: VoteRule | undefined, year: number | undefined, choices: Map<string, VoteChoice>, options: VoteOptions = {}): VoteRequest {
  return { ...(rule === undefined ? {} : { rule }), ...(year === undefined ? {} : { year }), ...options, votes: votesOf(choices) };
}

/** Each choice other than `for` with its codes, in the order the request lists them. */
function votesOf(choices: Map<string, VoteChoice>): Partial<Record<Exclude<VoteChoice, 'for'>, string[]>> {
  const votes: Partial<Record<Exclude<VoteChoice, 'for'>, string[]>> = {};
  for (const [code, choice] of choices) if (choice !== 'for') (votes[choice] ??= []).push(code);
  return votes;
}

/** A code of the address the server would not count, with its reason ("XX" is not a member state in 2025; ...). */
export interface RefusedCode {
  code: string;
  reason: string;
}

/**
 * The member-state codes of a refused vote that the address put there, read from the refusal's issues
 * (`votes.against.0` is the first code sent as voting against): the page names them and offers to take them out,
 * where a retry would only be refused again.
 */
export function refusedCodes(choices: Map<string, VoteChoice>, issues: readonly { path: string; message: string }[]): RefusedCode[] {
  const votes = votesOf(choices);
  const out: RefusedCode[] = [];
  for (const issue of issues) {
    const m = /^votes\.(against|abstain|constructive|notParticipating)\.(\d+)$/.exec(issue.path);
    const code = m ? votes[m[1] as Exclude<VoteChoice, 'for'>]?.[Number(m[2])] : undefined;
    if (code !== undefined && !out.some((r) => r.code === code)) out.push({ code, reason: issue.message });
  }
  return out;
}

/** The address without these codes' choices: they then vote for, as every state the address does not name. */
export function withoutCodes(params: URLSearchParams, codes: readonly string[]): void {
  const next = readChoices(params);
  for (const code of codes) next.delete(code.toUpperCase());
  writeChoices(params, next);
}
