// A version of everything a session cookie or an API token resolves to, so that a server may keep those lookups
// between requests and still see a sign-out, a disabled account, a new role or organisation, a password change (which
// ends the other sessions) or a revoked token at once, whichever server on the database made it (src/app/auth-lookups.ts).
// Triggers move it in the writing transaction on every delete of a session or token, every update of an account or
// its deletion, and every update of a session's or token's columns except `last_used_at`: the once-a-minute record of
// use must not empty every server's lookups. A new session or token moves nothing: a lookup that found nothing is
// never kept.
// - SQLite: row triggers (it has no statement triggers).
// - PostgreSQL: statement triggers that run before the statement, so that a writer takes the version row's lock before
//   any row lock of its statement, and no two writers wait for each other in opposite orders (as in migration 0095).
//   A statement that writes no row moves it as well (a sign-in's sweep of ended sessions): a lookup is then read
//   again once, never served stale.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db';

/** The columns whose update moves the version: all but `last_used_at` (the guard test compares them with the tables). */
export const WATCHED_COLUMNS = {
  session: ['id_hash', 'account_id', 'csrf_token', 'created_at', 'expires_at'],
  api_token: ['id', 'account_id', 'name', 'token_hash', 'created_at', 'expires_at', 'revoked_at', 'scope', 'parent_id'],
} as const;

/** For each table, the events that move the version (SQLite spelling; `UPDATE OF` columns as above). */
const EVENTS: { table: string; events: string[] }[] = [
  { table: 'account', events: ['UPDATE', 'DELETE'] },
  { table: 'session', events: [`UPDATE OF ${WATCHED_COLUMNS.session.join(', ')}`, 'DELETE'] },
  { table: 'api_token', events: [`UPDATE OF ${WATCHED_COLUMNS.api_token.join(', ')}`, 'DELETE'] },
];

const sqliteName = (table: string, event: string) => `${table}_auth_version_${event.split(' ')[0]!.toLowerCase()}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE auth_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)`.execute(db);
  await sql`INSERT INTO auth_version (id, version) VALUES (1, 0)`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`
      CREATE FUNCTION auth_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE auth_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`.execute(db);
    for (const { table, events } of EVENTS) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_auth_version`)} BEFORE ${sql.raw(events.join(' OR '))} OR TRUNCATE ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION auth_version_bump()`.execute(db);
    }
    return;
  }
  for (const { table, events } of EVENTS) {
    for (const event of events) {
      await sql`CREATE TRIGGER ${sql.raw(sqliteName(table, event))} AFTER ${sql.raw(event)} ON ${sql.table(table)} BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const { table } of EVENTS) await sql`DROP TRIGGER ${sql.raw(`${table}_auth_version`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP FUNCTION auth_version_bump()`.execute(db);
  } else {
    for (const { table, events } of EVENTS) for (const event of events) await sql`DROP TRIGGER ${sql.raw(sqliteName(table, event))}`.execute(db);
  }
  await sql`DROP TABLE auth_version`.execute(db);
}
