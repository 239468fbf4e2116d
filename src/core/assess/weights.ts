// The schema of the reviewed assessment rules (data/assessment/weights.yaml): every weight, threshold and rule with its source.
import { z } from 'zod';
import { AppError } from '../errors';
import { Sources } from '../provenance';
import {
  AgreementStatus,
  AgreementType,
  BudapestStance,
  BudapestStatus,
  CooperationKind,
  CyberMention,
  DialogueLevel,
  DialogueStatus,
  Frequency,
  InternetGovernanceModel,
  MembershipId,
  Perception,
  Purpose,
  Topic,
  Wcit2012,
} from '../vocabularies';
import { parseOrThrow } from '../zod-issues';
import { AttentionExtent, CooperationChannel, CooperationExtent, Readings, TensionKind } from './readings';

export const DIMENSIONS = ['institutionalDensity', 'legalFramework', 'alignment', 'cooperation', 'trust'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

/** What an orientation rule can test: the dimension scores, two cooperation sub-scores and two dialogue counts. */
export const METRICS = [...DIMENSIONS, 'cooperationResults', 'cooperationProcess', 'cyberDialogues', 'cyberSpecificDialogues'] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

/** What a purpose is made of: dimension scores, cooperation sub-scores and four purpose-specific signals. */
export const SIGNALS = [...DIMENSIONS, 'cooperationResults', 'cooperationProcess', 'positional', 'integrative', 'multilateral', 'internetGovernance'] as const;
export const Signal = z.enum(SIGNALS);
export type Signal = z.infer<typeof Signal>;

export const ORIENTATIONS = ['results-oriented', 'process-oriented', 'under-delivering'] as const;
export const Orientation = z.enum(ORIENTATIONS);
export type Orientation = z.infer<typeof Orientation>;

export const BLOCS = ['like-minded', 'intergovernmental', 'swing'] as const;
export const Bloc = z.enum(BLOCS);
export type Bloc = z.infer<typeof Bloc>;

const Points = z.number().finite();
const Factor = z.number().min(0).max(10);
const Cap = z.number().positive();
const Penalty = z.number().max(0);
/** Every block of rules says why (in our words) and on which passage of which paper. */
const why = { rationale: z.string().min(1), sources: Sources };

const sumsToOne = (values: number[]) => Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-6;

const InstitutionalDensity = z
  .object({
    ...why,
    countedTopics: z.array(Topic).min(1),
    levelPoints: z.record(DialogueLevel, Points),
    frequencyFactor: z.record(Frequency, Factor),
    statusFactor: z.record(DialogueStatus, Factor),
    cyberSpecificBonus: Points,
    documentPoints: z.record(CyberMention, Points),
    /** A general summit or ministerial dialogue counts for cyber as far as its statements give cyber room. */
    attentionFactor: z.record(AttentionExtent, Factor),
    /** The statements themselves, like framing documents. */
    attentionPoints: z.record(AttentionExtent, Points),
    cap: Cap,
  })
  .strict();

const LegalFramework = z
  .object({ ...why, typePoints: z.record(AgreementType, Points), statusFactor: z.record(AgreementStatus, Factor), cap: Cap })
  .strict();

const Alignment = z
  .object({
    ...why,
    base: z.number().min(0).max(100),
    budapest: z.record(BudapestStatus, Points),
    budapestStance: z.record(BudapestStance, Points),
    internetGovernance: z.record(InternetGovernanceModel, Points),
    wcit2012: z.record(Wcit2012, Points),
    memberships: z.partialRecord(MembershipId, Points),
    /** A normative divergence the papers name (e.g. "not aligned on internet governance"). */
    divergence: Penalty,
    cap: Cap,
  })
  .strict();

const Cooperation = z
  .object({
    ...why,
    /** `results` are tangible bilateral outcomes, `process` builds confidence, `multilateral` serves the structural purpose. */
    kinds: z.record(CooperationKind, z.object({ points: Points, delivers: z.enum(['results', 'process', 'multilateral']) }).strict()),
    /** Only these channels are cooperation between the EU and the partner. */
    countedChannels: z.array(CooperationChannel).min(1),
    /** How much of a kind's points an item earns, by the extent its reading gives. */
    extentFactor: z.record(CooperationExtent, Factor),
    /** Years a one-off deliverable (`event` in its reading) stays in the record after it ended. */
    eventYears: z.number().min(0).max(50),
    /**
     * The most raw points the items read at one extent add up to, together: the papers word a partnership's cooperation as
     * a whole ("some instances"), so recording it as more items does not make it more (ADR 0008).
     */
    extentCeiling: z.partialRecord(CooperationExtent, z.object({ points: z.number().min(0), reason: z.string().min(1), sources: Sources }).strict()).default({}),
    cap: Cap,
  })
  .strict();

const Trust = z
  .object({
    ...why,
    base: z.number().min(0).max(100),
    perception: z.record(Perception, Points),
    tension: Penalty,
    /** The kinds of tension that erode trust; normative divergences count under alignment instead. */
    tensionKinds: z.array(TensionKind),
    tensionFloor: Penalty,
    cap: Cap,
  })
  .strict();

const Signals = z
  .object({
    positional: z
      .object({ ...why, levelPoints: z.record(DialogueLevel, Points), cyberSpecificBonus: Points, cap: Cap })
      .strict(),
    integrative: z.object({ ...why, perception: z.record(Perception, Points), tension: z.partialRecord(TensionKind, Points), cap: Cap }).strict(),
    multilateral: z
      .object({
        ...why,
        budapest: z.record(BudapestStatus, Points),
        memberships: z.partialRecord(MembershipId, Points),
        cooperationChannels: z.partialRecord(CooperationChannel, Points),
        cap: Cap,
      })
      .strict(),
    internetGovernance: z
      .object({ ...why, model: z.record(InternetGovernanceModel, Points), dialogueTopic: Topic, dialoguePoints: Points, cap: Cap })
      .strict(),
  })
  .strict();

const Condition = z
  .object({ metric: Metric, atLeast: z.number().optional(), below: z.number().optional() })
  .strict()
  .refine((c) => (c.atLeast === undefined) !== (c.below === undefined), { message: 'give exactly one of atLeast or below' });
export type Condition = z.infer<typeof Condition>;

const OrientationRule = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), label: Orientation, when: z.array(Condition), because: z.string().min(1), sources: Sources })
  .strict();
