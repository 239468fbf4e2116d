// An unchanged re-import is answered from the memo of the run before it (core/exchange/import-memo.ts): the answer
// and what is written must be exactly those of the full path (which `memo: false` forces), and anything that could
// change the answer (a changed file or option, another importer, a record edited, deleted or re-marked here) must
// take the full path.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Principal } from '../../src/core/auth/principal';
import type { ImportFormat, ImportReport } from '../../src/core/exchange/index';
import { EUREPOC, FIXTURES, LOCAL_DE, oneMoreRun, storeCounts, taggedBundle } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, type Harness } from './harness';

const CFR = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');
const EUREPOC_FILES = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));

const written = (r: ImportReport) => Object.values(r.written).reduce((n, o) => ({ changed: n.changed + o.created + o.updated, unchanged: n.unchanged + o.unchanged }), { changed: 0, unchanged: 0 });

describe.each(dialects)('unchanged re-imports answered from their memo on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  const dir = tempDir('cyberdiplo-reimport-');
  const erin: Principal = { kind: 'user', id: 'u-erin', username: 'erin', role: 'editor', org: 'DE', via: 'session' };
  const ivo: Principal = { kind: 'user', id: 'u-ivo', username: 'ivo', role: 'editor', org: 'IT', via: 'session' };

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    ex = new ExchangeService(h.wb);
  });
  afterAll(async () => h?.close());

  const writeBundle = (name: string, b: ReturnType<typeof taggedBundle>) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify({ type: b.type, id: b.id, objects: b.objects }));
    return file;
  };

  /** Imports and says whether the memo answered; the store must gain exactly one run's rows when nothing changes. */
  async function run(p: Principal, format: ImportFormat, files: string[], opts: { memo?: boolean; marking?: { tlp?: 'red' | 'amber' } } = {}) {
    const before = ex.replayed;
    const report = await ex.importFiles(p, format, files, opts);
    return { report, replayed: ex.replayed > before };
  }

  /** The re-import from the memo, then the full path over the same store: the same answer, the same rows written. */
  async function sameAsFullPath(p: Principal, format: ImportFormat, files: string[]) {
    const counts = await storeCounts(h.wb);
    const fast = await run(p, format, files);
    expect(fast.replayed).toBe(true);
    expect(await storeCounts(h.wb)).toEqual(oneMoreRun(counts));
    const full = await run(p, format, files, { memo: false });
    expect(full.replayed).toBe(false);
    expect(await storeCounts(h.wb)).toEqual(oneMoreRun(oneMoreRun(counts)));
    expect(fast.report).toEqual(full.report);
    const reports = await ex.repo.reports({ all: true, levels: [], org: null, username: null }, 2);
    expect(reports[0]?.report).toBe(reports[1]?.report);
    expect(written(fast.report).changed).toBe(0);
    return fast.report;
  }

  it.each([
    ['stix', () => [writeBundle('memo-stix.json', taggedBundle('memo-stix', 'amber'))]],
    ['eurepoc', () => EUREPOC_FILES],
    ['cfr', () => [CFR]],
  ] as const)('%s: the second import is answered from the memo, as the full path answers it', async (format, files) => {
    const first = await run(erin, format, files());
    expect(first.replayed).toBe(false);
    expect(written(first.report).changed).toBeGreaterThan(0);
    const again = await sameAsFullPath(erin, format, files());
    expect(written(again).unchanged).toBe(written(first.report).changed);
    const chain = await h.wb.audit.verify();
    expect(chain.valid).toBe(true);
  });

  it('a record edited, deleted or re-marked here since takes the full path, and the memo is renewed after it', async () => {
    const b = taggedBundle('memo-edit', 'green');
    const file = writeBundle('memo-edit.json', b);
    await run(erin, 'stix', [file]);
    await sameAsFullPath(erin, 'stix', [file]);
    const link = async (key: string) => (await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${key}`.execute(h.wb.db)).rows[0]?.record_id ?? '';
    const incident = await link(b.ids.incident);
    const actor = await link(b.ids.actor);

    // An edit of the incident here (a new version of it).
    await sql`UPDATE incident SET version = version + 1, title = 'Edited here' WHERE id = ${incident}`.execute(h.wb.db);
    expect((await run(erin, 'stix', [file])).replayed).toBe(false);
    await sameAsFullPath(erin, 'stix', [file]);

    // Its marking raised here (the record stays the importer's organisation's).
    await sql`UPDATE record_marking SET tlp = 'amber' WHERE record_id = ${incident}`.execute(h.wb.db);
    expect((await run(erin, 'stix', [file])).replayed).toBe(false);
    await sameAsFullPath(erin, 'stix', [file]);

    // The actor deleted here: it stays deleted, and the answer says so as the full path does.
    await sql`DELETE FROM exchange_record WHERE id = ${actor}`.execute(h.wb.db);
    const afterDelete = await run(erin, 'stix', [file]);
    expect(afterDelete.replayed).toBe(false);
    expect(await sql`SELECT id FROM exchange_record WHERE id = ${actor}`.execute(h.wb.db).then((r) => r.rows.length)).toBe(0);
    await sameAsFullPath(erin, 'stix', [file]);
  });

  it('a changed object, a marking option or another organisation takes the full path, whose answer differs', async () => {
    const file = writeBundle('memo-change.json', taggedBundle('memo-change', 'green'));
    await run(erin, 'stix', [file]);
    await sameAsFullPath(erin, 'stix', [file]);

    // One object changed in the file (a newer version of the actor): one record updated.
    writeBundle('memo-change.json', taggedBundle('memo-change', 'green', { modified: '2024-04-01T10:00:00.000Z', description: 'Changed.' }));
    const changed = await run(erin, 'stix', [file]);
    expect(changed.replayed).toBe(false);
    expect(changed.report.written.actor).toEqual({ created: 0, updated: 1, unchanged: 0, stale: 0 });
    await sameAsFullPath(erin, 'stix', [file]);

    // The same file with another marking: every record is re-marked.
    const red = await run(erin, 'stix', [file], { marking: { tlp: 'red' } });
    expect(red.replayed).toBe(false);
    expect(written(red.report).changed).toBe(3);

    // The same file imported by another organisation: its own records, created.
    const other = await run(ivo, 'stix', [file]);
    expect(other.replayed).toBe(false);
    expect(written(other.report)).toEqual({ changed: 3, unchanged: 0 });
    await sameAsFullPath(ivo, 'stix', [file]);
  });

  it('a dry run never uses the memo and writes nothing', async () => {
    const file = writeBundle('memo-dry.json', taggedBundle('memo-dry', null));
    await run(LOCAL_DE, 'stix', [file]);
    const counts = await storeCounts(h.wb);
    const before = ex.replayed;
    const dry = await ex.importFiles(LOCAL_DE, 'stix', [file], { dryRun: true });
    expect(ex.replayed).toBe(before);
    expect(dry.dryRun).toBe(true);
    expect(await storeCounts(h.wb)).toEqual(counts);
  });
});
