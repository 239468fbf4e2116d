// The SQLite statements kept by their text: a kept statement answers as a freshly prepared one would, through a
// schema change too, and one in use (iterated) is never handed out twice.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Db } from '../../src/store/db';
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
