// Benchmark of the knowledge base: seeding a fresh database, then reads (profiles, matrix, dialogues, search).
// Run: npx tsx bench/kb.ts [postgres://...]   Prints its numbers; not part of the test command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench } from '../src/app/workbench';
import { readConfig } from '../src/config';

const target = process.argv[2] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-')), 'bench.db');

async function timed<T>(label: string, n: number, fn: (i: number) => Promise<T>): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(28)} ${String(n).padStart(5)} x  ${(ms / n).toFixed(2).padStart(8)} ms each  ${((n / ms) * 1000).toFixed(0).padStart(7)} /s`);
}

const t0 = performance.now();
const wb = await openWorkbench({ ...readConfig({}), dbPath: target });
console.log(`seed (first run)             ${(performance.now() - t0).toFixed(0)} ms, ${wb.seedReport?.facts} facts`);
const t1 = performance.now();
await (await openWorkbench({ ...readConfig({}), dbPath: target })).close();
console.log(`re-open (nothing to seed)    ${(performance.now() - t1).toFixed(0)} ms`);

const ids = ['US', 'CN', 'JP', 'RU', 'BR'];
await timed('partner profile', 500, (i) => wb.partner(ids[i % ids.length] ?? 'US', i % 2 ? '2014-06-30' : undefined));
await timed('instrument matrix', 100, () => wb.matrix());
await timed('dialogues (filtered)', 500, () => wb.dialogues({ topic: 'cyber-crime' }));
await timed('search', 500, (i) => wb.search(i % 2 ? 'Budapest Convention' : 'dialogue cyber', {}));
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
await wb.close();
