// An incident an import creates has its body stored once: its first history entry holds no copy (`after` NULL, "the
// body as first stored", migration 0103) and reads as it did with one. Its history is read after the import, after
// a second import that changes it, after an analyst's update and after a delete, and compared with what it was: each
// version's body as the incident row held it then. A database made before the migration keeps its copies and reads
// the same, and going back down writes the copies into the entries left without them.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { openWorkbench } from '../../src/app/workbench';
import { readConfig } from '../../src/config';
import { connectDatabase, migrateDatabase, type Db } from '../../src/store/db';
import { EUREPOC, LOCAL_DE } from './exchange-support';
import { dialects, freshDatabase, startHarness, tempDir, testConfig, type Harness } from './harness';

const RELEASE = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
const BEFORE_0103 = '0102-exchange-record-version';

interface Row {
  incident_id: string;
  action: string;
  before: string | null;
  after: string | null;
}
const storedRows = async (db: Db) => (await sql<Row>`SELECT incident_id, action, before, after FROM incident_history ORDER BY seq`.execute(db)).rows;
const bodies = async (db: Db) => new Map((await sql<{ id: string; body: string }>`SELECT id, body FROM incident`.execute(db)).rows.map((r) => [r.id, r.body]));
const parsed = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

describe.each(dialects)("an imported incident's history without a copy of its first body, on %s", (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  let ids: string[];
  /** Each incident's body as the import stored it. */
  let first: Map<string, string>;

  const history = (id: string) => h.wb.toolbox.history(LOCAL_DE, id);
  const overApi = async (id: string) => (await h.app.inject({ method: 'GET', url: `/api/incidents/${id}/history` })).json() as unknown;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
    await ex.importFiles(LOCAL_DE, 'eurepoc', RELEASE);
    first = await bodies(h.wb.db);
    ids = [...first.keys()].sort();
  }, 120_000);
  afterAll(async () => h?.close());

  it('stores no copy of a created body, and reads every first version as the body the import stored', async () => {
    const rows = await storedRows(h.wb.db);
    const created = rows.filter((r) => r.action === 'create');
    expect(created.map((r) => r.incident_id).sort()).toEqual(ids);
    expect(created.every((r) => r.after === null)).toBe(true);
    for (const id of ids) {
      const entries = await history(id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ version: 1, action: 'create', before: null, redacted: false });
      expect(entries[0]?.after).toEqual(parsed(first.get(id)));
      expect(await overApi(id)).toEqual(JSON.parse(JSON.stringify(entries)));
    }
  });

  it('reads the same first versions after a second import, an update and a delete, and each later version as it was', async () => {
    const was = new Map<string, unknown>();
    for (const id of ids) was.set(id, await history(id));
    const [edited, deleted] = ids;
    // The second import renames Viasat (its update path writes the body it replaces as `before`).
    const viasat = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1514')!;
    const dir = tempDir('cyberdiplo-history-');
    const changed = RELEASE.map((f) => {
      const file = path.join(dir, path.basename(f));
      fs.writeFileSync(file, fs.readFileSync(f, 'utf8').replace('Viasat: satellite modems', 'Viasat (renamed): satellite modems'));
      return file;
    });
    await ex.importFiles(LOCAL_DE, 'eurepoc', changed);
    await h.wb.toolbox.update(LOCAL_DE, edited!, { title: 'Edited by an analyst' }, { merge: true });
    await h.wb.toolbox.remove(LOCAL_DE, deleted!);
    const now = await bodies(h.wb.db);

    for (const id of ids) {
      const entries = await history(id);
      const before = was.get(id) as { after: unknown }[];
      // The first version reads as it did, whatever followed it.
      expect(entries[0]).toEqual(before[0]);
      expect(entries[0]?.after).toEqual(parsed(first.get(id)));
      const changedHere = id === edited || id === deleted || id === viasat.id;
      expect(entries).toHaveLength(changedHere ? 2 : 1);
      if (!changedHere) continue;
      // The second version replaced the first: its `before` is the first body, its `after` the body now (none if deleted).
      expect(entries[1]?.before).toEqual(parsed(first.get(id)));
      expect(entries[1]?.after ?? null).toEqual(id === deleted ? null : parsed(now.get(id)));
    }
    expect((await history(viasat.id))[1]?.after).toMatchObject({ title: expect.stringMatching(/^Viasat \(renamed\)/) });
  });
});

describe.each(dialects)('incident history written before migration 0103, on %s', (dialect) => {
  const config = (target: string) => testConfig({ dbPath: target, auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } });

  it('goes down with a copy in every entry, keeps its copies going up and reads them as they are', async () => {
    const database = await freshDatabase(dialect);
    try {
      let wb = await openWorkbench(config(database.target), {});
      await new ExchangeService(wb).importFiles(LOCAL_DE, 'eurepoc', RELEASE);
      const stored = await bodies(wb.db);
      const [edited, later] = [...stored.keys()].sort();
      await wb.toolbox.update(LOCAL_DE, edited!, { title: 'Edited before going down' }, { merge: true });
      await wb.close();

      // Down to 0102: every first entry holds the body as first stored, as imports wrote it before 0103.
      const db = await connectDatabase(database.target);
      expect((await storedRows(db)).filter((r) => r.action === 'create' && r.after === null)).toHaveLength(stored.size);
      await migrateDatabase(db, BEFORE_0103);
      const rows = await storedRows(db);
      for (const r of rows.filter((x) => x.action === 'create')) {
        // The edited incident's first body is the one its update replaced, not the one stored now.
        expect(r.after).toBe(r.incident_id === edited ? rows.find((x) => x.incident_id === edited && x.action === 'update')?.before : stored.get(r.incident_id));
      }
      await db.destroy();

      // Up again by this version's start: the copies stay, and every entry reads as its stored text.
      wb = await openWorkbench(config(database.target), {});
      expect(await storedRows(wb.db)).toEqual(rows);
      for (const id of stored.keys()) {
        const entries = await wb.toolbox.history(LOCAL_DE, id);
        const own = rows.filter((r) => r.incident_id === id);
        expect(entries.map((e) => [e.action, e.before, e.after])).toEqual(own.map((r) => [r.action, parsed(r.before ?? undefined), parsed(r.after ?? undefined)]));
      }
      // An update of an incident whose first entry holds its copy: that entry still reads its copy.
      await wb.toolbox.update(LOCAL_DE, later!, { title: 'Edited after the upgrade' }, { merge: true });
      const after = await wb.toolbox.history(LOCAL_DE, later!);
      expect(after.map((e) => e.action)).toEqual(['create', 'update']);
      expect(after[0]?.after).toEqual(parsed(stored.get(later!)));
      expect(after[1]?.before).toEqual(parsed(stored.get(later!)));
      await wb.close();
    } finally {
      await database.drop();
    }
  }, 120_000);
});
