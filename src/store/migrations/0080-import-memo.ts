// What an import run left in the store, so that an unchanged re-import need not read, check, map and write every
// record again: per importer, format and file names, the digest of the input (files, options, mapping tables) and of
// the stored state of every record it brought, with the answer a full re-run over that state gives.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_memo')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_memo').execute();
}
