// The registry's list order (newest start first, then id) as indexes: a page of the incident list, filtered by
// category or not, and the precedent pool's most recent incidents are read from an index instead of sorting every
// incident (at 100,000 incidents a filtered page took longer than its share of rows).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX incident_start ON incident (start DESC, id)`.execute(db);
  await sql`CREATE INDEX incident_category_start ON incident (category, start DESC, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX incident_category_start`.execute(db);
  await sql`DROP INDEX incident_start`.execute(db);
}
