// CFR rows read and mapped on a worker thread (workers/cfr-rows.ts) while the import's thread writes: the same report,
// rows, memo and audit chain as mapping them on the import's thread, for files large enough to start the worker and
// files with rows the mapping skips and warns about. A file that stops being CSV after parts were written, and a
// worker stopped during the import, fail the import whole with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import { IMPORT_TABLES, LOCAL_DE, storeCounts, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';

async function dump(wb: Workbench): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of Object.entries(IMPORT_TABLES)) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${sql.raw(order)}`.execute(wb.db)).rows;
  out.audit_head = (await sql`SELECT * FROM audit_head`.execute(wb.db)).rows;
  return out;
}

describe.each(dialects)('CFR rows mapped on a worker thread on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-cfr-worker-');
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

  const service = (h: Harness, onWorker: boolean) => {
    const ex = new ExchangeService(h.wb, new TestClock());
    ex.cfrWorkerFrom = onWorker ? 0 : Number.POSITIVE_INFINITY;
    return ex;
  };

  it('gives the report, rows, memo and chain of the mapping on the import\'s thread', async () => {
    // Rows the mapping skips (no title, a bad date, a title twice) and warns about (an unknown type), across parts.
    const first = writeCfrRows(path.join(dir, 'first.csv'), 430, () => undefined);
    const lines = fs.readFileSync(first, 'utf8').split('\n');
    lines[40] = lines[40]?.replace(/^[^,]*/, '') ?? '';
    lines[250] = lines[250] ?? '';
    lines.splice(300, 0, lines[299] ?? '');
    fs.writeFileSync(first, lines.join('\n'));
    const second = writeCfrRows(path.join(dir, 'second.csv'), 380, (i) => (i % 4 === 0 ? `Rewritten row ${i}.` : undefined));
    const ex = { here: service(here, false), threaded: service(threaded, true) };
    let started = 0;
    ex.threaded.onCfrWorker = () => started++;
    const seen: number[] = [];
    for (const [files, opts] of [[[first], {}], [[first, second], { marking: { tlp: 'amber' } }], [[first, second], { marking: { tlp: 'amber' } }]] as const) {
      const a = await ex.here.importFiles(LOCAL_DE, 'cfr', files, opts);
      const b = await ex.threaded.importFiles(LOCAL_DE, 'cfr', files, { ...opts, progress: (done) => seen.push(done) });
      expect(b).toEqual(a);
    }
    // The third run is answered from the memo both kept.
    expect([ex.here.replayed, ex.threaded.replayed]).toEqual([1, 1]);
    expect(started).toBe(2);
    expect(seen.at(-1)).toBe(fs.statSync(first).size + fs.statSync(second).size);
    const [a, b] = [await dump(here.wb), await dump(threaded.wb)];
    const report = JSON.parse(String((a.import_report?.[0] as { report: string }).report)) as { problems: { severity: string }[] };
    expect(report.problems.filter((p) => p.severity === 'skipped').length).toBeGreaterThanOrEqual(2);
    // The second file's rows are the first's keys: a quarter of them rewritten.
    expect(a.incident?.length).toBeGreaterThan(400);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
    expect(await threaded.wb.audit.verify()).toMatchObject({ valid: true });
  }, 180_000);

  it('a file that stops being CSV after parts were written fails with the error of the import\'s thread, nothing written', async () => {
    const file = writeCfrRows(path.join(dir, 'broken.csv'), 900, (i) => `Broken run ${i}.`);
    fs.appendFileSync(file, 'An "unclosed quote,1/2/2020\n"x"y,\n');
    const errors: string[] = [];
    for (const [h, onWorker] of [[here, false], [threaded, true]] as const) {
      const before = await storeCounts(h.wb);
      const error = await service(h, onWorker).importFiles(LOCAL_DE, 'cfr', [file], { memo: false }).then(() => undefined, (e: unknown) => e as Error & { code?: string });
      expect(error?.code).toBe('invalid_import');
      errors.push(String(error?.message));
      expect(await storeCounts(h.wb)).toEqual(before);
    }
    expect(errors[1]).toBe(errors[0]);
  }, 120_000);

  it('a worker stopped during the import fails it whole: nothing written, the trail verifies', async () => {
    const file = writeCfrRows(path.join(dir, 'stopped.csv'), 900, (i) => `Stopped run ${i}.`);
    const ex = service(threaded, true);
    const before = await storeCounts(threaded.wb);
    const put = ex.repo.applyStream.bind(ex.repo);
    // The worker is stopped once the first part was written.
    let stop: (() => Promise<number>) | undefined;
    ex.onCfrWorker = (w) => (stop = () => w.terminate());
    ex.repo.applyStream = (report, ctx, fill) => put(report, ctx, (write) => fill(async (incidents) => {
      await write(incidents);
      await stop?.();
    }));
    await expect(ex.importFiles(LOCAL_DE, 'cfr', [file], { memo: false })).rejects.toThrow(/CFR rows could not be mapped: the worker stopped/);
    expect(await storeCounts(threaded.wb)).toEqual(before);
    expect(await threaded.wb.audit.verify()).toMatchObject({ valid: true });
  }, 120_000);
});
