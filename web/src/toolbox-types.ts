// The response toolbox's shapes as the web app reads them: incidents, response plans, measures, votes.
import type { Relations, Source } from './api-types';
import type { PlanSanctions } from './sanctions-types';

export interface Victim {
  country: string;
  sector: string;
  name?: string;
}

/** Who attributed (src/core/toolbox/incident.ts AttributorType); omitted on input, the server reads it from `by`. */
export type AttributorType = 'member-state' | 'eu' | 'third-state' | 'international-organisation' | 'private' | 'other';

export interface Attribution {
  kind: string;
  by: string;
  byType?: AttributorType;
  date?: string;
  confidence: string;
  public: boolean;
}

export interface ResponseTaken {
  measure: string;
  date: string;
  by: string;
  note?: string;
}

export interface IncidentContext {
  euDelegationInInitiatorCountry?: boolean;
  delegationHeadRecalled?: boolean;
  victimCapacitiesOverwhelmed?: boolean;
  assistanceRequested?: boolean;
  otherMeansExhausted?: boolean;
  urgent?: boolean;
  victimIsNatoMember?: boolean;
  euPositionAdopted?: boolean;
  defenceImplications?: boolean;
  cfspObjectiveIdentified?: boolean;
  /** A victim member state has invoked the mutual assistance clause (Art. 42(7) TEU). */
  mutualAssistanceInvoked?: boolean;
  /** Agreement of all member states cannot be sought in the time available. */
  agreementOfAllCannotBeSought?: boolean;
}

export interface IncidentInput {
  title: string;
  summary?: string;
  start: string;
  detected?: string;
  disclosed?: string;
  end?: string;
  ongoing: boolean;
  category: string;
  victims: Victim[];
  effects: {
    severity: string;
    disruptsEssentialServices: boolean;
    physicalDamage: boolean;
    lossOfLife: boolean;
    threatensStateSurvival: boolean;
    armedAttack: boolean;
    /** An attempted attack (Decision (CFSP) 2019/797, Art. 1(1)); absent from incidents recorded before it. */
    attempted?: boolean;
    // The factors of significant effect of Decision (CFSP) 2019/797, where known.
    personsAffected?: number;
    /** In euro. */
    economicLoss?: number;
    economicBenefit?: boolean;
    dataStolen?: boolean;
    commerciallySensitiveData?: boolean;
  };
  initiator: {
    type: string;
    country: string | null;
    name?: string;
    identifiedPersons: string[];
    identifiedEntities: string[];
  };
  attribution: Attribution[];
  responses?: ResponseTaken[];
  context: IncidentContext;
  /** Where the record's facts come from (seeded precedents carry theirs). */
  sources?: Source[];
}

/** Traffic Light Protocol 2.0 levels, as the API writes them. */
export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** Who may see a record: its level, owning organisation, and the sharing list that applies to the level. */
export interface RecordMarking {
  tlp: TlpLevel;
  owner: string | null;
  /** Organisations an AMBER record is shared with, beside its owner. */
  sharedWith: string[];
  /** Usernames that may see a RED record. */
  recipients: string[];
}

/** The marking fields a write may carry beside the incident's; unset ones keep their value or the server's default. */
export interface MarkingInput {
  tlp?: TlpLevel;
  /** The owning organisation: only editors and admins may move a record to another one. */
  owner?: string;
  sharedWith?: string[];
  recipients?: string[];
}

export type IncidentWrite = IncidentInput & MarkingInput;

export interface StoredIncident {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  marking: RecordMarking;
  incident: IncidentInput;
}

/** What was sighted: the incident itself, or the actor an incident is attributed to (named by id only). */
export interface SightedRecord {
  kind: 'incident' | 'actor';
  id: string;
}

/** A STIX sighting imported on the incident (src/core/exchange/source-records.ts), with its own marking. */
export interface IncidentSighting {
  id: string;
  of: SightedRecord;
  firstSeen: string | null;
  lastSeen: string | null;
  /** How many times it was seen in the window; null when the sighting does not say. */
  count: number | null;
  /** Names of the identities and locations it was seen at. */
  where: string[];
  description: string | null;
  /** The sighting sums up several observations. */
  summary: boolean;
  tlp: TlpLevel;
  /** The STIX id it was imported from. */
  source: string | null;
}

export interface ExternalReference {
  source: string;
  /** As the report gave it: not necessarily a web address. */
  url?: string;
  externalId?: string;
  description?: string;
}

/** A STIX report imported as a source of the incident, with its own marking. */
export interface IncidentReport {
  id: string;
  name: string;
  published: string;
  description: string | null;
  types: string[];
  externalReferences: ExternalReference[];
  tlp: TlpLevel;
  source: string | null;
}

/** One incident as GET /api/incidents/:id shows it: with the sightings and reports the reader may see. */
export interface ShownIncident extends StoredIncident {
  /** Absent from servers that predate STIX sightings. */
  sightings?: IncidentSighting[];
  reports?: IncidentReport[];
}

export interface IncidentPage {
  total: number;
  items: StoredIncident[];
}

export interface HistoryEntry {
  version: number;
  action: string;
  at: string;
  /** The TLP level the incident had in this version. */
  tlp: string;
  before: unknown;
  after: unknown;
  /** Content withheld: the reader could not see it under the marking it had then. */
  redacted: boolean;
}

