// The knowledge base: seeded records (partnership files, dialogues, actors, the EU framework) and their search index.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kb_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('partner', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_record_kind').on('kb_record').columns(['kind', 'partner']).execute();
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // Full-text index over every fact: one row per searchable fact, rebuilt on each seed.
  if (dialectOf(db) === 'postgres') {
    await sql`CREATE TABLE kb_search (fact_id text PRIMARY KEY, kind text NOT NULL, partner text, from_date text, payload text NOT NULL, title text NOT NULL, body text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED)`.execute(db);
    await sql`CREATE INDEX kb_search_tsv ON kb_search USING gin (tsv)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE kb_search USING fts5(fact_id UNINDEXED, kind UNINDEXED, partner UNINDEXED, from_date UNINDEXED, payload UNINDEXED, title, body, tokenize = 'porter unicode61')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE kb_search`.execute(db);
  await db.schema.dropTable('meta').execute();
  await db.schema.dropTable('kb_record').execute();
}
