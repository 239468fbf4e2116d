// INSERT statements for the writes of many rows at once (imports and their audit entries), written out here: through
// the query builder, thousands of values cost more to build than to insert. Table and column names come from the
// callers' constants, never from input; values are always bound parameters.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf, keptStatementsOf, type Db } from './db';
import { DeferredIndexes } from './deferred-indexes';
import type { KeptStatements } from './sqlite-statements';
import { commitThenCheckpoint } from './wal-checkpoint';

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
   * failing statement need not be undone alone, nor the rows of this call written before it. A plain insert is then
   * written `INSERT OR FAIL` on SQLite, which keeps no statement journal: otherwise SQLite copies every page the
   * statement is about to change first (bench/README.md, the write step's tenth round); upserts keep it. And on SQLite
   * inside a transaction the rows go through short kept statements (`insertKept`). The rows written when nothing
   * fails are the same.
   */
  rolledBackWhole?: boolean;
}

/**
 * Rows per statement run on the SQLite handle directly (`insertKept`): a statement of a few rows, prepared once and
 * kept, binds and runs for less than a multi-row statement of hundreds prepared anew each time (bench/README.md, the
 * import's statements, tenth round, second part).
 */
export const KEPT_GROUP = 16;

/**
 * Inserts `rows` into `table`, in the order given. With `rolledBackWhole` on SQLite inside a transaction, through a
 * statement of `KEPT_GROUP` rows and one of a single row, both kept by their text and run on the database handle
 * directly, without the driver's per-query work: a failing row leaves the rows before it in place, for the caller's
 * rollback. Otherwise (PostgreSQL, SQLite outside a transaction, or a caller that goes on after a failure) in
 * multi-row statements through Kysely, each undone whole when it fails (unless written `INSERT OR FAIL`).
 */
export async function insertRows<R extends object>(db: Db, table: string, rows: readonly R[], columns: readonly (keyof R & string)[], opts: InsertOptions<R> = {}): Promise<void> {
  if (!rows.length) return;
  const pg = dialectOf(db) === 'postgres';
  const q = (name: string) => `"${name}"`;
  const { upsert } = opts;
  const verb = opts.rolledBackWhole && !upsert && !pg ? 'INSERT OR FAIL' : 'INSERT';
  const head = `${verb} INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES `;
  const tail = upsert ? ` ON CONFLICT (${q(upsert.key)}) DO UPDATE SET ${upsert.update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : '';
  const kept = pg || !opts.rolledBackWhole ? undefined : heldStatements(db);
  if (kept) {
    // Inside a large write, a table that took many rows has its indexes built once at the end (deferred-indexes.ts).
    DeferredIndexes.of(kept.sqlite)?.wrote(table, rows.length);
    return insertKept(kept, head, tail, rows, columns);
  }
  const size = rowsPerStatement(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + size).map((r) => `(${columns.map((c) => (params.push(r[c]), pg ? `$${params.length}` : '?')).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, params));
  }
}

/**
 * The kept statements of `db` when it is an SQLite transaction that is open: the transaction holds the only
 * connection, and better-sqlite3 runs each statement to its end before returning, so a statement run on the handle
 * here is part of the transaction, between the caller's other queries, as one through Kysely would be.
 */
function heldStatements(db: Db): KeptStatements | undefined {
  if (!db.isTransaction) return undefined;
  const kept = keptStatementsOf(db);
  return kept?.sqlite.inTransaction ? kept : undefined;
}

function insertKept<R extends object>(kept: KeptStatements, head: string, tail: string, rows: readonly R[], columns: readonly (keyof R & string)[]): void {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const n = columns.length;
  let i = 0;
  if (rows.length >= KEPT_GROUP) {
    const group = kept.prepare(head + new Array<string>(KEPT_GROUP).fill(tuple).join(', ') + tail);
    const params = new Array<unknown>(n * KEPT_GROUP);
    for (; i + KEPT_GROUP <= rows.length; i += KEPT_GROUP) {
      let k = 0;
      for (let j = i; j < i + KEPT_GROUP; j++) {
        const r = rows[j] as R;
        for (let c = 0; c < n; c++) params[k++] = r[columns[c] as keyof R];
      }
      group.run(params);
    }
  }
  if (i === rows.length) return;
  const one = kept.prepare(head + tuple + tail);
  const params = new Array<unknown>(n);
  for (; i < rows.length; i++) {
    const r = rows[i] as R;
    for (let c = 0; c < n; c++) params[c] = r[columns[c] as keyof R];
    one.run(params);
  }
}

/**
 * Runs `fn` in one transaction of `db`, on SQLite with the statement journal in memory and the secondary indexes of
 * the tables it fills deferred. Inside a transaction SQLite copies every page that a statement able to fail half way
 * (a multi-row insert, an upsert) is about to change to a statement journal first, so that the statement alone can be
 * undone; past its first 64 KB that journal is a temporary file, written a page at a time: one system call per page,
 * most of a large import's system time (bench/README.md, Imports). With `temp_store = MEMORY` the journal stays in
 * memory: at most the prior content of the pages one statement changes (not those it adds), freed when the statement
 * ends. SQLite takes the setting only outside a transaction and applies it when the statement is prepared
 * (sqlite-statements.ts prepares pragmas each time): it is set before the transaction and put back after it, on a
 * connection held for the whole span, so that nothing else runs on it meanwhile. A table into which `fn` inserts
 * (through `insertRows` with `rolledBackWhole`) at least half of its rows has its CREATE INDEX indexes dropped and
 * created again before the commit (deferred-indexes.ts). The commit does not checkpoint: a large WAL is copied into
 * the file on a worker thread after it (wal-checkpoint.ts). What is written, and the schema committed, are the same.
 */
export async function largeWrite<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    const before = await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(conn);
    const setting = Number(before.rows[0]?.temp_store ?? 0);
    await sql`PRAGMA temp_store = MEMORY`.execute(conn);
    const run = () =>
      conn.transaction().execute(async (trx) => {
        const kept = keptStatementsOf(trx);
        const indexes = kept ? DeferredIndexes.begin(kept.sqlite) : undefined;
        try {
          const out = await fn(trx);
          indexes?.restore();
          return out;
        } finally {
          // On a failure the rollback puts any dropped index back with the rows.
          indexes?.end();
        }
      });
    const sqlite = keptStatementsOf(conn)?.sqlite;
    try {
      // The commit copies nothing into the file; a large WAL is copied on another thread afterwards (wal-checkpoint.ts).
      return await (sqlite ? commitThenCheckpoint(sqlite, run) : run());
    } finally {
      await sql.raw(`PRAGMA temp_store = ${setting}`).execute(conn);
    }
  });
}