export type OrientationRule = z.infer<typeof OrientationRule>;

const PurposeRule = z
  .object({
    ...why,
    title: z.string().min(1),
    components: z.array(z.object({ signal: Signal, weight: Factor, note: z.string().min(1) }).strict()).min(1),
  })
  .strict()
  .refine((p) => sumsToOne(p.components.map((c) => c.weight)), { message: 'component weights must add up to 1', path: ['components'] });

const Network = z
  .object({
    ...why,
    blocs: z
      .object({
        ...why,
        seed: z.number().int(),
        resolution: z.number().positive(),
        features: z
          .object({
            internetGovernance: Points,
            wcit2012: Points,
            budapest: Points,
            memberships: z.partialRecord(MembershipId, Points),
          })
          .strict(),
        labels: z.record(InternetGovernanceModel, Bloc),
      })
      .strict(),
  })
  .strict();

export const WeightsFile = z
  .object({
    version: z.literal(1),
    title: z.string().min(1),
    dimensions: z
      .object({ institutionalDensity: InstitutionalDensity, legalFramework: LegalFramework, alignment: Alignment, cooperation: Cooperation, trust: Trust })
      .strict(),
    signals: Signals,
    maturity: z
      .object({ ...why, weights: z.record(Dimension, Factor) })
      .strict()
      .refine((m) => sumsToOne(Object.values(m.weights)), { message: 'dimension weights must add up to 1', path: ['weights'] }),
    orientation: z
      .object({ ...why, rules: z.array(OrientationRule).min(1) })
      .strict()
      .refine((o) => o.rules.at(-1)?.when.length === 0, {
        message: 'the last rule must have no conditions (when: []) so that every partner gets a label',
        path: ['rules'],
      }),
    purposes: z.record(Purpose, PurposeRule),
    network: Network,
    readings: Readings,
  })
  .strict();
export type Weights = z.infer<typeof WeightsFile>;

/** Validates a weights file (the reviewed one or a user's); throws `invalid_weights` naming each failing field. */
export function parseWeights(raw: unknown, name: string): Weights {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('invalid_weights', `Invalid weights file ${name}: expected a mapping with version, dimensions, signals, maturity, orientation, purposes and network`, [
      { path: '(root)', message: 'expected an object' },
    ]);
  }
  return parseOrThrow(WeightsFile, raw, 'invalid_weights', `weights file ${name}`);
}
