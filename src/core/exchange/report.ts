// The report of an import: what was read, imported, changed, mapped how, skipped and why. Every problem names
// the object (STIX id, EuRepoC ID, CSV line) and the property path, so that the sender can fix the source.
import type { ErrorIssue } from '../errors';
import { RECORD_KINDS, type ImportFormat, type RecordKind } from './records';

export type Severity = 'error' | 'warning' | 'skipped';

export interface Problem {
  severity: Severity;
  /** The object the problem is about: a STIX id, `eurepoc:1032`, `line 12`, or `bundle`. */
  object: string;
  /** Dotted property path inside that object, `(object)` for the whole of it. */
  path: string;
  message: string;
}

export interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Older than the stored version (STIX `modified`), so kept as stored. */
  stale: number;
}

/** What became of each source row or incident object: kept as is, kept with inferred fields, kept with an unknown victim, or skipped (with a problem saying why). */
export interface RowCounts {
  asIs: number;
  /** Kept with at least one field the source did not state (a country from a demonym, a start from an end date). */
  inferred: number;
  /** Of the inferred rows: how many inferred each field. */
  inferredFields: Record<string, number>;
  unknownVictim: number;
  skipped: number;
}

/** A mapping a person should check: an ambiguous word, cells that disagree on who acted. Never guessed. */
export interface ReviewItem {
  object: string;
  path: string;
  value: string;
  message: string;
}

export interface ImportReport {
  format: ImportFormat;
  files: string[];
  dryRun: boolean;
  /** True when nothing was written because of an error. */
  rejected: boolean;
  read: number;
  /** Objects of each type (STIX) or rows (CSV) read. */
  types: Record<string, number>;
  mapped: Record<RecordKind, number>;
  written: Record<RecordKind, Outcome>;
  /** How source values became product values: `field: from -> to` with counts. */
  mappings: Record<string, Record<string, number>>;
  problems: Problem[];
  /** Dataset imports (EuRepoC, CFR) and STIX incidents: every row accounted for. Absent in reports of older versions. */
  rows?: RowCounts;
  review?: ReviewItem[];
}

/** The mapping under which a STIX import counts the objects that became no record, by type and what they were read for. */
export const NOT_RECORDS = 'objects not turned into records';

const zero = (): Outcome => ({ created: 0, updated: 0, unchanged: 0, stale: 0 });

export function newReport(format: ImportFormat, files: string[], dryRun: boolean): ImportReport {
  return {
    format,
    files,
    dryRun,
    rejected: false,
    read: 0,
    types: {},
    mapped: { incident: 0, actor: 0, attribution: 0, sighting: 0, report: 0 },
    written: { incident: zero(), actor: zero(), attribution: zero(), sighting: zero(), report: zero() },
    mappings: {},
    problems: [],
    rows: { asIs: 0, inferred: 0, inferredFields: {}, unknownVictim: 0, skipped: 0 },
    review: [],
  };
}

/** Collects problems and mapping counts; one per import. */
export class ReportBuilder {
  private readonly skippedObjects = new Set<string>();
  /** The review entries already listed, by their four fields (a list search per entry grew with the square of them). */
  private readonly reviewed = new Set<string>();
  constructor(readonly report: ImportReport) {}

  problem(severity: Severity, object: string, path: string, message: string) {
    this.report.problems.push({ severity, object, path: path || '(object)', message });
  }
  error(object: string, path: string, message: string) {
    this.problem('error', object, path, message);
  }
  warn(object: string, path: string, message: string) {
    this.problem('warning', object, path, message);
  }
  skip(object: string, path: string, message: string) {
    this.problem('skipped', object, path, message);
    if (this.skippedObjects.has(object)) return;
    this.skippedObjects.add(object);
    if (this.report.rows) this.report.rows.skipped++;
  }
  /** Counts a row kept: with the fields the import inferred, and whether its victim is unknown. */
  kept(inferred: readonly string[], unknownVictim: boolean) {
    const rows = (this.report.rows ??= { asIs: 0, inferred: 0, inferredFields: {}, unknownVictim: 0, skipped: 0 });
    if (unknownVictim) rows.unknownVictim++;
    else if (inferred.length) rows.inferred++;
    else rows.asIs++;
    for (const f of new Set(inferred)) rows.inferredFields[f] = (rows.inferredFields[f] ?? 0) + 1;
  }
  /** A mapping flagged for review instead of guessed. */
  toReview(object: string, path: string, value: string, message: string) {
    const list = (this.report.review ??= []);
    if (this.reviewed.size === 0) for (const x of list) this.reviewed.add(JSON.stringify([x.object, x.path, x.value, x.message]));
    const key = JSON.stringify([object, path, value, message]);
    if (this.reviewed.has(key)) return;
    this.reviewed.add(key);
    list.push({ object, path, value, message });
  }
  /** Counts one use of a mapping (or `n`), e.g. `sector`, `Critical infrastructure -> critical-infrastructure`. */
  mapped(field: string, from: string, to: string, n = 1) {
    const m = (this.report.mappings[field] ??= {});
    const key = this.mappingKey(from, to);
    m[key] = (m[key] ?? 0) + n;
  }

