// A version of everything an incident list's count depends on: the incidents, their markings and sharing, and the
// TLP that imports stored. Triggers move it in the writing transaction, whichever code writes (the registry, imports'
// bulk upserts, re-markings), so a count kept under one version is never served after a write by any process on the
// same database (src/store/incident-counts.ts). Writes of other marked records move it too: a count is then recounted
// once, never wrong.
// - SQLite: row triggers (SQLite has no statement triggers); one update of a one-row table per written row.
// - PostgreSQL: statement triggers, once per statement whatever the rows; the version row's lock orders these
//   writers. They run before the statement, so that a writer takes that lock before any row lock of the statement
//   (the registry's edits take it before locking their incident: IncidentRepository), and no two writers wait for
//   each other's locks in opposite orders.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

const TABLES = ['incident', 'record_marking', 'record_grant', 'exchange_link'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incident_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)`.execute(db);
  await sql`INSERT INTO incident_version (id, version) VALUES (1, 0)`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`
      CREATE FUNCTION incident_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE incident_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`.execute(db);
    for (const t of TABLES) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_version`)} BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)} FOR EACH STATEMENT EXECUTE FUNCTION incident_version_bump()`.execute(db);
    }
    return;
  }
  for (const t of TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_version_${op.toLowerCase()}`)} AFTER ${sql.raw(op)} ON ${sql.table(t)} BEGIN UPDATE incident_version SET version = version + 1 WHERE id = 1; END`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const t of TABLES) await sql`DROP TRIGGER ${sql.raw(`${t}_version`)} ON ${sql.table(t)}`.execute(db);
    await sql`DROP FUNCTION incident_version_bump()`.execute(db);
  } else {
    for (const t of TABLES) for (const op of ['insert', 'update', 'delete']) await sql`DROP TRIGGER ${sql.raw(`${t}_version_${op}`)}`.execute(db);
  }
  await sql`DROP TABLE incident_version`.execute(db);
}
