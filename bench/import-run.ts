// The measuring part of the import benchmarks (import-stix.ts, import-eurepoc.ts, import-cfr.ts): the baseline rate
// of JSON.parse over the same data (measured several times, the shares taken against the median), the first import
// and an unchanged re-import with CPU time and peak RSS, and
// where the first import's time goes. The phases are measured by separate passes over the same files, each doing
// one step more than the previous: read (stream and parse), validate (STIX: schema and semantic checks of every
// object; the CSV formats check their rows while mapping), map (a dry run on the empty database, minus the passes
// before; the plan is included), write (the import minus the dry run and the audit entries) and audit (the time in
// AuditLog.appendMany: canonical JSON, hash chain and rows). Each is printed in wall and in CPU seconds. The second
// import is unchanged: it is answered from the first run's memo (core/exchange/import-memo.ts) when nothing changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExchangeService, stixValidator } from '../src/app/exchange-service';
import { openWorkbench, type Workbench } from '../src/app/workbench';
import { readConfig } from '../src/config';
import { semanticIssues, type StixObject } from '../src/core/exchange/stix-checks';
import type { ImportFormat, ImportReport } from '../src/core/exchange/index';
import { streamCsvFile, streamJsonFile } from '../src/store/exchange-files';
import { checkpointsRunning } from '../src/store/wal-checkpoint';

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

let peak = 0;
let sampler: NodeJS.Timeout | undefined;

interface Timing {
  s: number;
  cpu: number;
  peak: number;
  /** CPU time of the main thread alone (Linux: /proc), without the worker threads' (process.cpuUsage counts every thread). */
  main?: number | undefined;
}

/** The main thread's CPU seconds so far, from /proc/self/task/<pid>/stat (user and system ticks); undefined elsewhere. */
function mainThreadCpu(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function measure<T>(fn: () => Promise<T> | T): Promise<{ value: T; t: Timing }> {
  if (global.gc) global.gc();
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const value = await fn();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const m1 = mainThreadCpu();
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, t: { s, cpu: (c.user + c.system) / 1e6, peak, main: m0 === undefined || m1 === undefined ? undefined : m1 - m0 } };
}

const line = (label: string, t: Timing, units: number, unit: string, extra = '') =>
  console.log(`${label.padEnd(36)} ${t.s.toFixed(2).padStart(7)} s  ${(units / t.s).toFixed(0).padStart(8)} ${unit}/s  CPU ${t.cpu.toFixed(1).padStart(6)} s${t.main === undefined ? '' : ` (main thread ${t.main.toFixed(1)} s)`}  peak RSS ${mb(t.peak).padStart(7)}${extra}`);

export interface ImportBench {
  format: ImportFormat;
  files: string[];
  /** What is counted for the rates: STIX objects or CSV rows (of the incidents file). */
  units: number;
  unit: string;
  /** The same data as one JSON document, for the baseline (written to a temporary file by the caller). */
  jsonTwin: string;
  /** The deployment's organisation, which owns the TLP:AMBER records. */
  org?: string;
}

/** Passes over the files that stop after reading, or after the STIX checks. */
async function readPass(b: ImportBench, validate: boolean): Promise<void> {
  const check = stixValidator();
  for (const file of b.files) {
    if (b.format === 'stix') {
      await streamJsonFile(file, {
        top: () => undefined,
        object: (o) => {
          if (!validate || o === null || typeof o !== 'object') return;
          check(o as Record<string, unknown>);
          semanticIssues(o as StixObject);
        },
      });
    } else await streamCsvFile(file, () => undefined);
  }
}

async function openBench(dir: string, name: string, org: string): Promise<Workbench> {
  return openWorkbench({ ...readConfig({ CYBERDIPLO_ORG: org }), dbPath: path.join(dir, name) }, { seed: false });
}

/**
 * `--imports-only` (any bench): only the first and the unchanged import, without the baseline and the phase passes,
 * so that the process's peak RSS (printed, and what `/usr/bin/time -v` reports) is the imports' own.
 */
const importsOnly = process.argv.includes('--imports-only');
/** `--no-memo`: the first import keeps no memo (what keeping it costs), so the second takes the full path too. */
const noMemo = process.argv.includes('--no-memo');

/** How many times the baseline (JSON.parse of the same data) is measured; the shares use the median. */
const BASELINE_READINGS = 5;

/** The middle value (the mean of the two middle ones for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The process's peak resident set so far (the kernel's count, as /usr/bin/time reports it). */
const maxRss = () => process.resourceUsage().maxRSS * 1024;

