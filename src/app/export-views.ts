// The exports of GET /api/export/:view kept in the derived views' cache, each under what it reads. The knowledge base's
// views (partners, dialogues, matrix, national strategies, assessments) read the dataset version and their view's parameters: the date
// asked for or today resolved by the workbench's clock, and for the assessments the weights' digest (the parts of the
// view they export, kb-views.ts and assessment-service.ts). The registry's views (incidents, plans, actors, STIX) read
// the incidents, exchange records, markings, grants and links the reader may see: the incident version (migrations
// 0095 and 0102) and the reader's clearance, with the incident asked for, for plans today's date, and for STIX the
// sanctions register's version (the listings linked to its incidents). The view and
// format as sent are in every key, so that a refusal is the service's own and is never kept; an export whose
// computation saw its version move (another process wrote meanwhile) is answered but not kept.
import type { Principal } from '../core/auth/principal';
import { clearanceKey, clearanceOf } from '../core/marking/clearance';
import { assessView, derivedCache, type ViewForm } from './assessment-service';
import type { ExportOutput } from './exchange-exports';
import { dialoguesView, matrixView, nationalStrategiesView, partnersView } from './kb-views';
import type { Workbench } from './workbench';

export interface ExportQueryText {
  format?: string | undefined;
  asOf?: string | undefined;
  incident?: string | undefined;
}

/** The parts of the knowledge-base view an export writes out, for the exports that read the knowledge base. */
const KB_EXPORTS: Record<string, (wb: Workbench, asOf: string | undefined) => readonly unknown[]> = {
  partners: (wb, asOf) => partnersView(wb, asOf).parts,
  dialogues: (wb, asOf) => dialoguesView(wb, {}, asOf).parts,
  matrix: (wb, asOf) => matrixView(wb, asOf).parts,
  'national-strategies': (wb, asOf) => nationalStrategiesView(wb, asOf).parts,
  assessments: (wb, asOf) => assessView(wb, undefined, asOf).parts,
};

/**
 * The version an export reads: the dataset's, or the incident version; the STIX bundle's also the sanctions
 * register's (it holds the listings the register links to its incidents).
 */
async function versionOf(wb: Workbench, reads: 'kb' | 'registry', view: string, arrived?: number): Promise<string> {
  if (reads === 'kb') return wb.versions.kb(arrived);
  if (view !== 'stix') return String(await wb.versions.incident(arrived));
  const [incident, sanctions] = await Promise.all([wb.versions.incident(arrived), wb.versions.sanctions(arrived)]);
  return JSON.stringify([incident, sanctions]);
}

/** The export's key in the derived views' cache and the check that its version still holds; none for a refused date. */
async function exportKey(wb: Workbench, p: Principal, view: string, q: ExportQueryText, arrived?: number) {
  const kbParts = Object.hasOwn(KB_EXPORTS, view) ? KB_EXPORTS[view] : undefined;
  const reads = kbParts ? 'kb' : 'registry';
  let params: readonly unknown[];
  try {
    // A knowledge-base view's date is resolved before the key is made.
    params = kbParts ? kbParts(wb, q.asOf) : [JSON.stringify(clearanceKey(clearanceOf(p))), q.incident ?? null, view === 'plans' ? wb.today() : null];
  } catch {
    // A date (or weights file) the view refuses: the service refuses the request in its own order (the format first).
    return undefined;
  }
  // The register is seeded on first use: its version is read once it is there, not before the first seed.
  if (view === 'stix') await wb.sanctions.ready();
  const version = await versionOf(wb, reads, view, arrived);
  return { parts: ['export', view, q.format ?? null, reads, version, JSON.stringify(params)], keep: async () => (await versionOf(wb, reads, view)) === version };
}

/** The export `compute` makes of `view` for `p`, kept per the key above; `arrived` is the request's arrival stamp. */
export async function cachedExport(wb: Workbench, p: Principal, view: string, q: ExportQueryText, compute: () => Promise<ExportOutput>, arrived?: number): Promise<ExportOutput> {
  const key = await exportKey(wb, p, view, q, arrived);
  if (!key) return compute();
  return derivedCache(wb).get(key.parts, compute, { keep: key.keep, size: (o) => o.body.length + o.filename.length + o.contentType.length });
}

/** The export in the server's form `form` (its file as bytes), kept in that form only under the key and the form's name. */
export async function cachedExportForm<F>(wb: Workbench, p: Principal, view: string, q: ExportQueryText, compute: () => Promise<ExportOutput>, form: ViewForm<F, ExportOutput>, arrived?: number): Promise<F> {
  const key = await exportKey(wb, p, view, q, arrived);
  if (!key) return form.make(await compute());
  return derivedCache(wb).get([...key.parts, form.name], async () => form.make(await compute()), { keep: key.keep, size: form.size });
}
