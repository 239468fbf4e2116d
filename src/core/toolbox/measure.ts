// A measure of the response toolbox (bendiek2018's five categories plus the criminal-justice track),
// as declared in data/toolbox/measures.yaml: who proposes and decides it, by which rule, on which basis.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { Sources } from '../provenance';
import { MeasureAttribution } from './attribution-needs';

export const MeasureCategory = z.enum([
  'preventive',
  'cooperative',
  'stabilising',
  'restrictive',
  'member-state-support',
  'criminal-justice',
]);
export type MeasureCategory = z.infer<typeof MeasureCategory>;

export const DecisionBody = z.enum([
  'european-council',
  'council',
  'high-representative',
  'eeas',
  'eu-delegation',
  'commission',
  'member-state',
]);
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DECISION_BODY_NAMES: Readonly<Record<DecisionBody, string>> = {
  'european-council': 'European Council',
  council: 'Council',
  'high-representative': 'High Representative',
  eeas: 'EEAS',
  'eu-delegation': 'EU delegation',
  commission: 'Commission',
  'member-state': 'member state',
};

/** How the deciding body decides: a Council vote, no vote at all, or a member state's own procedure. */
export const DecisionRule = z.enum(['unanimity', 'qmv', 'rqmv', 'none', 'national']);
export type DecisionRule = z.infer<typeof DecisionRule>;

export const DECISION_RULE_NAMES: Readonly<Record<DecisionRule, string>> = {
  unanimity: 'unanimity',
  qmv: 'qualified majority',
  rqmv: 'reinforced qualified majority',
  none: 'no vote',
  national: 'national decision',
};

export const MeasureId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id');

/** One provision a measure rests on: `Art. 31(1)` of `TEU`, or a whole act. */
const BasisDate = z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' });

export const LegalBasis = z
  .object({
    act: z.string().min(1),
    provision: z.string().min(1).optional(),
    note: z.string().optional(),
    /** The first and last day the act applies, where it did not always: a plan cites only the acts in force on its date. */
    from: BasisDate.optional(),
    until: BasisDate.optional(),
    /** Set where the research notes mark the provision or its reading UNVERIFIED. */
    unverified: z.boolean().default(false),
  })
  .refine((b) => b.from === undefined || b.until === undefined || b.from <= b.until, { message: 'from must not be after until', path: ['until'] });
export type LegalBasis = z.infer<typeof LegalBasis>;

export function legalBasisLabel(basis: LegalBasis): string {
  return basis.provision ? `${basis.provision} ${basis.act}` : basis.act;
}

/** Whether an act applies on a day: from its first day of application, up to and including its last. */
export function basisInForce(basis: LegalBasis, day: string): boolean {
  return (basis.from === undefined || basis.from <= day) && (basis.until === undefined || day <= basis.until);
}

/**
 * The bases a plan made on `day` cites: those in force then (a plan of 2015 cites the dual-use regulation of 2009, not
 * its recast of 2021). Where none is, one entry says so and names the earliest act and when it began to apply.
 */
export function basesOn(bases: readonly LegalBasis[], day: string): LegalBasis[] {
  const inForce = bases.filter((b) => basisInForce(b, day));
  if (inForce.length > 0) return inForce;
  const first = [...bases].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))[0];
  if (!first) return [];
  const act = legalBasisLabel(first);
  return [{ act: `none in force on ${day}${first.from && first.from > day ? `: ${act} applies from ${first.from}` : `: ${act} applied until ${first.until ?? '?'}`}`, unverified: first.unverified }];
}

export const Measure = z
  .object({
    id: MeasureId,
    category: MeasureCategory,
    title: z.string().min(1),
    summary: z.string().min(1),
    legalBasis: z.array(LegalBasis).min(1, 'every measure names its legal basis'),
    proposedBy: z.array(DecisionBody).min(1),
    decidedBy: DecisionBody,
    rule: DecisionRule,
    /** The steps, in a sentence or two: who asks, who decides, who carries it out. */
    procedure: z.string().min(1),
    /** Place on the escalation ladder: higher is more coercive. */
    coercion: z.number().int().min(0),
    /** Ids of the precondition rules (data/toolbox/rules.yaml) that must all hold for the measure to be open. */
    preconditions: z.array(z.string()).default([]),
    /** The attribution the measure rests on (a need of rules.yaml's attributionNeeds); none by default. */
    attribution: MeasureAttribution.prefault({ need: 'none' }),
    effect: z.string().min(1),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type Measure = z.infer<typeof Measure>;

export const MeasuresFile = z
  .object({
    measures: z
      .array(Measure)
      .min(1)
      .superRefine((measures, ctx) => {
        const seen = new Set<string>();
        measures.forEach((m, i) => {
          if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate measure id "${m.id}"` });
          seen.add(m.id);
        });
      }),
  })
  .strict();
export type MeasuresFile = z.infer<typeof MeasuresFile>;
