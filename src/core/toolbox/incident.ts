// An incident as the response toolbox receives it: a malicious cyber activity, its victims, effects,
// suspected initiator, attributions, responses taken and the context the rules need.
import { z } from 'zod';
import { isValidIsoDate, type IsoDate } from '../dates';
import type { ErrorIssue } from '../errors';
import { Source } from '../provenance';
import { parseOrThrow } from '../zod-issues';
import { ThreatCategory } from '../vocabularies';
import { didYouMeanCountry, isCountryCode, normaliseCountryCode } from './countries';
import { ALL_MEMBER_STATES, CountryCode, MEMBER_STATE_ADJECTIVES, MEMBER_STATE_CODES_TEXT, isMemberState, isMemberStateAt, isNatoMemberAt, memberState, wentOnOn } from './member-states';
import { severityIds, type SeverityFile } from './severity';
import { VictimSector } from './sectors';

export { VictimSector } from './sectors';

export const InitiatorType = z.enum(['state', 'state-sponsored', 'non-state', 'unknown']);
export type InitiatorType = z.infer<typeof InitiatorType>;

export const AttributionKind = z.enum(['technical', 'political', 'legal']);
export const Confidence = z.enum(['low', 'medium', 'high']);

/** The code a victim carries when it is an EU institution rather than a country. */
export const EU_CODE = 'EU';

/** The code a victim carries when its country is not known (ISO 3166-1 user-assigned ZZ): imports keep such incidents. */
export const UNKNOWN_COUNTRY = 'ZZ';

/**
 * The longest text each field takes, well above the longest in the real datasets (EuRepoC 1.1, 1,643 incidents, and
 * the CFR and STIX samples: a title of 279 characters, a summary of 3,747, a name of 261, a note of 232), so that no
 * real record is refused and no request stores a text of megabytes.
 */
export const INCIDENT_TEXT_MAX = { title: 2_000, summary: 20_000, name: 500, note: 2_000 } as const;

const atMost = (max: number) => ({ error: () => `at most ${max.toLocaleString('en-GB')} characters` });
/** A name: trimmed, not empty, at most INCIDENT_TEXT_MAX.name characters. */
const NameText = z.string().trim().min(1).max(INCIDENT_TEXT_MAX.name, atMost(INCIDENT_TEXT_MAX.name));

const IsoDateField = z
  .string()
  .refine(isValidIsoDate, {
    error: (issue) => (issue.input === '' ? 'Enter a date (YYYY-MM-DD)' : `"${String(issue.input)}" is not a calendar date; expected YYYY-MM-DD`),
  })
  .transform((v) => v as IsoDate);

const VictimCountry = z
  .string()
  .refine((code) => normaliseCountryCode(code) === EU_CODE || normaliseCountryCode(code) === UNKNOWN_COUNTRY || isCountryCode(code), {
    error: (issue) =>
      `${didYouMeanCountry(String(issue.input))}"${String(issue.input)}" is not a country code; expected ISO 3166-1 alpha-2: a member state (${MEMBER_STATE_CODES_TEXT}), a third state such as RU, CN or US, EU for an EU institution, or ZZ when not known`,
  })
  .transform(normaliseCountryCode);

const Victim = z
  .object({
    country: VictimCountry,
    sector: VictimSector,
    /** The organisation hit, e.g. "Bundestag". */
    name: NameText.optional(),
    /** The region or group of states the source names instead of a country (an id of data/exchange/victims.yaml). */
    region: z.string().regex(/^[a-z0-9-]+$/).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.country === EU_CODE && v.sector !== 'eu-institution') {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'EU is only a victim country for sector eu-institution' });
    }
  });

