// An import's audit rows built on a worker thread (store/audit-pipe.ts) are the rows its own thread builds: two stores
// with the same clock and audit key (a keyed trail) take the same imports, one building every row on a worker, one on
// the import's thread, and every table an import writes, the audit head included, is compared. A worker stopped in
// the middle of an import fails it whole: nothing written, the trail still verifies.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStixBundle } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import type { AuditPipe } from '../../src/store/audit-pipe';
import { IMPORT_TABLES, LOCAL_DE, storeCounts, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';

async function dump(wb: Workbench): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of Object.entries(IMPORT_TABLES)) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${sql.raw(order)}`.execute(wb.db)).rows;
  out.audit_head = (await sql`SELECT * FROM audit_head`.execute(wb.db)).rows;
  return out;
}

/** Keeps each pipe the workbench's audit log opens, to ask whether a worker built its rows. */
function pipes(wb: Workbench): AuditPipe[] {
  const opened: AuditPipe[] = [];
  const open = wb.audit.pipe.bind(wb.audit);
  wb.audit.pipe = (trx) => {
    const p = open(trx);
    opened.push(p);
    return p;
  };
  return opened;
}

describe.each(dialects)('audit rows built on a worker thread on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-audit-worker-');
  let here: Harness;
  let threaded: Harness;

  beforeAll(async () => {
    here = await startHarness(teamConfig(), dialect);
    threaded = await startHarness(teamConfig(), dialect);
  }, 60_000);
  afterAll(async () => {
    await here?.close();
    await threaded?.close();
  });

  it('are the rows, chain and head built on the import\'s thread (keyed trail, CFR streamed and STIX)', async () => {
    const stix = path.join(dir, 'bundle.json');
    writeStixBundle(stix, 90);
    const first = writeCfrRows(path.join(dir, 'first.csv'), 250, () => undefined);
    const second = writeCfrRows(path.join(dir, 'second.csv'), 260, (i) => (i % 3 === 0 ? `Rewritten row ${i}.` : undefined));
    const runs: [string, string[], Parameters<ExchangeService['importFiles']>[3]][] = [
      ['cfr', [first], {}],
      ['cfr', [second], {}],
      ['stix', [stix], {}],
      ['stix', [stix], { marking: { tlp: 'green' } }],
    ];
    here.wb.audit.workerFrom = Number.POSITIVE_INFINITY;
    threaded.wb.audit.workerFrom = 0;
    const opened = { here: pipes(here.wb), threaded: pipes(threaded.wb) };
    const ex = { here: new ExchangeService(here.wb, new TestClock()), threaded: new ExchangeService(threaded.wb, new TestClock()) };
    for (const [format, files, opts] of runs) {
      const a = await ex.here.importFiles(LOCAL_DE, format as 'cfr' | 'stix', files, opts);
      const b = await ex.threaded.importFiles(LOCAL_DE, format as 'cfr' | 'stix', files, opts);
      expect(b).toEqual(a);
    }
    expect(opened.here.length).toBe(runs.length);
    expect(opened.here.some((p) => p.threaded)).toBe(false);
    expect(opened.threaded.map((p) => p.threaded)).toEqual(runs.map(() => true));
    const [a, b] = [await dump(here.wb), await dump(threaded.wb)];
    // 250 CFR incidents created, a third of 260 changed or created, 90 STIX objects created and re-marked, and the runs.
    expect((a.audit_log ?? []).length).toBeGreaterThan(250 + 80 + 90 + 4);
    expect((a.audit_head?.[0] as { keyed_from: number | null }).keyed_from).not.toBeNull();
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
    expect(await threaded.wb.audit.verify()).toMatchObject({ valid: true, keyed: { checked: true } });
  }, 180_000);

  it('a worker stopped during an import fails it whole: nothing written, the trail verifies', async () => {
    const file = writeCfrRows(path.join(dir, 'stopped.csv'), 400, (i) => `Stopped run ${i}.`);
    const wb = threaded.wb;
    wb.audit.workerFrom = 0;
    const before = await storeCounts(wb);
    const open = wb.audit.pipe.bind(wb.audit);
    let stopped = false;
    wb.audit.pipe = (trx) => {
      const p = open(trx);
      const append = p.appendMany.bind(p);
      p.appendMany = async (writes) => {
        await append(writes);
        // After the second part's rows were asked for: the worker dies with work in hand.
        if (p.thread && !stopped && p.threaded) {
          stopped = true;
          await p.thread.terminate();
        }
      };
      return p;
    };
    try {
      await expect(new ExchangeService(wb, new TestClock()).importFiles(LOCAL_DE, 'cfr', [file], { memo: false })).rejects.toThrow(/audit entries could not be built: the worker stopped/);
    } finally {
      wb.audit.pipe = open;
    }
    expect(stopped).toBe(true);
    expect(await storeCounts(wb)).toEqual(before);
    expect(await wb.audit.verify()).toMatchObject({ valid: true });
  }, 120_000);
});
