// Shared by the exchange tests: the fixtures in the repository and the full datasets where they are present,
// counting what the store holds, checking a bundle.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { stixValidator } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import type { Clearance } from '../../src/core/marking/clearance';
import { cfrRow } from '../../bench/synthetic';
import { CFR_COLUMNS, semanticIssues, tlpFor, tlpObject, uuidV5, type StixObject } from '../../src/core/exchange/index';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
/** Small copies and samples shipped with the tests (tests/fixtures/README.md gives source and licence of each). */
export const STIX = path.join(FIXTURES, 'stix');
export const EUREPOC = path.join(FIXTURES, 'eurepoc');

/**
 * The full datasets (EuRepoC 1.1, every OASIS STIX example) are not part of the repository: CYBERDIPLO_DATASETS
 * names their folder, else `shared/data` beside the repository is tried. Tests over them run where it exists.
 */
export const DATASETS = process.env.CYBERDIPLO_DATASETS ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const FULL_EUREPOC = path.join(DATASETS, 'eurepoc');
export const FULL_STIX = path.join(DATASETS, 'stix');

/** Whether `file` of the full datasets exists; when not, says once that the tests over it are skipped. */
export function fullDataset(what: string, file: string): boolean {
  if (fs.existsSync(file)) return true;
  console.info(`skipped: the tests over ${what} (not found at ${path.relative(process.cwd(), file)}; set CYBERDIPLO_DATASETS to the folder holding it)`);
  return false;
}

export function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** The local analyst (sign-in off) of a deployment whose organisation is DE. */
export const LOCAL_DE: Principal = { kind: 'local', org: 'DE' };
/** A clearance that reaches every record, for reading what the store holds. */
export const ALL: Clearance = { all: true, levels: [], org: null, username: null };

/** Rows in every table an import writes, to prove that a refused import wrote nothing. */
export async function storeCounts(wb: Workbench): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['incident', 'incident_history', 'exchange_record', 'exchange_link', 'exchange_ref', 'import_report', 'record_marking', 'record_grant', 'audit_log']) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(wb.db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/** The counts after an import run that changed no record: its report, the report's marking and one audit entry. */
export function oneMoreRun(before: Record<string, number>): Record<string, number> {
  return { ...before, import_report: (before.import_report ?? 0) + 1, record_marking: (before.record_marking ?? 0) + 1, audit_log: (before.audit_log ?? 0) + 1 };
}

/** Every object of a bundle against its type's schema and the semantic checks; returns the problems. */
export function bundleProblems(bundle: { objects: Record<string, unknown>[] }): string[] {
  const validate = stixValidator();
  return bundle.objects.flatMap((o) => {
    const check = validate(o);
    return [...check.issues, ...semanticIssues(o as StixObject)].map((i) => `${String(o.id)} ${i.path}: ${i.message}`);
  });
}

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Level = (typeof TLP_LEVELS)[number];

/**
 * A bundle whose every name carries `tag` (a canary to look for in answers): an intrusion set, an incident that
 * targets Germany and is attributed to it, and the attributed-to relationship, each marked TLP 2.0 `level` (or
 * unmarked). Ids are derived from the tag, so the same tag gives the same objects.
 */
export function taggedBundle(tag: string, level: Level | null, over: { modified?: string; description?: string } = {}) {
  const t = '2024-03-01T10:00:00.000Z';
  const id = (type: string, what: string) => `${type}--${uuidV5(`${what}:${tag}`)}`;
  const def = level ? tlpFor('2.0', level) : undefined;
  const marks = def ? { object_marking_refs: [def.id] } : {};
  const actor = id('intrusion-set', 'actor');
  const incident = id('incident', 'incident');
  const de = id('location', 'de');
  return {
    type: 'bundle',
    id: id('bundle', 'bundle'),
    objects: [
      ...(def ? [tlpObject(def)] : []),
      { type: 'location', spec_version: '2.1', id: de, created: t, modified: t, name: 'Germany', country: 'DE' },
      { type: 'intrusion-set', spec_version: '2.1', id: actor, created: t, modified: over.modified ?? t, name: `Actor ${tag}`, description: over.description ?? `Set ${tag}.`, ...marks },
      { type: 'incident', spec_version: '2.1', id: incident, created: t, modified: t, name: `Incident ${tag}`, labels: ['cyber-espionage'], ...marks },
      { type: 'relationship', spec_version: '2.1', id: id('relationship', 'targets'), created: t, modified: t, relationship_type: 'targets', source_ref: incident, target_ref: de },
      { type: 'relationship', spec_version: '2.1', id: id('relationship', 'attributed'), created: t, modified: t, relationship_type: 'attributed-to', source_ref: incident, target_ref: actor, description: `Attribution ${tag}`, ...marks },
    ],
    ids: { actor, incident },
  };
}

/** The request body of a tagged bundle (without the test-only `ids`). */
export const body = (b: ReturnType<typeof taggedBundle>) => ({ type: b.type, id: b.id, objects: b.objects });

/** Writes a synthetic CFR file of `n` rows (bench/synthetic.ts) to `file`, row i's description replaced where `rewrite` gives one. */
export function writeCfrRows(file: string, n: number, rewrite: (i: number) => string | undefined): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [CFR_COLUMNS.join(','), ...Array.from({ length: n }, (_, i) => {
    const row = cfrRow(i);
    row[3] = rewrite(i) ?? row[3] ?? '';
    return row.map(cell).join(',');
  })];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The tables an import writes (besides the audit head and SQLite's search keys), each with the order its rows are compared in. */
export const IMPORT_TABLES: Readonly<Record<string, string>> = {
  incident: 'id',
  incident_history: 'seq',
  exchange_record: 'id',
  exchange_link: 'record_id',
  exchange_ref: 'record_id, target_id',
  record_marking: 'record_id',
  record_grant: 'record_id, grantee',
  import_report: 'id',
  import_memo: 'scope',
  audit_log: 'seq',
};
