// Exchange with the field: actors and attribution records from imports, the link of every imported record to
// its source (STIX id and version, dataset key) with its handling marking, and the reports of past imports.
import type { Kysely } from 'kysely';
import { dialectOf } from '../db';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_record_kind').on('exchange_record').columns(['kind', 'name']).execute();
  // One row per imported record (incident, actor, attribution): where it came from, its marking, what was imported.
  await db.schema
    .createTable('exchange_link')
    .addColumn('record_id', 'text', (c) => c.primaryKey())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('source_created', 'text')
    .addColumn('source_modified', 'text')
    .addColumn('marking', 'text')
    .addColumn('tlp', 'text')
    .addColumn('details', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_link_source').on('exchange_link').columns(['format', 'source_key']).execute();
  await db.schema
    .createTable('import_report')
    .addColumn('id', dialectOf(db) === 'postgres' ? 'serial' : 'integer', (c) => (dialectOf(db) === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_report').execute();
  await db.schema.dropTable('exchange_link').execute();
  await db.schema.dropTable('exchange_record').execute();
}
