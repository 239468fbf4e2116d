// The incident form's state and its mapping to and from the API's incident input.
import type { FieldIssue } from '../api-types';
import type { AttributionKind, AttributorType, Confidence, IncidentContext, IncidentInput, InitiatorType } from '../toolbox-types';
import { countryInput, countryText } from './countries';
import { ATTRIBUTOR_TYPES, CONTEXT_FLAGS, EFFECT_FLAGS, FACTOR_FLAGS } from './vocabulary';

const ALL_EFFECT_FLAGS = [...EFFECT_FLAGS, ...FACTOR_FLAGS];
export type EffectFlag = (typeof ALL_EFFECT_FLAGS)[number][0];
export type ContextFlag = (typeof CONTEXT_FLAGS)[number][0];

export interface VictimRow {
  country: string;
  sector: string;
  name: string;
  /** The region the source named instead of a country (imported records); not edited here, dropped when the country changes. */
  region?: string | undefined;
}
export interface AttributionRow {
  kind: AttributionKind;
  by: string;
  /** Empty: the server reads it from `by`. */
  byType: string;
  /** Chosen in this form, rather than loaded (the server may have read it from an earlier `by`). */
  byTypeChosen: boolean;
  date: string;
  confidence: Confidence;
  public: boolean;
}
export interface ResponseRow {
  measure: string;
  date: string;
  by: string;
  note: string;
}

export interface IncidentForm {
  title: string;
  summary: string;
  start: string;
  detected: string;
  disclosed: string;
  end: string;
  ongoing: boolean;
  category: string;
  victims: VictimRow[];
  severity: string;
  effects: Record<EffectFlag, boolean>;
  /** Digits as typed into a number field; empty when not known. */
  personsAffected: string;
  /** In euro; empty when not known. */
  economicLoss: string;
  initiatorType: InitiatorType;
  initiatorCountry: string;
  initiatorName: string;
  persons: string;
  entities: string;
  /** The transit states as typed: names or codes, separated by commas. */
  transit: string;
  attribution: AttributionRow[];
  responses: ResponseRow[];
  context: Record<ContextFlag, boolean>;
  /** `auto`: the server derives it from the victims and their NATO membership. */
  nato: 'auto' | 'yes' | 'no';
  /**
   * What the record holds that the form does not edit (its sources, a dataset's codings), sent back as loaded: an edit
   * saves the whole incident, so anything left out here would be deleted by it.
   */
  kept: Pick<IncidentInput, 'sources' | 'codings'>;
}

const flags = <K extends string>(keys: readonly (readonly [K, string])[], from: Partial<Record<K, boolean | undefined>> = {}) =>
  Object.fromEntries(keys.map(([k]) => [k, from[k] ?? false])) as Record<K, boolean>;

/** A new victim's sector is left to choose: a preselected one would be recorded, and read by the rules, as if known. */
export const emptyVictim = (): VictimRow => ({ country: '', sector: '', name: '' });
export const emptyAttribution = (): AttributionRow => ({ kind: 'technical', by: '', byType: '', byTypeChosen: false, date: '', confidence: 'medium', public: false });
export const emptyResponse = (): ResponseRow => ({ measure: '', date: '', by: '', note: '' });

export function emptyForm(): IncidentForm {
  return {
    title: '',
    summary: '',
    start: '',
    detected: '',
    disclosed: '',
    end: '',
    ongoing: true,
    // No kind is assumed: the analyst chooses one (a default would record a sabotage as espionage unnoticed).
    category: '',
    victims: [emptyVictim()],
    severity: 'medium',
    effects: flags(ALL_EFFECT_FLAGS),
    personsAffected: '',
    economicLoss: '',
    initiatorType: 'unknown',
    initiatorCountry: '',
    initiatorName: '',
    persons: '',
    entities: '',
    transit: '',
    attribution: [],
    responses: [],
    context: flags(CONTEXT_FLAGS),
    nato: 'auto',
    kept: {},
  };
}

const list = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
const opt = (s: string) => (s.trim() ? s.trim() : undefined);
/** A number field's value (the browser gives digits or nothing); empty when not known. */
const num = (s: string) => (s.trim() ? Number(s) : undefined);
const attributorTypes = new Set<string>(ATTRIBUTOR_TYPES.map(([t]) => t).filter(Boolean));
const isAttributorType = (t: string): t is AttributorType => attributorTypes.has(t);

/** A select's value as one of the contract's values; the fallback where it is none of them. */
export function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

export function toInput(f: IncidentForm): IncidentInput {
  // The transit delegation is optional in the record: sent only when ticked, so that saving an older record adds nothing.
  const { euDelegationInTransitCountry, ...flagsSet } = f.context;
  const context: IncidentContext = { ...flagsSet, ...(euDelegationInTransitCountry ? { euDelegationInTransitCountry } : {}) };
  const transit = list(f.transit).map(countryInput);
  if (f.nato !== 'auto') context.victimIsNatoMember = f.nato === 'yes';
  return {
    title: f.title.trim(),
    summary: opt(f.summary),
    start: f.start,
    detected: opt(f.detected),
    disclosed: opt(f.disclosed),
    end: opt(f.end),
    ongoing: f.ongoing,
    category: f.category,
    victims: f.victims.map((v) => ({ country: countryInput(v.country), sector: v.sector, name: opt(v.name), ...(v.region ? { region: v.region } : {}) })),
    effects: { severity: f.severity, ...f.effects, personsAffected: num(f.personsAffected), economicLoss: num(f.economicLoss) },
    initiator: {
      type: f.initiatorType,
      country: f.initiatorCountry.trim() ? countryInput(f.initiatorCountry) : null,
      name: opt(f.initiatorName),
      identifiedPersons: list(f.persons),
      identifiedEntities: list(f.entities),
    },
    ...(transit.length ? { transit } : {}),
    attribution: f.attribution.map((a) => ({
      kind: a.kind,
      by: a.by.trim(),
      byType: isAttributorType(a.byType) ? a.byType : undefined,
      date: opt(a.date),
      confidence: a.confidence,
      public: a.public,
    })),
    responses: f.responses.map((r) => ({ measure: r.measure, date: r.date, by: r.by.trim(), note: opt(r.note) })),
    context,
    ...(f.kept.sources ? { sources: f.kept.sources } : {}),
    ...(f.kept.codings ? { codings: f.kept.codings } : {}),
  };
}

