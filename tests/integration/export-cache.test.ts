// The exports of GET /api/export/:view are kept per what each reads (src/app/export-views.ts). A kept export is the one
// the uncached service makes, for random views, formats, dates, incidents and readers; and each of what an export
// reads moves it, written by another server on the same database: an incident recorded, an exchange import, a write
// of an exchange record by any other code, a sanctions annex import (the STIX bundle's listings), a re-seed of changed
// files; and the day moves the plans.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedCache } from '../../src/app/assessment-service';
import { ExchangeService } from '../../src/app/exchange-service';
import { cachedExport, type ExportQueryText } from '../../src/app/export-views';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import { EXPORT_VIEWS } from '../../src/core/exchange/views';
import { dialects, startHarness, tempDir, testConfig, TestClock, type Harness } from './harness';
import { incident } from './team';
import { twoServers, type TwoServers } from './two-servers';

const LOCAL: Principal = { kind: 'local', org: null };
const READERS: Principal[] = [LOCAL, { kind: 'user', id: 'id-de', username: 'reader-de', role: 'analyst', org: 'DE', via: 'session' }, { kind: 'user', id: 'id-fr', username: 'reader-fr', role: 'analyst', org: 'FR', via: 'session' }];
const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));

const T = '2024-03-01T00:00:00.000Z';
const actor = (id: string, name: string, modified = T) => ({ type: 'intrusion-set', spec_version: '2.1', id, created: T, modified, name });
const bundle = (...objects: unknown[]) => ({ type: 'bundle', id: 'bundle--6f2d3a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6', objects });

/** What the uncached service answers, or the code it refuses with. */
const settle = async (make: () => Promise<unknown>) => {
  try {
    return { out: await make() };
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? String(error) };
  }
};

