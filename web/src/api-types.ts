// The shapes the JSON API answers with, generated from the OpenAPI document (api/schema.d.ts, `npm run openapi`); the
// names below are the parts the pages read, and a few reading views that several answers share.
import type * as api from './api/schema';
import type { InForceView } from '../../src/core/kb/budapest-in-force-text';

export type Source = api.Source;

export interface Sourced {
  sources: Source[];
}

export type DateOrYear = api.DateOrYear;

/** A later statement about a fact, with its own date; the API gives only those dated by the as-of date. */
export type DatedNote = NonNullable<api.TimedValue['datedNotes']>[number];
export type PartnerSummary = api.PartnerSummary;
export type Disagreement = NonNullable<api.BudapestPosition['disagreements']>[number];

/** Any value that held over a period: each position's own values are of this shape, with a stance or disagreements where recorded. */
export type TimedValue = api.TimedValue & { stance?: string; disagreements?: Disagreement[] };
/** A position as the pages read it: the Budapest Convention, internet governance, WCIT 2012, the UN convention or the perception. */
export type PositionView = TimedValue & { history: TimedValue[] } & InForceView;

export type UnVoteFact = api.UnVote;
export type DocumentFact = api.DocumentFact;
export type DialogueFact = api.DialogueFact;
export type DialogueMeeting = api.DialogueMeeting;
export type AgreementFact = api.AgreementFact;
export type MembershipFact = api.Membership;
/** A cooperation or a tension: something that began, and may have ended, on a date. */
export type DatedFact = api.Tension & { kind?: string };
export type AttentionFact = api.PartnerProfile['attention'][number];
export type PartnerProfile = api.PartnerProfile;

export type MatrixCell = api.MatrixCell;
export type InstrumentMatrix = api.InstrumentMatrix;

export type ExplanationStep = api.Assessment['explanation'][number];
/** A purpose or a dimension with its score and the steps that explain it. */
export type ScoredPart = Omit<api.Assessment['purposes']['reflexive'], 'explanation'> & { explanation: ExplanationStep[] };
export type OrientationCondition = api.Assessment['orientationRule']['conditions'][number];
export type Assessment = api.Assessment;
/** Of an assessment, what the overview's figures and map show (the part of GET /api/assess it checks). */
export type AssessmentFigures = Pick<Assessment, 'id' | 'orientation' | 'maturity'>;

export type ApiErrorBody = api.ErrorBody;
export type FieldIssue = api.ErrorIssue;

export type Timeline = api.Timeline;
export type TimelineEvent = api.Timeline['events'][number];
export type ActiveDialoguesYear = api.Timeline['activeCyberDialogues'][number];

export type AssessmentHistory = api.AssessmentHistory;
export type AssessmentHistoryYear = api.AssessmentHistory['years'][number];
export type AssessmentHistoryMove = AssessmentHistoryYear['moved'][number];

export type CompareResult = api.CompareResult;
export type CompareValue = api.CompareResult['rows'][number]['values'][string];

export type Gaps = api.Gaps;
export type GapItem = api.Gaps['gaps'][number] | api.Gaps['met'][number];

export type Relations = api.Relations;
export type RelationDialogue = api.Relations['cyberDialogues'][number];
export type RelationAgreement = api.Relations['criminalJusticeAgreements'][number];
