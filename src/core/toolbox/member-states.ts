// The member states of the Union, dated: today's 27 and the United Kingdom until its withdrawal; codes (ISO and
// the Council's), names, NATO membership; and the country-code schemas that incidents and votes use.
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { allowedList } from '../errors';
import type { Source } from '../provenance';
import { didYouMeanCountry, EXTRA_COUNTRY_CODES, ISO_ALPHA2, normaliseCountryCode } from './countries';

export interface MemberState {
  /** ISO 3166-1 alpha-2; the key everywhere in the toolbox. */
  code: string;
  /** The code the Council and Eurostat use, where it differs (Greece: EL). */
  councilCode: string;
  name: string;
  /** First day of membership of the Union (of the Communities before 1993). */
  memberSince: IsoDate;
  /** Last day of membership, for a state that has left. */
  memberUntil?: IsoDate;
  /** Day the state joined NATO, or null when it is not a member. */
  natoSince: IsoDate | null;
  /** Set where the day (not the year) of accession rests on general knowledge only. */
  natoDateUnverified?: boolean;
}

const EUROSTAT_CODES: Source = {
  ref: 'https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Glossary%3AProtocol_order',
  locator: 'Glossary:Country codes, European Union (EU)',
};
const NATO_YEARS: Source = {
  ref: 'https://www.thenationalnews.com/world/uk-news/2023/04/04/nato-countries-which-member-states-are-in-the-military-alliance/',
  locator: 'list of members by year of accession, 1949-2023',
};
const NATO_SWEDEN: Source = {
  ref: 'https://interactive.guim.co.uk/uploader/embed/2024/03/sweden-joinsnatomap/giv-1342593NoTD86WMqC',
  locator: 'map legend, date of accession 2024',
};

const EU_MEMBERSHIP: Source = {
  ref: 'https://european-union.europa.eu/principles-countries-history/eu-countries_en',
  locator: 'EU countries, year of entry of each member state',
};
const CROATIA_ACCESSION: Source = {
  ref: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2012:112:TOC',
  locator: 'Treaty concerning the accession of the Republic of Croatia, Art. 3(3): entry into force 1 July 2013',
};
const UK_WITHDRAWAL: Source = {
  ref: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12019W/TXT(02)',
  locator: 'Withdrawal Agreement, Art. 185: entry into force 1 February 2020, the United Kingdom a member until 31 January 2020',
};

/** Where the member-state facts come from: codes from Eurostat, membership from the EU and the treaties, NATO years from the press. */
export const MEMBER_STATE_SOURCES: readonly Source[] = [EUROSTAT_CODES, EU_MEMBERSHIP, CROATIA_ACCESSION, UK_WITHDRAWAL, NATO_YEARS, NATO_SWEDEN];

const d = (v: string) => v as IsoDate;

