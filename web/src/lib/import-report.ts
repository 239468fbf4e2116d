// An import's report as the imports page shows it: what became of each kind of record, the problems in the file's
// words and places, whether anything was written, the query of an upload's options (the upload itself is sent by
// import-upload.ts), and the request for past reports.
import { request, withQuery } from '../api';
import type * as api from '../api/schema';

export type ImportReport = api.ImportReport;
export type StoredReport = api.StoredReport;
export type Problem = ImportReport['problems'][number];

/** The server parses a posted bundle whole up to this size (src/server/routes/exchange.ts); larger ones go through the CLI. */
export const WEB_IMPORT_LIMIT = 32 * 1024 * 1024;

export interface OutcomeRow {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
}

/** One row per kind of record the import wrote or compared, in the report's order, and their sum. */
export function outcomeRows(report: ImportReport): { rows: OutcomeRow[]; total: OutcomeRow } {
  const rows = Object.entries(report.written).map(([kind, o]) => ({ kind, ...o }));
  const total = rows.reduce((t, r) => ({ ...t, created: t.created + r.created, updated: t.updated + r.updated, unchanged: t.unchanged + r.unchanged, stale: t.stale + r.stale }), {
    kind: 'all',
    created: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
  });
  return { rows, total };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many errors, warnings and skipped objects, in words: "2 errors, 1 warning, 0 skipped". */
export function problemCounts(report: ImportReport): string {
  const n = (s: Problem['severity']) => report.problems.filter((p) => p.severity === s).length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${n('skipped')} skipped`;
}

/** Whether the import wrote anything, in one sentence. */
export function outcomeSentence(report: ImportReport): string {
  if (report.rejected) return 'Refused: nothing was written, because of the errors below.';
  const { total } = outcomeRows(report);
  const counts = `${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged`;
  if (report.dryRun) return `Dry run: nothing was written. Imported, it would give ${counts}.`;
  return `Imported: ${counts}.`;
}

/** Where a problem is in the file: the object's id and the field's path within it. */
export function problemPlace(p: Pick<Problem, 'object' | 'path'>): string {
  return p.path && p.path !== '(object)' ? `${p.object}, ${p.path}` : p.object;
}

/** The person who ran an import as the audit trail names them (user:erin), for people: erin. */
export function actorName(actor: string | null): string {
  if (!actor) return 'unknown';
  if (actor === 'local') return 'the single analyst';
  return actor.startsWith('user:') ? actor.slice(5) : actor;
}

/** What a stored report's file column says: the files the CLI read or the web app named, or that the bundle came without a name. */
export function reportFiles(r: Pick<StoredReport, 'report'>): string {
  return r.report.files.length ? r.report.files.join(', ') : 'bundle sent to the API, unnamed';
}

export interface ImportChoices {
  dryRun: boolean;
  strict: boolean;
  tlp: string;
  owner: string;
  recipients: string;
}

/** The query of POST /api/import/stix for the choices (only those that differ from the server's defaults) and the file's name. */
export function importQuery(c: ImportChoices, file?: string): Record<string, string | undefined> {
  return {
    file: file || undefined,
    dryRun: c.dryRun ? 'true' : undefined,
    strict: c.strict ? 'true' : undefined,
    tlp: c.tlp || undefined,
    owner: c.owner.trim() || undefined,
    recipients: c.tlp === 'red' ? c.recipients.split(',').map((s) => s.trim()).filter(Boolean).join(',') || undefined : undefined,
  };
}

/** Why a chosen file cannot be sent from the browser, or undefined when it can. */
export function fileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > WEB_IMPORT_LIMIT) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the web app sends bundles up to 32 MiB. Import it with the command line instead: cyberdiplo import stix ${file.name}`;
  }
  return undefined;
}

/** A file's text as a bundle, or the reason it is not one (the server would refuse it with less to go on). */
export function parseBundle(name: string, text: string): { bundle: unknown } | { problem: string } {
  try {
    return { bundle: JSON.parse(text) as unknown };
  } catch (e) {
    return { problem: `${name} is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export const imports = {
  reports: (limit: number, s?: AbortSignal) => request<StoredReport[]>('GET', withQuery('/api/import/reports', { limit }), undefined, s),
};