export async function runImportBench(b: ImportBench, dir: string): Promise<void> {
  sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const org = b.org ?? 'EE';
  const importer = { kind: 'local', org } as const;
  const size = b.files.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`${b.format}: ${b.units} ${b.unit}s in ${b.files.length} file(s), ${mb(size)}; ${os.cpus().length} cores (shared), Node ${process.version}, SQLite; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  stixValidator();

  let base: Timing | undefined;
  let read: Timing | undefined;
  let checked: Timing | undefined;
  let dry: Timing | undefined;
  if (!importsOnly) {
    // One reading of the baseline varied by two between runs (0.5 to 1.1 s at 100,000 STIX objects): every reading
    // is printed and the shares are taken against their median (wall and CPU each), never the one that flatters.
    const readings: Timing[] = [];
    for (let i = 1; i <= BASELINE_READINGS; i++) {
      const t = (await measure(() => JSON.parse(fs.readFileSync(b.jsonTwin, 'utf8')) as unknown)).t;
      readings.push(t);
      line(`JSON.parse of the same data (${i} of ${BASELINE_READINGS})`, t, b.units, b.unit);
    }
    base = { s: median(readings.map((t) => t.s)), cpu: median(readings.map((t) => t.cpu)), peak: Math.max(...readings.map((t) => t.peak)) };
    line(`JSON.parse, median of ${BASELINE_READINGS}`, base, b.units, b.unit);
    // Phases, each a pass that does one step more than the one before.
    read = (await measure(() => readPass(b, false))).t;
    checked = b.format === 'stix' ? (await measure(() => readPass(b, true))).t : read;
    const dryWb = await openBench(dir, 'dry.db', org);
    dry = (await measure(() => new ExchangeService(dryWb).importFiles(importer, b.format, b.files, { dryRun: true }))).t;
    await dryWb.close();
  }

  const wb = await openBench(dir, 'bench.db', org);
  const audit: Timing = { s: 0, cpu: 0, peak: 0 };
  // The time counted is that of the import's audit appends (canonical JSON, chain, rows), on the import's thread.
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpu();
    try {
      return await fn();
    } finally {
      const c = process.cpuUsage(c0);
      const m1 = mainThreadCpu();
      audit.s += (performance.now() - t0) / 1000;
      audit.cpu += (c.user + c.system) / 1e6;
      if (m0 !== undefined && m1 !== undefined) audit.main = (audit.main ?? 0) + m1 - m0;
    }
  };
  const append = wb.audit.appendMany.bind(wb.audit);
  wb.audit.appendMany = (...args: Parameters<typeof append>) => timed(() => append(...args));
  const ex = new ExchangeService(wb);
  const first = await measure(() => ex.importFiles(importer, b.format, b.files, noMemo ? { memo: false } : {}));
  // On a shared machine wall time depends on the neighbours' load; CPU time (all threads of this process) less so.
  const share = (t: Timing) => (base ? ` = ${((base.s / t.s) * 100).toFixed(1)} % of JSON.parse's rate (by CPU time ${((base.cpu / t.cpu) * 100).toFixed(1)} %)` : '');
  line('import (read, check, map, write)', first.t, b.units, b.unit, share(first.t));
  // The WAL's copy into the file runs on a worker after the commit (store/wal-checkpoint.ts): timed apart, from the
  // import's answer to the copy's end, so that the work it moved off the import stays in sight.
  const copy = await measure(() => checkpointsRunning());
  const copied = copy.value.map((o) => (o.ok ? `${o.checkpointed} of ${o.log} pages copied` : `failed: ${o.error}`)).join(', ');
  console.log(`  the WAL's copy into the file after the answer (worker): ${copy.value.length ? `${copy.t.s.toFixed(2)} s more (${copied}; CPU of the process meanwhile ${copy.t.cpu.toFixed(2)} s)` : 'none'}`);
  if (importsOnly) console.log(`  peak RSS of the process so far (the first import's, nothing ran before it): ${mb(maxRss())}`);
  summary(first.value);
  if (base && read && checked && dry) {
    const minus = (a: Timing, b: Timing): Timing => ({ s: a.s - b.s, cpu: a.cpu - b.cpu, peak: 0 });
    const phases: [string, Timing][] = [
      ['read (stream and parse)', read],
      [b.format === 'stix' ? 'validate (schemas, semantic checks)' : 'validate (rows are checked in the map)', minus(checked, read)],
      ['map (records, plan; a dry run)', minus(dry, checked)],
      ['write (rows, links, markings, memo)', minus(minus(first.t, dry), audit)],
      ['audit (entries and hash chain)', audit],
    ];
    console.log("  where the first import's time goes (separate passes, so differences are approximate):");
    for (const [label, t] of phases) {
      const pct = (x: number, of: number) => `${((Math.max(0, x) / of) * 100).toFixed(0).padStart(3)} %`;
      const main = t.main === undefined ? '' : `   main thread ${t.main.toFixed(2)} s`;
      console.log(`    ${label.padEnd(38)} ${Math.max(0, t.s).toFixed(2).padStart(7)} s ${pct(t.s, first.t.s)}   CPU ${Math.max(0, t.cpu).toFixed(2).padStart(6)} s ${pct(t.cpu, first.t.cpu)}${main}`);
    }
  }
  const chain = await wb.audit.verify();
  console.log(`  audit trail: ${chain.entries} entries, ${chain.valid ? 'verified' : `BROKEN: ${chain.reason}`}`);

  const second = await measure(() => ex.importFiles(importer, b.format, b.files));
  line('second import (nothing changes)', second.t, b.units, b.unit, ` = ${(first.t.s / second.t.s).toFixed(1)}x faster than the first (CPU ${(first.t.cpu / second.t.cpu).toFixed(1)}x)${ex.replayed ? ', answered from the memo' : ''}`);
  const unchanged = Object.values(second.value.written).reduce((n, w) => n + w.unchanged, 0);
  const changed = Object.values(second.value.written).reduce((n, w) => n + w.created + w.updated, 0);
  console.log(`  unchanged records: ${unchanged}, created or updated: ${changed}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  clearInterval(sampler);
  await wb.close();
}

function summary(r: ImportReport): void {
  const w = Object.entries(r.written)
    .filter(([, o]) => o.created + o.updated + o.unchanged + o.stale > 0)
    .map(([k, o]) => `${k} ${o.created}/${o.updated}/${o.unchanged}`)
    .join(', ');
  const count = (s: string) => r.problems.filter((p) => p.severity === s).length;
  console.log(`  written (created/updated/unchanged): ${w || 'nothing'}; rejected=${r.rejected}; errors ${count('error')}, warnings ${count('warning')}, skipped ${count('skipped')}`);
}
