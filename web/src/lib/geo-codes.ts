// ISO 3166-1 numeric codes (the ids of the world-atlas country shapes) for the partners and the member states. The
// partner files give the same code (partner.isoNumeric); a data test keeps the two in line.

export const PARTNER_NUMERIC: Record<string, string> = {
  BR: '076',
  CA: '124',
  CN: '156',
  IN: '356',
  JP: '392',
  MX: '484',
  RU: '643',
  ZA: '710',
  KR: '410',
  US: '840',
  UA: '804',
  UK: '826',
};

/** The 27 member states of the Union. */
export const EU_NUMERIC: ReadonlySet<string> = new Set([
  '040', '056', '100', '191', '196', '203', '208', '233', '246', '250', '276', '300', '348', '372',
  '380', '428', '440', '442', '470', '528', '616', '620', '642', '703', '705', '724', '752',
]);
