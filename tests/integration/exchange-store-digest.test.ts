// What imports leave in the store, pinned: a fixed series of imports (CFR created, updated, re-marked and re-keyed
// for another organisation; STIX created and re-marked; the EuRepoC sample) and the SHA-256 of every table they
// write, row for row, compared with digests recorded from the write path before its statements and audit rows were
// made cheaper. Any change to what the write or audit steps store (a column's text, a row more or less, the order of
// history, audit or search-key numbers, an audit hash) moves a digest. The series uses the test clock and audit key,
// so the digests are the same on every run of a dialect.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { writeStixBundle } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import { ALL, EUREPOC, IMPORT_TABLES, LOCAL_DE, STIX, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness, type TestDialect } from './harness';

const TABLES: Record<string, string> = { ...IMPORT_TABLES, audit_head: 'id' };

/** Rows and digest of each table, recorded from the write path as it was before (commit 3f486d6); the same on both dialects. */
const SHARED: Record<string, string> = {
  incident: '387 5d4c05dc62c2a015',
  incident_history: '506 a97ac62c66cbce53',
  exchange_record: '106 12b76f40fb9c77fe',
  exchange_link: '493 04ec96144722c717',
  exchange_ref: '10 ff961f93205e534d',
  record_marking: '503 c1c33ad4328009fc',
  record_grant: '19 ab351adbfd72fcdc',
  import_report: '10 10d174bafab79b18',
  // The memo's input names the STIX schema folder relative to the project, so that no digest depends on where the
  // checkout lies (it held the folder's absolute path before). The input also holds the toolbox's vocabulary, so a new
  // measure in data/toolbox/measures.yaml moves this digest and no other (active-defence, 0e4631f).
  import_memo: '7 5b6de4e099ba65ff',
  // The entry of a record an import creates holds the SHA-256 of the body's canonical JSON and the version it was
  // stored as, not the body: the entries' text and so every link's hash after the first such entry, and the head,
  // moved (they were 702 a378baedcb7494e1 and 1 f619525cc1afec60); the trail as its readers take it (audit_read, below)
  // did not.
  audit_log: '702 6cc75ff7ff56a7df',
  audit_head: '1 499577e64d8d8f48',
  // The trail as read, recorded from the write path that kept a copy of each created record's body in its entry.
  audit_read: '702 dc8e986c8065752f',
  // The EuRepoC sample's three added attribution rows (one more attribution on SolarWinds' incident, the report's
  // account of each attribution row) moved the incident, history, link, report, memo and audit digests; no row count.
  // The STIX reports' count of relationships nothing reads (targets from a campaign...) moved the report and memo digests.
  // So did their count of identities, locations and marking definitions that become no record, of the relationships
  // read into records, and of objects read again.
  // EuRepoC attribution records keep the rows they stand for (statements): the record, link, report, memo and audit
  // digests moved; no row count.
  // A CFR import names the rows an earlier CFR import made that its file no longer holds (the series' smaller files),
  // and such a run keeps no memo: the report, memo (one fewer) and audit digests moved; no record.
  // EuRepoC incidents keep the columns no field reads as their codings (the sample's SolarWinds row codes some): the
  // incident, history, link (content hash), report, memo and audit digests moved; no row count.
  // The EuRepoC report counts each receiver row and what became of it, the receiver file's unread region column and the
  // attribution cells a row kept on the incident only leaves out: the report and memo digests moved; no record.
  // An attribution row naming no initiator keeps its cells as the statement of the incident's attribution, and the
  // report says per column where the cells went: the incident, history, link (content hash), report, memo and audit
  // digests moved; no row count.
};
const EXPECTED: Record<TestDialect, Record<string, string>> = {
  sqlite: { ...SHARED, incident_search_key: '387 d2755f9d5e8a7099', incident_fts: '387 74108782b4c33ab4' },
  postgres: SHARED,
};

