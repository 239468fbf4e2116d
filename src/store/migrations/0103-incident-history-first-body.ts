// An incident's first history entry written by an import need not hold a copy of the body: the import stores it once,
// in the incident row, and writes its `create` entry with `after` left NULL, which means "the body as first stored".
// That body is the one the next entry of the same incident names as its `before` (an update or a delete writes the
// body it replaces there), or, while no entry follows, the incident row's body, which nothing changes without one.
// incident_history_read resolves it, so that every reader gives the answer a stored copy gave; entries written with
// their copy (before this migration, and by the API's create) read as they are. The view also makes an older
// release's migrator refuse this database, which it would otherwise read with those bodies missing.
import { sql, type Kysely } from 'kysely';

/** The text of `after` for history entry h, resolved as above. */
const RESOLVED_AFTER = `CASE
    WHEN h.after IS NOT NULL OR h.action <> 'create' THEN h.after
    WHEN EXISTS (SELECT 1 FROM incident_history n WHERE n.incident_id = h.incident_id AND n.seq > h.seq)
      THEN (SELECT n.before FROM incident_history n WHERE n.incident_id = h.incident_id AND n.seq > h.seq ORDER BY n.seq LIMIT 1)
    ELSE (SELECT i.body FROM incident i WHERE i.id = h.incident_id)
  END`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`CREATE VIEW incident_history_read AS SELECT h.seq, h.incident_id, h.version, h.action, h.at, h.before, ${RESOLVED_AFTER} AS after, h.marking FROM incident_history h`)
    .execute(db);
}

/** Back to entries that each hold their body: the resolved text is written into the entries left without it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`UPDATE incident_history SET after = (SELECT r.after FROM incident_history_read r WHERE r.seq = incident_history.seq) WHERE after IS NULL AND action = 'create'`).execute(db);
  await sql`DROP VIEW incident_history_read`.execute(db);
}
