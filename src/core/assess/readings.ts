// How the assessment reads the facts (the `readings` block of data/assessment/weights.yaml): for each cooperation item,
// tension and statement of attention, what the papers' wording says it is and how much it weighs, with a reason and sources.
import { z } from 'zod';
import { Sources } from '../provenance';

/**
 * Whose channel a cooperation item runs through. Only `eu-partner` is cooperation between the EU and the partner
 * (renard2014 "Assessing the partnerships": bilateral cooperation); the multilateral channels serve the structural purpose.
 */
export const CooperationChannel = z.enum([
  /** Cooperation between EU bodies and the partner. */
  'eu-partner',
  /** The EU and the partner coordinating positions or launching an initiative in multilateral fora. */
  'multilateral-coordination',
  /** Measures inside a multilateral organisation that the EU supports (OSCE, ARF confidence-building). */
  'multilateral-forum',
  /** Another organisation's channel (NATO), not the EU's. */
  'other-organisation',
  /** Non-governmental (track-2) talks, even when the EU supports them. */
  'track-2',
  /** Proposed or considered, not delivered. */
  'proposal',
]);
export type CooperationChannel = z.infer<typeof CooperationChannel>;

/** How much cooperation an item represents, in the papers' words ("some instances", "regular", "functioning"). */
export const CooperationExtent = z.enum(['some', 'regular', 'functioning']);
export type CooperationExtent = z.infer<typeof CooperationExtent>;

/** What a tension is: offences and surveillance serve the integrative function (renard2016 s.5); divergences are normative. */
export const TensionKind = z.enum(['cyber-offence', 'surveillance', 'political-friction', 'normative-divergence']);
export type TensionKind = z.infer<typeof TensionKind>;

/** How much room summit or ministerial statements give cyber (renard2014 "The challenge of implementation"). */
export const AttentionExtent = z.enum(['absent', 'succinct', 'substantial']);
export type AttentionExtent = z.infer<typeof AttentionExtent>;

const why = { reason: z.string().min(1), sources: Sources };

export const CooperationReading = z
  .object({
    channel: CooperationChannel,
    extent: CooperationExtent,
    /** A one-off deliverable (an exercise, a campaign) that stays in the record after it ended. */
    event: z.boolean().optional(),
    ...why,
  })
  .strict();
export type CooperationReading = z.infer<typeof CooperationReading>;

export const TensionReading = z.object({ kind: TensionKind, ...why }).strict();
export type TensionReading = z.infer<typeof TensionReading>;

export const AttentionReading = z.object({ extent: AttentionExtent, ...why }).strict();
export type AttentionReading = z.infer<typeof AttentionReading>;

/** Attention readings are keyed `<partner>-<level>-<year>`, e.g. `RU-ministerial-2014`. */
export const attentionKey = (partner: string, level: string, year: number) => `${partner}-${level}-${year}`;

export const Readings = z
  .object({
    rationale: z.string().min(1),
    sources: Sources,
    /** How a fact that has no reading yet is read (a fact added since the last review); it is marked as unread. */
    unread: z
      .object({ cooperation: z.object({ channel: CooperationChannel, extent: CooperationExtent }).strict(), tensionKind: TensionKind })
      .strict(),
    /** By cooperation id of data/partnerships. */
    cooperation: z.record(z.string(), CooperationReading).default({}),
    /** By tension id of data/partnerships. */
    tensions: z.record(z.string(), TensionReading).default({}),
    attention: z.record(z.string().regex(/^[A-Z]{2}-(summit|ministerial)-\d{4}$/, 'expected <partner>-<level>-<year>'), AttentionReading).default({}),
  })
  .strict();
export type Readings = z.infer<typeof Readings>;
