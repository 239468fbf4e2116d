// A second import of a changed EuRepoC release: a row removed from the files, a row changed. The removed incident is
// kept as stored (an import never deletes) and the report names it; the changed incident is updated with its earlier
// version kept in its history, and a changed attribution row's record keeps its before and after in the audit trail.
// A changed CFR export is read the same way: the rows it no longer holds are counted, named (as the marking allows) and kept.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { ImportReport } from '../../src/core/exchange/index';
import { readConfig } from '../../src/config';
import { dialects, startHarness, tempDir, type Harness } from './harness';
import { EUREPOC, FIXTURES, LOCAL_DE } from './exchange-support';

const CFR_SAMPLE = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');

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

/** The CFR sample without its WannaCry row, and with the Bundestag row's description changed. */
function changedCfr(): string {
  const lines = fs.readFileSync(CFR_SAMPLE, 'utf8').split('\n');
  const kept = lines.filter((l) => !l.startsWith('WannaCry,')).map((l) => l.replace('Hackers stole data from the network of the German parliament', 'Hackers stole data from the German parliament'));
  const file = path.join(tempDir('cyberdiplo-cfr-changed-'), 'cfr-cyber-operations-sample.csv');
  fs.writeFileSync(file, kept.join('\n'));
  return file;
}

// Both ways the CFR rows reach the store: written as they are mapped (applyStream) and as one batch.
describe.each(dialects.flatMap((d) => [[d, true] as const, [d, false] as const]))('a second CFR import of a changed file on %s (streamed: %s)', (dialect, streamed) => {
  let h: Harness;
  let ex: ExchangeService;
  let first: ImportReport;
  let second: ImportReport;
  let third: ImportReport;
  let wannaCry: string;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
    ex.repo.streamCfr = streamed;
    first = await ex.importFiles(LOCAL_DE, 'cfr', [CFR_SAMPLE]);
    wannaCry = [...(await ex.repo.links('incident')).values()].find((l) => l.source.format === 'cfr' && l.source.key.startsWith('cfr:WannaCry|'))!.source.key;
    const changed = changedCfr();
    second = await ex.importFiles(LOCAL_DE, 'cfr', [changed]);
    // The same changed file again: an unchanged re-import says the same of the absent row.
    third = await ex.importFiles(LOCAL_DE, 'cfr', [changed]);
  }, 180_000);
  afterAll(async () => h?.close());

  it('counts and names the incident no longer in the file, and keeps it as stored', async () => {
    expect(second.mapped.incident).toBe(first.mapped.incident - 1);
    expect(second.written.incident).toMatchObject({ created: 0, updated: 1 });
    expect(second.mappings['records not in this import']).toEqual({ 'incident -> kept as stored (an import deletes nothing)': 1 });
    expect(second.problems).toContainEqual(expect.objectContaining({ severity: 'warning', object: wannaCry, message: expect.stringMatching(/imported before from cfr.*not in this import; kept as stored/) }));
    expect((await ex.repo.incidentsForExport()).filter((i) => i.source?.key === wannaCry)).toHaveLength(1);
    // The first import had nothing before it to miss.
    expect(first.mappings['records not in this import']).toBeUndefined();
  });

  it('says it again on an unchanged re-import, and no more once the record is deleted here', async () => {
    expect(third.written.incident).toMatchObject({ created: 0, updated: 0 });
    expect(third.mappings['records not in this import']).toEqual({ 'incident -> kept as stored (an import deletes nothing)': 1 });
    expect(third.problems).toContainEqual(expect.objectContaining({ object: wannaCry }));
    const id = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === wannaCry)!.id;
    await sql`DELETE FROM incident WHERE id = ${id}`.execute(h.wb.db);
    const fourth = await ex.importFiles(LOCAL_DE, 'cfr', [changedCfr()]);
    expect(fourth.mappings['records not in this import']).toBeUndefined();
  });
});

describe.each(dialects)('a second CFR import names only the absent records every reader of its report may see, on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
  }, 60_000);
  afterAll(async () => h?.close());

  it("leaves unsaid a record another organisation holds, and names it in that owner's report", async () => {
    await ex.importFiles(LOCAL_DE, 'cfr', [CFR_SAMPLE], { marking: { tlp: 'amber+strict', owner: 'FR' } });
    const green = await ex.importFiles(LOCAL_DE, 'cfr', [changedCfr()], { marking: { tlp: 'green', owner: 'DE' } });
    expect(green.mappings['records not in this import']).toBeUndefined();
    expect(green.problems.some((x) => x.object.startsWith('cfr:WannaCry|'))).toBe(false);
    const own = await ex.importFiles(LOCAL_DE, 'cfr', [changedCfr()], { marking: { tlp: 'amber+strict', owner: 'FR' }, memo: false });
    expect(own.mappings['records not in this import']).toEqual({ 'incident -> kept as stored (an import deletes nothing)': 1 });
    expect(own.problems).toContainEqual(expect.objectContaining({ object: expect.stringMatching(/^cfr:WannaCry\|/) }));
  });
});
