// The closed list of country codes an incident may name: ISO 3166-1 alpha-2, plus the EU's own aliases.
import { countryCodeOf } from '../exchange/country-names';

/** ISO 3166-1 alpha-2, the 249 officially assigned codes. */
export const ISO_ALPHA2 = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ',
  'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ',
  'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ',
  'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET',
  'FI', 'FJ', 'FK', 'FM', 'FO', 'FR',
  'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY',
  'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT',
  'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ',
  'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY',
  'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ',
  'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM',
  'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY',
  'QA',
  'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ',
  'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ',
  'UA', 'UG', 'UM', 'US', 'UY', 'UZ',
  'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU',
  'WF', 'WS',
  'YE', 'YT',
  'ZA', 'ZM', 'ZW',
] as const;

/**
 * Codes outside ISO 3166-1 that EU documents use for a country: Kosovo's user-assigned XK
 * (Eurostat, Glossary:Country codes).
 */
export const EXTRA_COUNTRY_CODES = ['XK'] as const;

/** Aliases read on input and stored under their ISO code: the EU writes Greece as EL. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = { EL: 'GR' };

const KNOWN = new Set<string>([...ISO_ALPHA2, ...EXTRA_COUNTRY_CODES]);

/** Upper-cases, trims and resolves aliases (EL -> GR); does not check that the code exists. */
export function normaliseCountryCode(value: string): string {
  const code = value.trim().toUpperCase();
  return COUNTRY_ALIASES[code] ?? code;
}

export function isCountryCode(value: string): boolean {
  return KNOWN.has(normaliseCountryCode(value));
}

/**
 * The start of a refusal for a country given by name ("Germany → did you mean DE? "), from the country-name table
 * the imports read; empty when the text names no country.
 */
export function didYouMeanCountry(text: string): string {
  const code = text.trim().length > 2 ? countryCodeOf(text) : undefined;
  return code ? `${text.trim()} → did you mean ${code}? ` : '';
}