const Effects = (severity: [string, ...string[]]) =>
  z.object({
    severity: z.enum(severity),
    disruptsEssentialServices: z.boolean().default(false),
    physicalDamage: z.boolean().default(false),
    lossOfLife: z.boolean().default(false),
    threatensStateSurvival: z.boolean().default(false),
    /** Whether the effects reach an armed attack in the sense of Art. 51 UN Charter. */
    armedAttack: z.boolean().default(false),
    /** An attempted attack, whose effect would have been significant (Decision (CFSP) 2019/797, Art. 1(1)). */
    attempted: z.boolean().default(false),
    // The factors of significant effect of Decision (CFSP) 2019/797, Art. 2, where the incident records them.
    /** Natural or legal persons affected. */
    personsAffected: z.number().int().min(0).optional(),
    /** Economic loss caused, in euro (large-scale theft of funds, economic resources or intellectual property). */
    economicLoss: z.number().min(0).optional(),
    /** The perpetrator gained an economic benefit. */
    economicBenefit: z.boolean().default(false),
    /** Data were stolen, or a large data breach occurred. */
    dataStolen: z.boolean().default(false),
    /** Commercially sensitive data were accessed. */
    commerciallySensitiveData: z.boolean().default(false),
  })
  // Strict: a misspelt effect would otherwise be dropped and silently change the answer.
  .strict();

const Initiator = z.object({
  type: InitiatorType.default('unknown'),
  country: CountryCode.nullable().default(null),
  /** A name or alias, e.g. "APT28". */
  name: NameText.optional(),
  identifiedPersons: z.array(NameText).default([]),
  identifiedEntities: z.array(NameText).default([]),
});

/** The most transit states an incident records (a campaign relayed through many countries names a few). */
export const TRANSIT_MAX = 20;

/** A transit state: a country (any ISO code, Greece as GR), not the EU or an unknown country. */
const TransitCountry = CountryCode.refine((code) => code !== EU_CODE && code !== UNKNOWN_COUNTRY, {
  error: (issue) => `"${String(issue.input)}" is not a state whose infrastructure an attack can go through; expected a country code such as MD, TR or US`,
});

/** Who attributed: a member state, the EU (Council, High Representative), a third state, an organisation, or a firm. */
export const AttributorType = z.enum(['member-state', 'eu', 'third-state', 'international-organisation', 'private', 'other']);
export type AttributorType = z.infer<typeof AttributorType>;

const StatementCell = z.string().max(INCIDENT_TEXT_MAX.name, atMost(INCIDENT_TEXT_MAX.name)).optional();

/**
 * A dataset's row an attribution stands for, cell by cell as the dataset writes it (EuRepoC's attribution dataset:
 * attribution_ID, attribution_date, attribution_type, attribution_basis, attributing_actor, attribution_it_company,
 * attributing_country, attributed_initiator_country and _category), so that what the attribution's own fields do not
 * hold stays with it. Shown and exported with the attribution; no rule of the toolbox reads it.
 */
export const AttributionStatement = z
  .object({
    source: NameText,
    id: StatementCell,
    date: StatementCell,
    type: StatementCell,
    basis: StatementCell,
    by: StatementCell,
    company: StatementCell,
    country: StatementCell,
    initiatorCountry: StatementCell,
    initiatorCategory: StatementCell,
  })
  .strict();
/** The cells of a statement besides its source, in the schema's order. */
export const STATEMENT_CELLS = Object.keys(AttributionStatement.shape).filter((k) => k !== 'source') as (keyof AttributionStatement)[];
export type AttributionStatement = z.infer<typeof AttributionStatement>;

const Attribution = z.object({
  kind: AttributionKind,
  by: NameText,
  /** Omitted: read from `by` where it names a member state or the EU, otherwise `other`. */
  byType: AttributorType.optional(),
  date: IsoDateField.optional(),
  confidence: Confidence,
  public: z.boolean().default(false),
  /** The dataset's row this attribution was imported from, where no attribution record keeps it. */
  statement: AttributionStatement.optional(),
});

const ResponseTaken = (measure: z.ZodType<string>) =>
  z.object({
    measure,
    date: IsoDateField,
    by: NameText,
    note: z.string().max(INCIDENT_TEXT_MAX.note, atMost(INCIDENT_TEXT_MAX.note)).optional(),
  });

