// What attribution a measure rests on (bendiek2018: detection is the elucidation and attribution of attacks, where
// "political evaluation is decisive"). Each need is reviewed data in rules.yaml: a list of requirements, each met
// by at least one recorded attribution; the evaluator says which attributions a measure rests on and what is missing.
import { UNDATED_MARK } from './not-counted';
import { z } from 'zod';
import { Sources } from '../provenance';
import type { IsoDate } from '../dates';
import { AttributionKind, AttributorType, Confidence, attributorTypeOn, type IncidentInput } from './incident';

const Filter = z
  .object({
    kinds: z.array(AttributionKind).min(1).optional(),
    by: z.array(AttributorType).min(1).optional(),
    confidence: z.array(Confidence).min(1).optional(),
    public: z.boolean().optional(),
  })
  .strict();
type Filter = z.infer<typeof Filter>;

export const AttributionRequirement = z
  .object({
    /** How the requirement reads in a plan: "a political attribution by a member state or the EU". */
    label: z.string().min(1),
    /** Met by an attribution that matches any of these filters. */
    anyOf: z.array(Filter).min(1),
  })
  .strict();
export type AttributionRequirement = z.infer<typeof AttributionRequirement>;

export const AttributionNeed = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    label: z.string().min(1),
    /** Every requirement must be met; none for a measure that needs no attribution. */
    requires: z.array(AttributionRequirement).default([]),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type AttributionNeed = z.infer<typeof AttributionNeed>;

/** How a need bears on its measure: it opens or closes it, or it decides only whether the state may be named. */
export const AttributionEffect = z.enum(['opens', 'names-state']);
export type AttributionEffect = z.infer<typeof AttributionEffect>;

export const MeasureAttribution = z
  .object({
    need: z.string().min(1),
    effect: AttributionEffect.default('opens'),
    /**
     * A rule of rules.yaml that gates the measure: while it holds, the need only decides whether the measure names a
     * state (names-state) instead of opening it.
     */
    namesStateWhen: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type MeasureAttribution = z.infer<typeof MeasureAttribution>;

export interface AttributionAssessment {
  need: string;
  label: string;
  effect: AttributionEffect;
  met: boolean;
  /** The recorded attributions the measure rests on, in words. */
  restsOn: string[];
  /** What is missing, with what exists: "needs a political attribution ...; recorded: technical by BSI ...". */
  missing: string | null;
}

type Recorded = IncidentInput['attribution'][number];

// Who attributed is read on the attribution's date, or the incident's start without one (attributorTypeOn).
const matches = (a: Recorded, f: Filter, start: IsoDate) =>
  (f.kinds === undefined || f.kinds.includes(a.kind)) &&
  (f.by === undefined || f.by.includes(attributorTypeOn(a, a.date ?? start))) &&
  (f.confidence === undefined || f.confidence.includes(a.confidence)) &&
  (f.public === undefined || a.public === f.public);

export function describeAttribution(a: Recorded): string {
  return `${a.kind} by ${a.by}${a.date ? ` on ${a.date}` : ''} (${a.confidence} confidence, ${a.public ? 'public' : 'not public'})`;
}

/** Reads a need against the incident's attributions. */
export function assessAttribution(need: AttributionNeed, effect: AttributionEffect, incident: IncidentInput): AttributionAssessment {
  const recorded = incident.attribution;
  const unmet = need.requires.filter((r) => !recorded.some((a) => r.anyOf.some((f) => matches(a, f, incident.start))));
  const used = recorded.filter((a) => need.requires.some((r) => r.anyOf.some((f) => matches(a, f, incident.start))));
  const existing = recorded.length === 0 ? 'no attribution is recorded' : `only ${recorded.map(describeAttribution).join('; ')} is recorded`;
  return {
    need: need.id,
    label: need.label,
    effect,
    met: unmet.length === 0,
    restsOn: used.map(describeAttribution),
    missing: unmet.length === 0 ? null : `needs ${unmet.map((r) => r.label).join(' and ')}; ${existing}`,
  };
}

/** The incident's dates that bound an undated attribution from below. */
interface Bounds {
  start: string;
  detected?: string | undefined;
  disclosed?: string | undefined;
}

/**
 * The earliest day an attribution can have been made: its own date, or, undated, the incident's detection (nothing is
 * attributed before anyone has found it) and for a public attribution its disclosure (a public attribution discloses
 * the incident if nothing did before); the start when neither is recorded. A plan made before that day cannot count
 * it, and a plan made after counts it only as undated.
 */
export function attributionKnownFrom(a: Recorded, i: Bounds): { date: IsoDate; from: 'its date' | 'the incident\'s disclosure' | 'the incident\'s detection' | 'the incident\'s start' } {
  if (a.date !== undefined) return { date: a.date as IsoDate, from: 'its date' };
  if (a.public && i.disclosed !== undefined) return { date: i.disclosed as IsoDate, from: 'the incident\'s disclosure' };
  if (i.detected !== undefined) return { date: i.detected as IsoDate, from: 'the incident\'s detection' };
  return { date: i.start as IsoDate, from: 'the incident\'s start' };
}

/** An undated attribution in words, with the day from which a plan may count it. */
export function describeUndated(a: Recorded, i: Bounds): string {
  const known = attributionKnownFrom(a, i);
  return `${describeAttribution(a)}${UNDATED_MARK}it cannot have been made before ${known.from} (${known.date})`;
}
