// A switch for the incident search index's triggers (SQLite; migration 0070), so that an import writing thousands of
// incidents fills the index once, in rowid order, instead of a statement's rows at a time through the triggers (FTS5
// writes its pending rows out as a new segment, later merged, at the end of each statement and whenever a rowid
// arrives out of order; bench/README.md, Imports, has the readings). The triggers now run only while the one row of
// incident_search_gate says `live`. The import turns it off inside its own transaction and back on before it
// commits (store/incident-search-batch.ts), so another connection never sees it off and a failed import leaves the
// index as it was. Triggers see only their own schema, hence a table in the main schema rather than a TEMP one.
// PostgreSQL's trigram indexes (GIN) are kept by the database itself: nothing to do there.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

const TRIGGERS = (when: string) => [
  sql.raw(`
    CREATE TRIGGER incident_search_insert AFTER INSERT ON incident ${when} BEGIN
      INSERT INTO incident_search_key (incident_id) VALUES (new.id);
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, new.body FROM incident_search_key WHERE incident_id = new.id;
    END`),
  sql.raw(`
    CREATE TRIGGER incident_search_update AFTER UPDATE OF id, title, body ON incident ${when} BEGIN
      DELETE FROM incident_fts WHERE rowid = (SELECT n FROM incident_search_key WHERE incident_id = old.id);
      UPDATE incident_search_key SET incident_id = new.id WHERE incident_id = old.id;
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, new.body FROM incident_search_key WHERE incident_id = new.id;
    END`),
  sql.raw(`
    CREATE TRIGGER incident_search_delete AFTER DELETE ON incident ${when} BEGIN
      DELETE FROM incident_fts WHERE rowid = (SELECT n FROM incident_search_key WHERE incident_id = old.id);
      DELETE FROM incident_search_key WHERE incident_id = old.id;
    END`),
];

const dropTriggers = async (db: Kysely<unknown>) => {
  for (const t of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS incident_search_${t}`).execute(db);
};

/** Whether the index of 0070 exists: on PostgreSQL, and where FTS5 was not built, there is nothing to switch. */
async function hasIndex(db: Kysely<unknown>): Promise<boolean> {
  if (dialectOf(db) === 'postgres') return false;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'incident_search_key'`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await hasIndex(db))) return;
  await sql`CREATE TABLE incident_search_gate (id INTEGER PRIMARY KEY CHECK (id = 1), live INTEGER NOT NULL CHECK (live IN (0, 1)))`.execute(db);
  await sql`INSERT INTO incident_search_gate (id, live) VALUES (1, 1)`.execute(db);
  await dropTriggers(db);
  for (const t of TRIGGERS('WHEN (SELECT live FROM incident_search_gate WHERE id = 1) = 1')) await t.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await hasIndex(db))) return;
  await dropTriggers(db);
  for (const t of TRIGGERS('')) await t.execute(db);
  await sql`DROP TABLE incident_search_gate`.execute(db);
}
