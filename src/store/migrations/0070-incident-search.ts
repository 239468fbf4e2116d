// Incident text search without reading every body. The search (`q` of the incident list) is a literal piece of text
// found anywhere in an incident's title or stored body, whatever the case of ASCII letters (see
// IncidentRepository.list). These indexes only narrow the rows that test has to be run on; the test itself is the
// same `LIKE` (SQLite) or `ILIKE` (PostgreSQL) as without them, so the answer cannot differ from the plain scan.
// - SQLite: an FTS5 index of trigrams (three characters in a row) of title and body, contentless (the text stays in
//   the incident table only) and without positions (detail=none: a seventh of the size of a full index and a third
//   of the time to build; a query asks for the rows holding every trigram of the text, the LIKE does the rest). FTS5 rows are numbered, incidents have text ids: incident_search_key numbers them with
//   a rowid of its own (an incident's rowid may change on VACUUM). Triggers keep both in step with every write of the
//   incident table, in the writing transaction, whichever code writes (the registry, imports' bulk upserts).
// - PostgreSQL: trigram GIN indexes (the pg_trgm extension, shipped with PostgreSQL and trusted: a role that may
//   create objects in the database may enable it). Where it cannot be enabled, the search scans as before.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`SAVEPOINT incident_search`.execute(db);
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`RELEASE SAVEPOINT incident_search`.execute(db);
    } catch {
      await sql`ROLLBACK TO SAVEPOINT incident_search`.execute(db);
      return;
    }
    await sql`CREATE INDEX incident_title_trgm ON incident USING gin (title gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX incident_body_trgm ON incident USING gin (body gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`CREATE TABLE incident_search_key (n INTEGER PRIMARY KEY, incident_id TEXT NOT NULL UNIQUE)`.execute(db);
  await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(title, body, content='', contentless_delete=1, detail=none, tokenize='trigram')`.execute(db);
  await sql`INSERT INTO incident_search_key (incident_id) SELECT id FROM incident`.execute(db);
  await sql`INSERT INTO incident_fts (rowid, title, body) SELECT k.n, i.title, i.body FROM incident i JOIN incident_search_key k ON k.incident_id = i.id`.execute(db);
  await sql`
    CREATE TRIGGER incident_search_insert AFTER INSERT ON incident BEGIN
      INSERT INTO incident_search_key (incident_id) VALUES (new.id);
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, new.body FROM incident_search_key WHERE incident_id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER incident_search_update AFTER UPDATE OF id, title, body ON incident BEGIN
      DELETE FROM incident_fts WHERE rowid = (SELECT n FROM incident_search_key WHERE incident_id = old.id);
      UPDATE incident_search_key SET incident_id = new.id WHERE incident_id = old.id;
      INSERT INTO incident_fts (rowid, title, body) SELECT n, new.title, new.body FROM incident_search_key WHERE incident_id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER incident_search_delete AFTER DELETE ON incident BEGIN
      DELETE FROM incident_fts WHERE rowid = (SELECT n FROM incident_search_key WHERE incident_id = old.id);
      DELETE FROM incident_search_key WHERE incident_id = old.id;
    END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`DROP INDEX IF EXISTS incident_body_trgm`.execute(db);
    await sql`DROP INDEX IF EXISTS incident_title_trgm`.execute(db);
    return;
  }
  await sql`DROP TRIGGER incident_search_delete`.execute(db);
  await sql`DROP TRIGGER incident_search_update`.execute(db);
  await sql`DROP TRIGGER incident_search_insert`.execute(db);
  await sql`DROP TABLE incident_fts`.execute(db);
  await sql`DROP TABLE incident_search_key`.execute(db);
}
