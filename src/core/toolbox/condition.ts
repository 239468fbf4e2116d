// The small declarative language in which rules.yaml states its conditions over an incident, its
// closed list of facts, and the evaluator that reads a condition against an incident.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { victimIsNatoMemberOf, type IncidentInput } from './incident';
import { severityRank, type SeverityFile } from './severity';
import { bareContext, deriveSituation, type Situation } from './situation';

type FactValue = boolean | string | null | string[];
type FactKind = 'boolean' | 'string' | 'list' | 'severity' | 'date';

interface Fact {
  kind: FactKind;
  read: (s: Situation) => FactValue;
}

/** Everything a rule may look at. A derived fact says in its name what it computes. */
export const FACTS = {
  /** The day the plan is made for (YYYY-MM-DD): the procedures and the Council's make-up of that day apply. */
  'plan.asOf': { kind: 'date', read: ({ context }) => context.asOf },
  /** The incident's start date (YYYY-MM-DD). */
  start: { kind: 'date', read: ({ incident: i }) => i.start },
  category: { kind: 'string', read: ({ incident: i }) => i.category },
  /**
   * Going on on the plan's date: recorded as ongoing, or ending after that day (an attack that ended in May was still
   * going on for a plan of April: bendiek2018's démarche and active defence answer an ongoing incident).
   */
  ongoing: { kind: 'boolean', read: ({ incident: i, context }) => i.ongoing || (i.end !== undefined && context.asOf < i.end) },
  'effects.severity': { kind: 'severity', read: ({ incident: i }) => i.effects.severity },
  'effects.disruptsEssentialServices': { kind: 'boolean', read: ({ incident: i }) => i.effects.disruptsEssentialServices },
  'effects.physicalDamage': { kind: 'boolean', read: ({ incident: i }) => i.effects.physicalDamage },
  'effects.lossOfLife': { kind: 'boolean', read: ({ incident: i }) => i.effects.lossOfLife },
  'effects.threatensStateSurvival': { kind: 'boolean', read: ({ incident: i }) => i.effects.threatensStateSurvival },
  'effects.armedAttack': { kind: 'boolean', read: ({ incident: i }) => i.effects.armedAttack },
  'effects.attempted': { kind: 'boolean', read: ({ incident: i }) => i.effects.attempted },
  /** Factors of significant effect present (Decision (CFSP) 2019/797, Art. 2): scale-or-severity, data-stolen, ... */
  'effects.significanceFactors': { kind: 'list', read: ({ derived }) => derived.significanceFactors },
  'initiator.type': { kind: 'string', read: ({ incident: i }) => i.initiator.type },
  'initiator.country': { kind: 'string', read: ({ incident: i }) => i.initiator.country },
  /** The initiator's country is known and was not a member state on the incident's start date. */
  'initiator.thirdState': { kind: 'boolean', read: ({ derived }) => derived.initiatorThirdState },
  /** Transit states outside the Union on the incident's start date: the attack used infrastructure outside it (Decision (CFSP) 2019/797, Art. 1(2)(b)). */
  'transit.thirdStates': { kind: 'list', read: ({ derived }) => derived.transitThirdStates },
  /** Transit states that were member states on the incident's start date: infrastructure inside the Union. */
  'transit.memberStates': { kind: 'list', read: ({ derived }) => derived.transitMemberStates },
  /** Transit states outside the Union whose ratification of the Budapest Convention the observatory records on the plan's date. */
  'transit.budapestParties': { kind: 'list', read: ({ derived }) => derived.transitBudapestParties },
  /** The initiator state is under EU restrictive measures that reach dual-use exports, on the plan's date. */
  'initiator.underEuRestrictiveMeasures': { kind: 'boolean', read: ({ derived }) => derived.initiatorRegimes.length > 0 },
  /** Persons and entities identified as responsible. */
  'initiator.identified': {
    kind: 'list',
    read: ({ incident: i }) => [...i.initiator.identifiedPersons, ...i.initiator.identifiedEntities],
  },
  /** At least one victim was a member state on the incident's start date, or joined while it went on and is one on the plan's date (EU institutions and third states do not count). */
  'victims.memberState': { kind: 'boolean', read: ({ derived }) => derived.memberStateVictims.length > 0 },
  /** At least one victim was hit as a third state: not a member state as victims.memberState reads it (EU institutions and unknown countries do not count). */
  'victims.thirdState': { kind: 'boolean', read: ({ derived }) => derived.thirdStateVictims.length > 0 },
  /** Every member state hit (on the start date) has left the Union by the plan's date: none can invoke the treaties' clauses then. */
  'victims.onlyFormerMemberStates': {
    kind: 'boolean',
    read: ({ derived }) => derived.formerMemberVictims.length > 0 && derived.formerMemberVictims.length === derived.memberStateVictims.length,
  },
  /** At least one member state hit was a NATO ally on the start date, or joined while the attack went on and is one on the plan's date (member-states.ts), whatever the context says. */
  'victims.natoAlly': { kind: 'boolean', read: ({ derived }) => derived.natoAllyVictims.length > 0 },
  'victims.euInstitution': { kind: 'boolean', read: ({ incident: i }) => i.victims.some((v) => v.sector === 'eu-institution') },
  'victims.countries': { kind: 'list', read: ({ incident: i }) => i.victims.map((v) => v.country) },
  'victims.sectors': { kind: 'list', read: ({ incident: i }) => i.victims.map((v) => v.sector) },
  /** The kinds of information system hit, as Decision (CFSP) 2019/797 Art. 1(4) groups them. */
  'victims.sanctionsTargets': { kind: 'list', read: ({ derived }) => derived.sanctionsTargets },
  'attribution.kinds': { kind: 'list', read: ({ incident: i }) => i.attribution.map((a) => a.kind) },
  'attribution.public': { kind: 'boolean', read: ({ incident: i }) => i.attribution.some((a) => a.public) },
  /** The cyber-sanctions regime on the plan's date: not-adopted (before 17 May 2019), in-force, expired (no renewal recorded), not-consulted. */
  'sanctions.regime': { kind: 'string', read: ({ derived }) => derived.sanctionsRegime },
  /** The observatory records an active cyber-specific dialogue between the EU and the initiator state on the plan's date. */
  'observatory.cyberDialogueWithInitiator': {
    kind: 'boolean',
    read: ({ context }) => (context.initiatorRelations?.cyberDialogues ?? []).some((d) => d.cyberSpecific),
  },
  /** The Budapest Convention is in force for the initiator or host state on the plan's date as the observatory records it (a deposit alone does not bind). */
  'observatory.initiatorBoundByBudapest': {
    kind: 'boolean',
    read: ({ context }) => context.initiatorRelations?.budapestConvention?.bound === true,
  },
  'context.euDelegationInInitiatorCountry': { kind: 'boolean', read: ({ incident: i }) => i.context.euDelegationInInitiatorCountry },
  'context.euDelegationInTransitCountry': { kind: 'boolean', read: ({ incident: i }) => i.context.euDelegationInTransitCountry === true },
  'context.delegationHeadRecalled': { kind: 'boolean', read: ({ incident: i }) => i.context.delegationHeadRecalled },
  'context.victimCapacitiesOverwhelmed': { kind: 'boolean', read: ({ incident: i }) => i.context.victimCapacitiesOverwhelmed },
  'context.assistanceRequested': { kind: 'boolean', read: ({ incident: i }) => i.context.assistanceRequested },
  'context.otherMeansExhausted': { kind: 'boolean', read: ({ incident: i }) => i.context.otherMeansExhausted },
  'context.urgent': { kind: 'boolean', read: ({ incident: i }) => i.context.urgent },
  'context.agreementOfAllCannotBeSought': { kind: 'boolean', read: ({ incident: i }) => i.context.agreementOfAllCannotBeSought },
  /** The context's flag, or its default where the stored value is an earlier default (victimIsNatoMemberOf). */
  'context.victimIsNatoMember': { kind: 'boolean', read: ({ incident: i }) => victimIsNatoMemberOf(i) },
  'context.euPositionAdopted': { kind: 'boolean', read: ({ incident: i }) => i.context.euPositionAdopted },
  'context.defenceImplications': { kind: 'boolean', read: ({ incident: i }) => i.context.defenceImplications },
  'context.cfspObjectiveIdentified': { kind: 'boolean', read: ({ incident: i }) => i.context.cfspObjectiveIdentified },
  'context.mutualAssistanceInvoked': { kind: 'boolean', read: ({ incident: i }) => i.context.mutualAssistanceInvoked },
} as const satisfies Record<string, Fact>;

