// The incident schema's checks written out for the incidents the mappers build: the same rules on plain values,
// giving the schema's own output (trimmed texts, defaults, normalised codes, who attributed, NATO membership) in its
// key order. Whatever the check cannot vouch for (a broken record, a field the mappers never set, a key present with
// no value) is left to the schema, which then gives its verdict and its messages; so an import's answer is the
// schema's, at a fraction of its cost (the schema was half of the CFR and EuRepoC mappings' CPU).
import { isValidIsoDate, type IsoDate } from '../dates';
import { isCountryCode, normaliseCountryCode } from '../toolbox/countries';
import {
  AttributionKind,
  AttributorType,
  CODINGS_MAX,
  Confidence,
  EU_CODE,
  INCIDENT_TEXT_MAX,
  InitiatorType,
  UNKNOWN_COUNTRY,
  VictimSector,
  attributorTypeOf,
  dateOrderIssues,
  futureDateIssues,
  natoVictim,
  STATEMENT_CELLS,
  type IncidentInput,
  type IncidentVocabulary,
} from '../toolbox/incident';
import { severityIds } from '../toolbox/severity';
import { ThreatCategory } from '../vocabularies';

/** What the check needs of a vocabulary, built once per vocabulary. */
export interface IncidentCheck {
  levels: ReadonlySet<string>;
  /** The measure ids; null when the vocabulary has none (then a measure is any lower-case id). */
  measures: ReadonlySet<string> | null;
  today: IsoDate | undefined;
}

export function incidentCheck(vocabulary: IncidentVocabulary): IncidentCheck {
  const ids = vocabulary.measureIds;
  return { levels: new Set(severityIds(vocabulary.severity)), measures: ids && ids.length > 0 ? new Set(ids) : null, today: vocabulary.today };
}

type Obj = Record<string, unknown>;
const CATEGORIES = new Set<string>(ThreatCategory.options);
const SECTORS = new Set<string>(VictimSector.options);
const INITIATOR_TYPES = new Set<string>(InitiatorType.options);
const ATTRIBUTION_KINDS = new Set<string>(AttributionKind.options);
const CONFIDENCES = new Set<string>(Confidence.options);
const ATTRIBUTOR_TYPES = new Set<string>(AttributorType.options);
const ID = /^[a-z0-9-]+$/;
const FLAGS_BEFORE_NUMBERS = ['disruptsEssentialServices', 'physicalDamage', 'lossOfLife', 'threatensStateSurvival', 'armedAttack', 'attempted'] as const;
const FLAGS_AFTER_NUMBERS = ['economicBenefit', 'dataStolen', 'commerciallySensitiveData'] as const;
const EFFECT_KEYS = new Set<string>(['severity', ...FLAGS_BEFORE_NUMBERS, 'personsAffected', 'economicLoss', ...FLAGS_AFTER_NUMBERS]);
const CONTEXT_BEFORE_NATO = ['euDelegationInInitiatorCountry', 'delegationHeadRecalled', 'victimCapacitiesOverwhelmed', 'assistanceRequested', 'otherMeansExhausted', 'urgent', 'agreementOfAllCannotBeSought'] as const;
const CONTEXT_AFTER_NATO = ['euPositionAdopted', 'defenceImplications', 'cfspObjectiveIdentified', 'mutualAssistanceInvoked'] as const;
const CONTEXT_KEYS = new Set<string>([...CONTEXT_BEFORE_NATO, 'victimIsNatoMember', ...CONTEXT_AFTER_NATO]);

/** Thrown inside the check when it cannot vouch for a value; never leaves this module. */
const UNSURE: unique symbol = Symbol('unsure');

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown): Obj {
  if (!isObj(v)) throw UNSURE;
  return v;
}

/** Each item of a list through `item` (a loop by index: a hole is an undefined item, as the schema reads it). */
function each<T>(v: unknown, item: (x: unknown) => T): T[] {
  if (!Array.isArray(v)) throw UNSURE;
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = item(v[i]);
  return out;
}

/** A text trimmed, not empty and not too long (`z.string().trim().min(1).max(max)`); a name unless told. */
function text(v: unknown, max: number = INCIDENT_TEXT_MAX.name): string {
  if (typeof v !== 'string') throw UNSURE;
  const t = v.trim();
  if (t.length === 0 || t.length > max) throw UNSURE;
  return t;
}

function oneOf(v: unknown, allowed: ReadonlySet<string>): string {
  if (typeof v !== 'string' || !allowed.has(v)) throw UNSURE;
  return v;
}

function date(v: unknown): IsoDate {
  if (typeof v !== 'string' || !isValidIsoDate(v)) throw UNSURE;
  return v as IsoDate;
}

