// An import is planned, written and audited a part at a time (ExchangeRepository.partSize): the store must then hold
// exactly what writing the whole batch as one part leaves, row for row and byte for byte, audit hashes included.
// Two stores with the same (test) clock and audit key take the same imports (CFR created, then updated; STIX created, then
// re-marked), one in parts of 7 records (CFR incidents written as they are mapped, applyStream), one whole; every
// table an import writes is compared.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { writeStixBundle } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import type { Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import { IMPORT_TABLES, LOCAL_DE, writeCfrRows } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, TestClock, type Harness } from './harness';


async function dump(wb: Workbench, sqlite: boolean): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const tables = { ...IMPORT_TABLES, ...(sqlite ? { incident_search_key: 'n' } : {}) };
  for (const [t, order] of Object.entries(tables)) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY ${sql.raw(order)}`.execute(wb.db)).rows;
  const head = await sql`SELECT * FROM audit_head`.execute(wb.db);
  out.audit_head = head.rows;
  return out;
}

describe.each(dialects)('imports written in parts on %s', (dialect) => {
  const dir = tempDir('cyberdiplo-parts-');
  let whole: Harness;
  let inParts: Harness;

  beforeAll(async () => {
    whole = await startHarness(teamConfig(), dialect);
    inParts = await startHarness(teamConfig(), dialect);
  }, 60_000);
  afterAll(async () => {
    await whole?.close();
    await inParts?.close();
  });

  const cfr = (name: string, n: number, rewrite: (i: number) => string | undefined) => writeCfrRows(path.join(dir, name), n, rewrite);

  it('leaves the same rows, markings, search keys and audit chain as the whole batch written at once', async () => {
    const stix = path.join(dir, 'bundle.json');
    writeStixBundle(stix, 120);
    const third = cfr('third.csv', 30, (i) => (i % 5 === 0 ? `Third row ${i}.` : undefined));
    // The last run is a user's of another organisation: the records held under DE's AMBER move to ids of its own.
    const fr: Principal = { kind: 'user', id: 'u-fr', username: 'fr-editor', role: 'editor', org: 'FR', via: 'session' };
    const runs: [string, string[], Parameters<ExchangeService['importFiles']>[3], Principal?][] = [
      ['cfr', [cfr('first.csv', 60, () => undefined)], {}],
      ['cfr', [cfr('second.csv', 75, (i) => (i % 4 === 0 ? `Rewritten row ${i}.` : undefined))], {}],
      ['stix', [stix], {}],
      ['stix', [stix], { marking: { tlp: 'green' } }],
      ['cfr', [third], { marking: { tlp: 'amber' } }],
      ['cfr', [third], {}, fr],
    ];
    const ex = { whole: new ExchangeService(whole.wb, new TestClock()), parts: new ExchangeService(inParts.wb, new TestClock()) };
    ex.whole.repo.partSize = Number.MAX_SAFE_INTEGER;
    ex.whole.repo.streamCfr = false;
    ex.parts.repo.partSize = 7;
    for (const [format, files, opts, who] of runs) {
      const a = await ex.whole.importFiles(who ?? LOCAL_DE, format as 'cfr' | 'stix', files, opts);
      const b = await ex.parts.importFiles(who ?? LOCAL_DE, format as 'cfr' | 'stix', files, opts);
      expect(b).toEqual(a);
    }
    const [a, b] = [await dump(whole.wb, dialect === 'sqlite'), await dump(inParts.wb, dialect === 'sqlite')];
    // The runs wrote what they should: created, updated and re-marked incidents, actors, attributions, their entries.
    expect(a.incident).toHaveLength(135);
    expect((a.record_marking ?? []).filter((m) => (m as { owner_org: string | null }).owner_org === 'FR')).toHaveLength(31);
    expect((a.incident_history ?? []).length).toBeGreaterThan(105 + 15 + 30 - 1);
    expect((a.audit_log ?? []).length).toBeGreaterThan(200);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
    expect(await inParts.wb.audit.verify()).toMatchObject({ valid: true });
  }, 180_000);
});
