// Curated changes to the knowledge base: proposals, their review, and the order in which published ones apply over
// the seeded baseline (kb_record stays what the reviewed files say; a re-seed keeps this layer).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kb_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('record', 'text')
    .addColumn('before', 'text')
    .addColumn('comment', 'text')
    .addColumn('comment_tlp', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_by_org', 'text')
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('published_seq', 'integer', (c) => c.unique())
    .execute();
  await db.schema.createIndex('kb_change_partner').on('kb_change').columns(['partner', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kb_change').execute();
}
