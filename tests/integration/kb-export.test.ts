// The published knowledge base written back as data files: seeding a new database from them gives the same dataset,
// and seeding the same database from them changes nothing that anyone reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKnowledgeBase } from '../../src/app/kb-export';
import type { Principal } from '../../src/core/auth/principal';
import { listFacts } from '../../src/core/kb/facts';
import { openDatabase } from '../../src/store/db';
import { datasetDigest, readRawDataset } from '../../src/store/dataset-files';
import { KnowledgeRepository, seedKnowledgeBase } from '../../src/store/kb-repository';
import { dialects, freshDatabase, startHarness, teamConfig, tempDir, type Harness } from './harness';

const analyst: Principal = { kind: 'user', id: 'u1', username: 'ana', role: 'analyst', org: 'DE', via: 'token' };
const editor: Principal = { kind: 'user', id: 'u2', username: 'eddie', role: 'editor', org: 'DE', via: 'token' };
const SOURCE = { ref: 'https://www.eeas.europa.eu/eeas/eu-japan-cyber-dialogue-2026', locator: 'EEAS press release, March 2026' };

describe.each(dialects)('kb export on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    const c = h.wb.curation;
    const round = await c.propose(analyst, { partner: 'JP', kind: 'meeting', action: 'add', record: { dialogue: 'jp-cyber-dialogue', date: '2026-03-02', title: '8th round, Tokyo', sources: [SOURCE] } });
    await c.approve(editor, round.id, {});
    const doc = await c.propose(analyst, { partner: 'JP', kind: 'document', action: 'add', record: { id: 'jp-cyber-statement-2026', title: 'EU-Japan statement on cyber cooperation', type: 'joint-statement', year: 2026, cyberMention: 'substantial', sources: [SOURCE] } });
    await c.approve(editor, doc.id, {});
    const retire = await c.propose(analyst, { partner: 'JP', kind: 'document', action: 'retire', target: 'jp-security-defence-partnership-2024', comment: 'test of retire' });
    await c.approve(editor, retire.id, {});
  }, 120_000);
  afterAll(async () => h?.close());

  it('writes files that a new database seeds into the same dataset', async () => {
    const published = await h.wb.kb.dataset();
    const dir = tempDir('cyberdiplo-export-');
    const report = await exportKnowledgeBase(h.wb, dir);
    expect(report.files).toEqual(expect.arrayContaining(['partnerships/jp.yaml', 'partnerships/shared-dialogues.yaml', 'actors.yaml', 'eu-framework.yaml']));

    const fresh = await freshDatabase(dialect);
    const db = await openDatabase(fresh.target);
    try {
      await seedKnowledgeBase(db, readRawDataset(dir), datasetDigest(dir));
      const reread = await new KnowledgeRepository(db).dataset();
      expect(reread).toEqual(published);
      expect(reread.partners.get('JP')?.documents.map((d) => d.id)).toContain('jp-cyber-statement-2026');
    } finally {
      await db.destroy();
      await fresh.drop();
    }
  });

  it('changes nothing when the same database is seeded from its own export', async () => {
    const before = await h.wb.kb.dataset();
    const dir = tempDir('cyberdiplo-export-');
    await exportKnowledgeBase(h.wb, dir);
    await seedKnowledgeBase(h.wb.db, readRawDataset(dir), datasetDigest(dir));
    const after = await h.wb.kb.dataset();
    expect(after).toEqual(before);
    expect(listFacts(after)).toEqual(listFacts(before));
    await seedKnowledgeBase(h.wb.db, readRawDataset(h.wb.config.dataDir), datasetDigest(h.wb.config.dataDir));
  });
});