export function fromInput(i: IncidentInput): IncidentForm {
  const base = emptyForm();
  const nato = i.context.victimIsNatoMember;
  return {
    ...base,
    title: i.title,
    summary: i.summary ?? '',
    start: i.start ?? '',
    detected: i.detected ?? '',
    disclosed: i.disclosed ?? '',
    end: i.end ?? '',
    ongoing: i.ongoing,
    category: i.category,
    victims: i.victims.map((v) => ({ country: countryText(v.country), sector: v.sector, name: v.name ?? '', region: v.region })),
    severity: i.effects.severity,
    effects: flags(ALL_EFFECT_FLAGS, i.effects),
    personsAffected: i.effects.personsAffected === undefined ? '' : String(i.effects.personsAffected),
    economicLoss: i.effects.economicLoss === undefined ? '' : String(i.effects.economicLoss),
    initiatorType: i.initiator.type,
    initiatorCountry: countryText(i.initiator.country ?? ''),
    initiatorName: i.initiator.name ?? '',
    persons: i.initiator.identifiedPersons.join(', '),
    entities: i.initiator.identifiedEntities.join(', '),
    transit: (i.transit ?? []).map(countryText).join(', '),
    attribution: i.attribution.map((a) => ({
      kind: a.kind,
      by: a.by,
      byType: a.byType ?? '',
      byTypeChosen: false,
      date: a.date ?? '',
      confidence: a.confidence,
      public: a.public,
    })),
    responses: (i.responses ?? []).map((r) => ({ measure: r.measure, date: r.date, by: r.by, note: r.note ?? '' })),
    context: flags(CONTEXT_FLAGS, i.context),
    nato: nato === undefined ? 'auto' : nato ? 'yes' : 'no',
    kept: { ...(i.sources ? { sources: i.sources } : {}), ...(i.codings ? { codings: i.codings } : {}) },
  };
}

/**
 * A new attributor: a type loaded with the record may have been read from the old name, so it goes back to being read
 * from the new one, unless it was chosen in this form (sanctions must not rest on a type that described someone else).
 */
export const renameAttributor = (row: AttributionRow, by: string): AttributionRow => ({ ...row, by, byType: row.byTypeChosen ? row.byType : '' });

/**
 * Dates after today, refused before anything is sent, in the server's words (src/core/toolbox/incident.ts): an
 * incident records what has happened.
 */
export function futureDateIssues(f: IncidentForm, today: string): FieldIssue[] {
  const dated: [string, string][] = [
    ['start', f.start],
    ['detected', f.detected],
    ['disclosed', f.disclosed],
    ['end', f.end],
    ...f.attribution.map((a, n): [string, string] => [`attribution.${n}.date`, a.date]),
    ...f.responses.map((r, n): [string, string] => [`responses.${n}.date`, r.date]),
  ];
  return dated.filter(([, v]) => v !== '' && v > today).map(([path, v]) => ({ path, message: `${v} is in the future; enter a date up to today (${today})` }));
}

/**
 * Required choices left at their prompt (and a victim without a country, or EU with another sector than an EU
 * institution; a response without its measure), in words for the server's refusals of them,
 * which list its codes ("must be one of: cyber-crime, cyber-espionage, …").
 */
export function missingChoiceIssues(f: IncidentForm): FieldIssue[] {
  return [
    ...(f.category === '' ? [{ path: 'category', message: 'Choose the kind of activity (cyber-crime, espionage, …)' }] : []),
    ...f.victims.flatMap((v, n) => [
      ...(v.country.trim() === '' ? [{ path: `victims.${n}.country`, message: 'Enter a country: a name (Germany), a code (DE), or EU for an EU institution' }] : []),
      ...(v.sector === '' ? [{ path: `victims.${n}.sector`, message: 'Choose a sector' }] : []),
      // The server says "EU is only a victim country for sector eu-institution": the same in the form's words.
      ...(v.sector !== 'eu-institution' && countryInput(v.country) === 'EU'
        ? [{ path: `victims.${n}.country`, message: 'EU stands for an EU institution, body or agency: choose that sector, or name a country' }]
        : []),
    ]),
    // A response added and left at "— choose —": the server would list every measure's code.
    ...f.responses.flatMap((r, n) => (r.measure === '' ? [{ path: `responses.${n}.measure`, message: 'Choose the measure that was taken' }] : [])),
  ];
}

/** The DOM id of the control for an API field path such as `victims.0.country`. */
export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/**
 * The form field an API issue belongs to: list items (`initiator.identifiedPersons.2`) to their list. The owner keeps
 * its own path: the single-analyst form has an owner field, and the marking shows the message where it has none.
 */
export const fieldOf = (path: string) => path.replace(/^(initiator\.identified(?:Persons|Entities)|transit|sharedWith|recipients)\.\d+$/, '$1');

/**
 * An end date entered: the incident is over, so "Still ongoing" (ticked for a new incident) is unticked with it;
 * the server refuses an incident that both ended and is ongoing, which a hurried user would otherwise meet on saving.
 */
export function endPatch(end: string): Partial<IncidentForm> {
  return end ? { end, ongoing: false } : { end };
}
