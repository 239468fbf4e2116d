// The SQLite statements kept by their text: a kept statement answers as a freshly prepared one would, through a
// schema change too, and one in use (iterated) is never handed out twice.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../../src/store/db';
import { largeWrite } from '../../src/store/bulk-insert';
import { KeptStatements } from '../../src/store/sqlite-statements';

describe('KeptStatements', () => {
  let raw: SQLite.Database | undefined;
  afterEach(() => raw?.open && raw.close());

  const open = () => {
    raw = new SQLite(':memory:');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    raw.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    return new KeptStatements(raw);
  };

  it('hands back the statement it kept for the same text, and prepares another text', () => {
    const db = open();
    const a = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(a);
    expect(db.prepare('SELECT name FROM t WHERE id > ?')).not.toBe(a);
    expect(db.prepared).toBe(2);
    expect(db.reused).toBe(1);
    expect(a.all([2])).toEqual([{ name: 'b' }]);
  });

  it('gives a statement being iterated to nobody else, and keeps answering right', () => {
    const db = open();
    const text = 'SELECT name FROM t ORDER BY id';
    const outer = db.prepare(text);
    const seen: string[] = [];
    for (const row of outer.iterate([]) as IterableIterator<{ name: string }>) {
      const inner = db.prepare(text);
      expect(inner).not.toBe(outer);
      seen.push(`${row.name}:${(inner.all([]) as { name: string }[]).map((r) => r.name).join('')}`);
    }
    expect(seen).toEqual(['a:abc', 'b:abc', 'c:abc']);
    // Once the iteration is over, the kept statement is handed back again.
    expect(db.prepare(text)).toBe(outer);
  });

  it('answers as a fresh statement after the schema changes', () => {
    const db = open();
    const text = 'SELECT * FROM t WHERE id = ?';
    expect(db.prepare(text).all([1])).toEqual([{ id: 1, name: 'a' }]);
    raw!.exec("ALTER TABLE t ADD COLUMN tlp TEXT DEFAULT 'CLEAR'");
    expect(db.prepare(text).all([1])).toEqual([{ id: 1, name: 'a', tlp: 'CLEAR' }]);
    raw!.exec('DROP TABLE t');
    expect(() => db.prepare(text).all([1])).toThrow(/no such table/);
  });

  it('prepares PRAGMA statements each time, so that a setting is applied every time it is asked for', () => {
    const db = open();
    const setting = () => raw!.pragma('temp_store', { simple: true });
    for (const [text, value] of [['PRAGMA temp_store = MEMORY', 2], ['PRAGMA temp_store = DEFAULT', 0], ['pragma temp_store = MEMORY', 2], ['PRAGMA temp_store = DEFAULT', 0]] as const) {
      db.prepare(text).run();
      expect(setting()).toBe(value);
    }
    expect(db.reused).toBe(0);
  });

  it('does not keep long texts', () => {
    const db = open();
    const text = `SELECT name FROM t WHERE id IN (${Array.from({ length: 3000 }, () => '?').join(', ')})`;
    const args = Array.from({ length: 3000 }, (_, i) => i);
    expect(db.prepare(text).all(args)).toHaveLength(3);
    expect(db.prepare(text).all(args)).toHaveLength(3);
    expect(db.reused).toBe(0);
  });
});

describe('the SQLite database the store opens', () => {
  let db: Db | undefined;
  afterEach(async () => db?.destroy());

  it('answers repeated queries and streams of the same text alike', async () => {
    db = await connectDatabase(':memory:');
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`.execute(db);
    await sql`INSERT INTO t (name) VALUES ('a'), ('b')`.execute(db);
    const k = db.withTables<{ t: { id: number; name: string } }>();
    const query = () => k.selectFrom('t').select('name').orderBy('id');
    expect(await query().execute()).toEqual([{ name: 'a' }, { name: 'b' }]);
    const streamed: string[] = [];
    for await (const row of query().stream()) streamed.push(row.name);
    expect(streamed).toEqual(['a', 'b']);
    await sql`INSERT INTO t (name) VALUES ('c')`.execute(db);
    expect(await query().execute()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  });
});

describe('largeWrite', () => {
  let db: Db | undefined;
  afterEach(async () => db?.destroy());
  const tempStore = async (conn: Db) => Number((await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(conn)).rows[0]?.temp_store);

  it('keeps the statement journal in memory during the transaction only, and a failed statement is undone alone', async () => {
    db = await connectDatabase(':memory:');
    // Wide rows, so that the failing update changes far more than the 64 KB a journal holds before it goes to a file.
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT CHECK (length(name) < 1002))`.execute(db);
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t (name) SELECT printf('%.1000c', 'a') FROM n`.execute(db);
    await sql`UPDATE t SET name = name || 'b' WHERE id = 2000`.execute(db);
    expect(await tempStore(db)).toBe(0);
    const inside = await largeWrite(db, async (trx) => {
      const during = await tempStore(trx);
      await sql`UPDATE t SET name = 'first' WHERE id = 1`.execute(trx);
      // Rows 1 to 1,999 are changed, then row 2,000 breaks the check: the statement alone is undone.
      await expect(sql`UPDATE t SET name = name || 'c'`.execute(trx)).rejects.toThrow(/CHECK constraint failed/);
      await sql`UPDATE t SET name = 'last' WHERE id = 1999`.execute(trx);
      return during;
    });
    expect(inside).toBe(2);
    expect(await tempStore(db)).toBe(0);
    const rows = await sql<{ id: number; name: string }>`SELECT id, name FROM t WHERE id IN (1, 2, 1999, 2000) ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => [r.id, r.name.length, r.name.slice(-1)])).toEqual([[1, 5, 't'], [2, 1000, 'a'], [1999, 4, 't'], [2000, 1001, 'b']]);
  });

  it('rolls everything back and puts the setting back when the transaction fails', async () => {
    db = await connectDatabase(':memory:');
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)`.execute(db);
    await expect(largeWrite(db, async (trx) => {
      await sql`INSERT INTO t (name) VALUES ('a'), ('b')`.execute(trx);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await tempStore(db)).toBe(0);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db)).rows[0]?.n).toBe(0);
  });
});
