// A large SQLite write's secondary indexes built once at its end (deferred-indexes.ts, through largeWrite): dropped
// inside the transaction only for a table the write fills at least half of, from a few thousand rows; created again
// from the same text before the commit, with their statistics; put back by the rollback when the write fails. And an
// import large enough to defer stores the same rows, schema and index entries as the same import entry by entry.
// PostgreSQL keeps its indexes (largeWrite is a plain transaction there): these cases are SQLite's.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { insertRows, largeWrite } from '../../src/store/bulk-insert';
import { connectDatabase, type Db } from '../../src/store/db';
import { deferral, DeferredIndexes } from '../../src/store/deferred-indexes';
import { IMPORT_TABLES, LOCAL_DE, writeCfrRows } from './exchange-support';
import { freshDatabase, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';

interface Row {
  id: string;
  n: number;
  note: string;
}
const COLUMNS = ['id', 'n', 'note'] as const;
// Keys, numbers and notes in no order, as an import's hashes and dates come.
const rowsOf = (from: number, count: number): Row[] => Array.from({ length: count }, (_, k) => {
  const i = from + k;
  return { id: `k${String((i * 7919) % 100_003).padStart(6, '0')}`, n: (i * 104_729) % 997, note: `note ${(i * 31) % 211}` };
});
const INDEXES = ['t_n', 't_note'];

describe('deferred indexes of a large write on SQLite', () => {
  let db: Db | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await db?.destroy();
    await drop?.();
    db = undefined;
  });

  const open = async () => {
    const fresh = await freshDatabase('sqlite');
    drop = fresh.drop;
    db = await connectDatabase(fresh.target);
    await sql`CREATE TABLE t (id text PRIMARY KEY, n integer NOT NULL, note text NOT NULL)`.execute(db);
    await sql`CREATE INDEX t_n ON t (n DESC, id)`.execute(db);
    await sql`CREATE INDEX t_note ON t (note)`.execute(db);
    return db;
  };
  const schema = async (conn: Db) => (await sql<{ name: string; sql: string | null }>`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`.execute(conn)).rows;
  const indexesOf = async (conn: Db) => (await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 't' AND sql IS NOT NULL ORDER BY name`.execute(conn)).rows.map((r) => r.name);
  const integrity = async (conn: Db) => (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(conn)).rows.map((r) => r.integrity_check);
  const write = (conn: Db, rows: Row[]) => insertRows(conn, 't', rows, COLUMNS, { rolledBackWhole: true });

  it('drops the indexes of a table the write fills, in its transaction, and builds them again from the same text before the commit', async () => {
    const conn = await open();
    const before = await schema(conn);
    const rows = rowsOf(0, 2500);
    const during = await largeWrite(conn, async (trx) => {
      await write(trx, rows.slice(0, 999));
      const early = await indexesOf(trx);
      await write(trx, rows.slice(999));
      return { early, late: await indexesOf(trx) };
    });
    // Below the threshold the indexes stay; past it they are gone until the end of the write.
    expect(during).toEqual({ early: INDEXES, late: [] });
    expect(await schema(conn)).toEqual(before);
    expect(await integrity(conn)).toEqual(['ok']);
    // Read through each index, the rows come in its order.
    const byN = (await sql<Row>`SELECT id, n, note FROM t INDEXED BY t_n ORDER BY n DESC, id`.execute(conn)).rows;
    expect(byN).toEqual([...rows].sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1)));
    const plan = (await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM t WHERE note = 'note 7'`.execute(conn)).rows.map((r) => r.detail).join(' ');
    expect(plan).toMatch(/USING (COVERING )?INDEX t_note /);
  });

  it('keeps the indexes of a table holding more than twice the rows the write brings, and of a small write', async () => {
    const conn = await open();
    const small = await largeWrite(conn, async (trx) => {
      await write(trx, rowsOf(0, 900));
      return indexesOf(trx);
    });
    expect(small).toEqual(INDEXES);
    await insertRows(conn, 't', rowsOf(900, 5000), COLUMNS);
    const seen = await largeWrite(conn, async (trx) => {
      await write(trx, rowsOf(5900, 2000));
      return indexesOf(trx);
    });
    expect(seen).toEqual(INDEXES);
    // The same write into a table that holds fewer rows than it brings is deferred.
    await sql`DELETE FROM t WHERE id IN (SELECT id FROM t ORDER BY id LIMIT 6000)`.execute(conn);
    const again = await largeWrite(conn, async (trx) => {
      await write(trx, rowsOf(7900, 2000));
      return indexesOf(trx);
    });
    expect(again).toEqual([]);
    expect(await indexesOf(conn)).toEqual(INDEXES);
    expect(await integrity(conn)).toEqual(['ok']);
  });

  it('leaves the indexes and no row of a write that fails after dropping them', async () => {
    const conn = await open();
    await write(conn, rowsOf(0, 10));
    const before = await schema(conn);
    await expect(largeWrite(conn, async (trx) => {
      await write(trx, rowsOf(10, 3000));
      expect(await indexesOf(trx)).toEqual([]);
      await write(trx, rowsOf(0, 1)); // a stored key
    })).rejects.toThrow(/UNIQUE/);
    expect(await schema(conn)).toEqual(before);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(conn)).rows[0]?.n).toBe(10);
    // The next large write defers and builds them again as before.
    await largeWrite(conn, (trx) => write(trx, rowsOf(10, 3000)));
    expect(await schema(conn)).toEqual(before);
    expect(await integrity(conn)).toEqual(['ok']);
  });

  it("puts an analysed index's statistics back with it", async () => {
    const conn = await open();
    await write(conn, rowsOf(0, 400));
    await sql`ANALYZE`.execute(conn);
    const stats = async () => ({
      stat1: (await sql`SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx`.execute(conn)).rows,
      // SQLite as built here keeps samples too (SQLITE_ENABLE_STAT4).
      stat4: (await sql`SELECT tbl, idx, neq, nlt, ndlt, hex(sample) AS sample FROM sqlite_stat4 ORDER BY tbl, idx, nlt`.execute(conn)).rows,
    });
    const analysed = await stats();
    expect(analysed.stat1.map((r) => (r as { idx: string }).idx)).toEqual(expect.arrayContaining(INDEXES));
    expect(analysed.stat4.length).toBeGreaterThan(0);
    const dropped = await largeWrite(conn, async (trx) => {
      await write(trx, rowsOf(400, 2000));
      return indexesOf(trx);
    });
    expect(dropped).toEqual([]);
    expect(await stats()).toEqual(analysed);
  });
});

