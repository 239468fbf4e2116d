// National cybersecurity strategies: the checks on loading (partners known, ids unique, precision as written, the EU's
// entries agreeing with its framework) and a partner's strategies as known at a date. Shown, never scored: the papers
// mention partners' strategies only as context of their assessments, so no gap rule reads them.
import { precisionOf, toDate, type DatePrecision, type IsoDate } from '../dates';
import { AppError } from '../errors';
import { startedBy, type DateOrYear, type DatedNote } from '../provenance';
import type { EuFrameworkFile } from '../records/eu-framework';
import { EU_OWNER, type NationalStrategy, type PartnerStrategies, type StrategyCount } from '../records/national-strategy';

const byDate = (a: NationalStrategy, b: NationalStrategy) => toDate(a.adopted).localeCompare(toDate(b.adopted)) || a.id.localeCompare(b.id);

/** What `dateAsGiven` must begin with for `adopted`'s precision: the year, the year and month, or the whole day. */
function givenPrefix(adopted: DateOrYear): string {
  const date = toDate(adopted).replaceAll('-', '');
  const precision = precisionOf(adopted);
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 6) : date;
}

/**
 * Checks the file's entries against the rest of the dataset and returns them by partner, each partner's strategies in
 * date order. Throws `corrupt_data` naming the file, the entry and the field.
 */
export function checkNationalStrategies(entries: PartnerStrategies[], fileName: string, partners: ReadonlySet<string>, framework: EuFrameworkFile): PartnerStrategies[] {
  const fail = (path: string, message: string): never => {
    throw new AppError('corrupt_data', `Data file ${fileName} is invalid: ${path}: ${message}`, [{ path: `${fileName}:${path}`, message }]);
  };
  const owners = new Set<string>();
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    if (e.partner !== EU_OWNER && !partners.has(e.partner)) fail(`partners.${i}.partner`, `${e.partner} has no data file in data/partnerships (nor is it EU)`);
    if (owners.has(e.partner)) fail(`partners.${i}.partner`, `${e.partner} is listed twice`);
    owners.add(e.partner);
    e.strategies.forEach((s, j) => {
      const at = `partners.${i}.strategies.${j}`;
      if (ids.has(s.id)) fail(`${at}.id`, `"${s.id}" is the id of another strategy`);
      ids.add(s.id);
      if (s.dateAsGiven !== undefined) {
        if (precisionOf(s.adopted) === 'day') fail(`${at}.dateAsGiven`, 'only for a date read as a year or a month (adopted gives the day already)');
        if (!s.dateAsGiven.startsWith(givenPrefix(s.adopted))) fail(`${at}.dateAsGiven`, `${s.dateAsGiven} is not a date of ${String(s.adopted)}`);
      }
      if (e.partner === EU_OWNER) {
        const own = framework.strategies.find((f) => f.id === s.frameworkStrategy);
        if (!own) fail(`${at}.frameworkStrategy`, `an EU entry names its strategy of eu-framework.yaml (${s.frameworkStrategy ?? 'none given'} is not one)`);
        else if (toDate(own.adopted) !== toDate(s.adopted) || precisionOf(own.adopted) !== precisionOf(s.adopted)) fail(`${at}.adopted`, `must be the date eu-framework.yaml gives ${own.id} (${String(own.adopted)})`);
      } else if (s.frameworkStrategy !== undefined) fail(`${at}.frameworkStrategy`, "only the EU's entries name a strategy of eu-framework.yaml");
    });
  });
  return [...entries].sort((a, b) => (a.partner < b.partner ? -1 : 1)).map((e) => ({ ...e, strategies: [...e.strategies].sort(byDate) }));
}

/** How many of the strategies a dataset counts over its period no entry here dates (the count less those dated within it). */
export function undatedCount(counted: StrategyCount, strategies: readonly NationalStrategy[]): number {
  const [from, to] = [counted.period.slice(0, 4), counted.period.slice(5)];
  const dated = strategies.filter((s) => {
    const year = toDate(s.adopted).slice(0, 4);
    return year >= from && year <= to;
  }).length;
  return Math.max(0, counted.count - dated);
}

export interface StrategyView {
  id: string;
  title: string;
  adopted: DateOrYear;
  /** How precisely the sources date it: the day, the month or only the year. */
  precision: DatePrecision;
  /** The date as the source writes it where `adopted` reads it with less precision (an inference), else null. */
  dateAsGiven: string | null;
  /** Whether it is the partner's first strategy the sources give. */
  first: boolean;
  unverified: boolean;
  note: string | null;
  frameworkStrategy: string | null;
  sources: NationalStrategy['sources'];
}