export interface PlanReason {
  rule: string;
  /** A precondition must hold for the measure to be open; an advisory only explains or weighs; a procedure rule changes the voting rule. */
  kind?: string;
  holds: boolean;
  text: string;
  sources: Source[];
}

export interface PlanMeasure {
  id: string;
  category: string;
  title: string;
  available: boolean;
  coercion?: number;
  reasons: PlanReason[];
  /** ruleChange: a procedure rule holds, so the measure is decided under `to` instead of its own `from` (Art. 31(4) TEU). */
  decision: { by: string; rule: string; proposedBy?: string[]; ruleChange?: { from: string; to: string; rule: string; text: string } };
  /** Labels such as "Art. 31(1) TEU", or entries with a label. */
  legalBasis: unknown[];
  procedure?: string;
  effect?: string;
  summary?: string;
  sources?: Source[];
  taken?: { date: string; by: string; note?: string }[];
  /** The attribution the measure rests on; absent from servers that predate it. */
  attribution?: MeasureAttribution;
}

/** src/core/toolbox/attribution-needs.ts AttributionAssessment. */
export interface MeasureAttribution {
  need: string;
  label: string;
  /** `opens`: the need opens or closes the measure; `names-state`: it decides only whether a state may be named. */
  effect: 'opens' | 'names-state';
  met: boolean;
  /** The recorded attributions the measure rests on, in words. */
  restsOn: string[];
  /** What is missing, with what exists; null when the need is met. */
  missing: string | null;
}

export interface InvolvedBody {
  area?: string;
  domain?: string;
  euLevel?: string[];
  nationalLevel?: string[];
  why?: string;
  sources?: Source[];
}

export interface ResponsePlan {
  /** Every measure, least to most coercive. */
  measures: PlanMeasure[];
  /** Ids of the open measures, least to most coercive. */
  ladder: string[];
  bodies?: InvolvedBody[];
  /** The cyber-sanctions regime on the plan's date; absent from servers that predate it. */
  sanctions?: PlanSanctions;
  /** The day the plan was made for. */
  asOf?: string;
  /** What the observatory holds on the initiator state; null when none is recorded. */
  observatory?: Relations | null;
  /** The most comparable past incidents, best first. */
  precedents?: RankedPrecedent[];
}

/** A past incident like the one at hand, with what was done and how long it took (src/core/toolbox/precedents.ts). */
export interface RankedPrecedent {
  id: string;
  /** `reviewed`: the project's data on past incidents; `registry`: an incident recorded or imported here. */
  origin: 'reviewed' | 'registry';
  title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the precision the sources give. */
  start: string;
  /** 0..1: the points scored over the points possible. */
  score: number;
  points: number;
  /** Each shared trait with its points, e.g. "same initiator state: RU (+3)". */
  why: string[];
  attribution: { kind: string; by: string; byType?: string; date?: string }[];
  responses: { date: string; by: string; byType?: string; measure?: string; what: string; act?: string }[];
  /** Days from the start to the first political or legal attribution; null when either date is not known to the day. */
  daysToAttribution: number | null;
  /** Days from the start to the first response by the EU or a member state; null when not known. */
  daysToResponse: number | null;
  sources: Source[];
  unverified: boolean;
}

/** A measure of the catalogue (GET /api/measures): what the plan may leave out, such as its procedure. */
export interface MeasureInfo {
  id: string;
  title?: string;
  category?: string;
  summary?: string;
  procedure?: string;
  effect?: string;
  coercion?: number;
  sources?: Source[];
}

export type VoteRule = 'unanimity' | 'qmv' | 'rqmv' | 'simple';
export type VoteChoice = 'for' | 'against' | 'abstain' | 'constructive' | 'notParticipating';

export interface VoteRequest {
  rule: VoteRule;
  year?: number;
  for?: string[];
  against?: string[];
  abstain?: string[];
  constructive?: string[];
  notParticipating?: string[];
}

export interface VoteThreshold {
  id: string;
  /** What the condition asks, in words. */
  text: string;
  required: { members?: number; populationPercent?: number };
  actual: { members?: number; populationPercent?: number };
  /** Whether the condition is satisfied in favour of adoption. */
  met: boolean;
}

export interface VoteFlip {
  states: string[];
  to: string;
  outcome: string;
  text: string;
}

export interface VoteResult {
  adopted: boolean;
  rule?: string;
  title?: string;
  basis?: string;
  year?: number;
  counts: Partial<Record<VoteChoice | 'members' | 'participating', number>>;
  /** Percent of the members taking part, and of their population. */
  shares?: { members?: Partial<Record<VoteChoice, number>>; population?: Partial<Record<VoteChoice, number>> };
  thresholds: VoteThreshold[];
  deemedReached?: boolean;
  explanation: string[];
  whatWouldFlip: (VoteFlip | string)[];
  /** Every member state whose own change of vote would reverse the outcome (src/core/toolbox/vote-pivots.ts). */
  pivotal?: { state: string; from: VoteChoice; to: VoteChoice; outcome: 'adopted' | 'rejected' }[];
  /** Under unanimity: what a constructive abstention means for the abstainer (Art. 31(1) TEU), with sources. */
  constructiveAbstention?: { text: string; sources: Source[]; unverified: boolean; note?: string };
  sources?: Source[];
  unverified?: boolean;
}
