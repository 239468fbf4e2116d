// Benchmark (not a test): where a first import's SQLite time goes, statement by statement. Generates the synthetic
// CFR or STIX file of the import benchmarks, runs one first import into a fresh SQLite file with every better-sqlite3
// statement timed (process.cpuUsage around each call: SQLite's own work, user and system CPU apart), and prints the
// statements grouped by what they do to which table, with the process's CPU, system CPU, peak RSS and file reads and
// writes (/proc/self/io) of the import.
// Run: TZ=UTC node --expose-gc --import tsx bench/import-statements.ts cfr|stix [units=20000] [--cache-mb=N]
//      TZ=UTC node --expose-gc --import tsx bench/import-statements.ts eurepoc <folder of the three release 1.1 files>
//   --cache-mb=N  the import's page cache (PRAGMA cache_size = -N*1024), for trials; the store's setting otherwise.
//   --keep        leaves the database file (its path is printed) for a look at what the import wrote.
//   --checkpoint-after  the import's commit copies nothing into the file (wal_autocheckpoint = 0 on its connection);
//                 the copy is then made by one PASSIVE checkpoint after the import, timed apart: what the commit's
//                 checkpoint costs, and what a later writer or the close would pay if the import left it. Since a
//                 large write's WAL is copied by a worker after its commit (store/wal-checkpoint.ts), that copy is
//                 timed and printed in any case, and this one finds what the worker left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { ExchangeService } from '../src/app/exchange-service';
import { openWorkbench } from '../src/app/workbench';
import { readConfig } from '../src/config';
import { keptStatementsOf } from '../src/store/db';
import { DeferredIndexes } from '../src/store/deferred-indexes';
import type { KeptStatements } from '../src/store/sqlite-statements';
import { checkpointsRunning } from '../src/store/wal-checkpoint';
import { writeCfrCsv, writeStixBundle } from './synthetic';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const format = args[0];
if (format !== 'cfr' && format !== 'stix' && format !== 'eurepoc') {
  console.error(`unknown format ${String(format)}: use cfr, stix or eurepoc`);
  process.exit(2);
}
const EUREPOC_FILES = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'];
const N = format === 'eurepoc' ? 0 : Number(args[1] ?? 20_000);
const cacheArg = process.argv.find((a) => a.startsWith('--cache-mb='));
const cacheMb = cacheArg ? Number(cacheArg.slice('--cache-mb='.length)) : undefined;

interface Group {
  calls: number;
  /** CPU of the main thread in the group's calls, ns (less the reading's own cost). */
  ns: number;
}
const groups = new Map<string, Group>();

// The main thread's CPU time, from the kernel's scheduler statistics (nanoseconds): process.cpuUsage would count the
// other threads too (garbage collection, workers) while a statement runs. One read costs some microseconds, part of
// which falls inside each timed call: that part is measured on empty calls first and taken off each call.
const schedFd = fs.openSync('/proc/thread-self/schedstat', 'r');
const schedBuf = Buffer.alloc(128);
function threadNs(): number {
  const n = fs.readSync(schedFd, schedBuf, 0, schedBuf.length, 0);
  return Number(schedBuf.toString('latin1', 0, n).split(' ')[0]);
}
let emptyCall = 0;
{
  const runs = 20_000;
  let sum = 0;
  for (let i = 0; i < runs; i++) {
    const t = threadNs();
    sum += threadNs() - t;
  }
  emptyCall = sum / runs;
}

/** A statement's group: its verb and table (`INSERT incident`, `SELECT exchange_link`, `commit`...). */
function groupOf(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const verb = /^(insert or fail|insert|update|delete|select|with|begin immediate|begin|commit|rollback|pragma)\b/i.exec(t)?.[1]?.toUpperCase() ?? t.slice(0, 20);
  const table = /\b(?:into|from|update)\s+"?(\w+)"?/i.exec(t)?.[1];
  const upsert = /on conflict/i.test(t) ? ' (upsert)' : '';
  const rows = /^insert/i.test(t) ? ` ×${(t.match(/\),\s*\(/g)?.length ?? 0) + 1}` : '';
  return table ? `${verb} ${table}${upsert}${rows}` : verb;
}

function timed<T, A extends unknown[], R>(key: string, fn: (this: T, ...a: A) => R): (this: T, ...a: A) => R {
  return function (this: T, ...a: A) {
    const t0 = threadNs();
    try {
      return fn.apply(this, a);
    } finally {
      const g = groups.get(key) ?? { calls: 0, ns: 0 };
      g.calls++;
      g.ns += threadNs() - t0 - emptyCall;
      groups.set(key, g);
    }
  };
}

/**
 * Times every call of every statement handed out by `kept` from now on (run, get, all, and each step of iterate),
 * those it kept from before included.
 */
function profile(kept: KeptStatements): void {
  const prepare = kept.prepare.bind(kept);
  kept.prepare = (text: string) => {
    const stmt = prepare(text);
    const key = groupOf(text);
    const proxy: SQLite.Statement = new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        const bound = (v as (...a: unknown[]) => unknown).bind(target);
        if (prop === 'run' || prop === 'get' || prop === 'all') return timed(key, bound);
        if (prop === 'iterate') {
          return (...a: unknown[]) => {
            const it = timed(key, bound)(...a) as IterableIterator<unknown>;
            const next = timed(key, it.next.bind(it));
            return { next, return: it.return?.bind(it), [Symbol.iterator]() { return this; } };
          };
        }
        // bind, pluck, raw, expand... return the statement itself: keep the proxy.
        return (...a: unknown[]) => {
          const r = bound(...a);
          return r === target ? proxy : r;
        };
      },
    });
    return proxy;
  };
}

