// Who decides a measure and how, in words rather than the data's codes ("member-state", "national", "qmv").
import { DECISION_BODY_NAMES, DECISION_RULE_NAMES } from '../../../src/core/toolbox/measure';
import { humanise } from './format';

interface Decision {
  by: string;
  rule: string;
  ruleChange?: { from: string } | undefined;
}

export const decisionBodyName = (by: string): string => DECISION_BODY_NAMES[by as keyof typeof DECISION_BODY_NAMES] ?? humanise(by);
export const decisionRuleName = (rule: string): string => DECISION_RULE_NAMES[rule as keyof typeof DECISION_RULE_NAMES] ?? humanise(rule);

/** "Decided by the Council, by qualified majority (instead of unanimity)", for the printed plan. */
export function decidedBy(d: Decision): string {
  const how = d.rule === 'none' ? 'no vote' : `by ${decisionRuleName(d.rule)}`;
  return `Decided by the ${decisionBodyName(d.by)}, ${how}${d.ruleChange ? ` (instead of ${decisionRuleName(d.ruleChange.from)})` : ''}`;
}

/** "Council, qualified majority", "Member state, national decision": a table cell. */
export function decisionCell(d: Decision): string {
  const body = decisionBodyName(d.by);
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}, ${decisionRuleName(d.rule)}${d.ruleChange ? ` (instead of ${decisionRuleName(d.ruleChange.from)})` : ''}`;
}