const Context = z.object({
  euDelegationInInitiatorCountry: z.boolean().default(false),
  delegationHeadRecalled: z.boolean().default(false),
  victimCapacitiesOverwhelmed: z.boolean().default(false),
  assistanceRequested: z.boolean().default(false),
  otherMeansExhausted: z.boolean().default(false),
  urgent: z.boolean().default(false),
  /** Agreement of all member states on a text cannot be sought in the time available (bendiek2018, "Stability"). */
  agreementOfAllCannotBeSought: z.boolean().default(false),
  /** Omitted: derived from the member states among the victims and their NATO membership while the incident went on. */
  victimIsNatoMember: z.boolean().optional(),
  /** An EU act or position on the matter already exists, so implementing decisions can follow. */
  euPositionAdopted: z.boolean().default(false),
  /** The response has military or defence implications (no qualified majority then, Art. 31(4) TEU). */
  defenceImplications: z.boolean().default(false),
  /** For third-state victims: the CFSP objective (Art. 21 TEU) a restrictive measure would serve is stated. */
  cfspObjectiveIdentified: z.boolean().default(false),
  /** A victim member state has invoked the mutual assistance clause (Art. 42(7) TEU). */
  mutualAssistanceInvoked: z.boolean().default(false),
  /** An EU delegation is in a transit state outside the Union (`transit`), which can deliver a démarche there. Omitted: no. */
  euDelegationInTransitCountry: z.boolean().optional(),
})
  // Strict for the same reason as the effects: every flag here opens or closes a measure.
  .strict();

/**
 * The limits of the codings a dataset gives an incident (`codings`): EuRepoC 1.1 codes up to 41 columns an incident
 * keeps, the longest cell 9,443 characters (a list of source addresses); the limits are above that, so that no real
 * row is refused and no request stores megabytes.
 */
export const CODINGS_MAX = { datasets: 5, cells: 100, column: 100, value: 16_000 } as const;

/** A column's name as the dataset spells it (EuRepoC: `legal_attribution_reference`, `MITRE_impact`). */
const CodingColumn = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a column name: letters, digits and underscores').max(CODINGS_MAX.column, atMost(CODINGS_MAX.column));

/**
 * One dataset's own codings of the incident, as the dataset gives them: the row they come from and its cells by
 * column, each cell's text as written (EuRepoC's state-responsibility, international-law and impact indicators, MITRE
 * techniques, zero-days, conflict issues). Shown and exported with the incident; no rule of the toolbox reads them.
 */
export const DatasetCoding = z
  .object({
    /** The dataset, its release and the row, e.g. "EuRepoC Global Database, release 1.1, ID 1254". */
    source: NameText,
    cells: z
      .record(CodingColumn, z.string().min(1).max(CODINGS_MAX.value, atMost(CODINGS_MAX.value)))
      .refine((cells) => Object.keys(cells).length >= 1 && Object.keys(cells).length <= CODINGS_MAX.cells, { error: `from 1 to ${CODINGS_MAX.cells} cells` }),
  })
  .strict();
export type DatasetCoding = z.infer<typeof DatasetCoding>;

/**
 * What the incident schema needs from reviewed data: the severity scale, and the measure ids if known; with `today`,
 * dates after it are refused (a record of what happened; imports of other datasets pass none).
 */
export interface IncidentVocabulary {
  severity: SeverityFile;
  measureIds?: readonly string[];
  today?: IsoDate;
}

