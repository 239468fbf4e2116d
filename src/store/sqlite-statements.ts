// Kysely's SQLite driver asks the database to prepare every statement anew on each query: for a page of the
// incident list (three statements) that was 0.2–0.3 ms of a 1.5 ms request. The database handed to the driver here
// keeps the statements it prepared, by their SQL text, in a bounded LRU, and hands one back only when it is not in
// use: a statement being iterated (a streamed query) is busy, and a second use meanwhile gets a statement of its
// own. SQLite prepares a kept statement again by itself when the schema changes (sqlite3_prepare_v3), so a kept
// statement answers as a fresh one would. Long texts (multi-row inserts of a few thousand values) are not kept: they
// are prepared once per part and would only crowd the cache out. Nor are PRAGMA statements: SQLite applies a setting
// such as `temp_store = MEMORY` while it prepares the statement, and running a kept one again may change nothing.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Statements kept at most; the product's distinct queries are a few hundred. */
const MAX_STATEMENTS = 512;
/** SQL texts longer than this are prepared each time. */
const MAX_KEPT_TEXT = 8192;
/** Statements prepared each time: settings take effect when prepared. */
const PRAGMA = /^\s*pragma\b/i;

export class KeptStatements implements SqliteDatabase {
  private readonly kept = new LRUCache<string, SQLite.Statement>({ max: MAX_STATEMENTS });
  /** Statements prepared, and answered from those kept (for tests). */
  prepared = 0;
  reused = 0;

  constructor(readonly sqlite: SQLite.Database) {}

  prepare(text: string): SQLite.Statement {
    if (text.length > MAX_KEPT_TEXT || PRAGMA.test(text)) return this.fresh(text);
    const stmt = this.kept.get(text);
    if (stmt && !stmt.busy) {
      this.reused++;
      return stmt;
    }
    const made = this.fresh(text);
    // A busy kept statement stays kept: its iteration ends soon, and this one is used once.
    if (!stmt) this.kept.set(text, made);
    return made;
  }

  close(): void {
    this.kept.clear();
    this.sqlite.close();
  }

  private fresh(text: string): SQLite.Statement {
    this.prepared++;
    return this.sqlite.prepare(text);
  }
}
