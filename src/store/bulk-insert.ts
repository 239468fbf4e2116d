// Multi-row INSERT statements compiled here, for the writes of many rows at once (imports and their audit entries):
// through the query builder, thousands of values cost more to build than to insert. Table and column names come
// from the callers' constants, never from input; values are always bound parameters.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf, type Db } from './db';

/**
 * Rows per statement so that one statement binds at most 30,000 values: under SQLite's limit (32,766 since 3.32)
 * and PostgreSQL's (65,535), with statements short enough to prepare quickly.
 */
export function rowsPerStatement(columns: number, cap = 500): number {
  return Math.max(1, Math.min(cap, Math.floor(30_000 / columns)));
}

/** How a multi-row insert meets existing rows, and what a failing statement may leave. */
export interface InsertOptions<R> {
  /** Update the row holding the same `key` instead of failing (ON CONFLICT ... DO UPDATE). */
  upsert?: { key: string; update: readonly (keyof R & string)[] } | undefined;
  /**
   * The caller rolls its whole transaction back when a statement fails (an import: nothing of it is kept then), so a
   * failing statement need not be undone alone. A plain insert is then written `INSERT OR FAIL` on SQLite, which keeps
   * no statement journal: otherwise SQLite copies every page the statement is about to change first (bench/README.md,
   * the write step's tenth round). The rows written when nothing fails are the same. Not for upserts, which keep it.
   */
  rolledBackWhole?: boolean;
}

export async function insertRows<R extends object>(db: Db, table: string, rows: readonly R[], columns: readonly (keyof R & string)[], opts: InsertOptions<R> = {}): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const q = (name: string) => `"${name}"`;
  const { upsert } = opts;
  const verb = opts.rolledBackWhole && !upsert && !pg ? 'INSERT OR FAIL' : 'INSERT';
  const head = `${verb} INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES `;
  const tail = upsert ? ` ON CONFLICT (${q(upsert.key)}) DO UPDATE SET ${upsert.update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : '';
  const size = rowsPerStatement(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + size).map((r) => `(${columns.map((c) => (params.push(r[c]), pg ? `$${params.length}` : '?')).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, params));
  }
}

/**
 * Runs `fn` in one transaction of `db`, on SQLite with the statement journal in memory. Inside a transaction SQLite
 * copies every page that a statement able to fail half way (a multi-row insert, an upsert) is about to change to a
 * statement journal first, so that the statement alone can be undone; past its first 64 KB that journal is a
 * temporary file, written a page at a time: one system call per page, most of a large import's system time
 * (bench/README.md, Imports). With `temp_store = MEMORY` the journal stays in memory: at most the prior content of
 * the pages one statement changes (not those it adds), freed when the statement ends. What is written is the same.
 * SQLite takes the setting only outside a transaction and applies it when the statement is prepared
 * (sqlite-statements.ts prepares pragmas each time): it is set before the transaction and put back after it, on a
 * connection held for the whole span, so that nothing else runs on it meanwhile.
 */
export async function largeWrite<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    const before = await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(conn);
    const setting = Number(before.rows[0]?.temp_store ?? 0);
    await sql`PRAGMA temp_store = MEMORY`.execute(conn);
    try {
      return await conn.transaction().execute(fn);
    } finally {
      await sql.raw(`PRAGMA temp_store = ${setting}`).execute(conn);
    }
  });
}
