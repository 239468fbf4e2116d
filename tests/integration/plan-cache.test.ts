// Response plans are kept per incident, reader's clearance, date and the versions they read (src/app/plan-views.ts).
// A kept plan is the one the uncached service makes, for random incidents, dates, formats and readers; and each of
// what a plan reads moves it: the incident, the registry's other incidents (its precedents), the date, the sanctions
// register and the knowledge base, written by this server or by another on the same database.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedCache } from '../../src/app/assessment-service';
import { cachedPlan } from '../../src/app/plan-views';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import type { IncidentInput } from '../../src/core/toolbox/index';
import { dialects, startHarness, tempDir, testConfig, type Harness } from './harness';
import { OPCW_INCIDENT } from './opcw-incident';
import { twoServers, type TwoServers } from './two-servers';

const LOCAL: Principal = { kind: 'local', org: null };
const READERS: Principal[] = [LOCAL, { kind: 'anonymous' }, { kind: 'user', id: 'id-de', username: 'reader-de', role: 'analyst', org: 'DE', via: 'session' }];
const MARKINGS = [{ tlp: 'clear' }, { tlp: 'green' }, { tlp: 'amber', owner: 'DE' }, { tlp: 'amber', owner: 'FR' }] as const;
const today = () => new Date().toISOString().slice(0, 10);
const variant = (category: string, country: string, title = 'Probe') => ({ ...structuredClone(OPCW_INCIDENT), title, category, initiator: { ...OPCW_INCIDENT.initiator, country } });
const checked = (wb: Workbench, raw: unknown): IncidentInput => wb.toolbox.validate(raw);
const uncached = (wb: Workbench, x: IncidentInput, format: string | undefined, opts: Parameters<typeof cachedPlan>[3] = {}) => wb.toolbox.respond(x, format, opts);

