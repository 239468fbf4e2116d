// TLP markings of records (incidents now; any record type with a unique id later) and whom they are shared with.
// A marking outlives its record, so that the history and audit entries of a deleted incident stay protected.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_marking')
    .addColumn('record_id', 'text', (c) => c.primaryKey())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('owner_org', 'text')
    .execute();
  await db.schema.createIndex('record_marking_tlp').on('record_marking').columns(['tlp', 'owner_org']).execute();
  // grantee: `org:<organisation>` (AMBER sharing) or `user:<username>` (RED recipients).
  await db.schema
    .createTable('record_grant')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('grantee', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_grant_pk', ['record_id', 'grantee'])
    .execute();
  await db.schema.createIndex('record_grant_grantee').on('record_grant').columns(['grantee', 'record_id']).execute();
  // Incidents recorded before markings existed were the single analyst's: they become TLP:GREEN (signed-in users).
  await sql`INSERT INTO record_marking (record_id, record_type, tlp, owner_org) SELECT id, 'incident', 'green', NULL FROM incident`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('record_grant').execute();
  await db.schema.dropTable('record_marking').execute();
}