/** A boolean with the default false: absent or undefined gives false. */
function flag(o: Obj, key: string): boolean {
  const v = o[key];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw UNSURE;
  return v;
}

/**
 * An optional property's value, or undefined when it is absent. A key present with the value undefined is kept by
 * the schema as such; the check leaves that case to it.
 */
function optional(o: Obj, key: string): unknown {
  const v = o[key];
  if (v === undefined && key in o) throw UNSURE;
  return v;
}

/** No keys but the known ones (the schema's strict objects); inherited enumerable keys count too, as in the schema. */
function onlyKeys(o: Obj, known: ReadonlySet<string>): void {
  for (const key in o) if (!known.has(key)) throw UNSURE;
}

function victim(v: unknown) {
  const o = obj(v);
  const raw = o.country;
  if (typeof raw !== 'string') throw UNSURE;
  const country = normaliseCountryCode(raw);
  if (country !== EU_CODE && country !== UNKNOWN_COUNTRY && !isCountryCode(raw)) throw UNSURE;
  const sector = oneOf(o.sector, SECTORS);
  if (country === EU_CODE && sector !== 'eu-institution') throw UNSURE;
  const out: Obj = { country, sector };
  const name = optional(o, 'name');
  if (name !== undefined) out.name = text(name);
  const region = optional(o, 'region');
  if (region !== undefined) {
    if (typeof region !== 'string' || !ID.test(region)) throw UNSURE;
    out.region = region;
  }
  return out;
}

function effects(v: unknown, check: IncidentCheck) {
  const o = obj(v);
  onlyKeys(o, EFFECT_KEYS);
  const out: Obj = { severity: oneOf(o.severity, check.levels) };
  for (const key of FLAGS_BEFORE_NUMBERS) out[key] = flag(o, key);
  // The significance factors are never set by a mapper: the schema checks them.
  if ('personsAffected' in o || 'economicLoss' in o) throw UNSURE;
  for (const key of FLAGS_AFTER_NUMBERS) out[key] = flag(o, key);
  return out;
}

function names(v: unknown): string[] {
  if (v === undefined) return [];
  return each(v, text);
}

function initiator(v: unknown) {
  // `.prefault({})`: no initiator is read as an empty one.
  const o = v === undefined ? {} : obj(v);
  const type = o.type === undefined ? 'unknown' : oneOf(o.type, INITIATOR_TYPES);
  let country: string | null = null;
  if (o.country !== undefined && o.country !== null) {
    if (typeof o.country !== 'string' || !isCountryCode(o.country)) throw UNSURE;
    country = normaliseCountryCode(o.country);
  }
  const out: Obj = { type, country };
  const name = optional(o, 'name');
  if (name !== undefined) out.name = text(name);
  out.identifiedPersons = names(o.identifiedPersons);
  out.identifiedEntities = names(o.identifiedEntities);
  return out;
}

/** One attribution as the schema's transform gives it: `byType` read from `by` when not given (appended last then). */
function attribution(v: unknown) {
  const o = obj(v);
  const out: Obj = { kind: oneOf(o.kind, ATTRIBUTION_KINDS), by: text(o.by) };
  const byType = optional(o, 'byType');
  if (byType !== undefined) out.byType = oneOf(byType, ATTRIBUTOR_TYPES);
  const day = optional(o, 'date');
  if (day !== undefined) out.date = date(day);
  out.confidence = oneOf(o.confidence, CONFIDENCES);
  out.public = flag(o, 'public');
  const row = optional(o, 'statement');
  if (row !== undefined) out.statement = statement(row);
  if (byType === undefined) out.byType = attributorOf(out.by as string);
  return out;
}

const STATEMENT_KEYS = new Set<string>(['source', ...STATEMENT_CELLS]);

/** The dataset's row an attribution stands for: its source named, each cell a text as written. */
function statement(v: unknown) {
  const o = obj(v);
  onlyKeys(o, STATEMENT_KEYS);
  const out: Obj = { source: text(o.source) };
  for (const key of STATEMENT_CELLS) {
    const cell = optional(o, key);
    if (cell === undefined) continue;
    if (typeof cell !== 'string' || cell.length > INCIDENT_TEXT_MAX.name) throw UNSURE;
    out[key] = cell;
  }
  return out;
}

/** attributorTypeOf by its text, kept per text (a dataset names the same few authors thousands of times); bounded. */
const attributors = new Map<string, string>();
const ATTRIBUTORS_MAX = 4096;

function attributorOf(by: string): string {
  let type = attributors.get(by);
  if (type === undefined) {
    type = attributorTypeOf(by);
    if (attributors.size < ATTRIBUTORS_MAX) attributors.set(by, type);
  }
  return type;
}

