// The rules engine: which measures an incident leaves open, with the reasons, the decision procedure,
// the escalation ladder and the bodies to involve. Rules and areas are data (data/toolbox/rules.yaml).
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { Sources, type Source } from '../provenance';
import { ResponsibilityArea } from '../records/eu-framework';
import { assessAttribution, AttributionNeed, attributionKnownFrom, describeAttribution, describeUndated, type AttributionAssessment } from './attribution-needs';
import { Condition, describeCondition, evaluateCondition } from './condition';
import type { IncidentInput } from './incident';
import type { Relations } from '../kb/relations';
import { bareContext, deriveSituation, fillPhrases, PHRASE_NAMES, type PlanContext, type Situation } from './situation';
import {
  DecisionRule,
  basesOn,
  legalBasisLabel,
  MeasureId,
  type DecisionBody,
  type Measure,
  type MeasureCategory,
  type MeasuresFile,
} from './measure';
import type { SeverityFile } from './severity';

/**
 * A precondition must hold for its measures to be open; an advisory only explains or weighs; a procedure rule,
 * when it holds, changes how the measure is decided (`changesRule`) and never closes it.
 */
export const RuleKind = z.enum(['precondition', 'advisory', 'procedure']);
export type RuleKind = z.infer<typeof RuleKind>;

export const Rule = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    kind: RuleKind,
    description: z.string().min(1),
    gates: z.array(MeasureId).min(1),
    condition: Condition,
    text: z.object({ holds: z.string().min(1), fails: z.string().min(1).optional() }).strict(),
    /** Procedure rules: the voting rule that replaces the measure's own while the condition holds. */
    changesRule: DecisionRule.optional(),
    sources: Sources,
    /** A principle of the whole toolbox rather than of one measure: documents print it once. */
    general: z.boolean().default(false),
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => 'always' in r.condition || r.text.fails !== undefined, {
    path: ['text', 'fails'],
    message: 'a rule that can fail needs a text for when it fails',
  })
  .refine((r) => (r.kind === 'procedure') === (r.changesRule !== undefined), {
    path: ['changesRule'],
    message: 'a procedure rule names the rule it changes to (changesRule), and only a procedure rule does',
  });
export type Rule = z.infer<typeof Rule>;

/** A body of an area that a plan names only from the year a source says it was set up. */
const BodySetUp = z
  .object({ body: z.string().min(1), year: z.number().int(), sources: Sources, unverified: z.boolean().default(false), note: z.string().optional() })
  .strict();

