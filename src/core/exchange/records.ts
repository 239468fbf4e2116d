// What an import produces and an export reads: incidents (the toolbox's own records), threat actors and
// attribution records, each with its marking and the source it came from.
import { z } from 'zod';
import { AttributionStatement, INCIDENT_TEXT_MAX, incidentSchema, type IncidentInput, type IncidentVocabulary } from '../toolbox/incident';
import { parseOrThrow } from '../zod-issues';
import { checkedIncident, incidentCheck, type IncidentCheck } from './incident-check';
import type { ReportRecord, SightingRecord } from './source-records';

export const IMPORT_FORMATS = ['stix', 'eurepoc', 'cfr'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const TLP_LEVELS = ['clear', 'white', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The handling marking of a record: at most one TLP marking, any number of statements. */
export interface Marking {
  tlp: { version: '1.0' | '2.0'; level: TlpLevel; id: string } | null;
  statements: { id: string; statement: string }[];
  /** Marking ids the record carried that the import could not resolve, kept so that nothing is lost. */
  unresolved: string[];
}

export const ACTOR_KINDS = ['threat-actor', 'intrusion-set', 'campaign', 'identity'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const Text = z.string().trim().min(1);

/**
 * The longest name or alias an actor takes: that of an incident's initiator, whose name an actor's often is (the
 * longest real ones: 261 characters in EuRepoC, 43 in the STIX samples), so that no text of megabytes is stored.
 */
export const ACTOR_NAME_MAX = INCIDENT_TEXT_MAX.name;
const ActorName = Text.max(ACTOR_NAME_MAX, { error: () => `at most ${ACTOR_NAME_MAX.toLocaleString('en-GB')} characters` });

/** A threat actor, an intrusion set, a campaign, or the organisation or state an attribution points to. */
export const ActorRecord = z
  .object({
    kind: z.enum(ACTOR_KINDS),
    name: ActorName,
    aliases: z.array(ActorName).default([]),
    description: z.string().optional(),
    /** ISO 3166-1 alpha-2 of where it operates from, when known. */
    country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
    /** threat_actor_types of STIX, or the dataset's own category (e.g. "State"). */
    types: z.array(Text).default([]),
    sophistication: z.string().optional(),
    resourceLevel: z.string().optional(),
    primaryMotivation: z.string().optional(),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    /** Names of the malware, tools and attack patterns it is reported to use. */
    uses: z.array(Text).default([]),
  })
  .strict();
export type ActorRecord = z.output<typeof ActorRecord>;

/** "subject is attributed to target": an incident or actor (subject) to an actor (target), both record ids. */
export const AttributionRecord = z
  .object({
    subject: z.object({ kind: z.enum(['incident', 'actor']), id: Text }).strict(),
    target: Text,
    /** STIX confidence, 0-100, when given. */
    confidence: z.number().int().min(0).max(100).nullable().default(null),
    description: z.string().optional(),
    /** Who made the attribution, when the source says. */
    by: z.string().optional(),
    date: z.string().optional(),
    /**
     * Every statement of the source this record stands for, as the source gives it: a dataset holds one row per
     * statement (EuRepoC: several attributors may name the same initiator for one incident), the product one record
     * per incident and initiator, so the rows merged into it keep their attributor, date and type here.
     */
    statements: z.array(AttributionStatement).optional(),
  })
  .strict();
export type AttributionRecord = z.output<typeof AttributionRecord>;

export interface RecordSource {
  format: ImportFormat;
  /** The source's own key: a STIX id, "eurepoc:<ID>", "cfr:<title>|<date>". */
  key: string;
  /** The STIX `modified` of the version imported; null for datasets without versions. */
  modified: string | null;
  /** STIX `created`, kept so that an export gives the object back as it came. */
  created?: string | undefined;
}

export interface Imported<T> {
  id: string;
  body: T;
  marking: Marking | null;
  source: RecordSource;
  /** What the import knew beyond the record: e.g. every political response of EuRepoC with its category. */
  details?: Record<string, unknown> | undefined;
}

export interface ImportBatch {
  incidents: Imported<IncidentInput>[];
  actors: Imported<ActorRecord>[];
  attributions: Imported<AttributionRecord>[];
  sightings: Imported<SightingRecord>[];
  reports: Imported<ReportRecord>[];
}

export const emptyBatch = (): ImportBatch => ({ incidents: [], actors: [], attributions: [], sightings: [], reports: [] });

export const RECORD_KINDS = ['incident', 'actor', 'attribution', 'sighting', 'report'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** The kinds kept in exchange_record (incidents have their own table). */
export type ExchangeKind = Exclude<RecordKind, 'incident'>;

/** The incident schema and its written-out check built once per vocabulary: building them costs more than validating one incident. */
const schemas = new WeakMap<IncidentVocabulary, { schema: ReturnType<typeof incidentSchema>; check: IncidentCheck }>();

/**
 * An imported incident as the incident schema gives it, or AppError('invalid_incident') with the schema's messages.
 * The written-out check (incident-check.ts) answers for the records it can vouch for; the schema for every other.
 */
export function validateImportedIncident(raw: unknown, vocabulary: IncidentVocabulary): IncidentInput {
  const known = schemasOf(vocabulary);
  return shareCommonParts(checkedIncident(raw, known.check) ?? parseOrThrow(known.schema, raw, 'invalid_incident', 'incident'));
}

/** The plain path: the incident schema alone (what validateImportedIncident must always agree with). */
export function validateImportedIncidentBySchema(raw: unknown, vocabulary: IncidentVocabulary): IncidentInput {
  return shareCommonParts(parseOrThrow(schemasOf(vocabulary).schema, raw, 'invalid_incident', 'incident'));
}

function schemasOf(vocabulary: IncidentVocabulary) {
  let known = schemas.get(vocabulary);
  if (!known) {
    known = { schema: incidentSchema(vocabulary), check: incidentCheck(vocabulary) };
    schemas.set(vocabulary, known);
  }
  return known;
}

/**
 * Shared parts by their properties' names and values in order: a trie of maps, as building a JSON key per part cost
 * more than the sharing saved in time. Flat parts only (primitive values); bounded, as the flag combinations are few.
 */
interface SharePool {
  next: Map<unknown, SharePool>;
  part?: object;
}
const shared = { effects: { next: new Map() } as SharePool, context: { next: new Map() } as SharePool, size: 0 };
const SHARED_MAX = 4096;
const NO_ITEMS: never[] = Object.freeze([]) as never[];

function step(node: SharePool, key: unknown): SharePool | undefined {
  let child = node.next.get(key);
  if (!child && shared.size < SHARED_MAX) {
    shared.size++;
    node.next.set(key, (child = { next: new Map() }));
  }
  return child;
}

function share<T extends object>(pool: SharePool, part: T): T {
  let node: SharePool | undefined = pool;
  for (const key in part) {
    const value: unknown = part[key];
    if (typeof value === 'object' && value !== null) return part;
    node = step(node, key);
    if (node) node = step(node, value);
    if (!node) return part;
  }
  if (node.part) return node.part as T;
  node.part = Object.freeze(part);
  return part;
}

/**
 * Most imported incidents hold the same effects and context flags and empty lists: each such part is kept once (per
 * process, up to the bound above) and shared by every imported incident that has it (a batch of CFR rows held about a
 * quarter less until it was written; the records and their JSON are the same). Shared parts are frozen, so that
 * changing one incident's part throws instead of changing others'.
 */
function shareCommonParts(body: IncidentInput): IncidentInput {
  body.effects = share(shared.effects, body.effects);
  if (body.context) body.context = share(shared.context, body.context);
  const initiator = body.initiator;
  if (initiator) {
    if (initiator.identifiedPersons?.length === 0) initiator.identifiedPersons = NO_ITEMS;
    if (initiator.identifiedEntities?.length === 0) initiator.identifiedEntities = NO_ITEMS;
  }
  if (body.attribution?.length === 0) body.attribution = NO_ITEMS;
  if (body.responses?.length === 0) body.responses = NO_ITEMS;
  return body;
}
