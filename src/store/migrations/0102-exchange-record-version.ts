// The exchange records (actors, attributions, sightings, reports) join the tables whose writes move the incident
// version (migrations 0095 and 0096), so that an answer read from them can be kept under that version: the sanctions
// register's links to actors, the exports of actors and STIX bundles (src/app/sanctions-views.ts, export-views.ts).
// Their markings, grants and import links move it already. Imports write them inside `holdIncidentVersion`, which
// moves the version once for the run; any other write moves it as the incidents' do (row triggers on SQLite, a
// statement trigger before the statement on PostgreSQL, while `live` is 1).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`CREATE TRIGGER exchange_record_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchange_record FOR EACH STATEMENT EXECUTE FUNCTION incident_version_bump()`.execute(db);
    return;
  }
  for (const op of OPS) {
    await sql`CREATE TRIGGER ${sql.raw(`exchange_record_version_${op.toLowerCase()}`)} AFTER ${sql.raw(op)} ON exchange_record WHEN (SELECT live FROM incident_version WHERE id = 1) = 1 BEGIN UPDATE incident_version SET version = version + 1 WHERE id = 1; END`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`DROP TRIGGER exchange_record_version ON exchange_record`.execute(db);
  else for (const op of OPS) await sql`DROP TRIGGER ${sql.raw(`exchange_record_version_${op.toLowerCase()}`)}`.execute(db);
}
