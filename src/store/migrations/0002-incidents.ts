// The incident registry and the history of every change to an incident.
import type { Kysely } from 'kysely';
import { dialectOf } from '../db';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('start', 'text')
    .addColumn('ongoing', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incident_history')
    .addColumn('seq', dialectOf(db) === 'postgres' ? 'serial' : 'integer', (c) => (dialectOf(db) === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('incident_history_incident').on('incident_history').column('incident_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_history').execute();
  await db.schema.dropTable('incident').execute();
}