export function incidentSchema(vocabulary: IncidentVocabulary) {
  const levels = severityIds(vocabulary.severity) as [string, ...string[]];
  const ids = vocabulary.measureIds;
  const measure: z.ZodType<string> =
    ids && ids.length > 0 ? z.enum(ids as [string, ...string[]]) : z.string().regex(/^[a-z0-9-]+$/);
  return z
    .object({
      title: z.string().trim().min(1).max(INCIDENT_TEXT_MAX.title, atMost(INCIDENT_TEXT_MAX.title)),
      summary: z.string().max(INCIDENT_TEXT_MAX.summary, atMost(INCIDENT_TEXT_MAX.summary)).optional(),
      start: IsoDateField,
      detected: IsoDateField.optional(),
      disclosed: IsoDateField.optional(),
      /** When it ended; absent while ongoing or unknown. */
      end: IsoDateField.optional(),
      ongoing: z.boolean().default(false),
      category: ThreatCategory,
      victims: z.array(Victim).min(1, 'an incident needs at least one victim'),
      effects: Effects(levels),
      initiator: Initiator.prefault({}),
      /**
       * States whose infrastructure the attack was carried out through (servers, relays), not the initiator's: one
       * outside the Union makes the attack an external threat (Decision (CFSP) 2019/797, Art. 1(2)(b)) and is asked for
       * due diligence (bendiek2018). Omitted: none recorded.
       */
      transit: z.array(TransitCountry).max(TRANSIT_MAX, { error: () => `at most ${TRANSIT_MAX} transit states` }).optional(),
      attribution: z.array(Attribution).default([]),
      responses: z.array(ResponseTaken(measure)).default([]),
      context: Context.prefault({}),
      /** Where the record's facts come from (seeded precedents carry theirs). */
      sources: z.array(Source).max(50).optional(),
      /** What the datasets the incident was imported from code about it beyond these fields (DatasetCoding). */
      codings: z.array(DatasetCoding).max(CODINGS_MAX.datasets).optional(),
    })
    .superRefine((incident, ctx) => {
      const today = vocabulary.today;
      const issues = [...dateOrderIssues(incident), ...(today ? futureDateIssues(incident, today) : [])];
      for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
    })
    .transform((incident) => ({
      ...incident,
      attribution: incident.attribution.map((a) => ({ ...a, byType: a.byType ?? attributorTypeOf(a.by) })),
      context: { ...incident.context, victimIsNatoMember: incident.context.victimIsNatoMember ?? natoVictim(incident) },
    }));
}

export type IncidentInput = z.output<ReturnType<typeof incidentSchema>>;

/**
 * Validates an incident, resolving defaults (booleans false, lists empty, Greece as GR, NATO membership
 * of the victims); throws AppError('invalid_incident') naming every bad field and the allowed values.
 */
export function validateIncidentInput(value: unknown, vocabulary: IncidentVocabulary): IncidentInput {
  return parseOrThrow(incidentSchema(vocabulary), value, 'invalid_incident', 'incident');
}

interface Dated {
  start: string;
  detected?: string | undefined;
  disclosed?: string | undefined;
  end?: string | undefined;
  ongoing: boolean;
  attribution: { date?: string | undefined }[];
  responses: { date: string }[];
}

/** Dates in order: start <= detected <= disclosed, start <= end; attributions and responses after the start. */
export function dateOrderIssues(i: Dated): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  notBefore(issues, 'detected', i.detected, i.start, 'start');
  if (i.detected !== undefined) notBefore(issues, 'disclosed', i.disclosed, i.detected, 'detected');
  else notBefore(issues, 'disclosed', i.disclosed, i.start, 'start');
  notBefore(issues, 'end', i.end, i.start, 'start');
  if (i.end !== undefined && i.ongoing) {
    issues.push({ path: 'ongoing', message: `cannot be true for an incident that ended (end ${i.end})` });
  }
  // The path is written only for a date out of order.
  for (let n = 0; n < i.attribution.length; n++) {
    const date = i.attribution[n]?.date;
    if (date !== undefined && date < i.start) notBefore(issues, `attribution.${n}.date`, date, i.start, 'start');
  }
  for (let n = 0; n < i.responses.length; n++) {
    const date = i.responses[n]?.date;
    if (date !== undefined && date < i.start) notBefore(issues, `responses.${n}.date`, date, i.start, 'start');
  }
  return issues;
}

/** A date on or after its bound (a function of its own, not a closure per incident: every import checks every incident). */
function notBefore(issues: ErrorIssue[], path: string, value: string | undefined, bound: string, boundName: string): void {
  if (value !== undefined && value < bound) {
    issues.push({ path, message: `must be on or after ${boundName} (${bound}), got ${value}` });
  }
}

/** Dates after today: an incident records what has happened, so none of its dates may lie ahead. */
export function futureDateIssues(i: Dated, today: string): ErrorIssue[] {
  const dated: [string, string | undefined][] = [
    ['start', i.start],
    ['detected', i.detected],
    ['disclosed', i.disclosed],
    ['end', i.end],
    ...i.attribution.map((a, n): [string, string | undefined] => [`attribution.${n}.date`, a.date]),
    ...i.responses.map((r, n): [string, string] => [`responses.${n}.date`, r.date]),
  ];
  return dated
    .filter(([, value]) => value !== undefined && value > today)
    .map(([path, value]) => ({ path, message: `${value ?? ''} is in the future; enter a date up to today (${today})` }));
}

