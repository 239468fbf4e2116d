// The shapes the JSON API answers with, as the web app reads them (the server's contract, written down once).

export interface Source {
  ref: string;
  locator: string;
  quote?: string;
  /** The reviewed grade the API gives the source (data/sources/publishers.yaml). */
  grade?: 'primary' | 'secondary' | 'low';
  /** For a paper key, its published version. */
  href?: string;
}

export interface Sourced {
  sources: Source[];
}

export type DateOrYear = string | number;

/** A later statement about a fact, with its own date; the API gives only those dated by the as-of date. */
export interface DatedNote extends Sourced {
  date: DateOrYear;
  text: string;
  unverified?: boolean;
}

export interface PartnerSummary {
  id: string;
  name: string;
  /** One of the ten strategic partners of the papers, or another partner of EU cyber dialogues. */
  group?: 'strategic-partner' | 'cyber-dialogue-partner';
  partnershipSince?: number | null;
  cyberDialogueSince?: DateOrYear | null;
}

export interface TimedValue extends Sourced {
  value: string;
  from: DateOrYear;
  until?: DateOrYear;
  note?: string;
  unverified?: boolean;
  /** `from` is the date a source first reported it, not its start (not known). */
  reported?: boolean;
  stance?: string;
  datedNotes?: DatedNote[];
}

export interface Disagreement extends Sourced {
  claim: string;
}

export interface PositionView extends TimedValue {
  history: TimedValue[];
  /** What other sources say against this entry, each with its sources. */
  disagreements?: Disagreement[];
}

/** A recorded vote of the partner in the UN General Assembly on a cyber resolution. */
export interface UnVoteFact extends Sourced {
  resolution: string;
  date: string;
  vote: string;
  note?: string;
  unverified?: boolean;
}

export interface DocumentFact extends Sourced {
  id: string;
  title: string;
  type: string;
  year: number;
  cyberMention: string;
  keyDocument: boolean;
  url: string | null;
  summary: string | null;
  datedNotes?: DatedNote[];
}

export interface DialogueFact extends Sourced {
  id: string;
  name: string;
  partners: string[];
  thirdParties: string[];
  level: string;
  frequency: string;
  topics: string[];
  cyberSpecific: boolean;
  established: DateOrYear | null;
  /** The first date a source reports the dialogue in place; its start when `established` is null is not known. */
  firstReported?: DateOrYear | null;
  /** The latest date a source reports it by the as-of date (an `unknown` status is unknown since then). */
  lastReported?: DateOrYear | null;
  status: string;
  statusSince?: DateOrYear | null;
  statusHistory: TimedValue[];
  /** Dated meetings (rounds) held by the as-of date, with the fora they took up. */
  meetings?: DialogueMeeting[];
  fora?: string[];
  keyDialogue: boolean;
  summary: string | null;
}

export interface DialogueMeeting extends Sourced {
  date: DateOrYear;
  title: string;
  topics: string[];
  fora: string[];
  summary?: string;
  unverified?: boolean;
}

export interface AgreementFact extends Sourced {
  id: string;
  type: string;
  title: string;
  euParty: string;
  status: string;
  year: number;
  /** `year` is only when a source first reported the status, not its start. */
  statusReported?: boolean;
  signedYear: number | null;
  inForceYear: number | null;
  statusHistory: TimedValue[];
  summary: string | null;
}

export interface MembershipFact extends Sourced {
  id: string;
  from: DateOrYear;
  until?: DateOrYear;
  /** `from` is the date a source first reported it, not its start (not known). */
  reported?: boolean;
  role?: string;
  note?: string;
  datedNotes?: DatedNote[];
}

export interface DatedFact extends Sourced {
  id: string;
  title: string;
  kind?: string;
  from: DateOrYear;
  /** `from` is the date a source first reported it, not its start (not known). */
  reported?: boolean;
  until?: DateOrYear;
  summary?: string;
  datedNotes?: DatedNote[];
}

export interface AttentionFact extends Sourced {
  level: string;
  note: string;
  year: number;
}

export interface PartnerProfile {
  id: string;
  name: string;
  asOf: string | null;
  group?: 'strategic-partner' | 'cyber-dialogue-partner';
  partnershipSince: number | null;
  cyberDialogueSince?: DateOrYear | null;
  documents: DocumentFact[];
  dialogues: DialogueFact[];
  agreements: AgreementFact[];
  positions: {
    budapestConvention: PositionView | null;
    internetGovernance: PositionView | null;
    wcit2012: PositionView | null;
    unCybercrimeConvention?: PositionView | null;
  };
  unVotes?: UnVoteFact[];
  memberships: string[];
  membershipDetails: MembershipFact[];
  cooperation: DatedFact[];
  perception: PositionView | null;
  tensions: DatedFact[];
  attention: AttentionFact[];
}