export type FactName = keyof typeof FACTS;
export const FactName = z.enum(Object.keys(FACTS) as [FactName, ...FactName[]]);

export type Condition =
  | { always: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: FactName; is: boolean | string | null }
  | { fact: FactName; in: string[] }
  | { fact: FactName; atLeast: string }
  | { fact: FactName; before: string }
  | { fact: FactName; nonEmpty: boolean };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ always: z.literal(true) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ fact: FactName, is: z.union([z.boolean(), z.string(), z.null()]) }),
    z.strictObject({ fact: FactName, in: z.array(z.string()).min(1) }),
    z.strictObject({ fact: FactName, atLeast: z.string() }),
    z.strictObject({ fact: FactName, before: z.string() }),
    z.strictObject({ fact: FactName, nonEmpty: z.boolean() }),
  ]),
);

const isSituation = (x: IncidentInput | Situation): x is Situation => 'derived' in x;

/**
 * Whether a condition holds for an incident (read with no context beyond itself) or for a situation (the incident
 * with what the plan derived from its dates, the observatory and the reviewed data). The severity scale orders `atLeast`.
 */
export function evaluateCondition(condition: Condition, subject: IncidentInput | Situation, scale: SeverityFile): boolean {
  const s = isSituation(subject) ? subject : deriveSituation(subject, bareContext(subject.start), scale);
  return evaluate(condition, s, scale);
}

