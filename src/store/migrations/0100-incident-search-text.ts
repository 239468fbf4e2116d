// The incident search index (SQLite; migrations 0070 and 0090) takes each body without the quoted field names that
// every incident carries (store/incident-search-text.ts says why no search answer changes): the triggers pass the
// body through incident_search_text(), a function every connection of the store registers (store/db.ts), and the
// index is built again from the incident table in key order. PostgreSQL's trigram indexes are unchanged.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

const TRIGGERS = (text: string) => [
  sql.raw(`
    CREATE TRIGGER incident_search_insert AFTER INSERT ON incident WHEN (SELECT live FROM incident_search_gate WHERE id = 1) = 1 BEGIN
      INSERT INTO incident_search_key (incident_id) VALUES (new.id);
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, ${text} FROM incident_search_key WHERE incident_id = new.id;
    END`),
  sql.raw(`
    CREATE TRIGGER incident_search_update AFTER UPDATE OF id, title, body ON incident WHEN (SELECT live FROM incident_search_gate WHERE id = 1) = 1 BEGIN
      DELETE FROM incident_fts WHERE rowid = (SELECT n FROM incident_search_key WHERE incident_id = old.id);
      UPDATE incident_search_key SET incident_id = new.id WHERE incident_id = old.id;
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, ${text} FROM incident_search_key WHERE incident_id = new.id;
    END`),
];

/** Whether the gated index of 0070 and 0090 exists: on PostgreSQL, and where FTS5 was not built, there is nothing to do. */
async function hasIndex(db: Kysely<unknown>): Promise<boolean> {
  if (dialectOf(db) === 'postgres') return false;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'incident_search_gate'`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** The triggers that write what `text` makes of a body, and every entry rebuilt with it. */
async function indexWith(db: Kysely<unknown>, text: (body: string) => string): Promise<void> {
  for (const t of ['insert', 'update']) await sql.raw(`DROP TRIGGER IF EXISTS incident_search_${t}`).execute(db);
  for (const t of TRIGGERS(text('new.body'))) await t.execute(db);
  await sql`INSERT INTO incident_fts (incident_fts) VALUES ('delete-all')`.execute(db);
  await sql.raw(`INSERT INTO incident_fts (rowid, title, body) SELECT k.n, i.title, ${text('i.body')} FROM incident_search_key k JOIN incident i ON i.id = k.incident_id ORDER BY k.n`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (await hasIndex(db)) await indexWith(db, (body) => `incident_search_text(${body})`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await hasIndex(db)) await indexWith(db, (body) => body);
}
