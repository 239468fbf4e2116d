// Bulk inserts (bulk-insert.ts) on every dialect: plain, upsert and `rolledBackWhole` store the same rows, and
// `rolledBackWhole` leaves a failing statement's earlier rows to the caller's rollback (SQLite: no statement journal,
// and rows through kept statements of a few rows).
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, dialectOf, keptStatementsOf, type Db } from '../../src/store/db';
import { KEPT_GROUP, insertRows, largeWrite } from '../../src/store/bulk-insert';
import { dialects, freshDatabase } from './harness';

interface Row {
  id: string;
  n: number | null;
  note: string | null;
}

const COLUMNS = ['id', 'n', 'note'] as const;
const rowsOf = (ids: string[]): Row[] => ids.map((id, i) => ({ id, n: i % 3 ? i : null, note: i % 2 ? `note ${id}` : null }));

describe.each(dialects)('insertRows on %s', (dialect) => {
  let db: Db | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await db?.destroy();
    await drop?.();
    db = undefined;
  });

  const open = async () => {
    const fresh = await freshDatabase(dialect);
    drop = fresh.drop;
    db = await connectDatabase(fresh.target);
    await sql`CREATE TABLE t (id text PRIMARY KEY, n integer, note text)`.execute(db);
    return db;
  };
  const stored = async (conn: Db) => (await sql<Row>`SELECT id, n, note FROM t ORDER BY id`.execute(conn)).rows.map((r) => ({ ...r, n: r.n === null ? null : Number(r.n) }));

  it('stores the same rows plainly, as upserts and for a caller that rolls back whole', async () => {
    const conn = await open();
    // More rows than one statement takes (3 columns: 500 a statement), so that several statements run.
    const rows = rowsOf(Array.from({ length: 1234 }, (_, i) => `k${String((i * 7919) % 1234).padStart(5, '0')}`));
    const expected = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    await largeWrite(conn, (trx) => insertRows(trx, 't', rows, COLUMNS, { rolledBackWhole: true }));
    expect(await stored(conn)).toEqual(expected);
    await sql`DELETE FROM t`.execute(conn);
    await largeWrite(conn, (trx) => insertRows(trx, 't', rows, COLUMNS));
    expect(await stored(conn)).toEqual(expected);
    // Upserting changed rows over them takes every updated column.
    const changed = rows.map((r) => ({ ...r, note: `new ${r.id}` }));
    await largeWrite(conn, (trx) => insertRows(trx, 't', changed, COLUMNS, { upsert: { key: 'id', update: ['n', 'note'] } }));
    expect(await stored(conn)).toEqual([...changed].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('fails on a stored key when rolling back whole, and the rollback leaves nothing of the run', async () => {
    const conn = await open();
    await insertRows(conn, 't', rowsOf(['m']), COLUMNS);
    await expect(largeWrite(conn, async (trx) => {
      await insertRows(trx, 't', rowsOf(['a', 'b']), COLUMNS, { rolledBackWhole: true });
      await insertRows(trx, 't', rowsOf(['c', 'm', 'z']), COLUMNS, { rolledBackWhole: true });
    })).rejects.toThrow(/unique|duplicate/i);
    expect((await stored(conn)).map((r) => r.id)).toEqual(['m']);
  });

  it.runIf(dialect === 'sqlite')('on SQLite, keeps the rows a failing statement wrote before it failed for the caller to roll back, where a plain insert undoes them', async () => {
    const conn = await open();
    expect(dialectOf(conn)).toBe('sqlite');
    await insertRows(conn, 't', rowsOf(['m']), COLUMNS);
    const seen = await largeWrite(conn, async (trx) => {
      const ids = async () => (await stored(trx)).map((r) => r.id);
      // 'a' goes in, then 'm' breaks the key: a plain insert (ABORT) undoes 'a' by its statement journal...
      await expect(insertRows(trx, 't', rowsOf(['a', 'm', 'z']), COLUMNS)).rejects.toThrow(/UNIQUE/);
      const plain = await ids();
      // ...INSERT OR FAIL keeps no such journal: 'b' stays until the caller rolls back.
      await expect(insertRows(trx, 't', rowsOf(['b', 'm', 'y']), COLUMNS, { rolledBackWhole: true })).rejects.toThrow(/UNIQUE/);
      return { plain, whole: await ids() };
    });
    expect(seen).toEqual({ plain: ['m'], whole: ['b', 'm'] });
  });

  it.runIf(dialect === 'sqlite')('on SQLite, a caller that rolls back whole writes through kept statements of a few rows, in order, the same rows', async () => {
    const conn = await open();
    const kept = keptStatementsOf(conn);
    if (!kept) throw new Error('an SQLite database has kept statements');
    // Two groups and a remainder of single rows; an id brought twice is upserted in the order given (the later wins).
    const ids = Array.from({ length: 2 * KEPT_GROUP + 5 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const rows = rowsOf(ids);
    const again = rowsOf(['k001', 'k001', 'k100']).map((r, i) => ({ ...r, note: `again ${i}` }));
    const counts = await largeWrite(conn, async (trx) => {
      const start = { prepared: kept.prepared, reused: kept.reused };
      await insertRows(trx, 't', rows.slice(0, KEPT_GROUP + 1), COLUMNS, { rolledBackWhole: true });
      const first = { prepared: kept.prepared - start.prepared, reused: kept.reused - start.reused };
      await insertRows(trx, 't', rows.slice(KEPT_GROUP + 1), COLUMNS, { rolledBackWhole: true });
      await insertRows(trx, 't', again, COLUMNS, { rolledBackWhole: true, upsert: { key: 'id', update: ['n', 'note'] } });
      return { first, second: { prepared: kept.prepared - start.prepared - first.prepared } };
    });
    // The first call prepared its group's and its single row's statement; the second used them again.
    expect(counts.first.prepared).toBe(2);
    expect(counts.second.prepared).toBe(1); // the upsert's single-row statement alone
    const expected = new Map(rows.map((r) => [r.id, r]));
    for (const r of again) expected.set(r.id, { ...(expected.get(r.id) ?? r), n: r.n, note: r.note });
    expect(await stored(conn)).toEqual([...expected.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await stored(conn)).find((r) => r.id === 'k001')?.note).toBe('again 1');
  });
});
