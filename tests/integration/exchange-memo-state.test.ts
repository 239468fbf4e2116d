// The import memo's state after the writes is worked out from them (store/import-memo-state.ts) instead of read back.
// Two stores take the same mixed series of imports and local changes, one working the state out and one reading it
// back: their memos must be the same after every run. And a rule that works the state out wrongly must only make the
// memo miss: the next run takes the full path and answers as it does.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStixBundle } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Principal } from '../../src/core/auth/principal';
import { stateAfterWrite } from '../../src/core/exchange/import-memo';
import type { ImportFormat } from '../../src/core/exchange/index';
import { EUREPOC, LOCAL_DE, STIX, oneMoreRun, storeCounts, taggedBundle, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';

const fr: Principal = { kind: 'user', id: 'u-fr', username: 'fr-editor', role: 'editor', org: 'FR', via: 'session' };
const erin: Principal = { kind: 'user', id: 'u-erin', username: 'erin', role: 'editor', org: 'DE', via: 'session' };

type Run = [ImportFormat, string[], Parameters<ExchangeService['importFiles']>[3], Principal?];

describe.each(dialects)('the import memo worked out from the writes on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-memo-state-');
  let worked: Harness;
  let readBack: Harness;

  beforeAll(async () => {
    worked = await startHarness(teamConfig(), dialect);
    readBack = await startHarness(teamConfig(), dialect);
  }, 60_000);
  afterAll(async () => {
    await worked?.close();
    await readBack?.close();
  });

  const memos = async (h: Harness) => (await sql`SELECT * FROM import_memo ORDER BY scope`.execute(h.wb.db)).rows;

  it('is the memo that reading the state back gives, after every run of a mixed series', async () => {
    const stix = path.join(dir, 'bundle.json');
    writeStixBundle(stix, 160);
    const cfr = (name: string, n: number, rewrite: (i: number) => string | undefined) => writeCfrRows(path.join(dir, name), n, rewrite);
    const third = cfr('third.csv', 40, (i) => (i % 5 === 0 ? `Third row ${i}.` : undefined));
    const eurepoc = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
    const sightings = ['sighting-of-an-indicator.json', 'sighting-of-observed-data.json'].map((f) => path.join(STIX, 'cti-documentation-examples', f)).concat(path.join(STIX, 'oasis-json-schemas-examples', 'examples', 'threat-reports', 'apt1.json'));
    const first = cfr('first.csv', 250, () => undefined);
    // Changes made here between runs, the same on both stores: an edit (a new version), a deletion, a re-marking.
    const edit = async (h: Harness) => {
      await sql`UPDATE incident SET version = version + 1, title = 'Edited here' WHERE id IN (SELECT id FROM incident ORDER BY id LIMIT 3)`.execute(h.wb.db);
      await sql`DELETE FROM exchange_record WHERE id IN (SELECT id FROM exchange_record WHERE kind = 'actor' ORDER BY id LIMIT 2)`.execute(h.wb.db);
      await sql`UPDATE record_marking SET tlp = 'amber' WHERE record_id IN (SELECT record_id FROM record_marking WHERE tlp = 'green' ORDER BY record_id LIMIT 4)`.execute(h.wb.db);
    };
    // Rows and links removed (markings kept): the next run creates them again over their markings.
    const gone = async (h: Harness) => {
      const rows = await sql<{ id: string }>`SELECT i.id FROM incident i JOIN exchange_link l ON l.record_id = i.id WHERE l.format = ${'cfr'} ORDER BY i.id LIMIT 5`.execute(h.wb.db);
      const ids = sql.join(rows.rows.map((r) => sql`${r.id}`));
      expect(rows.rows).toHaveLength(5);
      await sql`DELETE FROM exchange_link WHERE record_id IN (${ids})`.execute(h.wb.db);
      await sql`DELETE FROM incident WHERE id IN (${ids})`.execute(h.wb.db);
    };
    const steps: (Run | 'edit' | 'gone')[] = [
      ['cfr', [first], {}],
      ['cfr', [cfr('second.csv', 300, (i) => (i % 4 === 0 ? `Rewritten row ${i}.` : undefined))], {}],
      ['stix', [stix], {}],
      ['stix', [stix], { marking: { tlp: 'green' } }],
      'edit',
      ['stix', [stix], { marking: { tlp: 'green' } }],
      'gone',
      ['cfr', [first], {}],
      ['eurepoc', eurepoc, {}],
      ['stix', sightings, { marking: { tlp: 'red' } }, fr],
      ['stix', sightings, {}],
      ['cfr', [third], { marking: { tlp: 'amber' } }],
      // Records held for DE under AMBER: FR's user gets its own copies (the batch moves to other ids).
      ['cfr', [third], {}, fr],
      ['cfr', [third], {}, fr],
      'edit',
      ['cfr', [third], {}, fr],
      ['stix', [stix], {}, erin],
    ];
    const a = new ExchangeService(worked.wb, new TestClock());
    const b = new ExchangeService(readBack.wb, new TestClock());
    b.repo.memoFromWrites = false;
    let kept = 0;
    for (const step of steps) {
      if (step === 'edit' || step === 'gone') {
        for (const h of [worked, readBack]) await (step === 'edit' ? edit : gone)(h);
        continue;
      }
      const [format, files, opts, who] = step;
      const label = `${format} ${files.map((f) => path.basename(f)).join(' ')} ${JSON.stringify(opts)}`;
      const ra = await a.importFiles(who ?? LOCAL_DE, format, files, opts);
      const rb = await b.importFiles(who ?? LOCAL_DE, format, files, opts);
      expect(ra, label).toEqual(rb);
      const [ma, mb] = [await memos(worked), await memos(readBack)];
      expect(ma, label).toEqual(mb);
      kept = ma.length;
    }
    // The second FR run of the third file is answered from the memo of the first, on both stores.
    expect([a.replayed, b.replayed]).toEqual([1, 1]);
    expect(kept).toBeGreaterThan(5);
    // The last two runs' memos answer the same runs again on both stores alike.
    for (const step of steps.slice(-2)) {
      if (typeof step === 'string') continue;
      const [format, files, opts, who] = step;
      expect(await a.importFiles(who ?? LOCAL_DE, format, files, opts)).toEqual(await b.importFiles(who ?? LOCAL_DE, format, files, opts));
    }
    expect([a.replayed, b.replayed]).toEqual([3, 3]);
  }, 240_000);

  it('only misses when the state is worked out wrongly, and the full path answers', async () => {
    const h = await startHarness(teamConfig(), dialect);
    try {
      const ex = new ExchangeService(h.wb, new TestClock());
      const wrong: [string, typeof stateAfterWrite][] = [
        ['a version too many', (prior, s) => ({ ...stateAfterWrite(prior, s), version: (stateAfterWrite(prior, s).version ?? 0) + 1 })],
        ['the marking left as it was', (prior, s) => ({ ...stateAfterWrite(prior, s), marking: prior?.marking, kind: prior?.kind })],
        ['the source version not kept', (prior, s) => ({ ...stateAfterWrite(prior, s), link: { hash: s.w.hash, sourceModified: null } })],
      ];
      for (const [i, [label, rule]] of wrong.entries()) {
        const b = taggedBundle(`memo-wrong-${i}`, 'green');
        const file = path.join(dir, `wrong-${i}.json`);
        fs.writeFileSync(file, JSON.stringify({ type: b.type, id: b.id, objects: b.objects }));
        ex.repo.stateAfterWrite = rule;
        await ex.importFiles(erin, 'stix', [file]);
        // A re-marking: records that exist are written again (the rules differ from the right one on these too).
        await ex.importFiles(erin, 'stix', [file], { marking: { tlp: 'amber' } });
        ex.repo.stateAfterWrite = stateAfterWrite;
        const counts = await storeCounts(h.wb);
        const before = ex.replayed;
        const again = await ex.importFiles(erin, 'stix', [file], { marking: { tlp: 'amber' } });
        expect(ex.replayed, label).toBe(before);
        expect(await storeCounts(h.wb), label).toEqual(oneMoreRun(counts));
        const full = await ex.importFiles(erin, 'stix', [file], { marking: { tlp: 'amber' }, memo: false });
        expect(again, label).toEqual(full);
        // The run that missed kept a memo by the right rule: the next run is answered from it.
        await ex.importFiles(erin, 'stix', [file], { marking: { tlp: 'amber' } });
        expect(ex.replayed, label).toBe(before + 1);
      }
    } finally {
      await h.close();
    }
  }, 120_000);
});