// EU accession days are those the accession treaties entered into force (the EU page gives the years; the
// Treaty of Rome for the six founders). NATO accession days are those of the North Atlantic Treaty's entry
// into force for each state; the sources above give the years, and the days for Finland and Sweden, the two
// that joined while the toolbox existed (a plan may fall either side of them), are from general knowledge (flagged).
/** Every state that is or has been a member since 1958, today's 27 and the United Kingdom. */
export const ALL_MEMBER_STATES: readonly MemberState[] = [
  { code: 'AT', councilCode: 'AT', name: 'Austria', memberSince: d('1995-01-01'), natoSince: null },
  { code: 'BE', councilCode: 'BE', name: 'Belgium', memberSince: d('1958-01-01'), natoSince: d('1949-08-24') },
  { code: 'BG', councilCode: 'BG', name: 'Bulgaria', memberSince: d('2007-01-01'), natoSince: d('2004-03-29') },
  { code: 'HR', councilCode: 'HR', name: 'Croatia', memberSince: d('2013-07-01'), natoSince: d('2009-04-01') },
  { code: 'CY', councilCode: 'CY', name: 'Cyprus', memberSince: d('2004-05-01'), natoSince: null },
  { code: 'CZ', councilCode: 'CZ', name: 'Czechia', memberSince: d('2004-05-01'), natoSince: d('1999-03-12') },
  { code: 'DK', councilCode: 'DK', name: 'Denmark', memberSince: d('1973-01-01'), natoSince: d('1949-08-24') },
  { code: 'EE', councilCode: 'EE', name: 'Estonia', memberSince: d('2004-05-01'), natoSince: d('2004-03-29') },
  { code: 'FI', councilCode: 'FI', name: 'Finland', memberSince: d('1995-01-01'), natoSince: d('2023-04-04'), natoDateUnverified: true },
  { code: 'FR', councilCode: 'FR', name: 'France', memberSince: d('1958-01-01'), natoSince: d('1949-08-24') },
  { code: 'DE', councilCode: 'DE', name: 'Germany', memberSince: d('1958-01-01'), natoSince: d('1955-05-06') },
  { code: 'GR', councilCode: 'EL', name: 'Greece', memberSince: d('1981-01-01'), natoSince: d('1952-02-18') },
  { code: 'HU', councilCode: 'HU', name: 'Hungary', memberSince: d('2004-05-01'), natoSince: d('1999-03-12') },
  { code: 'IE', councilCode: 'IE', name: 'Ireland', memberSince: d('1973-01-01'), natoSince: null },
  { code: 'IT', councilCode: 'IT', name: 'Italy', memberSince: d('1958-01-01'), natoSince: d('1949-08-24') },
  { code: 'LV', councilCode: 'LV', name: 'Latvia', memberSince: d('2004-05-01'), natoSince: d('2004-03-29') },
  { code: 'LT', councilCode: 'LT', name: 'Lithuania', memberSince: d('2004-05-01'), natoSince: d('2004-03-29') },
  { code: 'LU', councilCode: 'LU', name: 'Luxembourg', memberSince: d('1958-01-01'), natoSince: d('1949-08-24') },
  { code: 'MT', councilCode: 'MT', name: 'Malta', memberSince: d('2004-05-01'), natoSince: null },
  { code: 'NL', councilCode: 'NL', name: 'Netherlands', memberSince: d('1958-01-01'), natoSince: d('1949-08-24') },
  { code: 'PL', councilCode: 'PL', name: 'Poland', memberSince: d('2004-05-01'), natoSince: d('1999-03-12') },
  { code: 'PT', councilCode: 'PT', name: 'Portugal', memberSince: d('1986-01-01'), natoSince: d('1949-08-24') },
  { code: 'RO', councilCode: 'RO', name: 'Romania', memberSince: d('2007-01-01'), natoSince: d('2004-03-29') },
  { code: 'SK', councilCode: 'SK', name: 'Slovakia', memberSince: d('2004-05-01'), natoSince: d('2004-03-29') },
  { code: 'SI', councilCode: 'SI', name: 'Slovenia', memberSince: d('2004-05-01'), natoSince: d('2004-03-29') },
  { code: 'ES', councilCode: 'ES', name: 'Spain', memberSince: d('1986-01-01'), natoSince: d('1982-05-30') },
  { code: 'SE', councilCode: 'SE', name: 'Sweden', memberSince: d('1995-01-01'), natoSince: d('2024-03-07'), natoDateUnverified: true },
  // Withdrawal Agreement Art. 185: the Treaties ceased to apply to the United Kingdom at the end of 31 January 2020.
  { code: 'GB', councilCode: 'UK', name: 'United Kingdom', memberSince: d('1973-01-01'), memberUntil: d('2020-01-31'), natoSince: d('1949-08-24') },
];

/**
 * The English adjective of each state that is or has been a member ("German", "Dutch"), as authors are named in
 * attributions ("German government", "French ANSSI"): general English usage, as the EU's Interinstitutional Style
 * Guide lists country adjectives (UNVERIFIED against its list).
 */
export const MEMBER_STATE_ADJECTIVES: Readonly<Record<string, readonly string[]>> = {
  AT: ['Austrian'], BE: ['Belgian'], BG: ['Bulgarian'], HR: ['Croatian'], CY: ['Cypriot'], CZ: ['Czech'], DK: ['Danish'],
  EE: ['Estonian'], FI: ['Finnish'], FR: ['French'], DE: ['German'], GR: ['Greek', 'Hellenic'], HU: ['Hungarian'],
  IE: ['Irish'], IT: ['Italian'], LV: ['Latvian'], LT: ['Lithuanian'], LU: ['Luxembourg', 'Luxembourgish'], MT: ['Maltese'],
  NL: ['Dutch'], PL: ['Polish'], PT: ['Portuguese'], RO: ['Romanian'], SK: ['Slovak', 'Slovakian'], SI: ['Slovenian', 'Slovene'],
  ES: ['Spanish'], SE: ['Swedish'], GB: ['British', 'UK'],
};

/**
 * Parts of a member state that ISO 3166-1 codes apart, where the Treaties apply: the outermost regions with a code of
 * their own (Art. 349 and 355(1) TFEU; Mayotte from 1 January 2014) and the Åland Islands (Art. 355(4) TFEU). A victim
 * recorded under one of these codes reads as a third state; plans say which member state it belongs to. General
 * knowledge, not in the project's sources (UNVERIFIED): check against Art. 349 and 355 TFEU on EUR-Lex.
 */
export const MEMBER_STATE_TERRITORIES: Readonly<Record<string, { name: string; of: string; since: IsoDate; kind: string }>> = {
  GP: { name: 'Guadeloupe', of: 'FR', since: d('1958-01-01'), kind: 'an outermost region' },
  GF: { name: 'French Guiana', of: 'FR', since: d('1958-01-01'), kind: 'an outermost region' },
  MQ: { name: 'Martinique', of: 'FR', since: d('1958-01-01'), kind: 'an outermost region' },
  RE: { name: 'Réunion', of: 'FR', since: d('1958-01-01'), kind: 'an outermost region' },
  YT: { name: 'Mayotte', of: 'FR', since: d('2014-01-01'), kind: 'an outermost region' },
  MF: { name: 'Saint-Martin', of: 'FR', since: d('2009-12-01'), kind: 'an outermost region' },
  AX: { name: 'the Åland Islands', of: 'FI', since: d('1995-01-01'), kind: 'a region of Finland with derogations (Art. 355(4) TFEU)' },
};