function evaluate(condition: Condition, s: Situation, scale: SeverityFile): boolean {
  if ('always' in condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluate(c, s, scale));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, s, scale));
  if ('not' in condition) return !evaluate(condition.not, s, scale);
  const value = FACTS[condition.fact].read(s);
  if ('is' in condition) return value === condition.is;
  if ('in' in condition) {
    return Array.isArray(value) ? value.some((v) => condition.in.includes(v)) : typeof value === 'string' && condition.in.includes(value);
  }
  if ('atLeast' in condition) {
    return typeof value === 'string' && severityRank(scale, value) >= severityRank(scale, condition.atLeast);
  }
  // ISO dates compare as text.
  if ('before' in condition) return typeof value === 'string' && value < condition.before;
  return Array.isArray(value) && (value.length > 0) === condition.nonEmpty;
}

/** The condition in plain words, for reasons and documents: `context.urgent is true`. */
export function describeCondition(condition: Condition): string {
  if ('always' in condition) return 'always';
  if ('all' in condition) return condition.all.map(describeNested).join(' and ');
  if ('any' in condition) return condition.any.map(describeNested).join(' or ');
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  if ('is' in condition) return `${condition.fact} is ${String(condition.is)}`;
  if ('in' in condition) return `${condition.fact} in [${condition.in.join(', ')}]`;
  if ('atLeast' in condition) return `${condition.fact} at least ${condition.atLeast}`;
  if ('before' in condition) return `${condition.fact} before ${condition.before}`;
  return `${condition.fact} ${condition.nonEmpty ? 'is not empty' : 'is empty'}`;
}

function describeNested(condition: Condition): string {
  return 'all' in condition || 'any' in condition ? `(${describeCondition(condition)})` : describeCondition(condition);
}

/**
 * Checks that a condition fits its facts (e.g. `atLeast` only on the severity, on a level of the scale),
 * returning one message per problem with its path inside the condition.
 */
export function conditionProblems(condition: Condition, scale: SeverityFile, path: string): { path: string; message: string }[] {
  if ('always' in condition) return [];
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionProblems(c, scale, `${path}.all.${i}`));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionProblems(c, scale, `${path}.any.${i}`));
  if ('not' in condition) return conditionProblems(condition.not, scale, `${path}.not`);
  const kind: FactKind = FACTS[condition.fact].kind;
  const problem = (field: string, message: string) => [{ path: `${path}.${field}`, message }];
  if ('is' in condition) {
    if (kind === 'boolean' && typeof condition.is !== 'boolean') return problem('is', `${condition.fact} is true or false`);
    if (kind === 'list') return problem('is', `${condition.fact} is a list; use in or nonEmpty`);
    if (kind === 'date') return problem('is', `${condition.fact} is a date; use before`);
    if (kind !== 'boolean' && typeof condition.is === 'boolean') return problem('is', `${condition.fact} is not true or false`);
    return [];
  }
  if ('in' in condition) return kind === 'boolean' || kind === 'date' ? problem('in', `${condition.fact} is ${kind === 'date' ? 'a date; use before' : 'true or false; use is'}`) : [];
  if ('before' in condition) {
    if (kind !== 'date') return problem('before', `before applies to dates (plan.asOf, start), not ${condition.fact}`);
    return isValidIsoDate(condition.before) ? [] : problem('before', `"${condition.before}" is not a calendar date; expected YYYY-MM-DD`);
  }
  if ('atLeast' in condition) {
    if (kind !== 'severity') return problem('atLeast', `atLeast applies to effects.severity only, not ${condition.fact}`);
    if (severityRank(scale, condition.atLeast) < 0) {
      return problem('atLeast', `"${condition.atLeast}" is not a level of the severity scale (${scale.scale.map((l) => l.id).join(', ')})`);
    }
    return [];
  }
  return kind === 'list' ? [] : problem('nonEmpty', `nonEmpty applies to lists, not ${condition.fact}`);
}
