// Shared by the exchange tests: paths of the shared data, counting what the store holds, checking a bundle.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { stixValidator } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import { semanticIssues, type StixObject } from '../../src/core/exchange/index';

export const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const STIX = path.join(SHARED, 'stix');
export const EUREPOC = path.join(SHARED, 'eurepoc');
export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

export function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Rows in every table an import writes, to prove that a refused import wrote nothing. */
export async function storeCounts(wb: Workbench): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['incident', 'incident_history', 'exchange_record', 'exchange_link', 'import_report']) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(wb.db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/** Every object of a bundle against its type's schema and the semantic checks; returns the problems. */
export function bundleProblems(bundle: { objects: Record<string, unknown>[] }): string[] {
  const validate = stixValidator();
  return bundle.objects.flatMap((o) => {
    const check = validate(o);
    return [...check.issues, ...semanticIssues(o as StixObject)].map((i) => `${String(o.id)} ${i.path}: ${i.message}`);
  });
}
