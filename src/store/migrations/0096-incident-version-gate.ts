// A switch for the incident version's triggers (migration 0095), so that an import writing thousands of incidents,
// markings, grants and links moves the version once instead of once per row (SQLite) or per statement (PostgreSQL).
// The triggers now move it only while incident_version's `live` is 1. An import moves the version and sets `live` to
// 0 in one update at the start of its transaction, and sets it back to 1 before it commits
// (store/incident-counts.ts, `holdIncidentVersion`): other connections never see it off, a failed import leaves both
// as they were, and the one move commits with the rows it stands for. On PostgreSQL that first update also takes the
// version row's lock before any row lock of the import, as the statement triggers took it before.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

const TABLES = ['incident', 'record_marking', 'record_grant', 'exchange_link'] as const;
const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;

async function sqliteTriggers(db: Kysely<unknown>, when: string): Promise<void> {
  for (const t of TABLES) {
    for (const op of OPS) {
      const name = sql.raw(`${t}_version_${op.toLowerCase()}`);
      await sql`DROP TRIGGER IF EXISTS ${name}`.execute(db);
      await sql`CREATE TRIGGER ${name} AFTER ${sql.raw(op)} ON ${sql.table(t)} ${sql.raw(when)} BEGIN UPDATE incident_version SET version = version + 1 WHERE id = 1; END`.execute(db);
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE incident_version ADD COLUMN live INTEGER NOT NULL DEFAULT 1`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`
      CREATE OR REPLACE FUNCTION incident_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT live FROM incident_version WHERE id = 1) = 1 THEN
          UPDATE incident_version SET version = version + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    return;
  }
  await sqliteTriggers(db, 'WHEN (SELECT live FROM incident_version WHERE id = 1) = 1');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`
      CREATE OR REPLACE FUNCTION incident_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE incident_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`.execute(db);
  } else await sqliteTriggers(db, '');
  await sql`ALTER TABLE incident_version DROP COLUMN live`.execute(db);
}
