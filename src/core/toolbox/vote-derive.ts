// Which rule the Council votes by, derived from the kind of act and who proposes it (data/council/voting-rules.yaml:
// proposers, acts, emergencyBrake): Art. 31(1), (2), (4) and (5) TEU for the CFSP, Art. 238(2) TFEU for the qualified
// majority on a proposal not from the Commission or the High Representative, Art. 215(1) TFEU for a sanctions
// regulation. The simulator counts the derived rule, or the one the user chose and says where the two differ.
import { AppError, allowedList } from '../errors';
import type { Source } from '../provenance';
import { ProposerId, type ActKind, type ActSpec, type ProposersSpec, type VoteRuleId } from './voting-rules';

/** The rule derived for a vote, with why; `chosen` and `contradiction` when the user chose another. */
export interface RuleDerivation {
  act?: ActKind;
  proposer?: ProposerId;
  rule: VoteRuleId;
  basis: string;
  reasons: string[];
  /** Whether the act is one of the four qualified-majority cases of Art. 31(2) TEU (and without defence implications). */
  cfspQualified: boolean;
  chosen?: VoteRuleId;
  contradiction?: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
}

export interface DeriveInput {
  act?: ActKind | undefined;
  proposer?: ProposerId | undefined;
  defenceImplications: boolean;
  /** Counted in weighted votes (before 1 November 2014, or on request): the proposer's weighted majority. */
  weighted: boolean;
}

/** Refusal of an input the derivation cannot take, naming the field by its API path ({{path}} tokens are renamed per surface). */
function refuse(path: string, message: string): never {
  throw new AppError('invalid_vote', `Invalid vote: {{${path}}}: ${message}`, [{ path, message }]);
}

const RULE_WORDS: Record<VoteRuleId, string> = { unanimity: 'unanimity', qmv: 'a qualified majority', rqmv: 'a reinforced qualified majority', simple: 'a simple majority' };

/**
 * The rule for an act on a proposal, with its reasons. Only a proposer (no act): the qualified majority its proposal
 * needs, when a qualified majority is chosen. Neither: undefined.
 */
export function deriveRule(input: DeriveInput, acts: readonly ActSpec[], proposers: ProposersSpec): RuleDerivation | undefined {
  const { act: actId, proposer: proposerId } = input;
  if (actId === undefined && proposerId === undefined) return undefined;
  const proposer = proposerId === undefined ? undefined : proposers.list.find((p) => p.id === proposerId);
  const act = actId === undefined ? undefined : acts.find((a) => a.id === actId);
  if (actId !== undefined && !act) throw new AppError('corrupt_data', `act ${actId} is missing from data/council/voting-rules.yaml`);
  if (act?.proposers && proposerId !== undefined && !act.proposers.includes(proposerId)) {
    refuse('proposer', `${proposer?.title ?? proposerId} does not propose this act (${act.basis}); allowed: ${allowedList(act.proposers)}`);
  }
  const reasons: string[] = [];
  const sources: Source[] = [...(act?.sources ?? [])];
  let unverified = act?.unverified ?? false;
  const notes = [act?.note, proposer?.note].filter((n): n is string => Boolean(n));
  if (act) reasons.push(`${act.title}: ${act.rule === 'qualified' ? 'a qualified majority' : RULE_WORDS[act.rule]} (${act.basis}).`);
  if (act?.text) reasons.push(act.text);
  // Art. 31(4) TEU: the four cases of Art. 31(2) do not apply to decisions with military or defence implications.
  if (act?.cfspQualified && input.defenceImplications) {
    reasons.push('The decision has military or defence implications: the qualified-majority cases of Art. 31(2) TEU do not apply to it (Art. 31(4) TEU), so the Council decides unanimously (Art. 31(1) TEU).');
    return { act: act.id, ...(proposerId ? { proposer: proposerId } : {}), rule: 'unanimity', basis: 'Art. 31(1) and (4) TEU', reasons, cfspQualified: false, sources, unverified, ...(notes.length ? { note: notes.join(' ') } : {}) };
  }
  const qualified = act === undefined || act.rule === 'qualified';
  if (!qualified) {
    return { act: act.id, ...(proposerId ? { proposer: proposerId } : {}), rule: act.rule as VoteRuleId, basis: act.basis, reasons, cfspQualified: false, sources, unverified, ...(notes.length ? { note: notes.join(' ') } : {}) };
  }
  if (!proposer) {
    refuse('proposer', `a qualified majority depends on who proposes ${act ? 'this act' : 'the act'} (Art. 238(2) TFEU); allowed: ${allowedList(act?.proposers ?? ProposerId.options)}`);
  }
  const rule = input.weighted ? proposer.weighted : proposer.qualified;
  sources.push(...proposers.sources);
  unverified ||= proposer.unverified || input.weighted;
  if (input.weighted) {
    reasons.push(
      rule === 'qmv'
        ? `On a proposal from ${proposer.title}, counted in weighted votes: the votes of a majority of the members (Protocol No 36, Art. 3(3)).`
        : `On a proposal from ${proposer.title}, counted in weighted votes: the votes of two thirds of the members, as the act is not adopted on a proposal from the Commission (Protocol No 36, Art. 3(3)).`,
    );
  } else {
    reasons.push(
      rule === 'qmv'
        ? `On a proposal from ${proposer.title}: the ordinary qualified majority, 55 % of the members with 65 % of the population (Art. 238(3)(a) TFEU).`
        : `On a proposal from ${proposer.title}, neither the Commission nor the High Representative: the reinforced qualified majority, 72 % of the members with 65 % of the population (${proposers.basis}).`,
    );
  }
  return {
    ...(act ? { act: act.id } : {}),
    proposer: proposer.id,
    rule,
    basis: act ? `${act.basis}; ${proposers.basis}` : proposers.basis,
    reasons,
    cfspQualified: act?.cfspQualified ?? false,
    sources,
    unverified,
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}

/** The derivation with the user's chosen rule beside it: a sentence where they differ (the chosen rule is counted). */
export function withChosen(d: RuleDerivation, chosen: VoteRuleId): RuleDerivation {
  if (d.rule === chosen) return { ...d, chosen };
  const contradiction = `The rule chosen, ${RULE_WORDS[chosen]} (rule ${chosen}), is not the one the Treaties give for this ${d.act ? 'act' : 'proposal'}: ${RULE_WORDS[d.rule]} (rule ${d.rule}; ${d.basis}). The vote is counted with the rule chosen.`;
  return { ...d, chosen, contradiction };
}
