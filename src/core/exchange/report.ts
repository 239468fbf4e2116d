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
}

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
  };
}

/** Collects problems and mapping counts; one per import. */
export class ReportBuilder {
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
  }
  /** Counts one use of a mapping, e.g. `sector`, `Critical infrastructure -> critical-infrastructure`. */
  mapped(field: string, from: string, to: string) {
    const m = (this.report.mappings[field] ??= {});
    const key = `${from || '(empty)'} -> ${to}`;
    m[key] = (m[key] ?? 0) + 1;
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
    ...kinds.map((k) => {
      const w = report.written[k];
      return `  ${k}s: ${report.mapped[k]} mapped; ${w.created} created, ${w.updated} updated, ${w.unchanged} unchanged${w.stale ? `, ${w.stale} older than stored` : ''}`;
    }),
  ];
}
