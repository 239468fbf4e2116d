// The schema of data/assessment/gaps.yaml: for each EU objective, the fact about a partner that would serve it.
import { z } from 'zod';
import { Sources } from '../provenance';
import { Forum } from '../records/dialogue';
import { AgreementStatus, AgreementType, BudapestStatus, CooperationKind, InternetGovernanceModel, MembershipId, Topic, Wcit2012 } from '../vocabularies';
import { parseOrThrow } from '../zod-issues';

/** One kind of fact a partner can have; a requirement is met when any of its facts holds at the as-of date. */
export const Requirement = z.union([
  /** An active dialogue (on a topic, dedicated to cyber, or whose meetings took up one of the fora by the date). */
  z.object({ dialogue: z.object({ topic: Topic.optional(), cyberSpecific: z.literal(true).optional(), fora: z.array(Forum).min(1).optional() }).strict() }).strict(),
  /** A document in force by the date that commits both sides to work together on the topic. */
  z.object({ document: z.object({ covers: Topic }).strict() }).strict(),
  z.object({ agreement: z.object({ type: z.array(AgreementType).min(1), status: z.array(AgreementStatus).min(1) }).strict() }).strict(),
  z.object({ budapest: z.array(BudapestStatus).min(1) }).strict(),
  z.object({ internetGovernance: z.array(InternetGovernanceModel).min(1) }).strict(),
  z.object({ wcit2012: z.array(Wcit2012).min(1) }).strict(),
  z.object({ membership: z.array(MembershipId).min(1) }).strict(),
  z.object({ cooperation: z.array(CooperationKind).min(1) }).strict(),
  /**
   * Cooperation items of data/partnerships that the papers report as being about the topic (cooperation items carry no
   * topics of their own): e.g. renard2014 on Japan and Canada, "Cooperation has mostly taken place on cyber-crime and CIIP".
   */
  z.object({ cooperationOn: z.object({ topic: Topic, items: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1) }).strict() }).strict(),
]);
export type Requirement = z.infer<typeof Requirement>;

export const GapRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The objective served, as `<strategy id>/<objective id>` of data/eu-framework.yaml. */
    objective: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected <strategy id>/<objective id>'),
    title: z.string().min(1),
    /** What the partner lacks when the rule is not met, in words. */
    lacking: z.string().min(1),
    anyOf: z.array(Requirement).min(1),
    sources: Sources,
  })
  .strict();
export type GapRule = z.infer<typeof GapRule>;

export const GapsFile = z.object({ rules: z.array(GapRule).min(1) }).strict();
export type GapsFile = z.infer<typeof GapsFile>;

export function parseGapsFile(raw: unknown, name: string): GapsFile {
  return parseOrThrow(GapsFile, raw, 'corrupt_data', `data file ${name}`);
}