export interface MatrixCell extends Sourced {
  value: string | null;
}

export interface InstrumentMatrix {
  asOf: string | null;
  columns: string[];
  rows: { id: string; name: string; cells: Record<string, MatrixCell> }[];
}

/** One step of an explanation: which fact moved a result, by how much, and where the fact comes from. */
export interface ExplanationStep {
  fact: { id: string; title: string } | string;
  /** Points the fact adds to (or takes from) the number it explains. */
  effect: number | string;
  sources?: Source[];
  rule?: string;
  note?: string;
}

export interface ScoredPart {
  title?: string;
  /** 0–100 */
  score: number;
  explanation: ExplanationStep[] | string;
}

export interface OrientationCondition {
  metric: string;
  test: string;
  threshold: number;
  value: number;
  met: boolean;
}

export interface Assessment {
  id: string;
  name?: string;
  asOf?: string | null;
  weights?: string;
  orientation: string;
  orientationRule?: { id: string; because: string; sources: Source[]; conditions?: OrientationCondition[] };
  orientationExplanation?: ExplanationStep[];
  maturity: number;
  rank?: number;
  purposes: Partial<Record<'reflexive' | 'relational' | 'structural', ScoredPart>>;
  dimensions?: Record<string, ScoredPart>;
  explanation: ExplanationStep[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[] };
}

export interface FieldIssue {
  path: string;
  message: string;
}

export interface TimelineEvent extends Sourced {
  date: string;
  year: number;
  /** `year` when the source gives only the year: show the year, not a day. */
  precision?: 'day' | 'year';
  kind: string;
  partners: string[];
  title: string;
  detail?: string | null;
  fact?: string;
}

export interface ActiveDialoguesYear {
  year: number;
  total: number;
  byPartner: Record<string, number>;
  dialogues: Record<string, string[]>;
  /** Of `total`, dialogues whose start is not given: first reported in place, not launched then. */
  startUnknown?: number;
  /** Dialogues whose status no source gives at the date (not in `total`). */
  statusUnknown?: number;
}

/** GET /api/assess/:id/history: the assessment at the end of each year, with the facts that moved maturity. */
export interface AssessmentHistoryMove extends Sourced {
  fact: { id: string; title: string };
  change: number;
  how: 'entered' | 'left' | 'changed';
}

export interface AssessmentHistoryYear {
  year: number;
  asOf: string;
  maturity: number;
  orientation: string;
  orientationRule: string;
  moved: AssessmentHistoryMove[];
}

export interface AssessmentHistory {
  id: string;
  name: string;
  from: number;
  to: number;
  years: AssessmentHistoryYear[];
}

export interface Timeline {
  partner: string | null;
  asOf: string | null;
  events: TimelineEvent[];
  activeCyberDialogues: ActiveDialoguesYear[];
}

export interface CompareValue {
  value: string | number | null;
  top?: ExplanationStep[];
}

export interface CompareResult {
  asOf: string | null;
  partners: { id: string; name: string; orientation: string; maturity: number }[];
  rows: { key: string; title: string; values: Record<string, CompareValue> }[];
}

export interface GapItem {
  rule: { id: string; title: string; sources: Source[] };
  objective: { id: string; title: string; sources: Source[]; strategy?: { id: string; title: string; adopted?: string } };
  lacking?: string;
  requirement?: string;
  metBy?: unknown[];
}

export interface Gaps {
  id: string;
  name: string;
  asOf: string | null;
  gaps: GapItem[];
  met: GapItem[];
}

/** A cyber-related dialogue with a state, as a response plan reads it (src/core/kb/relations.ts). */
export interface RelationDialogue extends Sourced {
  id: string;
  name: string;
  level: string;
  cyberSpecific: boolean;
  status: string;
  topics: string[];
}

/** A criminal-justice agreement with a state: MLA, extradition, Europol, Eurojust, liaison magistrate. */
export interface RelationAgreement extends Sourced {
  id: string;
  type: string;
  title: string;
  status: string;
  /** In force on the date, rather than being prepared or on hold. */
  usable: boolean;
}

/** What the observatory holds on the EU's relations with one state on a date. */
export interface Relations {
  state: string;
  /** False when the observatory does not cover the state: it then records nothing, which is not "none exists". */
  covered: boolean;
  name: string | null;
  asOf: string;
  /** Active dialogues with a cyber topic, cyber-specific ones first. */
  cyberDialogues: RelationDialogue[];
  /** Cyber-related dialogues not active on the date (dormant, on hold, planned). */
  inactiveCyberDialogues: RelationDialogue[];
  criminalJusticeAgreements: RelationAgreement[];
  budapestConvention: { status: string; stance: string | null; sources: Source[] } | null;
}
