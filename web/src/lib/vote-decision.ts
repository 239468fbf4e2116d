// What the Council decides on, as the vote page keeps it in the address: the kind of act, who proposes it and the
// member state pulling the emergency brake. The allowed values are the API's own lists (src/core/toolbox/vote-kinds.ts,
// from which its schemas are built); only the words shown for each are the page's. Who may propose each act is the
// API's answer (GET /api/vote/acts, read from data/council/voting-rules.yaml), not a copy kept here.
import { ACT_KINDS, PROPOSER_IDS } from '../../../src/core/toolbox/vote-kinds';
import type { VoteActs, VoteRequest, VoteRule } from '../toolbox-types';
import { isRule } from './vote-model';

export type VoteAct = NonNullable<VoteRequest['act']>;
export type VoteProposer = NonNullable<VoteRequest['proposer']>;

/** Words for each kind of act; the record's type makes the build fail when the API gains or loses one. */
const ACT_WORDS: Record<VoteAct, string> = {
  'cfsp-strategic-interests': 'CFSP decision on strategic interests',
  'cfsp-hr-on-request': 'CFSP decision on a requested HR proposal',
  'cfsp-implementing': 'CFSP implementing decision',
  'cfsp-special-representative': 'Appointment of a special representative',
  'cfsp-other': 'Other CFSP decision (action or position)',
  'cfsp-procedural': 'Procedural question in the CFSP',
  'sanctions-decision': 'Sanctions decision (set up, amend, renew)',
  'sanctions-listing': 'Sanctions listing (add, amend, remove)',
  'sanctions-regulation': 'Sanctions regulation (Art. 215 TFEU)',
  'qualified-majority-act': 'Another qualified-majority act',
};

const PROPOSER_WORDS: Record<VoteProposer, string> = {
  commission: 'The Commission',
  'high-representative': 'The High Representative',
  'hr-commission-joint': 'The High Representative with the Commission',
  'member-state': 'A member state',
};

export const ACTS: readonly (readonly [VoteAct, string])[] = ACT_KINDS.map((k) => [k, ACT_WORDS[k]] as const);
export const PROPOSERS: readonly (readonly [VoteProposer, string])[] = PROPOSER_IDS.map((k) => [k, PROPOSER_WORDS[k]] as const);

/** A proposer in the middle of a sentence: "the Commission", "a member state". */
const inSentence = (p: VoteProposer) => PROPOSER_WORDS[p].charAt(0).toLowerCase() + PROPOSER_WORDS[p].slice(1);

/** Who may propose each act, as GET /api/vote/acts answers it (null where any proposer may); undefined while it loads. */
export type ActProposers = VoteActs | undefined;

/**
 * Whether `proposer` may propose `act`, by the API's list; any may without an act, and while the list loads (the API
 * still checks the pair when the vote is sent).
 */
export function mayPropose(acts: ActProposers, act: VoteAct | undefined, proposer: VoteProposer): boolean {
  if (act === undefined || acts === undefined) return true;
  const allowed = acts.find((a) => a.id === act)?.proposers;
  return allowed === null || allowed === undefined || allowed.includes(proposer);
}

/**
 * The proposers offered for an act, and why the others are not: only those who may propose it, as the API checks. A
 * proposer the address names that the act does not take stays offered, marked so, so that the API's refusal can name it.
 */
export function proposerChoices(acts: ActProposers, act: VoteAct | undefined, chosen: VoteProposer | undefined): { options: [string, string][]; why: string | undefined } {
  const may = (p: VoteProposer) => mayPropose(acts, act, p);
  const options: [string, string][] = PROPOSERS.filter(([p]) => may(p) || p === chosen).map(([p, words]) => [p, may(p) ? words : `${words} (does not propose this act)`]);
  const missing = PROPOSERS.filter(([p]) => !may(p)).map(([p]) => inSentence(p));
  const named = missing.length <= 1 ? missing.join('') : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  const why = missing.length === 0 ? undefined : `Only those who may propose this act are offered: ${named} ${missing.length === 1 ? 'does' : 'do'} not propose it.`;
  return { options, why };
}

/** The address after choosing an act: the proposer stays while the act takes it, and is taken out otherwise. */
export function chooseAct(params: URLSearchParams, act: string, acts: ActProposers): void {
  if (act) params.set('act', act);
  else params.delete('act');
  const { act: chosen, proposer } = readDecision(params);
  if (proposer !== undefined && !mayPropose(acts, chosen, proposer)) params.delete('proposer');
}

export interface VoteDecision {
  act?: VoteAct;
  proposer?: VoteProposer;
  /** The member state that declares it opposes the decision (Art. 31(2) TEU, second subparagraph). */
  emergencyBrake?: string;
}

const isAct = (v: string | null): v is VoteAct => ACTS.some(([a]) => a === v);
const isProposer = (v: string | null): v is VoteProposer => PROPOSERS.some(([p]) => p === v);

/** The decision as the address keeps it (?act=cfsp-implementing&proposer=member-state&brake=HU); unknown values are left out. */
export function readDecision(params: URLSearchParams): VoteDecision {
  const act = params.get('act');
  const proposer = params.get('proposer');
  const brake = (params.get('brake') ?? '').trim().toUpperCase();
  return {
    ...(isAct(act) ? { act } : {}),
    ...(isProposer(proposer) ? { proposer } : {}),
    ...(brake ? { emergencyBrake: brake } : {}),
  };
}

/** The fields of the page that a refusal may name, by their path in the request. */
const DECISION_FIELDS = ['rule', 'act', 'proposer', 'emergencyBrake', 'year', 'date', 'defenceImplications', 'weightedVotesRequested'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/**
 * A refusal's messages by the page field they name (`proposer`, `emergencyBrake`...), to be shown beside that field;
 * the votes of member states (`votes.against.0`) are not among them.
 */
export function fieldMessages(issues: readonly { path: string; message: string }[]): Map<DecisionField, string> {
  const out = new Map<DecisionField, string>();
  for (const issue of issues) {
    const field = DECISION_FIELDS.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field) out.set(field, out.has(field) ? `${out.get(field)}; ${issue.message}` : issue.message);
  }
  return out;
}

/**
 * The rule the user chose by hand (?rule=), or none when an act is given without one: the API then derives it. With
 * neither, a qualified majority, as the page always began.
 */
export function chosenRule(params: URLSearchParams, decision: VoteDecision): VoteRule | undefined {
  const rule = params.get('rule');
  if (isRule(rule)) return rule;
  return decision.act === undefined ? 'qmv' : undefined;
}