/** Today's member states: those that have not left. */
export const MEMBER_STATES: readonly MemberState[] = ALL_MEMBER_STATES.filter((m) => m.memberUntil === undefined);

export const MEMBER_STATE_CODES: readonly string[] = MEMBER_STATES.map((m) => m.code).sort();

const ALL_BY_CODE = new Map(ALL_MEMBER_STATES.map((m) => [m.code, m]));
const BY_CODE = new Map(MEMBER_STATES.map((m) => [m.code, m]));
const BY_COUNCIL_CODE = new Map(ALL_MEMBER_STATES.map((m) => [m.councilCode, m.code]));

/** A member-state code on input: any case, the Council's code accepted (EL for Greece, UK for the United Kingdom). */
export function normaliseMemberStateCode(code: string): string {
  const iso = normaliseCountryCode(code);
  return ALL_BY_CODE.has(iso) ? iso : (BY_COUNCIL_CODE.get(iso) ?? iso);
}

/** A state that is or has been a member, by its ISO or Council code. */
export function memberState(code: string): MemberState | undefined {
  return ALL_BY_CODE.get(normaliseMemberStateCode(code));
}

/** Whether the code is one of today's 27 member states. */
export function isMemberState(code: string | null | undefined): boolean {
  return code != null && BY_CODE.has(normaliseCountryCode(code));
}

function memberOn(m: MemberState, date: IsoDate): boolean {
  return m.memberSince <= date && (m.memberUntil === undefined || date <= m.memberUntil);
}

/** The member states on a date, ordered by ISO code: 28 from 1 July 2013 to 31 January 2020, 27 since. */
export function memberStatesAt(date: IsoDate): MemberState[] {
  return ALL_MEMBER_STATES.filter((m) => memberOn(m, date)).sort((a, b) => a.code.localeCompare(b.code));
}

/** Whether a state (ISO or Council code) is a member state on a date. */
export function isMemberStateAt(code: string | null | undefined, date: IsoDate): boolean {
  const m = code == null ? undefined : memberState(code);
  return m !== undefined && memberOn(m, date);
}

/** Whether a member state belongs to NATO on a date; without a date, today's membership in the list. */
export function isNatoMemberAt(code: string, date: string | undefined): boolean {
  const since = memberState(code)?.natoSince;
  if (since == null) return false;
  return date === undefined || since <= date;
}

/**
 * Whether an incident was still going on on a day, as its record shows: from its start while it is marked ongoing, or
 * up to its recorded end. An incident neither marked ongoing nor given an end is not shown to go on past its start.
 */
export function wentOnOn(i: { start: string; end?: string | undefined; ongoing: boolean }, day: IsoDate): boolean {
  return i.start <= day && (i.ongoing || (i.end !== undefined && day <= i.end));
}

/**
 * A state that joined the Union or NATO after an incident began, and is in on the plan's date: `during` when the
 * incident was still going on on its day of accession (it invokes the clause, or Article 5, as a member hit), `after`
 * when the record shows the incident over by then (it was hit as a third state). Null for a state in on the start
 * date, one not in on the plan's date, or one joining later than the plan.
 */
export function joinedSince(since: IsoDate | null | undefined, i: { start: string; end?: string | undefined; ongoing: boolean }, asOf: IsoDate): 'during' | 'after' | null {
  if (since == null || since <= i.start || asOf < since) return null;
  return wentOnOn(i, since) ? 'during' : 'after';
}

/** How allowed member-state codes read in messages: `AT, BE, ... or SK (Greece as GR or EL)`. */
export function memberStateCodesText(codes: readonly string[]): string {
  const aliases = ALL_MEMBER_STATES.filter((m) => m.councilCode !== m.code && codes.includes(m.code)).map((m) => `${m.name} as ${m.code} or ${m.councilCode}`);
  return `${allowedList(codes)}${aliases.length ? ` (${aliases.join(', ')})` : ''}`;
}

export const MEMBER_STATE_CODES_TEXT = memberStateCodesText(MEMBER_STATE_CODES);

const KNOWN_COUNTRIES = new Set<string>([...ISO_ALPHA2, ...EXTRA_COUNTRY_CODES]);

/** Any country on input: any case, EL accepted for Greece, stored as its ISO code. */
export const CountryCode = z
  .string()
  .refine((code) => KNOWN_COUNTRIES.has(normaliseCountryCode(code)), {
    error: (issue) =>
      `${didYouMeanCountry(String(issue.input))}"${String(issue.input)}" is not a country code; expected ISO 3166-1 alpha-2: a member state (${MEMBER_STATE_CODES_TEXT}) or a third state such as RU, CN or US`,
  })
  .transform(normaliseCountryCode);

/** A member state on input, GR or EL for Greece, stored as its ISO code. */
export const MemberStateCode = z
  .string()
  .refine((code) => BY_CODE.has(normaliseCountryCode(code)), {
    error: (issue) => `"${String(issue.input)}" is not a member state; expected ${MEMBER_STATE_CODES_TEXT}`,
  })
  .transform(normaliseCountryCode);
