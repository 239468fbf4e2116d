// The accounts of an import report, type by type: every object or row read must be found in the report as a record,
// a merge, an object read into a record, or something left out with its reason. Used by the reconciliation tests
// over the fixtures and the full datasets (exchange-reconcile.test.ts).
import type { ImportReport } from '../../src/core/exchange/index';

const ACTOR_TYPES = ['threat-actor', 'intrusion-set', 'campaign'];

/** The sum of a mapping's counts whose key starts with `from -> ` (or every count). */
function counted(report: ImportReport, field: string, from?: string): number {
  return Object.entries(report.mappings[field] ?? {})
    .filter(([k]) => from === undefined || k.startsWith(`${from} -> `))
    .reduce((n, [, c]) => n + c, 0);
}

/** Objects of a STIX type left out with a reason (each object once). */
function leftOutObjects(report: ImportReport, type: string): number {
  const ids = new Set(report.problems.filter((p) => p.severity === 'skipped' && p.object.startsWith(`${type}--`)).map((p) => p.object));
  return ids.size;
}

/**
 * Per STIX type: objects read, and objects the report accounts for. For an import that writes: a refused one writes
 * nothing and names each object refused, so its counts of what would have been mapped are not an account.
 */
export function stixBalance(report: ImportReport): Record<string, { read: number; accounted: number }> {
  const out: Record<string, { read: number; accounted: number }> = {};
  for (const [type, read] of Object.entries(report.types)) {
    let accounted = counted(report, 'objects read again', type) + counted(report, 'objects not turned into records', type);
    if (type === 'incident') accounted += report.mapped.incident;
    else if (ACTOR_TYPES.includes(type) || type === 'identity') accounted += counted(report, 'actor kind', type);
    else if (type === 'relationship') accounted += report.mapped.attribution + counted(report, 'relationships not mapped') + counted(report, 'relationships read');
    else if (type === 'sighting') accounted += report.mapped.sighting;
    else if (type === 'report') accounted += report.mapped.report;
    accounted += leftOutObjects(report, type);
    out[type] = { read, accounted };
  }
  return out;
}

/** The types whose objects do not add up, with both numbers; empty when every object is accounted for. */
export function stixImbalance(report: ImportReport): string[] {
  if (report.problems.some((p) => p.severity === 'error')) throw new Error('a refused import is not an account: check the balance of imports that write');
  return Object.entries(stixBalance(report))
    .filter(([, b]) => b.read !== b.accounted)
    .map(([type, b]) => `${type}: ${b.read} read, ${b.accounted} accounted for`);
}
