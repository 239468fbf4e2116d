// Country names as datasets write them, mapped to ISO 3166-1 alpha-2 codes. Names follow the ISO 3166 English
// short names plus the variants EuRepoC 1.1 and the CFR tracker use ("Russia", "Korea, Republic of",
// "Iran (Islamic Republic of)"). Regions, organisations and "Unknown" are deliberately absent: they map to none.

const TABLE = `
AF Afghanistan|AL Albania|DZ Algeria|AS American Samoa|AD Andorra|AO Angola|AI Anguilla|AG Antigua and Barbuda
AR Argentina|AM Armenia|AW Aruba|AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh
BB Barbados|BY Belarus|BE Belgium|BZ Belize|BJ Benin|BM Bermuda|BT Bhutan|BO Bolivia;Bolivia, Plurinational State of
BA Bosnia and Herzegovina;Bosnia|BW Botswana|BR Brazil|BN Brunei;Brunei Darussalam|BG Bulgaria|BF Burkina Faso
BI Burundi|CV Cabo Verde;Cape Verde|KH Cambodia|CM Cameroon|CA Canada|KY Cayman Islands|CF Central African Republic
TD Chad|CL Chile|CN China;People's Republic of China;PRC|CO Colombia|KM Comoros|CG Congo;Republic of the Congo
CD Congo, the Democratic Republic of the;Democratic Republic of the Congo;DR Congo|CR Costa Rica
CI Cote d'Ivoire;Côte d'Ivoire;Ivory Coast|HR Croatia|CU Cuba|CW Curacao;Curaçao|CY Cyprus|CZ Czech Republic;Czechia
DK Denmark|DJ Djibouti|DM Dominica|DO Dominican Republic|EC Ecuador|EG Egypt|SV El Salvador|GQ Equatorial Guinea
ER Eritrea|EE Estonia|SZ Eswatini;Swaziland|ET Ethiopia|FJ Fiji|FI Finland|FR France|GA Gabon|GM Gambia|GE Georgia
DE Germany|GH Ghana|GI Gibraltar|GR Greece|GL Greenland|GD Grenada|GU Guam|GT Guatemala|GG Guernsey|GN Guinea
GW Guinea-Bissau|GY Guyana|HT Haiti|VA Holy See (Vatican City State);Holy See;Vatican|HN Honduras|HK Hong Kong
HU Hungary|IS Iceland|IN India|ID Indonesia|IR Iran;Iran, Islamic Republic of;Iran (Islamic Republic of)|IQ Iraq
IE Ireland|IM Isle of Man|IL Israel|IT Italy|JM Jamaica|JP Japan|JE Jersey|JO Jordan|KZ Kazakhstan|KE Kenya
KI Kiribati|KP North Korea;Korea, Democratic People's Republic of;Korea (Democratic People's Republic of);DPRK
KR South Korea;Korea, Republic of;Korea (Republic of);Republic of Korea|XK Kosovo|KW Kuwait|KG Kyrgyzstan
LA Laos;Lao People's Democratic Republic|LV Latvia|LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein
LT Lithuania|LU Luxembourg|MO Macao;Macau|MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta
MH Marshall Islands|MR Mauritania|MU Mauritius|MX Mexico|FM Micronesia|MD Moldova;Moldova, Republic of|MC Monaco
MN Mongolia|ME Montenegro|MA Morocco|MZ Mozambique|MM Myanmar;Burma|NA Namibia|NR Nauru|NP Nepal|NL Netherlands;The Netherlands
NZ New Zealand|NI Nicaragua|NE Niger|NG Nigeria|MK North Macedonia;Macedonia|NO Norway|OM Oman|PK Pakistan|PW Palau
PS Palestine;Palestine, State of;Palestinian Territories|PA Panama|PG Papua New Guinea|PY Paraguay|PE Peru
PH Philippines|PL Poland|PT Portugal|PR Puerto Rico|QA Qatar|RO Romania|RU Russia;Russian Federation|RW Rwanda
KN Saint Kitts and Nevis|LC Saint Lucia|VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino
ST Sao Tome and Principe|SA Saudi Arabia|SN Senegal|RS Serbia|SC Seychelles|SL Sierra Leone|SG Singapore
SK Slovakia|SI Slovenia|SB Solomon Islands|SO Somalia|ZA South Africa|SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan
SR Suriname|SE Sweden|CH Switzerland|SY Syria;Syrian Arab Republic|TW Taiwan;Taiwan, Province of China|TJ Tajikistan
TZ Tanzania;Tanzania, United Republic of|TH Thailand|TL Timor-Leste;East Timor|TG Togo|TO Tonga|TT Trinidad and Tobago
TN Tunisia|TR Turkey;Türkiye;Turkiye|TM Turkmenistan|TV Tuvalu|UG Uganda|UA Ukraine|AE United Arab Emirates;UAE
GB United Kingdom;UK;Great Britain;United Kingdom of Great Britain and Northern Ireland
US United States;United States of America;USA;US|UY Uruguay|UZ Uzbekistan|VU Vanuatu|VE Venezuela;Venezuela, Bolivarian Republic of
VN Vietnam;Viet Nam|YE Yemen|ZM Zambia|ZW Zimbabwe`;

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const BY_NAME = new Map<string, string>();
const NAME_OF = new Map<string, string>();
for (const entry of TABLE.split(/[|\n]/).map((e) => e.trim()).filter(Boolean)) {
  const code = entry.slice(0, 2);
  const names = entry.slice(3).split(';');
  NAME_OF.set(code, names[0] ?? code);
  for (const n of names) BY_NAME.set(norm(n), code);
}

/** Codes of names already looked up (null: none): a dataset repeats a few hundred names in thousands of cells. */
const looked = new Map<string, string | null>();
const LOOKED_KEPT = 20_000;

/** The code of a country name, or undefined for regions, organisations and unknown names. */
export function countryCodeOf(name: string): string | undefined {
  const known = looked.get(name);
  if (known !== undefined) return known ?? undefined;
  const code = BY_NAME.get(norm(name));
  if (looked.size >= LOOKED_KEPT) looked.clear();
  looked.set(name, code ?? null);
  return code;
}

/** The English short name of a code, or the code itself. */
export function countryNameOf(code: string): string {
  return NAME_OF.get(code) ?? code;
}

/**
 * Every country named in a free text ("Russia, likely via the GRU"; "China and Taiwan"), in the order found.
 * Matches whole words only, longest names first, so "Niger" does not match inside "Nigeria".
 */
export function countriesInText(text: string): string[] {
  const t = ` ${norm(text).replace(/[^a-z0-9' ,()-]/g, ' ')} `;
  const found: { at: number; code: string }[] = [];
  const names = [...BY_NAME.keys()].filter((n) => n.length > 3 || n === 'usa' || n === 'uae' || n === 'prc' || n === 'dprk').sort((a, b) => b.length - a.length);
  let rest = t;
  for (const n of names) {
    const re = new RegExp(`(?<![a-z])${n.replace(/[()]/g, '\\$&')}(?![a-z])`);
    const m = re.exec(rest);
    if (m) {
      found.push({ at: m.index, code: BY_NAME.get(n) as string });
      rest = rest.slice(0, m.index) + ' '.repeat(n.length) + rest.slice(m.index + n.length);
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.code))];
}

/** Every name of the table with its code, for matchers that combine it with other names. */
export function countryNameEntries(): [name: string, code: string][] {
  return [...BY_NAME.entries()];
}