const EU_ATTRIBUTOR = /\b(EU|European Union|Council of the EU|Council of the European Union|European Council|High Representative|EEAS)\b/i;
/**
 * "Council" or "the Council" alone: in an EU incident record the Council of the EU, which decides the Union's
 * attribution (bendiek2018). Not the Council of Europe, the UN Security Council or any council named further.
 */
const THE_COUNCIL = /^\s*(the\s+)?council\s*\.?\s*$/i;
/**
 * Organisations whose names carry "EU" but which do not speak for the Union, among those the project's sources cite (EU
 * Cyber Direct, an EU-funded research project, data/sources/publishers.yaml; EU DisinfoLab, a non-governmental
 * research organisation): their attributions are analysis, not the political evaluation of a member state or the EU.
 */
const NOT_THE_EU = /\b(EU DisinfoLab|EU Cyber Direct)\b/i;

/**
 * Who attributed, read from the free-text `by`: a member state when it starts with a member state's code or names
 * one ("DE government", "Germany"), the EU when it names the Union, the Council or the High Representative.
 */
export function attributorTypeOf(by: string): AttributorType {
  return readAttributor(by, isMemberState);
}

/**
 * Who attributed, as the rules read it on a date: the author's text read with the membership of that date, so that
 * the United Kingdom's government counts as a member state's up to 31 January 2020 and Croatia's only from 1 July
 * 2013 (the reviewed precedents record the UK government as a member state in 2017-2018 and as a third state in
 * 2022). A type given explicitly that differs from what the text says is kept; one equal to it is the text's own
 * reading with today's membership (the incident's check fills it in that way) and is read again on the date.
 */
export function attributorTypeOn(a: { by: string; byType?: AttributorType | undefined }, date: IsoDate): AttributorType {
  if (a.byType !== undefined && a.byType !== textTypeOf(a.by)) return a.byType;
  return readAttributor(a.by, (code) => isMemberStateAt(code, date));
}

/** One reading of the author's text, with `member` deciding which states count as member states. */
function readAttributor(by: string, member: (code: string) => boolean): AttributorType {
  const code = leadingCode(by);
  if (code !== undefined && member(code)) return 'member-state';
  if ((EU_ATTRIBUTOR.test(by) || THE_COUNCIL.test(by)) && !NOT_THE_EU.test(by)) return 'eu';
  if (namesMemberState(by, member)) return 'member-state';
  if (namesMemberStateAuthority(by, member)) return 'member-state';
  return 'other';
}

/**
 * A public authority named by its state's adjective: "German government", "French ANSSI", "UK National Cyber
 * Security Centre", "Dutch Ministry of Defence". Only with a word of public authority and none of a private body, so
 * that "German Marshall Fund" or "Dutch firm Fox-IT" stay other authors (a firm's or a think tank's finding is not a
 * state's attribution, bendiek2018).
 */
const AUTHORITY =
  /\b(government|govt|authorities|authority|ministry|minister|ministers|foreign office|foreign affairs|prosecutor|prosecutors|police|agency|intelligence|security service|chancellery|chancellor|president|prime minister|parliament|armed forces|defence|defense|army|military|embassy|cert|csirt|cyber security cent(?:re|er)|cybersecurity cent(?:re|er)|anssi|bsi|ncsc|aivd|mivd|gchq|bfv|state)\b/i;
const PRIVATE_BODY = /\b(firm|company|companies|corporation|inc|ltd|gmbh|researchers?|institute|university|fund|foundation|newspaper|press|media|think tank|vendor|lab|labs)\b/i;
let memberStateAdjectives: { code: string; word: RegExp }[] | undefined;
function namesMemberStateAuthority(text: string, member: (code: string) => boolean): boolean {
  if (!AUTHORITY.test(text) || PRIVATE_BODY.test(text)) return false;
  memberStateAdjectives ??= Object.entries(MEMBER_STATE_ADJECTIVES).map(([code, words]) => ({ code, word: new RegExp(`\\b(${words.join('|')})\\b`) }));
  return memberStateAdjectives.some((m) => member(m.code) && m.word.test(text));
}

