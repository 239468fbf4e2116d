// The marked records no enabled account may see (incidents, imported records, import reports), with the reason:
// what an admin checks after an upgrade or after disabling the last account of an organisation.
import { sql } from 'kysely';
import type { TlpLevel } from '../core/marking/tlp';
import { unseenReason } from '../core/marking/unseen';
import type { Db } from './db';
import { asTlp, grantsOf } from './marking-store';
import { effectiveTlp, markingJoins } from './visibility';

export interface UnseenRecord {
  id: string;
  type: string;
  tlp: TlpLevel;
  owner: string | null;
  reason: string;
}

export async function unseenRecords(db: Db, defaultTlp: TlpLevel): Promise<UnseenRecord[]> {
  const tlp = effectiveTlp(defaultTlp);
  const granted = (grantee: unknown) => sql`EXISTS (SELECT 1 FROM record_grant g WHERE g.record_id = t.id AND g.grantee = ${grantee})`;
  const rows = await sql<{ id: string; type: string; tlp: string; owner: string | null }>`
    SELECT t.id, t.type, ${tlp} AS tlp, m.owner_org AS owner
    FROM (SELECT id, 'incident' AS type FROM incident
      UNION ALL SELECT id, kind AS type FROM exchange_record
      UNION ALL SELECT 'imp-' || CAST(id AS TEXT) AS id, 'import_report' AS type FROM import_report) t
    ${markingJoins('t.id')}
    WHERE ${tlp} NOT IN ('clear', 'green') AND NOT EXISTS (SELECT 1 FROM account a WHERE a.disabled = 0 AND (
      (${tlp} = 'amber' AND (m.owner_org = a.org OR ${granted(sql`'org:' || a.org`)}))
      OR (${tlp} = 'amber+strict' AND m.owner_org = a.org)
      OR (${tlp} = 'red' AND ${granted(sql`'user:' || a.username`)})))
    ORDER BY t.type, t.id`.execute(db);
  if (!rows.rows.length) return [];
  const accounts = await db.selectFrom('account').select(['org', 'username']).where('disabled', '=', 0).execute();
  const readers = { orgs: new Set(accounts.map((a) => a.org)), usernames: new Set(accounts.map((a) => a.username)) };
  const out: UnseenRecord[] = [];
  for (let i = 0; i < rows.rows.length; i += 500) {
    const part = rows.rows.slice(i, i + 500);
    const grants = await grantsOf(db, part.map((r) => r.id));
    for (const r of part) {
      const g = grants.get(r.id) ?? { sharedWith: [], recipients: [] };
      const level = asTlp(r.tlp);
      const reason = unseenReason({ tlp: level, owner: r.owner, ...g }, readers) ?? 'no enabled account passes the TLP rule';
      out.push({ id: r.id, type: r.type, tlp: level, owner: r.owner, reason });
    }
  }
  return out;
}