/** A body of an area that a plan names otherwise from the year a source gives (a renaming, a unit set up within it). */
const BodyName = z
  .object({
    body: z.string().min(1),
    from: z.number().int(),
    name: z.string().min(1),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();

/** bendiek2018's areas of responsibility, involved by category (`threats`) or by a condition (`when`). */
export const InvolvementArea = ResponsibilityArea.extend({
  when: Condition.optional(),
  /** The `when` condition in plain words, for documents. */
  whenText: z.string().min(1).optional(),
  /** Bodies of `euLevel` set up in a year a source gives; a plan made before that year leaves them out. */
  setUp: z.array(BodySetUp).default([]),
  /** Bodies of `euLevel` (named there as before `from`) that a plan made from `from` on names `name`. */
  names: z.array(BodyName).default([]),
})
  .strict()
  .superRefine((area, ctx) => {
    area.setUp.forEach((b, i) => {
      if (!area.euLevel.includes(b.body)) ctx.addIssue({ code: 'custom', path: ['setUp', i, 'body'], message: `"${b.body}" is not one of the area's euLevel bodies` });
    });
    area.names.forEach((n, i) => {
      if (!area.euLevel.includes(n.body)) ctx.addIssue({ code: 'custom', path: ['names', i, 'body'], message: `"${n.body}" is not one of the area's euLevel bodies` });
      if (area.names.some((o, j) => j !== i && o.body === n.body)) ctx.addIssue({ code: 'custom', path: ['names', i, 'body'], message: `"${n.body}" has more than one dated name` });
    });
  });
export type InvolvementArea = z.infer<typeof InvolvementArea>;

export const RulesFile = z
  .object({
    rules: z.array(Rule).superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id "${r.id}"` });
        seen.add(r.id);
      });
    }),
    areas: z.array(InvolvementArea).default([]),
    /** What attribution each kind of measure rests on; measures.yaml names one per measure. */
    attributionNeeds: z.array(AttributionNeed).min(1),
  })
  .strict();
export type RulesFile = z.infer<typeof RulesFile>;

export interface Reason {
  rule: string;
  kind: RuleKind;
  holds: boolean;
  text: string;
  /** The rule's condition in words, e.g. `context.urgent is true`. */
  test: string;
  sources: Source[];
  /** A principle of the whole toolbox (printed once in documents). */
  general: boolean;
  unverified: boolean;
  note?: string;
}

/** A measure decided under another rule than its own because a procedure rule holds (Art. 31(4) TEU). */
export interface RuleChange {
  from: DecisionRule;
  to: DecisionRule;
  /** The procedure rule that holds, and its text. */
  rule: string;
  text: string;
}

export interface LegalBasisEntry {
  label: string;
  act: string;
  provision?: string;
  note?: string;
  unverified: boolean;
}

export interface MeasureAssessment {
  id: string;
  title: string;
  category: MeasureCategory;
  available: boolean;
  coercion: number;
  /** Preconditions first (in the measure's order), then advisories. */
  reasons: Reason[];
  decision: { by: DecisionBody; rule: DecisionRule; proposedBy: DecisionBody[]; ruleChange?: RuleChange };
  procedure: string;
  legalBasis: LegalBasisEntry[];
  effect: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
  /** Responses of this kind already recorded on the incident. */
  taken: { date: string; by: string; note?: string }[];
  /** The attribution the measure rests on, and what is missing. */
  attribution: AttributionAssessment;
}

export interface InvolvedBody {
  area: string;
  domain: string;
  euLevel: string[];
  nationalLevel: string[];
  why: string;
  sources: Source[];
}

export interface ResponsePlan {
  /** Every measure, least to most coercive (ties by id). */
  measures: MeasureAssessment[];
  /** Ids of the open measures, least to most coercive. */
  ladder: string[];
  bodies: InvolvedBody[];
  /** The day the plan was made for: the observatory and the restrictive measures are read as of it. */
  asOf: string;
  /** What the observatory holds on the initiator state (dialogues, criminal-justice agreements, Budapest status). */
  observatory: Relations | null;
  /** The attributions and responses the incident records after the plan's date, which the plan does not count. */
  notCounted: string[];
}

/**
 * Assesses every measure of the catalogue for an incident: open when all its preconditions hold.
 * Each reason carries the rule's own text and sources (bendiek2018 and the treaty articles).
 */
export function planResponse(
  incident: IncidentInput,
  catalogue: MeasuresFile,
  rules: RulesFile,
  scale: SeverityFile,
  context: PlanContext = bareContext(latestRecordedDate(incident)),
): ResponsePlan {
  // A plan is made for its date: attributions and responses dated after it had not happened then (a plan of 2019 does
  // not rest on an attribution of 2020), and the plan says which it left out.
  // An undated attribution counts only from the earliest day it can have been made (attributionKnownFrom), and says so.
  const later = incident.attribution.filter((a) => attributionKnownFrom(a, incident).date > context.asOf);
  const laterResponses = incident.responses.filter((r) => r.date > context.asOf);
  const onDate: IncidentInput = {
    ...incident,
    attribution: incident.attribution.filter((a) => !later.includes(a)),
    responses: incident.responses.filter((r) => !laterResponses.includes(r)),
  };
  const notYet = (a: IncidentInput['attribution'][number]) => (a.date === undefined ? describeUndated(a, incident) : describeAttribution(a));
  const why = `made after the plan's date (${context.asOf})${later.some((a) => a.date === undefined) ? ' or, undated, not known by then' : ''}`;
  const leftOut = later.length ? ` Not counted, ${why}: ${later.map(notYet).join('; ')}.` : '';
  const undated = onDate.attribution.filter((a) => a.date === undefined);
  const situation = deriveSituation(onDate, context, scale);
  const byId = new Map(rules.rules.map((r) => [r.id, r]));
  const needs = new Map(rules.attributionNeeds.map((n) => [n.id, n]));
  const measures = [...catalogue.measures]
    .sort((a, b) => a.coercion - b.coercion || a.id.localeCompare(b.id))
    .map((measure) => assessMeasure(measure, situation, rules.rules, byId, needs, scale, leftOut, undated));
  return {
    measures,
    ladder: measures.filter((m) => m.available).map((m) => m.id),
    bodies: involvedBodies(situation, rules.areas, scale),
    asOf: context.asOf,
    observatory: context.initiatorRelations,
    notCounted: [
      ...later.map((a) => `attribution: ${notYet(a)}`),
      ...laterResponses.map((r) => `response on ${r.date} by ${r.by}: ${r.measure}${r.note ? ` (${r.note})` : ''}`),
    ],
  };
}

/** The last day the incident records (start, end, an attribution, a response): a plan with no date of its own is made then. */
function latestRecordedDate(i: IncidentInput): IsoDate {
  const dates = [i.start, i.end, i.detected, i.disclosed, ...i.attribution.map((a) => a.date), ...i.responses.map((r) => r.date)];
  return dates.reduce<IsoDate>((last, d) => (d !== undefined && d > last ? d : last), i.start);
}

type Recorded = IncidentInput['attribution'][number];

const ATTRIBUTION_SOURCE: Source = { ref: 'bendiek2018', locator: 'Five Categories of Measures; detection and attribution, where political evaluation is decisive' };

/** The attribution need as a reason: a precondition when it opens the measure, advice when it only decides naming the state. */
function attributionReason(a: AttributionAssessment, need: AttributionNeed, leftOut: string, undated: readonly Recorded[]): Reason {
  const opens = a.effect === 'opens';
  // An undated attribution the measure rests on is named as such: nothing shows it was made by the plan's date.
  const resting = undated.filter((u) => a.restsOn.includes(describeAttribution(u)));
  const undatedNote = resting.length
    ? ` Undated: the attribution${resting.length === 1 ? '' : 's'} by ${resting.map((u) => u.by).join('; ')} ${resting.length === 1 ? 'has' : 'have'} no date; the plan counts ${resting.length === 1 ? 'it' : 'them'} as made by its date, as nothing dates ${resting.length === 1 ? 'it' : 'them'} later. Record the date to check.`
    : '';
  const restsOn = a.restsOn.length ? `rests on ${a.restsOn.join('; ')}` : 'rests on no attribution';
  const text = a.met
    ? opens
      ? `Attribution: ${need.label}; ${restsOn}.`
      : `The state may be named: ${need.label} exists; ${restsOn}.`
    : opens
      ? `Attribution: ${a.missing ?? ''}.`
      : `Do not name a state yet: naming it ${a.missing ?? ''}. The measure can still be taken without naming one.`;
  return {
    rule: `attribution-${need.id}`,
    kind: opens && need.requires.length > 0 ? 'precondition' : 'advisory',
    holds: a.met,
    text: `${text}${undatedNote}${leftOut}`,
    test: need.requires.length ? need.requires.map((r) => r.label).join(' and ') : 'always',
    sources: need.sources.length ? need.sources : [ATTRIBUTION_SOURCE],
    general: false,
    unverified: need.unverified,
    ...(need.note ? { note: need.note } : {}),
  };
}

function assessMeasure(
  measure: Measure,
  s: Situation,
  allRules: readonly Rule[],
  byId: ReadonlyMap<string, Rule>,
  needs: ReadonlyMap<string, AttributionNeed>,
  scale: SeverityFile,
  leftOut: string,
  undated: readonly Recorded[],
): MeasureAssessment {
  const incident = s.incident;
  const preconditions = measure.preconditions.map((id) => byId.get(id)).filter((r): r is Rule => r !== undefined);
  const advisories = allRules.filter((r) => r.kind !== 'precondition' && r.gates.includes(measure.id));
  const need = needs.get(measure.attribution.need);
  if (!need) throw new Error(`measure ${measure.id} names an unknown attribution need ${measure.attribution.need}`);
  const byRule = [...preconditions, ...advisories].map((rule) => reasonFor(rule, s, scale));
  // A rule of the data may leave the measure open without the attribution, which then decides only whether the message
  // names a state (a démarche to a transit state asks for due diligence and accuses no one).
  const relaxed = measure.attribution.namesStateWhen !== undefined && byRule.some((r) => r.rule === measure.attribution.namesStateWhen && r.holds);
  const attribution = assessAttribution(need, relaxed ? 'names-state' : measure.attribution.effect, incident);
  const reasons = need.requires.length > 0 ? [...byRule.filter((r) => r.kind === 'precondition'), attributionReason(attribution, need, leftOut, undated), ...byRule.filter((r) => r.kind !== 'precondition')] : byRule;
  const ruleChange = changedRule(measure, advisories, byRule);
  return {
    id: measure.id,
    title: measure.title,
    category: measure.category,
    available: reasons.every((r) => r.kind !== 'precondition' || r.holds),
    coercion: measure.coercion,
    reasons,
    decision: { by: measure.decidedBy, rule: ruleChange?.to ?? measure.rule, proposedBy: measure.proposedBy, ...(ruleChange ? { ruleChange } : {}) },
    procedure: measure.procedure,
    legalBasis: basesOn(measure.legalBasis, s.context.asOf).map((b) => ({
      label: legalBasisLabel(b),
      act: b.act,
      ...(b.provision ? { provision: b.provision } : {}),
      ...(b.note ? { note: b.note } : {}),
      unverified: b.unverified,
    })),
    effect: measure.effect,
    sources: measure.sources,
    unverified: measure.unverified,
    ...(measure.note ? { note: measure.note } : {}),
    taken: incident.responses
      .filter((r) => r.measure === measure.id)
      .map((r) => ({ date: r.date, by: r.by, ...(r.note ? { note: r.note } : {}) })),
    attribution,
  };
}

/** The first procedure rule that holds changes the measure's voting rule (the data give at most one per measure). */
function changedRule(measure: Measure, rules: readonly Rule[], reasons: readonly Reason[]): RuleChange | undefined {
  for (const rule of rules) {
    if (rule.kind !== 'procedure' || rule.changesRule === undefined) continue;
    const reason = reasons.find((r) => r.rule === rule.id);
    if (reason?.holds && rule.changesRule !== measure.rule) return { from: measure.rule, to: rule.changesRule, rule: rule.id, text: reason.text };
  }
  return undefined;
}

/** One rule read against the incident: whether it holds, and the rule's own words for the outcome. */
export function reasonFor(rule: Rule, subject: IncidentInput | Situation, scale: SeverityFile): Reason {
  const s = 'derived' in subject ? subject : deriveSituation(subject, bareContext(subject.start), scale);
  const holds = evaluateCondition(rule.condition, s, scale);
  const raw = holds ? rule.text.holds : (rule.text.fails ?? rule.text.holds);
  return {
    rule: rule.id,
    kind: rule.kind,
    holds,
    text: fillPhrases(raw, s),
    test: describeCondition(rule.condition),
    sources: withPhraseSources(rule.sources, raw, s),
    general: rule.general,
    unverified: rule.unverified,
    ...(rule.note ? { note: rule.note } : {}),
  };
}

/** A reason that quotes reviewed data through a phrase (a transit state's Budapest status) cites that data's sources after the rule's. */
function withPhraseSources(sources: Source[], text: string, s: Situation): Source[] {
  const quoted = PHRASE_NAMES.filter((name) => text.includes(`{${name}}`)).flatMap((name) => s.derived.phraseSources[name] ?? []);
  const fresh = quoted.filter((q) => !sources.some((r) => r.ref === q.ref && r.locator === q.locator));
  return fresh.length ? [...sources, ...fresh] : sources;
}

// bendiek2018, table "Cyber Security in the EU: Areas of Responsibility": the incident goes to the areas
// whose threats include its category, or whose condition it meets.
function involvedBodies(s: Situation, areas: readonly InvolvementArea[], scale: SeverityFile): InvolvedBody[] {
  const incident = s.incident;
  return areas.flatMap((area) => {
    const byCategory = area.threats.includes(incident.category);
    const byCondition = area.when !== undefined && evaluateCondition(area.when, s, scale);
    if (!byCategory && !byCondition) return [];
    // A body set up after the plan's year did not exist to be involved: the plan leaves it out and says why.
    const year = Number(s.context.asOf.slice(0, 4));
    const notYet = area.setUp.filter((b) => b.year > year);
    const named = area.euLevel.filter((body) => !notYet.some((b) => b.body === body));
    // A body renamed, or given a unit, in a year a source gives is named as it was in the plan's year.
    const names = area.names.filter((n) => named.includes(n.body));
    const nameOf = (body: string) => names.find((n) => n.body === body && n.from <= year)?.name ?? body;
    const why = [
      ...(byCategory ? [`the incident's category is ${incident.category}`] : []),
      ...(byCondition && area.when ? [area.whenText ?? describeCondition(area.when)] : []),
      ...(notYet.length ? [`not yet set up in ${year}: ${notYet.map((b) => `${b.body} (from ${b.year})`).join(', ')}`] : []),
      ...names.map((n) => (n.from <= year ? `named as from ${n.from}: ${n.name} (${n.body} before)` : `named as in ${year}: ${n.body} (${n.name} only from ${n.from})`)),
    ].join('; ');
    return [
      {
        area: area.id,
        domain: area.domain,
        euLevel: named.map(nameOf),
        nationalLevel: area.nationalLevel,
        why,
        sources: [...area.sources, ...notYet.flatMap((b) => b.sources), ...names.flatMap((n) => n.sources)],
      },
    ];
  });
}

/** The JSON form of a plan, as `respond --json` prints it (the issue's contract, plus the bodies). */
export function planToJson(plan: ResponsePlan) {
  return {
    measures: plan.measures.map((m) => ({
      id: m.id,
      title: m.title,
      category: m.category,
      available: m.available,
      coercion: m.coercion,
      reasons: m.reasons.map((r) => ({ rule: r.rule, kind: r.kind, holds: r.holds, text: r.text, sources: r.sources })),
      decision: m.decision,
      procedure: m.procedure,
      effect: m.effect,
      legalBasis: m.legalBasis.map((b) => (b.unverified ? `${b.label} (unverified)` : b.label)),
      sources: m.sources,
      unverified: m.unverified,
      taken: m.taken,
      attribution: m.attribution,
    })),
    ladder: plan.ladder,
    bodies: plan.bodies,
    asOf: plan.asOf,
    observatory: plan.observatory,
    notCounted: plan.notCounted,
  };
}