// The text's reading with today's membership, kept per author (plans read every attribution for every measure, and a
// dataset names the same few authors many times); bounded so that a long-running server does not grow with it.
const textTypes = new Map<string, AttributorType>();
function textTypeOf(by: string): AttributorType {
  let type = textTypes.get(by);
  if (type === undefined) {
    type = attributorTypeOf(by);
    if (textTypes.size >= 1000) textTypes.clear();
    textTypes.set(by, type);
  }
  return type;
}

/** The author's first word when it is two letters (a country code, as in "DE government"); else none. */
function leadingCode(by: string): string | undefined {
  const first = by.trim().split(/[\s,;:/()-]+/)[0] ?? '';
  return /^[A-Za-z]{2}$/.test(first) ? first : undefined;
}

/**
 * Every state that is or has been a member, with a word-bounded expression of its name, built once: an import checks
 * every attribution's author, and plans of many incidents read them again on each incident's date.
 */
let memberStateNames: { code: string; name: RegExp }[] | undefined;

/** Whether the text names a state that `member` holds for (a member today, or on a date). */
function namesMemberState(text: string, member: (code: string) => boolean): boolean {
  const lower = text.toLowerCase();
  memberStateNames ??= ALL_MEMBER_STATES.map((m) => ({ code: m.code, name: new RegExp(`\\b${m.name.toLowerCase()}\\b`) }));
  return memberStateNames.some((m) => member(m.code) && m.name.test(lower));
}

/**
 * Whether a member state among the victims was in NATO while the incident went on (the context's default): in the
 * Union and the Alliance on the start date, or joining either while the incident was still going on (Finland, hit in
 * 2022 by an attack still going on when it joined NATO on 4 April 2023). The plan reads the accession dates again on
 * its own date (situation.ts), so the default only says that the dates allow an ally.
 */
export function natoVictim(i: { start: string; end?: string | undefined; ongoing: boolean; victims: { country: string }[] }): boolean {
  // Membership of the Union on the start date, as for every other rule: a United Kingdom victim of 2016 was a member
  // state in NATO, so NATO's precedence over Art. 42(7) TEU (bendiek2018) applies to it.
  const joinedWhileHit = (since: string | null | undefined) => since != null && since > i.start && wentOnOn(i, since as IsoDate);
  return i.victims.some((v) => {
    const m = memberState(v.country);
    if (m === undefined || !(isMemberStateAt(v.country, i.start as IsoDate) || joinedWhileHit(m.memberSince))) return false;
    return (m.natoSince != null && m.natoSince <= i.start) || joinedWhileHit(m.natoSince);
  });
}

type NatoRead = Parameters<typeof natoVictim>[0] & { context: { victimIsNatoMember?: boolean | undefined } };

/**
 * The defaults the context's NATO flag was given before natoVictim read accessions while the incident went on, each
 * written into the incidents stored then: today's member states allied on the start date (to 6 December 2026), then
 * the start date's member states allied on it (to 7 December 2026). Neither knew a state that joined while hit.
 */
const EARLIER_NATO_DEFAULTS: ((i: NatoRead) => boolean)[] = [
  (i) => i.victims.some((v) => isMemberState(v.country) && isNatoMemberAt(v.country, i.start)),
  (i) => i.victims.some((v) => isMemberStateAt(v.country, i.start as IsoDate) && isNatoMemberAt(v.country, i.start)),
];

/**
 * The context's NATO flag as the rules read it. A stored value that differs from natoVictim's reading but equals what
 * an earlier default gave is that default, written into the record when it was stored, not a user's finding: it is
 * read as today's default, so that Finland hit in 2022 by an attack still going on when it joined NATO is an ally on
 * a plan from 4 April 2023 whenever the incident was stored. A value no default gives (an ally recorded as outside
 * NATO, say) is the user's and is kept, as an attributor type given explicitly is (attributorTypeOn).
 */
export function victimIsNatoMemberOf(i: NatoRead): boolean {
  const dated = natoVictim(i);
  const stored = i.context.victimIsNatoMember;
  if (stored === undefined || stored === dated) return dated;
  return EARLIER_NATO_DEFAULTS.some((d) => d(i) === stored) ? dated : stored;
}
