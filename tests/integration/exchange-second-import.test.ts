// A second import of a changed EuRepoC release: a row removed from the files, a row changed. The removed incident is
// kept as stored (an import never deletes) and the report names it; the changed incident is updated with its earlier
// version kept in its history, and a changed attribution row's record keeps its before and after in the audit trail.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { ImportReport } from '../../src/core/exchange/index';
import { readConfig } from '../../src/config';
import { dialects, startHarness, tempDir, type Harness } from './harness';
import { EUREPOC, LOCAL_DE } from './exchange-support';

const RELEASE = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'];

/** The sample's files with incident 9001 removed, Viasat's name changed and SolarWinds' second attributor renamed. */
function changedRelease(): string[] {
  const dir = tempDir('cyberdiplo-eurepoc-changed-');
  return RELEASE.map((name) => {
    const lines = fs.readFileSync(path.join(EUREPOC, name), 'utf8').split('\n');
    const kept = lines
      .filter((l) => !l.startsWith('9001,'))
      .map((l) => l.replace('Viasat: satellite modems', 'Viasat (renamed): satellite modems'))
      .map((l) => (l.startsWith('1254,2,') ? l.replace(',An IT-security company,', ',Another IT-security company,') : l));
    const file = path.join(dir, name);
    fs.writeFileSync(file, kept.join('\n'));
    return file;
  });
}

describe.each(dialects)('a second EuRepoC import of changed files on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  let first: ImportReport;
  let second: ImportReport;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
    first = await ex.importFiles(LOCAL_DE, 'eurepoc', RELEASE.map((f) => path.join(EUREPOC, f)));
    second = await ex.importFiles(LOCAL_DE, 'eurepoc', changedRelease());
  }, 180_000);
  afterAll(async () => h?.close());

  it('names the incident no longer in the files and keeps it as stored', async () => {
    expect(first.mapped.incident).toBe(7);
    expect(second.mapped.incident).toBe(6);
    // Viasat renamed; SolarWinds' own list of attributions names the renamed attributor of its second row.
    expect(second.written.incident).toMatchObject({ created: 0, updated: 2, unchanged: 4 });
    expect(second.mappings['records not in this import']).toEqual({ 'incident -> kept as stored (an import deletes nothing)': 1 });
    expect(second.problems).toContainEqual(expect.objectContaining({ severity: 'warning', object: 'eurepoc:9001', message: expect.stringMatching(/imported before from eurepoc.*not in this import; kept as stored/) }));
    const kept = (await ex.repo.incidentsForExport()).filter((i) => i.source?.key === 'eurepoc:9001');
    expect(kept).toHaveLength(1);
  });

  it("keeps the changed incident's earlier version in its history", async () => {
    const viasat = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1514')!;
    expect(viasat.body.title).toMatch(/^Viasat \(renamed\)/);
    const history = (await sql<{ action: string; before: string | null }>`SELECT action, before FROM incident_history WHERE incident_id = ${viasat.id} ORDER BY seq`.execute(h.wb.db)).rows;
    expect(history.map((x) => x.action)).toEqual(['create', 'update']);
    expect((JSON.parse(history[1]?.before ?? '{}') as { title?: string }).title).toMatch(/^Viasat: satellite modems/);
  });

  it("keeps a changed attribution row's statement before and after in the audit trail", async () => {
    expect(second.written.attribution).toMatchObject({ created: 0, updated: 1 });
    const rows = (await sql<{ target_id: string; before: string | null; after: string | null }>`SELECT target_id, before, after FROM audit_log WHERE action = 'import.eurepoc' AND target_type = 'attribution' ORDER BY seq`.execute(h.wb.db)).rows;
    const update = rows.find((r) => r.before !== null);
    expect(update?.before).toContain('"company":"An IT-security company"');
    expect(update?.after).toContain('"company":"Another IT-security company"');
  });
});

describe.each(dialects)('a second EuRepoC import names only the absent records every reader of its report may see, on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
  }, 60_000);
  afterAll(async () => h?.close());

  it("leaves unsaid a record another organisation holds, and names it again when the report is that owner's", async () => {
    // The first import is France's, AMBER+STRICT: incident 9001 is France's alone.
    await ex.importFiles(LOCAL_DE, 'eurepoc', RELEASE.map((f) => path.join(EUREPOC, f)), { marking: { tlp: 'amber+strict', owner: 'FR' } });
    // Germany's GREEN import of the release without 9001: its report would tell every signed-in user of France's record.
    const green = await ex.importFiles(LOCAL_DE, 'eurepoc', changedRelease(), { marking: { tlp: 'green', owner: 'DE' } });
    expect(green.mappings['records not in this import']).toBeUndefined();
    expect(green.problems.some((x) => x.object === 'eurepoc:9001')).toBe(false);
    // France's own AMBER+STRICT report of the same files may name it.
    const own = await ex.importFiles(LOCAL_DE, 'eurepoc', changedRelease(), { marking: { tlp: 'amber+strict', owner: 'FR' }, memo: false });
    expect(own.mappings['records not in this import']).toEqual({ 'incident -> kept as stored (an import deletes nothing)': 1 });
    expect(own.problems).toContainEqual(expect.objectContaining({ object: 'eurepoc:9001' }));
  });
});
