// Two indexes that every import kept up to date and no query reads: `exchange_link_source` (format, source key; one
// entry per imported record, in the order of the source's ids, so each insert lands on a page of its own) and
// `record_marking_tlp` (level, owner). EXPLAIN QUERY PLAN (SQLite) and EXPLAIN (PostgreSQL) of the store's queries over
// markings, grants and import links (incident lists, counts and search under TLP, imported records, import reports,
// exports, records no account may see, the stored state an import reads) take neither: records are looked up by id
// (primary keys, and the covering indexes of migration 0071). The one statement that took `record_marking_tlp` is
// migration 0016's update of legacy markings, which runs before this one. `record_grant_grantee` stays: PostgreSQL
// reads it for the sharing test of a reader's organisation or username (visibility.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX exchange_link_source`.execute(db);
  await sql`DROP INDEX record_marking_tlp`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX record_marking_tlp ON record_marking (tlp, owner_org)`.execute(db);
  await sql`CREATE INDEX exchange_link_source ON exchange_link (format, source_key)`.execute(db);
}
