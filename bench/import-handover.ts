// Benchmark (not a test): what handing a mapped STIX batch from one thread to another would cost. A worker that
// read, checked and mapped a bundle would have to send the import's thread the batch that `apply` plans and writes;
// this measures the ways of sending it, in one process (a MessageChannel's two ends): structured clone
// (`structuredClone` and `postMessage` of the objects), JSON text posted as a string, and the JSON text's UTF-8
// bytes posted as a transferred buffer. CPU of the process for each step, three rounds.
// Run: TZ=UTC node --expose-gc --import tsx bench/import-handover.ts [objects=100000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { ExchangeService } from '../src/app/exchange-service';
import { openWorkbench } from '../src/app/workbench';
import { readConfig } from '../src/config';
import type { ImportBatch } from '../src/core/exchange/index';
import { ExchangeRepository } from '../src/store/exchange-repository';
import { writeStixBundle } from './synthetic';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'bundle.json');
writeStixBundle(file, N);

// The batch as the import hands it to the store: taken from a dry run (which maps and plans, writes nothing).
let batch: ImportBatch | undefined;
const apply = ExchangeRepository.prototype.apply;
ExchangeRepository.prototype.apply = function (this: ExchangeRepository, b, report, ctx) {
  batch = b;
  return apply.call(this, b, report, ctx);
};
const wb = await openWorkbench({ ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dbPath: path.join(dir, 'dry.db') }, { seed: false });
await new ExchangeService(wb).importFiles({ kind: 'local', org: 'EE' }, 'stix', [file], { dryRun: true });
await wb.close();
ExchangeRepository.prototype.apply = apply;
if (!batch) throw new Error('the dry run handed no batch to the store');
const mapped = batch;
const counts = Object.entries(mapped).filter(([, v]) => Array.isArray(v) && v.length).map(([k, v]) => `${k} ${(v as unknown[]).length}`);
console.log(`stix: ${N} objects mapped to ${counts.join(', ')}; ${os.cpus().length} cores (shared), Node ${process.version}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const { port1, port2 } = new MessageChannel();
const received = () => new Promise<unknown>((resolve) => port2.once('message', resolve));
const f = (x: number) => x.toFixed(2);

for (let round = 1; round <= 3; round++) {
  if (global.gc) global.gc();
  let c0 = cpu();
  structuredClone(mapped);
  const clone = cpu() - c0;

  c0 = cpu();
  let arrived = received();
  port1.postMessage(mapped);
  await arrived;
  const posted = cpu() - c0;

  c0 = cpu();
  const text = JSON.stringify(mapped);
  const c1 = cpu();
  arrived = received();
  port1.postMessage(text);
  const got = (await arrived) as string;
  const c2 = cpu();
  JSON.parse(got);
  const c3 = cpu();

  const bytes = new TextEncoder().encode(text);
  const c4 = cpu();
  arrived = received();
  port1.postMessage(bytes, [bytes.buffer]);
  const buffer = (await arrived) as Uint8Array;
  const c5 = cpu();
  JSON.parse(new TextDecoder().decode(buffer));
  const c6 = cpu();

  console.log(`round ${round}: structuredClone ${f(clone)} s; postMessage of the objects ${f(posted)} s; JSON text (${(text.length / 1048576).toFixed(0)} MB) stringify ${f(c1 - c0)} + post ${f(c2 - c1)} + parse ${f(c3 - c2)} = ${f(c3 - c0)} s; UTF-8 bytes transferred: encode ${f(c4 - c3)} + post ${f(c5 - c4)} + decode and parse ${f(c6 - c5)} (+ stringify) = ${f(c6 - c3 + c1 - c0)} s CPU; load ${os.loadavg()[0]?.toFixed(1) ?? ''}`);
}
port1.close();
fs.rmSync(dir, { recursive: true, force: true });
