// The incident search index (SQLite, migrations 0070 and 0090) filled once for the incidents a large write brings,
// inside its transaction: the index's triggers are switched off at `open`, the writer notes each incident it creates
// or changes, and `close` takes out the changed rows' old entries, numbers the new incidents and indexes every noted
// row from what the incident table now holds, in rowid order (FTS5 starts a new segment whenever a rowid arrives out
// of order), then switches the triggers back on. Both ends run in the caller's transaction: another connection never
// sees the triggers off, and a failed write rolls the index back with everything else. After `close`, the index
// holds exactly what the triggers would have put in it: each title, and each body as incident_search_text() gives it
// (incident-search-text.ts, migration 0100).
import { sql } from 'kysely';
import { chunked, sharedTables, type ExchangeConn } from './exchange-schema';
import { dialectOf } from './db';

/** Ids per `IN (...)` list. */
const IDS_PER_QUERY = 1000;

export class IncidentSearchBatch {
  /** Incidents created by the write (numbered at `close`), and existing ones it changed, each once. */
  private readonly created = new Set<string>();
  private readonly changed = new Set<string>();

  private constructor(private readonly trx: ExchangeConn) {}

  /** Switches the triggers off in `trx`; undefined where there is no such index (PostgreSQL keeps its own). */
  static async open(trx: ExchangeConn): Promise<IncidentSearchBatch | undefined> {
    if (dialectOf(sharedTables(trx)) === 'postgres') return undefined;
    const gate = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'incident_search_gate'`.execute(trx);
    if (!Number(gate.rows[0]?.n ?? 0)) return undefined;
    await sql`UPDATE incident_search_gate SET live = 0 WHERE id = 1`.execute(trx);
    return new IncidentSearchBatch(trx);
  }

  /** An incident row the write inserted (`created`) or updated. */
  note(id: string, created: boolean): void {
    if (created) this.created.add(id);
    else if (!this.created.has(id)) this.changed.add(id);
  }

  /** Brings the index in step with the noted rows and switches the triggers back on. */
  async close(): Promise<void> {
    const trx = this.trx;
    const changed = [...this.changed];
    for (const ids of chunked(changed, IDS_PER_QUERY)) {
      await sql`DELETE FROM incident_fts WHERE rowid IN (SELECT n FROM incident_search_key WHERE incident_id IN (${sql.join(ids)}))`.execute(trx);
    }
    for (const ids of chunked(changed, IDS_PER_QUERY)) {
      await sql`INSERT INTO incident_fts (rowid, title, body) SELECT k.n, i.title, incident_search_text(i.body) FROM incident_search_key k JOIN incident i ON i.id = k.incident_id WHERE k.incident_id IN (${sql.join(ids)}) ORDER BY k.n`.execute(trx);
    }
    if (this.created.size) {
      // New keys are numbered after every existing one, in the order the incidents were written, as the triggers number them.
      const top = await sql<{ n: number | null }>`SELECT max(n) AS n FROM incident_search_key`.execute(trx);
      const after = Number(top.rows[0]?.n ?? 0);
      for (const ids of chunked([...this.created], IDS_PER_QUERY)) {
        await sql`INSERT INTO incident_search_key (incident_id) VALUES ${sql.join(ids.map((id) => sql`(${id})`))}`.execute(trx);
      }
      await sql`INSERT INTO incident_fts (rowid, title, body) SELECT k.n, i.title, incident_search_text(i.body) FROM incident_search_key k JOIN incident i ON i.id = k.incident_id WHERE k.n > ${after} ORDER BY k.n`.execute(trx);
    }
    await sql`UPDATE incident_search_gate SET live = 1 WHERE id = 1`.execute(trx);
  }
}
