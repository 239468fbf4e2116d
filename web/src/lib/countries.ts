// The incident form's country picker: countries by name from the project's own table (the names imports read,
// src/core/exchange/country-names.ts, over the ISO codes of src/core/toolbox/countries.ts), so that a name typed or
// picked becomes the code the server keeps. Pure tables shared with the core, not a second copy that could drift.
import { countryCodeOf, countryNameOf } from '../../../src/core/exchange/country-names';
import { EXTRA_COUNTRY_CODES, ISO_ALPHA2, normaliseCountryCode } from '../../../src/core/toolbox/countries';

export interface CountryOption {
  code: string;
  name: string;
}

const CODES: readonly string[] = [...ISO_ALPHA2, ...EXTRA_COUNTRY_CODES];

/** Every country the table names, by name; codes it has no name for (small territories) are typed as codes. */
export const COUNTRY_OPTIONS: readonly CountryOption[] = CODES.map((code) => ({ code, name: countryNameOf(code) }))
  .filter((c) => c.name !== c.code)
  .sort((a, b) => a.name.localeCompare(b.name));

/** Codes the victim field accepts beside countries: EU for an EU institution, ZZ when the country is not known. */
const SPECIAL: Readonly<Record<string, string>> = { EU: 'EU institution', ZZ: 'Country not known' };

/**
 * The code a typed or picked text stands for: a known code as typed (any case, EL for Greece), or a country's name
 * ("Germany", "the Netherlands", "Korea, Republic of"). Undefined when neither: the server's refusal says why.
 */
export function countryCodeFromText(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(t)) {
    const code = normaliseCountryCode(t);
    return CODES.includes(code) || code in SPECIAL ? code : undefined;
  }
  const special = Object.entries(SPECIAL).find(([, name]) => name.toLowerCase() === t.toLowerCase());
  return special?.[0] ?? countryCodeOf(t);
}

/** What the field shows for a stored code: the country's name where the table has one, else the code. */
export function countryText(code: string): string {
  return SPECIAL[code] ?? (code === '' ? '' : countryNameOf(code));
}

/** The code sent for a field's text: the code it stands for, or the text as typed (upper case) for the server to judge. */
export function countryInput(text: string): string {
  return countryCodeFromText(text) ?? text.trim().toUpperCase();
}

/** A line under the field: which code a name stands for ("Germany → DE"), or nothing. */
export function countryHint(text: string): string | undefined {
  const code = countryCodeFromText(text);
  return code !== undefined && text.trim().toUpperCase() !== code ? `${text.trim()} → ${code}` : undefined;
}