export interface StrategiesView {
  partner: string;
  /** Whether the partner had adopted a strategy by the date (shown, not scored). */
  hadStrategy: boolean;
  first: StrategyView | null;
  /** The strategies adopted by the date, oldest first. */
  strategies: StrategyView[];
  /** A dataset's count of the partner's strategies, once its period has ended by the date; else null. */
  counted: StrategyCount | null;
  /** Of the counted strategies, those no source held here dates (their date unknown), with what is known of them; null when every one is dated. */
  undated: { count: number; note: string; unverified: boolean } | null;
  datedNotes: DatedNote[];
}

function strategyView(s: NationalStrategy, first: boolean): StrategyView {
  return {
    id: s.id,
    title: s.title,
    adopted: s.adopted,
    precision: precisionOf(s.adopted),
    dateAsGiven: s.dateAsGiven ?? null,
    first,
    unverified: s.unverified === true,
    note: s.note ?? null,
    frameworkStrategy: s.frameworkStrategy ?? null,
    sources: s.sources,
  };
}

/** A partner's (or the EU's) strategies as known at the date; null when the data hold none for it. */
export function strategiesAt(entries: readonly PartnerStrategies[], partner: string, asOf: IsoDate | undefined): StrategiesView | null {
  const entry = entries.find((e) => e.partner === partner);
  if (!entry) return null;
  const firstId = entry.strategies[0]?.id;
  const strategies = entry.strategies.filter((s) => startedBy(s.adopted, asOf)).map((s) => strategyView(s, s.id === firstId));
  const countEnd = entry.counted ? `${entry.counted.period.slice(5)}-12-31` : undefined;
  const counted = entry.counted && countEnd !== undefined && (asOf === undefined || countEnd <= asOf) ? entry.counted : null;
  const missing = counted ? undatedCount(counted, entry.strategies) : 0;
  return {
    partner,
    hadStrategy: strategies.length > 0,
    first: strategies[0]?.first ? strategies[0] : null,
    strategies,
    counted,
    // A curated change may date one more or one fewer than the reviewed file's note speaks of: the count is worked out
    // again, and without a note the view still says that the date is unknown.
    undated: counted && missing > 0 ? { count: missing, note: counted.undated?.note ?? 'no source held here dates it.', unverified: counted.undated?.unverified === true } : null,
    datedNotes: (entry.datedNotes ?? []).filter((n) => startedBy(n.date, asOf)),
  };
}

/** Every partner's and the EU's strategies as known at the date, the EU last. */
export function allStrategiesAt(entries: readonly PartnerStrategies[], asOf: IsoDate | undefined): StrategiesView[] {
  const order = (p: string) => (p === EU_OWNER ? 1 : 0);
  return [...entries]
    .sort((a, b) => order(a.partner) - order(b.partner) || (a.partner < b.partner ? -1 : 1))
    .map((e) => strategiesAt(entries, e.partner, asOf))
    .filter((v): v is StrategiesView => v !== null);
}

/** The CSV columns of the strategies' export, in order. */
export const STRATEGY_COLUMNS = ['partner', 'id', 'title', 'adopted', 'precision', 'dateAsGiven', 'first', 'unverified', 'counted', 'countedPeriod', 'sources'] as const;

/**
 * The CSV rows of the strategies: one per strategy, with its partner's count; a partner with none dated, one row; the
 * counted strategies no source here dates, one row saying how many, with precision "unknown" and an empty date.
 */
export function strategyRows(views: readonly StrategiesView[]): Record<string, string | number | boolean>[] {
  return views.flatMap((v): Record<string, string | number | boolean>[] => {
    const shared = { partner: v.partner, counted: v.counted?.count ?? '', countedPeriod: v.counted?.period ?? '' };
    const undated = v.undated && v.counted ? [{ ...shared, id: '', title: undatedText(v.undated.count, v.counted.period, v.undated.note), adopted: '', precision: 'unknown', dateAsGiven: '', first: false, unverified: v.undated.unverified, sources: v.counted.sources.map((x) => `${x.ref} (${x.locator})`).join('; ') }] : [];
    if (!v.strategies.length) return [{ ...shared, id: '', title: '', adopted: '', precision: '', dateAsGiven: '', first: '', unverified: '', sources: '' }, ...undated];
    return [...v.strategies.map((s) => ({
      ...shared,
      id: s.id,
      title: s.title,
      adopted: String(s.adopted),
      precision: s.precision,
      dateAsGiven: s.dateAsGiven ?? '',
      first: s.first,
      unverified: s.unverified,
      sources: s.sources.map((x) => `${x.ref} (${x.locator})`).join('; '),
    })), ...undated];
  });
}

/** The sentence that says how many counted strategies are undated, for the views that print the count. */
export function undatedText(count: number, period: string, note: string): string {
  return `${count} ${count === 1 ? 'strategy' : 'strategies'} counted in ${period} not dated by any source held here (date unknown): ${note}`;
}
