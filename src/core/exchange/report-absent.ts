// What a dataset import says of the records an earlier import of the same dataset made that these files no longer
// hold: an import never deletes, so each is kept as stored, and the report counts and names them instead of leaving
// the removal unsaid (a row withdrawn from a release stays in the store until someone deletes it here).
import type { RecordMarking } from '../marking/clearance';
import type { TlpLevel } from '../marking/tlp';
import type { ImportBatch, ImportFormat, RecordKind } from './records';
import type { ReportBuilder } from './report';

/** The mapping under which the records absent from an import are counted, by kind. */
export const NOT_IN_IMPORT = 'records not in this import';
/** How many absent records the report names one by one; the rest are counted in one more warning. */
const NAMED = 20;

const ITEMS: Record<RecordKind, keyof ImportBatch> = { incident: 'incidents', actor: 'actors', attribution: 'attributions', sighting: 'sightings', report: 'reports' };

/** A stored record of the dataset: its kind, source key and effective marking (the deployment default where none). */
export interface StoredSourceKey {
  kind: RecordKind;
  key: string;
  tlp: TlpLevel;
  owner: string | null;
}

/**
 * Whether every reader of a report of this marking may see a record of that one, so that the report may name or
 * count it: CLEAR always; GREEN unless the report is CLEAR; AMBER in an AMBER or AMBER+STRICT report of the same owner
 * (who alone decides to share the report further); AMBER+STRICT in an AMBER+STRICT report of the same owner; RED never
 * (a RED report's recipients are not the record's). A record another organisation holds is left unsaid: naming it
 * would tell this report's readers it exists.
 */
export function everyReaderSees(report: Pick<RecordMarking, 'tlp' | 'owner'>, record: { tlp: TlpLevel; owner: string | null }): boolean {
  const sameOwner = record.owner !== null && record.owner === report.owner;
  switch (record.tlp) {
    case 'clear':
      return true;
    case 'green':
      return report.tlp !== 'clear';
    case 'amber':
      return (report.tlp === 'amber' || report.tlp === 'amber+strict') && sameOwner;
    case 'amber+strict':
      return report.tlp === 'amber+strict' && sameOwner;
    case 'red':
      return false;
  }
}

/** The key `reportAbsent` compares stored records with: kind and source key. */
export const broughtKey = (kind: RecordKind, key: string) => `${kind}|${key}`;

/** The kind and source key of every record of a batch, as `reportAbsent` takes what an import brings. */
export function broughtKeys(batch: ImportBatch, into = new Set<string>()): Set<string> {
  for (const kind of Object.keys(ITEMS) as RecordKind[]) for (const item of batch[ITEMS[kind]]) into.add(broughtKey(kind, item.source.key));
  return into;
}

/**
 * Counts and names the stored records of `format` (source keys by kind) that the import does not bring again (`brought`,
 * of `broughtKeys`), of those every reader of the report (its marking) may see. Returns how many the report counts: a
 * report that counts any is not one an unchanged re-import may answer with (the records may be deleted meanwhile).
 */
export function reportAbsent(r: ReportBuilder, format: ImportFormat, stored: readonly StoredSourceKey[], brought: ReadonlySet<string>, report: Pick<RecordMarking, 'tlp' | 'owner'>): number {
  const absent = stored.filter((s) => !brought.has(broughtKey(s.kind, s.key)) && everyReaderSees(report, s)).sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
  for (const [n, s] of absent.entries()) {
    r.mapped(NOT_IN_IMPORT, s.kind, 'kept as stored (an import deletes nothing)');
    if (n < NAMED) r.warn(s.key, '(object)', `this ${s.kind}, imported before from ${format}, is not in this import; kept as stored (delete it here if the source withdrew it)`);
  }
  if (absent.length > NAMED) r.warn('files', '(files)', `${absent.length - NAMED} more records imported before from ${format} are not in this import; kept as stored (counted under "${NOT_IN_IMPORT}")`);
  return absent.length;
}
