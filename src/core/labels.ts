// Words for the codes of the closed vocabularies (statuses, stances, memberships, kinds), in one place, so that no
// sentence the product composes shows a code such as `in-force` or `paris-call` to a reader.

/** Codes whose words are not the code's own parts: names of fora and instruments, and statuses written out. */
const WORDS_FOR: Readonly<Record<string, string>> = {
  // Agreement, convention and dialogue statuses
  'in-force': 'in force',
  'not-signed': 'not signed',
  'awaiting-ratification': 'awaiting ratification',
  'on-hold': 'on hold',
  // Stances on the Budapest Convention and internet governance
  'uses-as-model': 'uses it as a model',
  'invited-to-accede': 'invited to accede',
  'not-intending-to-ratify': 'does not intend to ratify',
  'multi-stakeholder': 'multi-stakeholder',
  'results-oriented': 'results-oriented',
  'process-oriented': 'process-oriented',
  'under-delivering': 'under-delivering',
  'like-minded': 'like-minded',
  // Memberships, fora and instruments
  'budapest-convention': 'Budapest Convention',
  'internet-governance': 'internet governance model',
  'wcit-2012': 'WCIT-12 final acts',
  'global-alliance-csao': 'Global Alliance against child sexual abuse online',
  'g8-24-7-network': 'G8 24/7 network',
  'council-of-europe': 'Council of Europe',
  'asean-regional-forum': 'ASEAN Regional Forum',
  'london-process': 'London Process',
  'freedom-online-coalition': 'Freedom Online Coalition',
  'un-gge': 'UN GGE',
  'paris-call': 'Paris Call for Trust and Security in Cyberspace',
  'un-cybercrime-convention': 'UN Convention against Cybercrime',
  'un-oewg': 'UN Open-Ended Working Group',
  'un-programme-of-action': 'UN Programme of Action',
  igf: 'Internet Governance Forum',
  nato: 'NATO',
  osce: 'OSCE',
  oecd: 'OECD',
  g7: 'G7',
  g8: 'G8',
  g20: 'G20',
  // Agreement types
  mla: 'mutual legal assistance',
  'europol-operational': 'Europol operational',
  'europol-strategic': 'Europol strategic',
  eurojust: 'Eurojust',
  // Dialogue topics
  'justice-home-affairs': 'justice and home affairs',
  'information-society-ict': 'information society and ICT',
  // Council votes
  constructive: 'constructive abstention',
  // Threat categories keep their hyphen, as the EU's texts write them
  'cyber-crime': 'cyber-crime',
  'cyber-espionage': 'cyber-espionage',
  'cyber-terrorism': 'cyber-terrorism',
  'cyber-warfare': 'cyber-warfare',
  'state-sponsored': 'state-sponsored',
  'non-state': 'non-state',
  'cyber-specific': 'cyber-specific',
  'capacity-building': 'capacity-building',
  'confidence-building': 'confidence-building',
};

/** Acronyms and names inside codes that keep their spelling when the code is read word by word. */
const KEEP: Readonly<Record<string, string>> = {
  eu: 'EU',
  mla: 'MLA',
  csao: 'CSAO',
  g7: 'G7',
  g8: 'G8',
  g20: 'G20',
  nato: 'NATO',
  osce: 'OSCE',
  oecd: 'OECD',
  un: 'UN',
  gge: 'GGE',
  ict: 'ICT',
  wcit: 'WCIT',
  hr: 'HR',
  qmv: 'QMV',
  rqmv: 'reinforced QMV',
  cfsp: 'CFSP',
  eeas: 'EEAS',
  ec3: 'EC3',
  europol: 'Europol',
  eurojust: 'Eurojust',
  ict4peace: 'ICT4Peace',
};

const CODE = /^[a-zA-Z0-9:_-]+$/;
/** One item of a list of codes, as the instrument matrix joins several agreements' statuses: `in-force (unverified)`. */
const LISTED_CODE = /^[a-z0-9:-]+( \([a-z0-9-]+\))?$/;

/**
 * The words for a code as they stand inside a sentence: `in-force` → `in force`, `paris-call` → `Paris Call for
 * Trust and Security in Cyberspace`, `not-signed (uses-as-model)` → `not signed (uses it as a model)`, and a list of such codes item by item
 * (`signed (unverified), in-force (unverified)` → `signed (unverified), in force (unverified)`). Text that is
 * not a code (it has spaces or other signs) is returned as it is.
 */
export function labelOf(code: string): string {
  const known = WORDS_FOR[code];
  if (known !== undefined) return known;
  const parts = code.split(', ');
  if (parts.length > 1 && parts.every((c) => LISTED_CODE.test(c))) return parts.map(labelOf).join(', ');
  const qualified = /^([a-z0-9-]+) \(([a-z0-9-]+)\)$/.exec(code);
  if (qualified?.[1] && qualified[2]) return `${labelOf(qualified[1])} (${labelOf(qualified[2])})`;
  if (!CODE.test(code)) return code;
  const agreement = /^agreement:(.+)$/.exec(code);
  if (agreement?.[1]) return `${labelOf(agreement[1])} agreement`;
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_ ]/)
    .filter(Boolean)
    .map((w) => KEEP[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}

/** Names that take no article in a sentence ("joins NATO", but "joins the Council of Europe"). */
const NO_ARTICLE = new Set(['nato']);

/** A forum or instrument as the object of a sentence: `the Council of Europe`, `NATO`. */
export function nameInSentence(code: string): string {
  return NO_ARTICLE.has(code) ? labelOf(code) : `the ${labelOf(code)}`;
}

/** The same words at the start of a sentence or a table cell. */
export function capitalLabelOf(code: string): string {
  const words = labelOf(code);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The first vocabulary code a text shows where its words should stand (`in-force`, `paris-call`,
 * `uses-as-model`), or undefined. Codes whose words are the code itself (cyber-crime, results-oriented) are not
 * codes to a reader. `more` adds the codes of a vocabulary the table does not name.
 */
export function showsCode(text: string, more: readonly string[] = []): string | undefined {
  const codes = [...Object.keys(WORDS_FOR), ...more].filter((c) => labelOf(c) !== c && /[-:]|^[a-z0-9]+$/.test(c));
  for (const code of codes) {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\w/.:-])${escaped}(?![\\w/-])`).test(text)) return code;
  }
  return undefined;
}
