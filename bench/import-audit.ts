// Benchmark (not a test): the audit step of a first STIX import alone, two forms of the entry of each record created
// compared in one process, alternating: the body itself (canonical JSON of the body in the entry, as imports wrote it
// before) and the digest of the body's canonical JSON with the version it was stored as (what the import writes now).
// Imports the synthetic bundle once to get the records' bodies, markings and sources; then, each round, appends every
// record's entry in parts of 100 (as the import does) inside one large write into a fresh SQLite file, and prints the
// thread's CPU, the wall time, the file's size and bytes written per form.
// Run: TZ=UTC node --expose-gc --import tsx bench/import-audit.ts [objects=100000] [rounds=4]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { ExchangeService } from '../src/app/exchange-service';
import { openWorkbench } from '../src/app/workbench';
import { readConfig } from '../src/config';
import { canonicalJson } from '../src/core/audit/canonical-json';
import type { AuditWrite } from '../src/store/audit-log';
import { storedRef } from '../src/store/audit-stored-bodies';
import { largeWrite } from '../src/store/bulk-insert';
import { writeStixBundle } from './synthetic';

const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 4);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'bundle.json');
writeStixBundle(file, N);
const config = (name: string) => ({ ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dbPath: path.join(dir, name) });

const schedFd = fs.openSync('/proc/thread-self/schedstat', 'r');
const schedBuf = Buffer.alloc(128);
const threadNs = () => Number(schedBuf.toString('latin1', 0, fs.readSync(schedFd, schedBuf, 0, 128, 0)).split(' ')[0]);
const written = () => Number(/wchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);

// The records an import creates, as the plan holds them: the body (parsed, and its JSON text), marking and source.
const source = await openWorkbench(config('source.db'), { seed: false });
await new ExchangeService(source).importFiles({ kind: 'local', org: 'EE' }, 'stix', [file]);
// The bodies as stored (the text the digest is taken of), the marking and source from each record's entry.
const rows = await sql<{ target_type: string; target_id: string; after: string; text: string }>`
  SELECT a.target_type, a.target_id, a.after, COALESCE(i.body, r.body) AS text FROM audit_log a
  LEFT JOIN incident i ON i.id = a.target_id LEFT JOIN exchange_record r ON r.id = a.target_id
  WHERE a.action = 'import.stix' AND a.target_type <> 'import_report' ORDER BY a.seq`.execute(source.db);
await source.close();
const records = rows.rows.map((r) => {
  const after = JSON.parse(r.after) as Record<string, unknown>;
  return { kind: r.target_type, id: r.target_id, body: JSON.parse(r.text) as unknown, text: r.text, marking: after.marking, source: after.source };
});
console.log(`${records.length} records created by the import of ${N} objects; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const actor = { id: 'local', org: 'EE' };
const at = '2026-01-01T00:00:00.000Z';
const forms: Record<string, (r: (typeof records)[number]) => AuditWrite> = {
  body: (r) => ({ actor, at, action: 'import.stix', targetType: r.kind, targetId: r.id, after: { [r.kind]: r.body, marking: r.marking, source: r.source } }),
  // As the import writes it (audit-stored-bodies.ts): the SHA-256 of the body's canonical JSON.
  digest: (r) => ({ actor, at, action: 'import.stix', targetType: r.kind, targetId: r.id, after: { stored: storedRef(canonicalJson(r.body)), marking: r.marking, source: r.source } }),
};

let n = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const order = round % 2 ? ['body', 'digest'] : ['digest', 'body'];
  for (const form of order) {
    const name = `run-${++n}.db`;
    const wb = await openWorkbench(config(name), { seed: false });
    const make = forms[form] as (r: (typeof records)[number]) => AuditWrite;
    if (global.gc) global.gc();
    const w0 = written();
    const t0 = threadNs();
    const s0 = performance.now();
    await largeWrite(wb.db, async (trx) => {
      for (let i = 0; i < records.length; i += 100) await wb.audit.appendMany(trx, records.slice(i, i + 100).map(make));
    });
    const cpu = (threadNs() - t0) / 1e9;
    const wall = (performance.now() - s0) / 1000;
    const bytes = written() - w0;
    await wb.close();
    const size = fs.statSync(path.join(dir, name)).size;
    console.log(`round ${round} ${form.padEnd(6)}: thread CPU ${cpu.toFixed(2)} s, wall ${wall.toFixed(2)} s, written ${(bytes / 1048576).toFixed(0)} MB, file ${(size / 1048576).toFixed(0)} MB; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    fs.rmSync(path.join(dir, name), { force: true });
  }
}
fs.rmSync(dir, { recursive: true, force: true });
