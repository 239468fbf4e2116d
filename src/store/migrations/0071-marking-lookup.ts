// Counting the incidents a signed-in reader may see looks up each candidate's marking (record_marking) and, for an
// imported record without one, the TLP the import stored (exchange_link). Both lookups go by record id; these
// indexes hold the columns the TLP rule reads (src/store/visibility.ts) beside the id, so each lookup is answered
// from the index alone instead of also reading the table's row (an exchange link's row holds the whole imported
// object's details: at 100,000 incidents those rows were most of the pages a count read).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX record_marking_visibility ON record_marking (record_id, tlp, owner_org)`.execute(db);
  await sql`CREATE INDEX exchange_link_tlp ON exchange_link (record_id, tlp)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX exchange_link_tlp`.execute(db);
  await sql`DROP INDEX record_marking_visibility`.execute(db);
}
