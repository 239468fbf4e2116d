// A large SQLite write's commit copies nothing into the file; a large WAL is copied on a worker thread after the
// answer (wal-checkpoint.ts, through largeWrite), a smaller one on the connection at once, as SQLite's own
// checkpoint in the commit did. The rows are readable throughout, from this connection and from another one, and the
// connection's checkpoint setting is its own again after a commit and after a rollback. SQLite's case: largeWrite is a
// plain transaction on PostgreSQL.
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { insertRows, largeWrite } from '../../src/store/bulk-insert';
import { connectDatabase, type Db } from '../../src/store/db';
import { checkpointsRunning, WORKER_CHECKPOINT_BYTES } from '../../src/store/wal-checkpoint';
import { freshDatabase } from './harness';

const NOTE = 'x'.repeat(4000);
const rows = (from: number, count: number) => Array.from({ length: count }, (_, k) => ({ id: `r${from + k}`, note: `${from + k} ${NOTE}` }));

describe('the checkpoint of a large SQLite write', () => {
  let dbs: Db[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await checkpointsRunning();
    for (const db of dbs) await db.destroy();
    dbs = [];
    await drop?.();
  });

  const count = async (db: Db) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db)).rows[0]?.n);
  const setting = async (db: Db) => Number((await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint);
  const write = (db: Db, from: number, n: number) => largeWrite(db, (trx) => insertRows(trx, 't', rows(from, n), ['id', 'note'], { rolledBackWhole: true }));

  it('copies a smaller WAL at once as before, answers before a large one is copied into the file and copies it on a worker', async () => {
    const fresh = await freshDatabase('sqlite');
    drop = fresh.drop;
    const db = await connectDatabase(fresh.target);
    const other = await connectDatabase(fresh.target);
    dbs = [db, other];
    await sql`CREATE TABLE t (id text PRIMARY KEY, note text NOT NULL)`.execute(db);
    const fileBytes = () => fs.statSync(fresh.target).size;

    // About 8 MB on a new file (over SQLite's 1,000 pages, under the worker's threshold): copied by the connection before the answer.
    await write(db, 0, 2000);
    expect(await checkpointsRunning()).toHaveLength(0);
    expect(fileBytes()).toBeGreaterThan(2000 * 4000);
    expect(await count(other)).toBe(2000);

    // About 40 MB: past the worker's threshold.
    const large = Math.ceil(WORKER_CHECKPOINT_BYTES / 4000) + 1000;
    const before = fileBytes();
    await write(db, 2000, large);
    const answered = fileBytes();
    const outcomes = await checkpointsRunning();
    // The commit left the rows in the WAL (the file holds less than a tenth of them), both connections read them all.
    expect(answered - before).toBeLessThan((large * 4000) / 10);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: true, thread: 'worker' });
    const done = outcomes[0] as { log: number; checkpointed: number };
    expect(done.checkpointed).toBe(done.log);
    expect(fileBytes()).toBeGreaterThan(before + large * 4000);
    expect(await count(db)).toBe(2000 + large);
    expect(await count(other)).toBe(2000 + large);
    expect(await setting(db)).toBe(1000);

    // A write that fails writes nothing, starts no copy, and gives the connection its setting back.
    await expect(largeWrite(db, async (trx) => {
      await insertRows(trx, 't', rows(2000 + large, 9000), ['id', 'note'], { rolledBackWhole: true });
      throw new Error('stop');
    })).rejects.toThrow('stop');
    expect(await checkpointsRunning()).toHaveLength(0);
    expect(await count(other)).toBe(2000 + large);
    expect(await setting(db)).toBe(1000);
    expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(other)).rows.map((r) => r.integrity_check)).toEqual(['ok']);
  });
});
