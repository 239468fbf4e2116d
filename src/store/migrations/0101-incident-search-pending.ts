// The incident search index (SQLite, migration 0070) keeps up to 8 MiB of new entries in memory before it writes
// them out as a segment of its own (FTS5's `hashsize`, 1 MiB by default). An import fills the index for all its
// incidents in one statement (store/incident-search-batch.ts): at 1 MiB the fill of 100,000 CFR incidents wrote a
// segment every couple of thousand incidents and merged them as it went (7,573 blocks, 29.5 MB, 38-47 µs of CPU an
// incident), at 8 MiB 6,692 blocks, 24.9 MB, 33 µs (bench/README.md, "CFR first import: the search index's fill and
// the plan"). What the index holds per incident, and so every search answer, is the same; only how its entries are
// grouped on disk differs.
// The setting is stored with the index (its config table), so every connection writes with it; the memory it allows
// is taken only by a write that brings that much at once. PostgreSQL's trigram indexes are unchanged.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

/** The pending entries the index may hold before writing a segment, in bytes. */
export const SEARCH_PENDING_BYTES = 8 * 1024 * 1024;

/** FTS5's own default. */
const FTS5_DEFAULT_BYTES = 1024 * 1024;

/** Whether the index of 0070 exists: on PostgreSQL, and where FTS5 was not built, there is nothing to set. */
async function hasIndex(db: Kysely<unknown>): Promise<boolean> {
  if (dialectOf(db) === 'postgres') return false;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'incident_fts'`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

// FTS5 refuses the value as a bound parameter ("SQL logic error"): written into the statement, as a whole number.
const setPending = (db: Kysely<unknown>, bytes: number) => sql`INSERT INTO incident_fts (incident_fts, rank) VALUES ('hashsize', ${sql.lit(Math.trunc(bytes))})`.execute(db);

export async function up(db: Kysely<unknown>): Promise<void> {
  if (await hasIndex(db)) await setPending(db, SEARCH_PENDING_BYTES);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await hasIndex(db)) await setPending(db, FTS5_DEFAULT_BYTES);
}
