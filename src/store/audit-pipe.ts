// An import's audit entries, their rows built on a worker thread (workers/audit-worker.ts) while the import writes its
// next part. The rows come back in order and the import's transaction inserts them in order: the same rows, the same
// chain and the same head as AuditLog.appendMany builds on the import's own thread. A failing worker fails the append
// or the close, and the caller's transaction rolls back whole.
import { createHash, createHmac, type KeyObject } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/threads';
import type { AuditRequest, AuditStart } from '../workers/audit-worker';
import type { AuditWrite } from './audit-rows';
import type { Db } from './db';
import type { AuditLogTable } from './schema';

/** What a pipe needs of the log: the head's two moves, the rows built on this thread, the insert, and the worker's hashes. */
export interface AuditChain {
  reserve(trx: Db, n: number): Promise<{ first: number; prev: string; keyedFrom: number | null }>;
  moveHead(trx: Db, seq: number, hash: string, keyedFrom: number | null): Promise<void>;
  rows(seq: number, prev: string, writes: readonly AuditWrite[], keyedFrom: number | null): AuditLogTable[];
  insert(trx: Db, rows: readonly AuditLogTable[]): Promise<void>;
  /** The key the worker hashes keyed links with (none for a plain trail), or undefined when a worker cannot build this log's hashes. */
  workerHashes(): { key?: KeyObject | undefined } | undefined;
}

/**
 * Whether hashers give what the worker computes (SHA-256 and HMAC-SHA-256 as hex), tried on one text; a log built with
 * other hashers builds its rows on its own thread.
 */
export function sameHashes(plain: (text: string) => string, mac: ((text: string) => string) | undefined, key: KeyObject | undefined): boolean {
  const probe = 'cyberdiplo-audit-worker-probe';
  if (plain(probe) !== createHash('sha256').update(probe).digest('hex')) return false;
  if (!mac) return true;
  return key !== undefined && mac(probe) === createHmac('sha256', key).update(probe).digest('hex');
}

export class AuditPipe {
  private seq = 0;
  private prev: string | undefined;
  private keyedFrom: number | null = null;
  private count = 0;
  private worker: RowWorker | undefined;
  private readonly pending: Promise<AuditLogTable[]>[] = [];

  /** `workerFrom`: entries built on this thread before the worker starts (AUDIT_WORKER_FROM, audit-log.ts). */
  constructor(
    private readonly log: AuditChain,
    private readonly trx: Db,
    private readonly workerFrom: number,
  ) {}

  /** Whether a worker built rows of this import (for tests). */
  threaded = false;

  /** The worker thread while it runs (tests stop it to show that the import then fails whole). */
  get thread(): Worker | undefined {
    return this.worker?.worker;
  }

  /** Appends entries after those given before; their rows are inserted by a later append or by `close`. */
  async appendMany(writes: readonly AuditWrite[]): Promise<void> {
    if (!writes.length) return;
    const head = await this.log.reserve(this.trx, writes.length);
    if (this.prev === undefined) {
      this.prev = head.prev;
      this.keyedFrom = head.keyedFrom;
    } else if (head.first !== this.seq + 1) throw new Error(`The audit head moved during an import (entry ${head.first} after ${this.seq})`);
    this.seq = head.first + writes.length - 1;
    await this.insertBuilt();
    const hashes = this.worker || this.count + writes.length < this.workerFrom ? undefined : this.log.workerHashes();
    if (!this.worker && hashes) {
      this.worker = new RowWorker({ prev: this.prev, keyedFrom: this.keyedFrom, key: hashes.key });
      this.threaded = true;
    }
    if (this.worker) {
      const rows = this.worker.rows(head.first, writes);
      // Awaited by the next append or the close; a failure meanwhile is not an unhandled rejection.
      rows.catch(() => undefined);
      this.pending.push(rows);
    } else {
      const rows = this.log.rows(head.first, this.prev, writes, this.keyedFrom);
      this.prev = rows[rows.length - 1]?.hash ?? this.prev;
      await this.log.insert(this.trx, rows);
    }
    this.count += writes.length;
  }

  /** Inserts the rows still out and moves the head to the last entry; stops the worker. */
  async close(): Promise<void> {
    try {
      await this.insertBuilt();
      if (this.prev !== undefined) await this.log.moveHead(this.trx, this.seq, this.prev, this.keyedFrom);
    } finally {
      this.stop();
    }
  }

  /** Stops the worker (after a failure, or once closed). */
  stop(): void {
    this.worker?.stop();
    this.worker = undefined;
  }

  private async insertBuilt(): Promise<void> {
    while (this.pending.length) {
      const rows = await (this.pending[0] as Promise<AuditLogTable[]>);
      this.pending.shift();
      this.prev = rows[rows.length - 1]?.hash ?? this.prev;
      await this.log.insert(this.trx, rows);
    }
  }
}

/** The worker, its answers taken in the order of the requests. */
class RowWorker {
  readonly worker: Worker;
  private readonly waiting: { resolve: (rows: AuditLogTable[]) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | undefined;
  private stopped = false;

  constructor(start: AuditStart) {
    this.worker = startWorker('audit-worker');
    this.worker.on('message', (m: { rows: AuditLogTable[] } | { error: string }) => {
      const w = this.waiting.shift();
      if ('error' in m) w?.reject(this.fail(m.error));
      else w?.resolve(m.rows);
    });
    this.worker.on('error', (e) => this.fail(e.message));
    this.worker.on('exit', (code) => this.fail(`the worker stopped (exit code ${code})`));
    this.post({ start });
  }

  rows(seq: number, writes: readonly AuditWrite[]): Promise<AuditLogTable[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.push({ resolve, reject });
      this.post({ seq, writes: writes as AuditWrite[] });
    });
  }

  stop(): void {
    this.stopped = true;
    void this.worker.terminate();
  }

  private post(m: AuditRequest): void {
    this.worker.postMessage(m);
  }

  private fail(reason: string): Error {
    if (!this.failure && !this.stopped) this.failure = new Error(`The import's audit entries could not be built: ${reason}`);
    const failure = this.failure ?? new Error('The audit worker was stopped');
    for (const w of this.waiting.splice(0)) w.reject(failure);
    return failure;
  }
}
