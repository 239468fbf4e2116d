// Imported sightings and reports are shown on the incidents (and actors) they concern: one row per record and
// record it refers to, so that an incident's page finds them by one indexed lookup instead of reading every body.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_ref')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_ref_pk', ['record_id', 'target_id'])
    .execute();
  await db.schema.createIndex('exchange_ref_target').on('exchange_ref').columns(['target_id', 'record_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exchange_ref').execute();
}
