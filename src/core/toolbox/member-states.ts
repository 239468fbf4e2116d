// The 27 member states of the Union: codes (ISO and the Council's), names, NATO membership; and the
// country-code schemas that incidents and votes use.
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { allowedList } from '../errors';
import type { Source } from '../provenance';
import { EXTRA_COUNTRY_CODES, ISO_ALPHA2, normaliseCountryCode } from './countries';

export interface MemberState {
  /** ISO 3166-1 alpha-2; the key everywhere in the toolbox. */
  code: string;
  /** The code the Council and Eurostat use, where it differs (Greece: EL). */
  councilCode: string;
  name: string;
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

/** Where the member-state facts come from: codes from Eurostat, NATO accession years from the press. */
export const MEMBER_STATE_SOURCES: readonly Source[] = [EUROSTAT_CODES, NATO_YEARS, NATO_SWEDEN];

const d = (v: string) => v as IsoDate;

// Accession days are those of the North Atlantic Treaty's entry into force for each state; the sources
// above give the years, and the day for Sweden is from general knowledge (flagged).
export const MEMBER_STATES: readonly MemberState[] = [
  { code: 'AT', councilCode: 'AT', name: 'Austria', natoSince: null },
  { code: 'BE', councilCode: 'BE', name: 'Belgium', natoSince: d('1949-08-24') },
  { code: 'BG', councilCode: 'BG', name: 'Bulgaria', natoSince: d('2004-03-29') },
  { code: 'HR', councilCode: 'HR', name: 'Croatia', natoSince: d('2009-04-01') },
  { code: 'CY', councilCode: 'CY', name: 'Cyprus', natoSince: null },
  { code: 'CZ', councilCode: 'CZ', name: 'Czechia', natoSince: d('1999-03-12') },
  { code: 'DK', councilCode: 'DK', name: 'Denmark', natoSince: d('1949-08-24') },
  { code: 'EE', councilCode: 'EE', name: 'Estonia', natoSince: d('2004-03-29') },
  { code: 'FI', councilCode: 'FI', name: 'Finland', natoSince: d('2023-04-04') },
  { code: 'FR', councilCode: 'FR', name: 'France', natoSince: d('1949-08-24') },
  { code: 'DE', councilCode: 'DE', name: 'Germany', natoSince: d('1955-05-06') },
  { code: 'GR', councilCode: 'EL', name: 'Greece', natoSince: d('1952-02-18') },
  { code: 'HU', councilCode: 'HU', name: 'Hungary', natoSince: d('1999-03-12') },
  { code: 'IE', councilCode: 'IE', name: 'Ireland', natoSince: null },
  { code: 'IT', councilCode: 'IT', name: 'Italy', natoSince: d('1949-08-24') },
  { code: 'LV', councilCode: 'LV', name: 'Latvia', natoSince: d('2004-03-29') },
  { code: 'LT', councilCode: 'LT', name: 'Lithuania', natoSince: d('2004-03-29') },
  { code: 'LU', councilCode: 'LU', name: 'Luxembourg', natoSince: d('1949-08-24') },
  { code: 'MT', councilCode: 'MT', name: 'Malta', natoSince: null },
  { code: 'NL', councilCode: 'NL', name: 'Netherlands', natoSince: d('1949-08-24') },
  { code: 'PL', councilCode: 'PL', name: 'Poland', natoSince: d('1999-03-12') },
  { code: 'PT', councilCode: 'PT', name: 'Portugal', natoSince: d('1949-08-24') },
  { code: 'RO', councilCode: 'RO', name: 'Romania', natoSince: d('2004-03-29') },
  { code: 'SK', councilCode: 'SK', name: 'Slovakia', natoSince: d('2004-03-29') },
  { code: 'SI', councilCode: 'SI', name: 'Slovenia', natoSince: d('2004-03-29') },
  { code: 'ES', councilCode: 'ES', name: 'Spain', natoSince: d('1982-05-30') },
  { code: 'SE', councilCode: 'SE', name: 'Sweden', natoSince: d('2024-03-07'), natoDateUnverified: true },
];

export const MEMBER_STATE_CODES: readonly string[] = MEMBER_STATES.map((m) => m.code).sort();

const BY_CODE = new Map(MEMBER_STATES.map((m) => [m.code, m]));

export function memberState(code: string): MemberState | undefined {
  return BY_CODE.get(normaliseCountryCode(code));
}

export function isMemberState(code: string | null | undefined): boolean {
  return code != null && BY_CODE.has(normaliseCountryCode(code));
}

/** Whether a member state belongs to NATO on a date; without a date, today's membership in the list. */
export function isNatoMemberAt(code: string, date: string | undefined): boolean {
  const since = memberState(code)?.natoSince;
  if (since == null) return false;
  return date === undefined || since <= date;
}

/** How the allowed member-state codes read in messages: `AT, BE, ... or SK (Greece as GR or EL)`. */
export const MEMBER_STATE_CODES_TEXT = `${allowedList(MEMBER_STATE_CODES)} (Greece as GR or EL)`;

const KNOWN_COUNTRIES = new Set<string>([...ISO_ALPHA2, ...EXTRA_COUNTRY_CODES]);

/** Any country on input: any case, EL accepted for Greece, stored as its ISO code. */
export const CountryCode = z
  .string()
  .refine((code) => KNOWN_COUNTRIES.has(normaliseCountryCode(code)), {
    error: (issue) =>
      `"${String(issue.input)}" is not a country code; expected ISO 3166-1 alpha-2: a member state (${MEMBER_STATE_CODES_TEXT}) or a third state such as RU, CN or US`,
  })
  .transform(normaliseCountryCode);

/** A member state on input, GR or EL for Greece, stored as its ISO code. */
export const MemberStateCode = z
  .string()
  .refine((code) => BY_CODE.has(normaliseCountryCode(code)), {
    error: (issue) => `"${String(issue.input)}" is not a member state; expected ${MEMBER_STATE_CODES_TEXT}`,
  })
  .transform(normaliseCountryCode);