describe.each(dialects)('kept response plans on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
    // Registry incidents under several markings, so that readers of different clearance get different precedents.
    for (let i = 0; i < 8; i++) {
      const m = MARKINGS[i % MARKINGS.length];
      await h.wb.toolbox.create(LOCAL, { ...variant(i % 2 ? 'cyber-espionage' : 'hybrid', i % 3 ? 'RU' : 'CN', `Registry incident ${i}`), ...m });
    }
  });
  afterAll(async () => h?.close());

  it('answers what the uncached service answers, for random incidents, dates, formats and readers', async () => {
    const start = Date.UTC(2018, 3, 13);
    const day = fc.integer({ min: start, max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('cyber-espionage', 'hybrid', 'cyber-crime'),
        fc.constantFrom('RU', 'CN', 'KP'),
        fc.option(day, { nil: undefined }),
        fc.constantFrom('json', 'markdown', undefined),
        fc.constantFrom(...READERS),
        async (category, country, asOf, format, principal) => {
          const x = checked(h.wb, variant(category, country));
          const opts = { principal, asOf };
          const first = await cachedPlan(h.wb, x, format, opts);
          const again = await cachedPlan(h.wb, x, format, opts);
          expect(again).toBe(first);
          expect(first).toEqual(await uncached(h.wb, x, format, opts));
        },
      ),
      { numRuns: 30 },
    );
    // Readers of another clearance are other keys: the anonymous reader is not handed the amber incidents' precedents.
    const x = checked(h.wb, variant('hybrid', 'RU'));
    const anyone = (await cachedPlan(h.wb, x, 'json', { principal: { kind: 'anonymous' } })).body as { precedents: { id: string }[] };
    const local = (await cachedPlan(h.wb, x, 'json', { principal: LOCAL })).body as { precedents: { id: string }[] };
    expect(anyone.precedents.map((p) => p.id)).not.toEqual(local.precedents.map((p) => p.id));
  });

  it('refuses a bad date or format as the service does, and keeps nothing for it', async () => {
    const x = checked(h.wb, variant('hybrid', 'RU'));
    const size = derivedCache(h.wb).size;
    await expect(cachedPlan(h.wb, x, 'json', { asOf: '2018-04-12' })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(cachedPlan(h.wb, x, 'xml', {})).rejects.toMatchObject({ code: 'invalid_filter' });
    expect(derivedCache(h.wb).size).toBe(size);
  });

  it("moves a recorded incident's plan with the incident, the registry, the date and the sanctions register", async () => {
    const created = (await h.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, tlp: 'clear' } })).json() as { id: string };
    const url = (q = '') => `/api/incidents/${created.id}/plan${q}`;
    const get = async (q = '') => {
      const r = await h.app.inject({ method: 'GET', url: url(q) });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { asOf: string; severity?: unknown; precedents: { id: string }[]; sanctions: { alreadyListed: unknown[] }; measures: unknown[] };
    };
    const expected = async (asOf?: string) => {
      const stored = await h.wb.toolbox.get(LOCAL, created.id);
      const r = await uncached(h.wb, stored.incident, 'json', { principal: LOCAL, selfId: stored.id, marking: stored.marking.tlp, asOf });
      return JSON.parse(JSON.stringify(h.app.gradeSources({ incidentId: stored.id, ...(r.body as object) }))) as unknown;
    };
    const before = await get();
    const hits = derivedCache(h.wb).hits;
    expect(await get()).toEqual(before);
    expect(derivedCache(h.wb).hits).toBeGreaterThan(hits);
    expect(before).toEqual(await expected());

    // The date.
    const then = await get('?asOf=2018-10-05');
    expect(then.asOf).toBe('2018-10-05');
    expect(then).not.toEqual(before);
    expect(then).toEqual(await expected('2018-10-05'));

    // The incident itself.
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/incidents/${created.id}`, payload: { effects: { severity: 'critical', attempted: false } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const edited = await get();
    expect(edited).not.toEqual(before);
    expect(edited).toEqual(await expected());

    // Another incident of the registry: a near copy becomes a precedent.
    const twin = (await h.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, title: 'A near copy', effects: { severity: 'critical', attempted: false }, tlp: 'clear' } })).json() as { id: string };
    const withTwin = await get();
    expect(withTwin.precedents.map((p) => p.id)).toContain(twin.id);
    expect(edited.precedents.map((p) => p.id)).not.toContain(twin.id);
    expect(withTwin).toEqual(await expected());

    // The sanctions register: an annex where the listed officer's name is spelt otherwise.
    const listedBefore = JSON.stringify(withTwin.sanctions);
    const annex = fs.readFileSync(path.join(h.wb.config.dataDir, 'sanctions', '32019R0796.csv'), 'utf8');
    expect(annex).toContain('Minin');
    await h.wb.sanctions.importAnnex(annex.replaceAll('Minin', 'Qwertyuiop'), { date: today() });
    const afterImport = await get();
    expect(JSON.stringify(afterImport.sanctions)).not.toBe(listedBefore);
    expect(afterImport).toEqual(await expected());
  });
});

describe.each(dialects)('kept response plans with two servers on one database, on %s', (dialect) => {
  let s: TwoServers;
  beforeAll(async () => {
    s = await twoServers(dialect, {});
  });
  afterAll(async () => s?.close());

  it("sees the other server's incidents, sanctions import and re-seed at once", async () => {
    const a = s.a.wb;
    const raw = variant('cyber-espionage', 'RU');
    const x = checked(a, raw);
    const plan = async () => (await cachedPlan(a, x, 'json', { principal: LOCAL })).body as { precedents: { id: string }[]; sanctions: unknown; initiatorRelations?: unknown };
    const first = await plan();
    expect(await plan()).toBe(first);

    // An incident written by the other server becomes a precedent.
    const twin = await s.b.wb.toolbox.create(LOCAL, { ...raw, title: 'Written by the other server', tlp: 'clear' });
    const second = await plan();
    expect(second.precedents.map((p) => p.id)).toContain(twin.id);
    expect(second).toEqual((await uncached(a, x, 'json', { principal: LOCAL })).body);

    // A sanctions import by the other server.
    const annex = fs.readFileSync(path.join(a.config.dataDir, 'sanctions', '32019R0796.csv'), 'utf8');
    await s.b.wb.sanctions.importAnnex(annex.replaceAll('Minin', 'Qwertyuiop'), { date: today() });
    const third = await plan();
    expect(JSON.stringify(third.sanctions)).not.toBe(JSON.stringify(second.sanctions));
    expect(third).toEqual((await uncached(a, x, 'json', { principal: LOCAL })).body);

    // A re-seed of changed files by another process: Russia's dialogues and agreements are gone from the observatory.
    const dir = tempDir('cyberdiplo-data-');
    fs.cpSync(a.config.dataDir, dir, { recursive: true });
    const ru = path.join(dir, 'partnerships', 'ru.yaml');
    const text = fs.readFileSync(ru, 'utf8');
    const cut = text.indexOf('\ndialogues:\n');
    expect(cut).toBeGreaterThan(0);
    const end = text.indexOf('\nagreements:\n', cut);
    expect(end).toBeGreaterThan(cut);
    fs.writeFileSync(ru, `${text.slice(0, cut)}\ndialogues: []\n${text.slice(end)}`);
    let other: Workbench | undefined;
    try {
      other = await openWorkbench(testConfig({ dbPath: s.target, dataDir: dir }));
      const fourth = await plan();
      expect(fourth).not.toEqual(third);
      expect(fourth).toEqual((await uncached(a, x, 'json', { principal: LOCAL })).body);
    } finally {
      await other?.close();
    }
  });
});