function response(v: unknown, check: IncidentCheck) {
  const o = obj(v);
  const measure = o.measure;
  if (typeof measure !== 'string' || !(check.measures ? check.measures.has(measure) : ID.test(measure))) throw UNSURE;
  const out: Obj = { measure, date: date(o.date), by: text(o.by) };
  const note = optional(o, 'note');
  if (note !== undefined) {
    if (typeof note !== 'string' || note.length > INCIDENT_TEXT_MAX.note) throw UNSURE;
    out.note = note;
  }
  return out;
}

function context(v: unknown) {
  const o = v === undefined ? {} : obj(v);
  onlyKeys(o, CONTEXT_KEYS);
  const out: Obj = {};
  for (const key of CONTEXT_BEFORE_NATO) out[key] = flag(o, key);
  const nato = optional(o, 'victimIsNatoMember');
  if (nato !== undefined) {
    if (typeof nato !== 'boolean') throw UNSURE;
    out.victimIsNatoMember = nato;
  }
  for (const key of CONTEXT_AFTER_NATO) out[key] = flag(o, key);
  return out;
}

const CODING_KEYS = new Set(['source', 'cells']);
const CODING_COLUMN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A dataset's codings (DatasetCoding): its row and cells, as the schema gives them (the row's name trimmed). */
function coding(v: unknown) {
  const o = obj(v);
  onlyKeys(o, CODING_KEYS);
  const cells = obj(o.cells);
  // Plain own keys only: anything else is the schema's to judge.
  if (Object.getPrototypeOf(cells) !== Object.prototype) throw UNSURE;
  const columns = Object.keys(cells);
  if (columns.length < 1 || columns.length > CODINGS_MAX.cells || Reflect.ownKeys(cells).length !== columns.length) throw UNSURE;
  const out: Obj = {};
  for (const column of columns) {
    const value = cells[column];
    if (column.length > CODINGS_MAX.column || !CODING_COLUMN.test(column)) throw UNSURE;
    if (typeof value !== 'string' || value.length < 1 || value.length > CODINGS_MAX.value) throw UNSURE;
    out[column] = value;
  }
  return { source: text(o.source), cells: out };
}

function incident(raw: unknown, check: IncidentCheck): Obj {
  const o = obj(raw);
  const out: Obj = { title: text(o.title, INCIDENT_TEXT_MAX.title) };
  const summary = optional(o, 'summary');
  if (summary !== undefined) {
    if (typeof summary !== 'string' || summary.length > INCIDENT_TEXT_MAX.summary) throw UNSURE;
    out.summary = summary;
  }
  out.start = date(o.start);
  for (const key of ['detected', 'disclosed', 'end'] as const) {
    const day = optional(o, key);
    if (day !== undefined) out[key] = date(day);
  }
  out.ongoing = flag(o, 'ongoing');
  out.category = oneOf(o.category, CATEGORIES);
  const victims = each(o.victims, victim);
  if (victims.length === 0) throw UNSURE;
  out.victims = victims;
  out.effects = effects(o.effects, check);
  out.initiator = initiator(o.initiator);
  out.attribution = o.attribution === undefined ? [] : each(o.attribution, attribution);
  out.responses = o.responses === undefined ? [] : each(o.responses, (r) => response(r, check));
  out.context = context(o.context);
  // Sources are for curated records (precedents); the schema checks them.
  if ('sources' in o) throw UNSURE;
  // Transit states are recorded by analysts or carried by a native record, never set by the mappers: the schema checks them.
  if ('transit' in o) throw UNSURE;
  const codings = optional(o, 'codings');
  if (codings !== undefined) {
    out.codings = each(codings, coding);
    if ((out.codings as unknown[]).length > CODINGS_MAX.datasets) throw UNSURE;
  }
  const dated = out as unknown as Parameters<typeof dateOrderIssues>[0];
  if (dateOrderIssues(dated).length > 0) throw UNSURE;
  if (check.today !== undefined && futureDateIssues(dated, check.today).length > 0) throw UNSURE;
  const ctx = out.context as Obj;
  if (ctx.victimIsNatoMember === undefined) ctx.victimIsNatoMember = natoVictim(out as unknown as Parameters<typeof natoVictim>[0]);
  return out;
}

/**
 * The incident exactly as the schema of `incidentSchema(vocabulary)` would give it, or undefined when the check cannot
 * vouch for the record: then the caller asks the schema, for its verdict and its messages.
 */
export function checkedIncident(raw: unknown, check: IncidentCheck): IncidentInput | undefined {
  try {
    return incident(raw, check) as unknown as IncidentInput;
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}
