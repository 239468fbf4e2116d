// The response toolbox's shapes (incidents, response plans, measures, votes), generated from the OpenAPI document
// (api/schema.d.ts, `npm run openapi`); the names below are the parts the pages read and send.
import type * as api from './api/schema';

export type Victim = api.Victim;
export type Incident = api.Incident;

/** An incident as the server stores and answers it; the form builds one in full. */
export type IncidentInput = api.Incident;
export type IncidentContext = api.Incident['context'];
export type Attribution = api.Incident['attribution'][number];
/** Who attributed; omitted on input, the server reads it from `by`. */
export type AttributorType = NonNullable<Attribution['byType']>;
export type AttributionKind = Attribution['kind'];
export type Confidence = Attribution['confidence'];
export type InitiatorType = api.Incident['initiator']['type'];
export type ResponseTaken = api.Incident['responses'][number];

/** Traffic Light Protocol 2.0 levels, as the API writes them. */
export type TlpLevel = api.TlpLevel;
export type RecordMarking = api.RecordMarking;
/** The marking fields a write may carry beside the incident's; unset ones keep their value or the server's default. */
export type MarkingInput = api.MarkingInput;
export type IncidentWrite = api.IncidentWriteInput;

export type StoredIncident = api.StoredIncident;
export type IncidentSighting = api.Sighting;
export type SightedRecord = api.Sighting['of'];
export type IncidentReport = api.Report;
export type ExternalReference = api.Report['externalReferences'][number];
/** One incident as GET /api/incidents/:id shows it: with the sightings and reports the reader may see. */
export type ShownIncident = api.ShownIncident;
export type IncidentPage = api.IncidentPage;
export type HistoryEntry = api.HistoryEntry;

export type PlanReason = api.PlanReason;
export type PlanMeasure = api.PlanMeasure;
export type MeasureAttribution = api.PlanMeasure['attribution'];
export type InvolvedBody = api.ResponsePlan['bodies'][number];
export type ResponsePlan = api.ResponsePlan;
/** A past incident like the one at hand, with what was done and how long it took. */
export type RankedPrecedent = api.Precedent;

/** A measure of the catalogue (GET /api/measures), with what the plan leaves out, such as its summary. */
export type Measure = api.Measure;
/** The parts of a catalogue measure a plan is completed with. */
export type MeasureInfo = Pick<api.Measure, 'id'> & Partial<Pick<api.Measure, 'title' | 'summary' | 'procedure' | 'effect' | 'coercion' | 'sources'>> & { category?: string };
/** A plan's measure with the catalogue's summary beside it. */
export type ShownMeasure = PlanMeasure & { summary?: string };

export type VoteRequest = api.VoteRequestInput;
export type VoteRule = NonNullable<api.VoteRequestInput['rule']>;
export type VoteChoice = api.VoteResult['pivotal'][number]['from'];
export type VoteResult = api.VoteResult;
export type VoteActs = api.VoteActs;
export type VoteThreshold = api.VoteResult['thresholds'][number];
export type VoteFlip = api.VoteResult['whatWouldFlip'][number];
