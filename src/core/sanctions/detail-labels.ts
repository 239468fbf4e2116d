// The annex's details of a listed person or entity in words, in the order a reader looks for them: what the listing
// imposes, who the target is, where it is found, then its identifiers. Shared by the CLI and the web register page.

const LABELS: readonly (readonly [string, string])[] = [
  ['measure', 'Measure'],
  ['weakAlias', 'Weak alias'],
  ['previousName', 'Previous name'],
  ['nationality', 'Nationality'],
  ['country', 'Country'],
  ['jurisdiction', 'Jurisdiction'],
  ['birthDate', 'Date of birth'],
  ['birthPlace', 'Place of birth'],
  ['gender', 'Gender'],
  ['position', 'Position'],
  ['appearance', 'Appearance'],
  ['ethnicity', 'Ethnicity'],
  ['fatherName', "Father's name"],
  ['motherName', "Mother's name"],
  ['passportNumber', 'Passport number'],
  ['idNumber', 'Identity number'],
  ['incorporationDate', 'Date of incorporation'],
  ['legalForm', 'Legal form'],
  ['sector', 'Sector'],
  ['registrationNumber', 'Registration number'],
  ['taxNumber', 'Tax number'],
  ['innCode', 'INN'],
  ['ogrnCode', 'OGRN'],
  ['kppCode', 'KPP'],
  ['okpoCode', 'OKPO'],
  ['leiCode', 'LEI'],
  ['swiftBic', 'SWIFT/BIC'],
  ['ticker', 'Ticker'],
  ['imoNumber', 'IMO number'],
  ['mmsi', 'MMSI'],
  ['flag', 'Flag'],
  ['address', 'Address'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['website', 'Website'],
  ['notes', 'Notes'],
];

/** Each detail a target has, labelled, in the order above; a key this list does not know comes last under its own name. */
export function detailLines(details: Readonly<Record<string, readonly string[] | undefined>>): { label: string; values: string[] }[] {
  const known = new Set(LABELS.map(([k]) => k));
  const keys = [...LABELS.map(([k]) => k), ...Object.keys(details).filter((k) => !known.has(k)).sort()];
  const label = new Map(LABELS);
  return keys.flatMap((k) => {
    const values = details[k];
    return values?.length ? [{ label: label.get(k) ?? k, values: [...values] }] : [];
  });
}
