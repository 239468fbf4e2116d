// Writes and reads records' markings (record_marking, record_grant). Any record type with a unique id can be marked:
// write its marking in the same transaction as the record, and filter reads with visibility.ts.
import type { RecordMarking } from '../core/marking/clearance';
import { TLP_LEVELS, type TlpLevel } from '../core/marking/tlp';
import type { Db } from './db';

const ORG = 'org:';
const USER = 'user:';

export async function writeMarking(db: Db, recordId: string, recordType: string, m: RecordMarking): Promise<void> {
  await db
    .insertInto('record_marking')
    .values({ record_id: recordId, record_type: recordType, tlp: m.tlp, owner_org: m.owner })
    .onConflict((oc) => oc.column('record_id').doUpdateSet({ tlp: m.tlp, owner_org: m.owner }))
    .execute();
  await db.deleteFrom('record_grant').where('record_id', '=', recordId).execute();
  const grantees = [...m.sharedWith.map((o) => ORG + o), ...m.recipients.map((u) => USER + u)];
  if (grantees.length) await db.insertInto('record_grant').values(grantees.map((grantee) => ({ record_id: recordId, grantee }))).execute();
}

/** The record_grant rows of a marking: AMBER sharing by organisation, RED recipients by username. */
export function granteesOf(m: RecordMarking): string[] {
  return [...m.sharedWith.map((o) => ORG + o), ...m.recipients.map((u) => USER + u)];
}

/** The sharing lists of records whose level and owner the caller already has (from the filtered query). */
export async function grantsOf(db: Db, recordIds: readonly string[]): Promise<Map<string, { sharedWith: string[]; recipients: string[] }>> {
  const out = new Map(recordIds.map((id) => [id, { sharedWith: [] as string[], recipients: [] as string[] }]));
  if (!recordIds.length) return out;
  const rows = await db.selectFrom('record_grant').select(['record_id', 'grantee']).where('record_id', 'in', recordIds).orderBy('grantee').execute();
  for (const r of rows) {
    const g = out.get(r.record_id);
    if (!g) continue;
    if (r.grantee.startsWith(ORG)) g.sharedWith.push(r.grantee.slice(ORG.length));
    else if (r.grantee.startsWith(USER)) g.recipients.push(r.grantee.slice(USER.length));
  }
  return out;
}

export function asTlp(value: string): TlpLevel {
  // The effective level comes from our own column or a validated import; anything else is treated as RED.
  return (TLP_LEVELS as readonly string[]).includes(value) ? (value as TlpLevel) : 'red';
}
