// Idle timeout: a session remembers when it was last used, and ends after CYBERDIPLO_SESSION_IDLE_MINUTES without use.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds a NOT NULL column only with a default; '' sorts before every date, so a row the backfill missed counts
  // as idle (ended), never as live.
  await db.schema.alterTable('session').addColumn('last_used_at', 'text', (c) => c.notNull().defaultTo('')).execute();
  // Sessions open during the upgrade count as used when they began: long-idle ones end at once, as they should.
  await sql`UPDATE session SET last_used_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('last_used_at').execute();
}