// The deferred indexes' drops and builds run on the handle, not through prepared statements: timed here.
const deferred = DeferredIndexes.prototype;
deferred.wrote = timed('deferred indexes: dropped (with the checks)', deferred.wrote);
deferred.restore = timed('deferred indexes: built again', deferred.restore);

function procIo(): Record<string, number> {
  const text = fs.readFileSync('/proc/self/io', 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((l) => l.split(': ')).map(([k, v]) => [k as string, Number(v)]));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
let files: string[];
if (format === 'eurepoc') {
  const folder = args[1];
  files = folder ? EUREPOC_FILES.map((n) => path.join(folder, n)) : [];
  if (!files.length || !files.every((f) => fs.existsSync(f))) {
    console.error(`Give the folder holding ${EUREPOC_FILES.join(', ')}`);
    process.exit(2);
  }
} else {
  const file = path.join(dir, format === 'cfr' ? 'cfr.csv' : 'bundle.json');
  if (format === 'cfr') writeCfrCsv(file, N);
  else writeStixBundle(file, N);
  files = [file];
}

const wb = await openWorkbench({ ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dbPath: path.join(dir, 'bench.db') }, { seed: false });
const kept = keptStatementsOf(wb.db);
if (!kept) throw new Error('this benchmark needs an SQLite store');
if (cacheMb !== undefined) kept.sqlite.pragma(`cache_size = -${cacheMb * 1024}`);
const checkpointAfter = process.argv.includes('--checkpoint-after');
if (checkpointAfter) kept.sqlite.pragma('wal_autocheckpoint = 0');
profile(kept);

console.log(`${format}: ${format === 'eurepoc' ? 'release 1.1' : `${N} ${format === 'cfr' ? 'rows' : 'objects'}`}, first import; page cache ${String(kept.sqlite.pragma('cache_size', { simple: true }))}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (global.gc) global.gc();
const io0 = procIo();
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const c0 = process.cpuUsage();
const th0 = threadNs();
await new ExchangeService(wb).importFiles({ kind: 'local', org: 'EE' }, format, files);
const c = process.cpuUsage(c0);
const wall = (performance.now() - t0) / 1000;
clearInterval(sampler);
const io = procIo();

const s = (us: number) => (us / 1e6).toFixed(2).padStart(6);
// A large write's WAL is copied into the file by a worker after the commit (store/wal-checkpoint.ts): its wall time and
// the process's CPU meanwhile, apart from the import's.
const cw = performance.now();
const cc = process.cpuUsage();
const copies = await checkpointsRunning();
const copyCpu = process.cpuUsage(cc);
const copyLine = copies.length ? `the WAL's copy into the file on a worker after the answer: wall ${((performance.now() - cw) / 1000).toFixed(2)} s, process CPU ${s(copyCpu.user + copyCpu.system)} s (${copies.map((o) => (o.ok ? `${o.checkpointed} of ${o.log} pages` : `failed: ${o.error}`)).join(', ')})` : "the WAL's copy into the file: made in the commit (no worker)";
const rows = [...groups.entries()].sort((a, b) => b[1].ns - a[1].ns);
let inStatements = 0;
console.log(`${'statement group'.padEnd(48)} ${'calls'.padStart(8)}  main thread CPU s`);
for (const [key, g] of rows) {
  inStatements += g.ns;
  if (g.ns < 5e6) continue;
  console.log(`${key.padEnd(48)} ${String(g.calls).padStart(8)} ${s(g.ns / 1000)}`);
}
console.log(`${'all statements'.padEnd(48)} ${''.padStart(8)} ${s(inStatements / 1000)}   (a read of the thread's CPU: ${(emptyCall / 1000).toFixed(1)} µs, taken off each call)`);
console.log(`first import: ${wall.toFixed(2)} s wall; process CPU ${s(c.user + c.system)} s (user ${s(c.user)}, system ${s(c.system)}); main thread ${s((threadNs() - th0) / 1000)} s, of which outside statements ${s((threadNs() - th0 - inStatements) / 1000)} s`);
const mbOf = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
console.log(`RSS before ${mbOf(rss0)}, peak ${mbOf(peak)}; read ${mbOf((io.rchar ?? 0) - (io0.rchar ?? 0))} (${(io.syscr ?? 0) - (io0.syscr ?? 0)} calls), written ${mbOf((io.wchar ?? 0) - (io0.wchar ?? 0))} (${(io.syscw ?? 0) - (io0.syscw ?? 0)} calls); database file ${mbOf(fs.statSync(path.join(dir, 'bench.db')).size)}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(copyLine);
if (checkpointAfter) {
  const t1 = threadNs();
  const w1 = performance.now();
  const r = kept.sqlite.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as { busy: number; log: number; checkpointed: number }[];
  console.log(`checkpoint after the import (${String(r[0]?.checkpointed)} of ${String(r[0]?.log)} WAL pages): main thread ${s((threadNs() - t1) / 1000)} s, wall ${((performance.now() - w1) / 1000).toFixed(2)} s`);
}
const t2 = threadNs();
const w2 = performance.now();
await wb.close();
console.log(`close (the last connection's checkpoint of what is left): main thread ${s((threadNs() - t2) / 1000)} s, wall ${((performance.now() - w2) / 1000).toFixed(2)} s`);
if (process.argv.includes('--keep')) console.log(`kept: ${path.join(dir, 'bench.db')}`);
else fs.rmSync(dir, { recursive: true, force: true });
