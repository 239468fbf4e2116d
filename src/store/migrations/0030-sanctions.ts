// The cyber-sanctions register: one row per annex entry ever imported (its body with lifecycle dates as JSON), and
// one row per annex import (the date it holds for, the file's digest, what it changed).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sanctions_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listed_on', 'text', (c) => c.notNull())
    .addColumn('delisted_on', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sanctions_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('known_until', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sanctions_import').execute();
  await db.schema.dropTable('sanctions_entry').execute();
}
