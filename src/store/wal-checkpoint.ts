// The copy of a large write's WAL into the SQLite file, made on another thread once the write has committed. SQLite
// checkpoints inside the committing statement when the WAL has grown past its threshold: after an import of 100,000
// STIX objects that is a copy of about 250 MB, on the event loop, although the import is already durable in the WAL
// (synchronous = FULL syncs it at the commit). A large write's connection commits without checkpointing
// (wal_autocheckpoint = 0 for its span, `largeWrite`), and a worker thread with a connection of its own makes the
// same PASSIVE checkpoint SQLite would have made, while the caller goes on (bench/README.md, "The import's checkpoint
// on the second core"). Readers see the same rows throughout: a page is read from the WAL until it has been copied.
// A write committed meanwhile finds the checkpoint busy and leaves it (a PASSIVE checkpoint never waits); a failed or
// interrupted checkpoint leaves the WAL to the next one, as SQLite's own does.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * A WAL file at least this large after a large write's commit is checkpointed on a worker; a smaller one on the
 * connection itself, at once, as SQLite would have done in the commit (a worker's start costs about 30 ms). The file's
 * size is what is read: SQLite writes a WAL again from its start and does not shrink it, so once a write has made it
 * this large, later large writes are copied on a worker too, whatever they wrote.
 */
export const WORKER_CHECKPOINT_BYTES = 32 << 20;

/** The worker's whole program (CommonJS, given as text so that it runs the same from the sources and from dist/). */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
} catch (e) {
  parentPort.postMessage({ ok: false, error: e && e.message ? e.message : String(e) });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

/** What a checkpoint did: the WAL's frames and those copied, or why it could not run. */
export type CheckpointOutcome = { ok: true; busy: number; log: number; checkpointed: number; thread: 'worker' | 'connection' } | { ok: false; error: string };

const running = new Set<Promise<CheckpointOutcome>>();

/** Checkpoints still running on workers, awaited together (benchmarks time them; tests wait for them). */
export async function checkpointsRunning(): Promise<CheckpointOutcome[]> {
  return Promise.all([...running]);
}

/** The size of the WAL of an SQLite file; 0 for an in-memory database or when there is none. */
function walBytes(sqlite: SQLite.Database): number {
  if (sqlite.memory) return 0;
  try {
    return fs.statSync(`${sqlite.name}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Runs `commit` (the end of a large write's transaction) with SQLite's automatic checkpoint off on `sqlite`, then has
 * the WAL copied into the file: on a worker when it is large, else on the connection, when SQLite's own threshold
 * (wal_autocheckpoint pages) is reached, as the commit would have done.
 */
export async function commitThenCheckpoint<T>(sqlite: SQLite.Database, commit: () => Promise<T>): Promise<T> {
  const pages = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  sqlite.pragma('wal_autocheckpoint = 0');
  let out: T;
  try {
    out = await commit();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  }
  const bytes = walBytes(sqlite);
  if (bytes >= WORKER_CHECKPOINT_BYTES) checkpointOnWorker(sqlite.name);
  else if (pages > 0 && bytes >= pages * Number(sqlite.pragma('page_size', { simple: true }))) sqlite.pragma('wal_checkpoint(PASSIVE)');
  return out;
}

function checkpointOnWorker(file: string): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const done = new Promise<CheckpointOutcome>((resolve) => {
    let outcome: CheckpointOutcome = { ok: false, error: 'the checkpoint worker stopped without an answer' };
    const worker = new Worker(PROGRAM, { eval: true, workerData: { file, driver } });
    worker.on('message', (m: { ok: true; busy: number; log: number; checkpointed: number } | { ok: false; error: string }) => (outcome = m.ok ? { ...m, thread: 'worker' } : m));
    worker.on('error', (e) => (outcome = { ok: false, error: e.message }));
    worker.on('exit', () => resolve(outcome));
  });
  running.add(done);
  void done.then(() => running.delete(done));
}