describe.each(dialects)('kept exports on %s', (dialect) => {
  let s: TwoServers;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await twoServers(dialect, {});
    // Incidents and an actor under several markings, so that readers of different clearance get different exports.
    for (const [title, m] of [['Export probe clear', { tlp: 'clear' }], ['Export probe amber DE', { tlp: 'amber', owner: 'DE' }], ['Export probe amber FR', { tlp: 'amber', owner: 'FR' }]] as const) {
      ids.push((await s.a.wb.toolbox.create(LOCAL, incident(title, m))).id);
    }
    const imported = await s.a.app.inject({ method: 'POST', url: '/api/import/stix?tlp=amber&owner=FR', payload: bundle(actor('intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', 'Export probe actor')) });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
  });
  afterAll(async () => s?.close());

  const exported = (wb: Workbench, p: Principal, view: string, q: ExportQueryText) => cachedExport(wb, p, view, q, () => new ExchangeService(wb).exportView(p, view, q));
  const uncached = (wb: Workbench, p: Principal, view: string, q: ExportQueryText) => new ExchangeService(wb).exportView(p, view, q);

  it('answers what the uncached service answers, for random views, formats, dates, incidents and readers', async () => {
    const size = derivedCache(s.a.wb).size;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXPORT_VIEWS, 'nonsense'),
        fc.constantFrom('csv', 'json', 'xml', undefined),
        fc.option(fc.oneof(day, fc.constant('2019-02-30')), { nil: undefined }),
        fc.option(fc.constantFrom(...ids, 'inc-missing'), { nil: undefined }),
        fc.constantFrom(...READERS),
        async (view, format, asOf, incidentId, reader) => {
          const q = { format, asOf, incident: incidentId };
          const first = await settle(() => exported(s.a.wb, reader, view, q));
          const again = await settle(() => exported(s.a.wb, reader, view, q));
          if ('out' in first && 'out' in again) expect(again.out).toBe(first.out);
          expect(first).toEqual(await settle(() => uncached(s.a.wb, reader, view, q)));
        },
      ),
      { numRuns: 80 },
    );
    expect(derivedCache(s.a.wb).hits).toBeGreaterThan(0);
    expect(derivedCache(s.a.wb).size).toBeGreaterThan(size);
    // Readers of another clearance are other keys: the German reader does not get the French reader's amber records.
    const de = (await exported(s.a.wb, READERS[1]!, 'stix', {})).body;
    const fr = (await exported(s.a.wb, READERS[2]!, 'stix', {})).body;
    expect(fr).toContain('Export probe amber FR');
    expect(fr).toContain('Export probe actor');
    expect(de).not.toContain('Export probe amber FR');
    expect(de).not.toContain('Export probe actor');
  });

  it('is the uncached answer over HTTP, and moves with what another server writes', async () => {
    const get = async (url: string) => {
      const r = await s.a.app.inject({ method: 'GET', url });
      expect(r.statusCode, r.body).toBe(200);
      return r.body;
    };
    const moves = async (url: string, view: string, q: ExportQueryText, write: () => Promise<unknown>, check: (body: string) => void) => {
      const old = await get(url);
      expect(await get(url)).toBe(old);
      expect(old).toBe((await uncached(s.a.wb, LOCAL, view, q)).body);
      await write();
      const now = await get(url);
      expect(now).not.toBe(old);
      expect(now).toBe((await uncached(s.a.wb, LOCAL, view, q)).body);
      check(now);
    };
    const stix = async (payload: ReturnType<typeof bundle>) => {
      const r = await s.b.app.inject({ method: 'POST', url: '/api/import/stix', payload });
      expect(r.statusCode, r.body).toBeLessThan(300);
    };
    const SECOND = 'intrusion-set--8a3f0b52-6c1e-4d7a-9e2b-3f4c5d6e7f80';
    await moves('/api/export/incidents?format=csv', 'incidents', { format: 'csv' }, () => s.b.wb.toolbox.create(LOCAL, incident('Written by the other server', { tlp: 'clear' })), (b) => expect(b).toContain('Written by the other server'));
    await moves('/api/export/actors', 'actors', {}, () => stix(bundle(actor(SECOND, 'Imported by the other server'))), (b) => expect(b).toContain('Imported by the other server'));
    await moves('/api/export/stix', 'stix', {}, () => stix(bundle(actor(SECOND, 'Changed by the other server', '2024-04-01T00:00:00.000Z'))), (b) => expect(b).toContain('Changed by the other server'));
    // The STIX bundle holds the sanctions listings linked to its incidents (one dated within the operation's period, as
    // the link rule asks): an annex import by the other server moves it.
    await s.a.wb.toolbox.create(LOCAL, incident('OPCW export probe', { tlp: 'clear', start: '2018-04-13' }));
    const annex = fs.readFileSync(path.join(s.a.wb.config.dataDir, 'sanctions', '32019R0796.csv'), 'utf8');
    await moves('/api/export/stix', 'stix', {}, () => s.b.wb.sanctions.importAnnex(annex.replaceAll('Minin', 'Qwertyuiop')), (b) => expect(b).toContain('Qwertyuiop took part'));
    await moves(
      '/api/export/actors?format=csv',
      'actors',
      { format: 'csv' },
      () => sql`UPDATE exchange_record SET body = replace(body, 'Changed by the other server', 'Written by other code') WHERE body LIKE '%Changed by the other server%'`.execute(s.b.wb.db),
      (b) => expect(b).toContain('Written by other code'),
    );
    // A re-seed of changed files by another process: Russia's dialogues are gone.
    const dir = tempDir('cyberdiplo-data-');
    fs.cpSync(s.a.wb.config.dataDir, dir, { recursive: true });
    const ru = path.join(dir, 'partnerships', 'ru.yaml');
    const text = fs.readFileSync(ru, 'utf8');
    const cut = text.indexOf('\ndialogues:\n');
    const end = text.indexOf('\nagreements:\n', cut);
    expect(cut > 0 && end > cut).toBe(true);
    let other: Workbench | undefined;
    try {
      await moves(
        '/api/export/dialogues?format=csv',
        'dialogues',
        { format: 'csv' },
        async () => {
          fs.writeFileSync(ru, `${text.slice(0, cut)}\ndialogues: []\n${text.slice(end)}`);
          other = await openWorkbench(testConfig({ dbPath: s.target, dataDir: dir }));
        },
        () => {},
      );
    } finally {
      await other?.close();
    }
  });

  it("moves the plans with the server's day", async () => {
    const clock = new TestClock();
    const h: Harness = await startHarness({}, dialect, undefined, clock);
    try {
      await h.wb.toolbox.create(LOCAL, incident('Plan probe', { tlp: 'clear' }));
      const plans = async () => (await exported(h.wb, LOCAL, 'plans', {})).body;
      const first = await plans();
      expect(await plans()).toBe(first);
      clock.advance(24 * 60);
      const next = await plans();
      expect(next).not.toBe(first);
      expect(next).toBe((await uncached(h.wb, LOCAL, 'plans', {})).body);
    } finally {
      await h.close();
    }
  });
});
