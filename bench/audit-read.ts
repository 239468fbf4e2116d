// Benchmark (not a test): what the audit trail's readers cost over the trail of a first STIX import, whose entries of
// created records refer to their bodies by digest (audit-stored-bodies.ts). Prints the process's CPU and the wall time
// of `audit verify`, of the whole trail read in pages of 100 (as the CLI and the API page it) and of one page of 100
// from the middle read again and again, with a digest of every answer, so that two versions of the readers can be
// compared over the same store. The store is built once (the import of the synthetic bundle) and kept at `store` when
// given, so that runs of two trees alternate over the same file.
// Run: TZ=UTC node --expose-gc --import tsx bench/audit-read.ts [objects=100000] [store] [rounds=2]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExchangeService } from '../src/app/exchange-service';
import { openWorkbench } from '../src/app/workbench';
import { readConfig } from '../src/config';
import { clearanceOf } from '../src/core/marking/clearance';
import { writeStixBundle } from './synthetic';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const store = process.argv[3] ?? path.join(dir, 'store.db');
const ROUNDS = Number(process.argv[4] ?? 2);
const config = { ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dbPath: store };
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

if (!fs.existsSync(store)) {
  const file = path.join(dir, 'bundle.json');
  writeStixBundle(file, N);
  const wb = await openWorkbench(config, { seed: false });
  await new ExchangeService(wb).importFiles({ kind: 'local', org: 'EE' }, 'stix', [file]);
  await wb.close();
  console.log(`store of ${N} objects written to ${store}`);
}

const wb = await openWorkbench(config, { seed: false });
const everything = clearanceOf({ kind: 'local', org: null });

/** CPU of the process (user and system) and wall time of `run`, in seconds, with what it answered. */
async function measured<T>(run: () => Promise<T>): Promise<{ cpu: number; wall: number; answer: T }> {
  if (global.gc) global.gc();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const answer = await run();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000, answer };
}

const digest = (h: ReturnType<typeof createHash>) => h.digest('hex').slice(0, 16);

for (let round = 1; round <= ROUNDS; round++) {
  const v = await measured(() => wb.audit.verify());
  console.log(`round ${round} verify: CPU ${v.cpu.toFixed(2)} s, wall ${v.wall.toFixed(2)} s; ${JSON.stringify(v.answer)}; load ${load()}`);

  const whole = await measured(async () => {
    const h = createHash('sha256');
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = await wb.audit.list(everything, { after, limit: 100 });
      if (!page.length) break;
      h.update(JSON.stringify(page));
      pages++;
      after = page[page.length - 1]?.seq ?? after;
    }
    return { pages, digest: digest(h) };
  });
  const { pages } = whole.answer;
  console.log(`round ${round} whole trail: CPU ${whole.cpu.toFixed(2)} s, wall ${whole.wall.toFixed(2)} s, ${pages} pages (${((whole.cpu / pages) * 1000).toFixed(2)} ms a page); answers ${whole.answer.digest}; load ${load()}`);

  const middle = Math.floor(pages / 2) * 100;
  const TIMES = 50;
  const page = await measured(async () => {
    const h = createHash('sha256');
    for (let i = 0; i < TIMES; i++) h.update(JSON.stringify(await wb.audit.list(everything, { after: middle, limit: 100 })));
    return digest(h);
  });
  console.log(`round ${round} page after ${middle}, ${TIMES} times: ${((page.cpu / TIMES) * 1000).toFixed(2)} ms CPU, ${((page.wall / TIMES) * 1000).toFixed(2)} ms wall a page; answers ${page.answer}; load ${load()}`);
}
await wb.close();
fs.rmSync(dir, { recursive: true, force: true });
