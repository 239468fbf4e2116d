// Turning API identifiers and dates into the words and numbers a reader expects.

const WORDS: Record<string, string> = {
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
  ict4peace: 'ICT4Peace',
};

const LABELS: Record<string, string> = {
  'budapest-convention': 'Budapest Convention',
  'internet-governance': 'Internet governance model',
  'wcit-2012': 'WCIT-12 final acts',
  'global-alliance-csao': 'Global Alliance against child sexual abuse online',
  'g8-24-7-network': 'G8 24/7 network',
  'council-of-europe': 'Council of Europe',
  'asean-regional-forum': 'ASEAN Regional Forum',
  'london-process': 'London Process',
  'freedom-online-coalition': 'Freedom Online Coalition',
  'un-gge': 'UN GGE',
  'paris-call': 'Paris Call',
  'un-cybercrime-convention': 'UN Cybercrime Convention',
  'europol-operational': 'Europol operational',
  'europol-strategic': 'Europol strategic',
  'liaison-magistrate': 'Liaison magistrate',
  'data-transfer': 'Data transfer',
  'senior-officials': 'Senior officials',
  'multi-stakeholder': 'Multi-stakeholder',
  'in-force': 'In force',
  'not-signed': 'Not signed',
  'notParticipating': 'Not participating',
  constructive: 'Constructive abstention',
  'results-oriented': 'Results-oriented',
  'process-oriented': 'Process-oriented',
  'under-delivering': 'Under-delivering',
  'like-minded': 'Like-minded',
  'cyber-crime': 'Cyber-crime',
  'cyber-espionage': 'Cyber-espionage',
  'cyber-terrorism': 'Cyber-terrorism',
  'cyber-warfare': 'Cyber-warfare',
  'state-sponsored': 'State-sponsored',
  'non-state': 'Non-state',
  'cyber-specific': 'Cyber-specific',
};

/** `cyber-security` → `Cyber security`; known acronyms and names keep their spelling. */
export function humanise(id: string): string {
  if (LABELS[id]) return LABELS[id];
  const qualified = /^([a-z0-9-]+) \(([a-z0-9-]+)\)$/.exec(id);
  if (qualified?.[1] && qualified[2]) return `${humanise(qualified[1])} (${humanise(qualified[2]).toLowerCase()})`;
  // Free text (a role such as "founding member (Rambouillet summit)") keeps its own spelling.
  if (!/^[a-zA-Z0-9:_-]+$/.test(id)) return id.charAt(0).toUpperCase() + id.slice(1);
  const agreement = /^agreement:(.+)$/.exec(id);
  if (agreement?.[1]) return `${humanise(agreement[1])} agreement`;
  const words = id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_ ]/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A year or an ISO date, as written in the sources. */
export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return String(value);
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!d) return value;
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatPeriod(from: string | number, until?: string | number): string {
  return until === undefined ? `since ${formatDate(from)}` : `${formatDate(from)} – ${formatDate(until)}`;
}

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** Today's date as YYYY-MM-DD, the upper bound of the as-of control. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A moment from the server (ISO date and time), to the minute, in UTC so that every reader sees the same text. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const d = new Date(t);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${date}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** Names as a sentence writes them: `DE`, `DE and FR`, `DE, FR and IT`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