  /**
   * The key a mapping is counted under, `from -> to`, built once per pair: a mapping counts the same few pairs for
   * every row, and a text built anew each time had to be joined and looked up as a property name again (about a
   * tenth of the CFR mapping). Bounded by the report itself, which holds every key built here.
   */
  private readonly keys = new Map<string, Map<string, string>>();
  private mappingKey(from: string, to: string): string {
    let byTo = this.keys.get(from);
    if (!byTo) this.keys.set(from, (byTo = new Map()));
    let key = byTo.get(to);
    if (key === undefined) byTo.set(to, (key = `${from || '(empty)'} -> ${to}`));
    return key;
  }
  type(name: string) {
    this.report.types[name] = (this.report.types[name] ?? 0) + 1;
  }
  get errors(): Problem[] {
    return this.report.problems.filter((p) => p.severity === 'error');
  }
}

/** The errors of a rejected import as catalogue issues: the path is `<object> <property path>`. */
export function problemIssues(report: ImportReport, limit = 200): ErrorIssue[] {
  return report.problems
    .filter((p) => p.severity === 'error')
    .slice(0, limit)
    .map((p) => ({ path: `${p.object}${p.path === '(object)' ? '' : ` ${p.path}`}`, message: p.message }));
}

/** One line per kind: `incidents: 3 created, 1 updated, 0 unchanged`. */
export function reportSummary(report: ImportReport): string[] {
  // Sightings and reports come from STIX only: other formats leave their lines out.
  const kinds = RECORD_KINDS.filter((k) => report.format === 'stix' || (k !== 'sighting' && k !== 'report'));
  const counts = (['error', 'warning', 'skipped'] as const).map((s) => `${report.problems.filter((p) => p.severity === s).length} ${s === 'skipped' ? 'skipped' : `${s}(s)`}`);
  const verb = report.rejected ? 'rejected, nothing written' : report.dryRun ? 'dry run, nothing written' : 'imported';
  return [
    `${report.format} import of ${report.files.join(', ') || 'request body'}: ${verb}; ${report.read} read; ${counts.join(', ')}`,
    ...(report.rows && report.format !== 'stix'
      ? [
          `  rows: ${report.rows.asIs} kept as is, ${report.rows.inferred} kept with inferred fields${inferredText(report.rows)}, ${report.rows.unknownVictim} kept with unknown victim, ${report.rows.skipped} skipped (each with its reason)`,
        ]
      : []),
    ...(report.rows && report.format === 'stix' && report.rows.asIs + report.rows.inferred + report.rows.unknownVictim > 0
      ? [`  incident objects: ${report.rows.asIs} kept as is, ${report.rows.inferred} kept with inferred fields${inferredText(report.rows)}, ${report.rows.unknownVictim} kept with unknown victim`]
      : []),
    ...notRecordsLine(report),
    ...(report.review?.length ? [`  ${report.review.length} mapping(s) flagged for review`] : []),
    ...kinds.map((k) => {
      const w = report.written[k];
      return `  ${k}s: ${report.mapped[k]} mapped; ${w.created} created, ${w.updated} updated, ${w.unchanged} unchanged${w.stale ? `, ${w.stale} older than stored` : ''}`;
    }),
  ];
}

function inferredText(rows: RowCounts): string {
  const fields = Object.entries(rows.inferredFields).sort((a, b) => b[1] - a[1]);
  return fields.length ? ` (${fields.map(([f, n]) => `${f} ${n}`).join(', ')})` : '';
}

/** `objects not turned into records: 10 (identity 7, location 3); --all says what each was read for`. */
function notRecordsLine(report: ImportReport): string[] {
  const byType = new Map<string, number>();
  for (const [key, n] of Object.entries(report.mappings[NOT_RECORDS] ?? {})) {
    const type = key.slice(0, key.indexOf(' -> '));
    byType.set(type, (byType.get(type) ?? 0) + n);
  }
  if (!byType.size) return [];
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  const types = [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${t} ${n}`);
  return [`  ${NOT_RECORDS}: ${total} (${types.join(', ')}); --all says what each was read for`];
}