describe('an import large enough to defer its indexes, on SQLite', () => {
  const dir = tempDir('cyberdiplo-deferred-indexes-');
  let harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses) await h.close();
    harnesses = [];
    deferral.from = 1000;
    vi.restoreAllMocks();
  });

  /** Every table the import writes, its schema and the entries of every index, as digests. */
  async function stored(h: Harness): Promise<Record<string, string>> {
    const digest = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
    const out: Record<string, string> = {};
    for (const [t, order] of Object.entries(IMPORT_TABLES)) out[t] = digest((await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${sql.raw(order)}`.execute(h.wb.db)).rows);
    out.schema = digest((await sql`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`.execute(h.wb.db)).rows);
    const indexes = (await sql<{ name: string; tbl_name: string }>`SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`.execute(h.wb.db)).rows;
    for (const { name, tbl_name } of indexes) {
      // The index's own entries in its order: its key columns, then the row they point to.
      const keys = (await sql<{ name: string; desc: number }>`SELECT name, desc FROM pragma_index_xinfo(${name}) WHERE key = 1 ORDER BY seqno`.execute(h.wb.db)).rows;
      const order = keys.map((k) => sql`${sql.ref(k.name)} ${sql.raw(k.desc ? 'DESC' : 'ASC')}`);
      const entries = await sql`SELECT ${sql.join(keys.map((k) => sql.ref(k.name)))}, rowid FROM ${sql.table(tbl_name)} INDEXED BY ${sql.raw(`"${name}"`)} ORDER BY ${sql.join(order)}, rowid`.execute(h.wb.db);
      out[`index ${name}`] = digest(entries.rows);
    }
    out.integrity = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(h.wb.db)).rows.map((r) => r.integrity_check).join(' ');
    return out;
  }

  async function importTwice(from: number): Promise<{ stored: Record<string, string>; deferred: string[] }> {
    deferral.from = from;
    const deferred: string[] = [];
    vi.restoreAllMocks();
    const restore = DeferredIndexes.prototype.restore;
    vi.spyOn(DeferredIndexes.prototype, 'restore').mockImplementation(function (this: DeferredIndexes) {
      deferred.push(...this.deferred);
      restore.call(this);
    });
    const h = await startHarness(teamConfig(), 'sqlite');
    harnesses.push(h);
    const ex = new ExchangeService(h.wb, new TestClock());
    const first = writeCfrRows(path.join(dir, 'first.csv'), 2200, () => undefined);
    expect((await ex.importFiles(LOCAL_DE, 'cfr', [first])).written.incident).toMatchObject({ created: 2200 });
    // Half the rows changed: updates through upserts, history rows, audit rows.
    const changed = writeCfrRows(path.join(dir, 'changed.csv'), 2200, (i) => (i % 2 ? `Changed row ${i}.` : undefined));
    expect((await ex.importFiles(LOCAL_DE, 'cfr', [changed])).written.incident).toMatchObject({ updated: 1100 });
    return { stored: await stored(h), deferred };
  }

  it('stores the same rows, schema and index entries as the import entry by entry', async () => {
    const rowByRow = await importTwice(Number.POSITIVE_INFINITY);
    const deferred = await importTwice(1000);
    expect(rowByRow.deferred).toEqual([]);
    // Both imports deferred the indexes of the incident, history, link, marking and audit tables.
    expect(new Set(deferred.deferred)).toEqual(new Set(['incident_start', 'incident_category_start', 'incident_history_incident', 'exchange_link_tlp', 'record_marking_visibility', 'audit_log_target']));
    expect(deferred.stored.integrity).toBe('ok');
    expect(deferred.stored).toEqual(rowByRow.stored);
  }, 120_000);
});
