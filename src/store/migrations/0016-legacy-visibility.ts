// Records that earlier releases left visible to nobody get back the visibility they had. Imports before markings
// stored no marking or owner for actors, attributions and import reports (they were shown to every reader), and
// incidents were saved AMBER, AMBER+STRICT or RED without an owner or recipients; the TLP rule fails closed on
// both, admins included. Where the audit trail names the organisation that wrote the record, it becomes the owner
// (RED without recipients becomes AMBER+STRICT of that organisation); otherwise the record becomes TLP:GREEN,
// every signed-in user, as it was. Records with a working marking are left as they are.
import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The first organisation the audit trail records for a write to the record (null when none is known); by type and
 * id, so that the lookup uses the audit trail's (target_type, target_id) index.
 */
const knownOrg = (type: RawBuilder<unknown>, id: RawBuilder<unknown>) =>
  sql`(SELECT a.actor_org FROM audit_log a WHERE a.target_type = ${type} AND a.target_id = ${id} AND a.actor_org IS NOT NULL ORDER BY a.seq LIMIT 1)`;

/** A record_marking row that no caller passes: AMBER without owner or sharing, AMBER+STRICT without owner, RED without recipients. */
const unseen = sql`(
  (tlp = 'amber' AND owner_org IS NULL AND NOT EXISTS (SELECT 1 FROM record_grant g WHERE g.record_id = record_marking.record_id AND g.grantee LIKE 'org:%'))
  OR (tlp = 'amber+strict' AND owner_org IS NULL)
  OR (tlp = 'red' AND NOT EXISTS (SELECT 1 FROM record_grant g WHERE g.record_id = record_marking.record_id AND g.grantee LIKE 'user:%'))
)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Imported records without a marking row: their import's own level (TLP 1.0 WHITE is CLEAR), AMBER when it had none;
  // the updates below then open those nobody could see.
  const level = sql`CASE WHEN l.tlp = 'white' THEN 'clear' WHEN l.tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red') THEN l.tlp ELSE 'amber' END`;
  await sql`INSERT INTO record_marking (record_id, record_type, tlp, owner_org)
    SELECT l.record_id, l.record_kind, ${level}, ${knownOrg(sql.ref('l.record_kind'), sql.ref('l.record_id'))} FROM exchange_link l
    WHERE NOT EXISTS (SELECT 1 FROM record_marking m WHERE m.record_id = l.record_id)`.execute(db);
  const reportId = sql`'imp-' || CAST(r.id AS TEXT)`;
  await sql`INSERT INTO record_marking (record_id, record_type, tlp, owner_org)
    SELECT ${reportId}, 'import_report', 'amber', ${knownOrg(sql`'import_report'`, reportId)} FROM import_report r
    WHERE NOT EXISTS (SELECT 1 FROM record_marking m WHERE m.record_id = ${reportId})`.execute(db);

  const owner = knownOrg(sql.ref('record_marking.record_type'), sql.ref('record_marking.record_id'));
  await sql`UPDATE record_marking SET owner_org = ${owner}, tlp = CASE WHEN tlp = 'red' THEN 'amber+strict' ELSE tlp END
    WHERE ${unseen} AND ${owner} IS NOT NULL`.execute(db);
  await sql`UPDATE record_marking SET tlp = 'green' WHERE ${unseen}`.execute(db);
}

export async function down(): Promise<void> {
  // The markings before this migration hid records from everyone; there is nothing worth restoring.
}
