// The secondary indexes of a large SQLite write (an import), built once at its end instead of entry by entry. Each
// row an import inserts puts an entry into every index of its table; the import's keys are hashes and dates in no
// order, so each entry lands on a page of its own, and at 100,000 records those pages no longer fit SQLite's page
// cache: they are spilled to the WAL and read back over and over (bench/README.md, the import's write step, eleventh
// round). Once a write has brought at least half of a table's rows, its indexes declared by CREATE INDEX are dropped
// in the write's transaction and created again, from the same text, just before it commits: one sort of every entry,
// its pages written in order. The indexes that enforce a key (primary keys, UNIQUE) stay. Everything happens inside
// the write's transaction: another connection sees the indexes as they were until the commit, a failed write rolls
// the drops back with its rows, and the committed schema and index contents are those the rows alone would give.
import type SQLite from 'better-sqlite3';

/**
 * Rows of one table a write brings before its indexes may be deferred: below this, entry by entry costs little. Tests
 * set it higher to write the same import entry by entry and compare.
 */
export const deferral = { from: 1000 };

interface Dropped {
  table: string;
  name: string;
  text: string;
  /** The index's rows of the statistics tables (after an ANALYZE), put back with it. */
  stats: { table: string; rows: unknown[][] }[];
}

const active = new WeakMap<SQLite.Database, DeferredIndexes>();

export class DeferredIndexes {
  /** Rows inserted per table by this write so far. */
  private readonly written = new Map<string, number>();
  /** Tables already decided (deferred or not): each is looked at once. */
  private readonly decided = new Set<string>();
  private readonly dropped: Dropped[] = [];

  private constructor(private readonly sqlite: SQLite.Database) {}

  /** Starts deferring for a write in an open transaction on `sqlite`; `end` must follow, whatever happens. */
  static begin(sqlite: SQLite.Database): DeferredIndexes {
    const d = new DeferredIndexes(sqlite);
    active.set(sqlite, d);
    return d;
  }

  /** The deferral of the write running on `sqlite`, if any. */
  static of(sqlite: SQLite.Database): DeferredIndexes | undefined {
    return active.get(sqlite);
  }

  /** The indexes this write dropped so far, by table (for tests and benchmarks). */
  get deferred(): string[] {
    return this.dropped.map((d) => d.name);
  }

  /**
   * `rows` more rows about to be inserted into `table`. The first time the write has brought `deferral.from` rows and
   * at least half of those the table then holds (upserts count as rows brought), the table's CREATE INDEX indexes are
   * dropped until `restore`: building them again then sorts at most twice the entries the write would have put in one
   * by one. An index that cannot
   * be dropped now (a statement still reading the table) is kept, and so is the table's row-by-row upkeep.
   */
  wrote(table: string, rows: number): void {
    const n = (this.written.get(table) ?? 0) + rows;
    this.written.set(table, n);
    if (n < deferral.from || this.decided.has(table)) return;
    this.decided.add(table);
    // The rows the table holds before this call's, and with them.
    const held = (this.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    if (2 * n < held + rows) return;
    const indexes = this.sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name").all(table) as { name: string; sql: string }[];
    const statTables = (this.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4') ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    for (const { name, sql } of indexes) {
      const stats = statTables.map((t) => ({ table: t, rows: this.sqlite.prepare(`SELECT * FROM ${t} WHERE idx = ?`).raw().all(name) as unknown[][] }));
      try {
        this.sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
      } catch {
        continue;
      }
      this.dropped.push({ table, name, text: sql, stats });
    }
  }

  /** Creates the dropped indexes again, each from its own text, with its statistics rows; in the write's transaction. */
  restore(): void {
    for (const d of this.dropped.splice(0)) {
      this.sqlite.exec(d.text);
      for (const s of d.stats) {
        if (!s.rows.length) continue;
        const insert = this.sqlite.prepare(`INSERT INTO ${s.table} VALUES (${(s.rows[0] as unknown[]).map(() => '?').join(', ')})`);
        for (const r of s.rows) insert.run(r);
      }
    }
  }

  /** Ends the deferral (after `restore`, or after the transaction's rollback has put the indexes back). */
  end(): void {
    if (active.get(this.sqlite) === this) active.delete(this.sqlite);
  }
}
