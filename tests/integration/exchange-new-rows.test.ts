// The import writes rows it knows to be new as plain inserts (exchange-writer.ts): a record's row, link and marking are
// each new only where the plan saw none stored for the id. A record deleted here keeps its link and its marking, so
// bringing it back with new content creates its row again over the link and marking left behind.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { LOCAL_DE, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';

describe.each(dialects)('rows an import knows to be new, on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-new-rows-');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const rows = async (table: string, where = sql`1 = 1`) => (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${where} ORDER BY 1`.execute(h.wb.db)).rows;

  it('creates a deleted record again over the link and marking it left, each once', async () => {
    const ex = new ExchangeService(h.wb, new TestClock());
    const first = writeCfrRows(path.join(dir, 'first.csv'), 12, () => undefined);
    expect((await ex.importFiles(LOCAL_DE, 'cfr', [first], { memo: false })).written.incident).toMatchObject({ created: 12 });
    const links = await rows('exchange_link');
    const markings = await rows('record_marking', sql`record_type = 'incident'`);
    await sql`DELETE FROM incident`.execute(h.wb.db);

    // Every row's text changed: the deleted incidents come back (their links' hashes differ), under their kept markings.
    const changed = writeCfrRows(path.join(dir, 'changed.csv'), 12, (i) => `Changed row ${i}.`);
    const again = await ex.importFiles(LOCAL_DE, 'cfr', [changed], { memo: false });
    expect(again.rejected).toBe(false);
    expect(again.written.incident).toEqual({ created: 12, updated: 0, unchanged: 0, stale: 0 });
    expect((await rows('incident')).map((r) => r.id)).toEqual(links.map((l) => l.record_id));
    const after = await rows('exchange_link');
    expect(after.map((l) => l.record_id)).toEqual(links.map((l) => l.record_id));
    expect(after.every((l, i) => l.hash !== links[i]?.hash)).toBe(true);
    expect(await rows('record_marking', sql`record_type = 'incident'`)).toEqual(markings);
  }, 60_000);
});