async function digests(wb: Workbench, dialect: TestDialect): Promise<Record<string, string>> {
  const tables = { ...TABLES, ...(dialect === 'sqlite' ? { incident_search_key: 'n' } : {}) };
  const out: Record<string, string> = {};
  for (const [t, order] of Object.entries(tables)) {
    // The history as its readers take it: an import's first entry holds no copy of the body it created (migration
    // 0103), and the view that resolves it gives the rows recorded from the write path that stored the copy.
    const from = t === 'incident_history' ? 'incident_history_read' : t;
    const rows = (await sql`SELECT * FROM ${sql.table(from)} ORDER BY ${sql.raw(order)}`.execute(wb.db)).rows;
    out[t] = `${rows.length} ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  // The trail as its readers take it (API, CLI, web: AuditLog.list), without the links' hashes: the entry of a record
  // an import creates holds the digest of the body it stored, not a copy, and the reader gives the body back.
  const entries: unknown[] = [];
  for (let after = 0; ; ) {
    const page = await wb.audit.list(ALL, { after, limit: 1000 });
    if (!page.length) break;
    entries.push(...page.map(({ prevHash: _p, hash: _h, ...e }) => e));
    after = page.at(-1)?.seq ?? after;
  }
  out.audit_read = `${entries.length} ${createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16)}`;
  if (dialect === 'sqlite') {
    // The search index's own rows: what the triggers (or the batch fill) put in for each incident.
    const fts = (await sql`SELECT rowid, title, body FROM incident_fts ORDER BY rowid`.execute(wb.db)).rows;
    out.incident_fts = `${fts.length} ${createHash('sha256').update(JSON.stringify(fts)).digest('hex').slice(0, 16)}`;
  }
  return out;
}

describe.each(dialects)('what imports store on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-store-digest-');
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const cfr = (name: string, n: number, rewrite: (i: number) => string | undefined) => writeCfrRows(path.join(dir, name), n, rewrite);

  it('is the same, table for table, as the write path recorded', async () => {
    const stix = path.join(dir, 'bundle.json');
    writeStixBundle(stix, 160);
    const third = cfr('third.csv', 40, (i) => (i % 5 === 0 ? `Third row ${i}.` : undefined));
    const fr: Principal = { kind: 'user', id: 'u-fr', username: 'fr-editor', role: 'editor', org: 'FR', via: 'session' };
    const eurepoc = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
    const sightings = ['sighting-of-an-indicator.json', 'sighting-of-observed-data.json'].map((f) => path.join(STIX, 'cti-documentation-examples', f)).concat(path.join(STIX, 'oasis-json-schemas-examples', 'examples', 'threat-reports', 'apt1.json'));
    const runs: [string, string[], Parameters<ExchangeService['importFiles']>[3], Principal?][] = [
      ['cfr', [cfr('first.csv', 250, () => undefined)], {}],
      ['cfr', [cfr('second.csv', 300, (i) => (i % 4 === 0 ? `Rewritten row ${i}.` : undefined))], {}],
      ['stix', [stix], {}],
      ['stix', [stix], { marking: { tlp: 'green' } }],
      ['eurepoc', eurepoc, {}],
      // Sightings and reports (their references), and TLP:RED records (their grants).
      ['stix', sightings, { marking: { tlp: 'red' } }, fr],
      ['stix', sightings, {}],
      ['cfr', [third], { marking: { tlp: 'amber' } }],
      ['cfr', [third], {}, fr],
      ['cfr', [third], {}, fr],
    ];
    const ex = new ExchangeService(h.wb, new TestClock());
    for (const [format, files, opts, who] of runs) {
      const r = await ex.importFiles(who ?? LOCAL_DE, format as 'cfr' | 'stix' | 'eurepoc', files, opts);
      expect(r.rejected, `${format} ${files.map((f) => path.basename(f)).join(' ')}`).toBe(false);
    }
    const got = await digests(h.wb, dialect);
    if (process.env.PRINT_STORE_DIGESTS) console.info(dialect, JSON.stringify(got, null, 2));
    expect(got).toEqual(EXPECTED[dialect]);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
  }, 180_000);

  it('takes a store whose incidents were all deleted for one that holds their links, not for an empty one', async () => {
    const other = await startHarness(teamConfig(), dialect);
    try {
      const file = cfr('deleted.csv', 20, () => undefined);
      const ex = new ExchangeService(other.wb, new TestClock());
      expect((await ex.importFiles(LOCAL_DE, 'cfr', [file], { memo: false })).written.incident).toMatchObject({ created: 20 });
      await sql`DELETE FROM incident`.execute(other.wb.db);
      // Deleted here, they stay deleted: the links and markings left behind are read, as for any id.
      expect((await ex.importFiles(LOCAL_DE, 'cfr', [file], { memo: false })).written.incident).toEqual({ created: 0, updated: 0, unchanged: 20, stale: 0 });
      await sql`DELETE FROM exchange_link`.execute(other.wb.db);
      // Without their links they come back, under the markings kept for them.
      expect((await ex.importFiles(LOCAL_DE, 'cfr', [file], { memo: false })).written.incident).toEqual({ created: 20, updated: 0, unchanged: 0, stale: 0 });
    } finally {
      await other.close();
    }
  }, 60_000);
});
