// The cyber-sanctions register over HTTP and through its import, on each dialect: the regime on a date with each
// target's reasons and incidents, screening one name or a list, and an annex import that is transactional and
// idempotent and reports what changed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness';

const annex = fs.readFileSync(path.join(import.meta.dirname, '../../data/sanctions/32019R0796.csv'), 'utf8');
const lines = annex.trimEnd().split('\n');

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await h.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as string } : {}) });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, type, headers: res.headers, body: (type.includes('json') ? res.json() : res.body) as never };
  };

  type Target = { id: string; name: string; annexEntry: string; incidents: string[]; reasons: { text: string; quotation: boolean; citation: string }; summary: string; links: { incidents: { id: string; via: string }[] } };
  type Regime = { counts: { persons: number; entities: number }; targets: Target[]; timeline: { date: string; persons: number; entities: number }[]; knownUntil: string; stale: boolean; courts: { annulments: unknown[] } };

  it('serves the regime from the shipped annex: 27 persons and 11 entities, with reasons, incidents and a timeline', async () => {
    const r = (await call('GET', '/api/sanctions?asOf=2026-08-01')).body as Regime;
    expect(r.counts).toEqual({ persons: 27, entities: 11 });
    expect(r.knownUntil).toBe('2026-08-22');
    expect(r.stale).toBe(false);
    expect(r.courts.annulments).toEqual([]);
    const gao = r.targets.find((t) => t.id === 'gao-qiang');
    expect(gao).toMatchObject({ annexEntry: 'I.A 1', incidents: ['Operation Cloud Hopper'], reasons: { quotation: true } });
    expect(r.timeline.map((p) => `${p.persons}+${p.entities}`)).toEqual(expect.arrayContaining(['6+3', '8+4', '14+4', '17+4', '19+7', '27+11']));
    expect((await call('GET', '/api/sanctions?asOf=2024-07-01')).body).toMatchObject({ counts: { persons: 14, entities: 4 } });
  });

  it('links a target to the registry incidents that name its operation or identify it', async () => {
    const created = await call('POST', '/api/incidents', {
      title: 'Operation Cloud Hopper follow-up',
      start: '2017-03-01',
      ongoing: true,
      category: 'cyber-espionage',
      victims: [{ country: 'DE', sector: 'government' }],
      effects: { severity: 'high' },
      initiator: { type: 'state-sponsored', country: 'CN', identifiedPersons: ['Zhang Shilong'], identifiedEntities: [] },
      attribution: [],
      context: {},
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { id: string }).id;
    const r = (await call('GET', '/api/sanctions?asOf=2026-08-01')).body as Regime;
    expect(r.targets.find((t) => t.id === 'gao-qiang')?.links.incidents).toEqual([expect.objectContaining({ id, via: '"Cloud Hopper" in the title, dated 2017-03-01, within the period 2014-01-01 to 2018-12-31' })]);
    expect(r.targets.find((t) => t.id === 'zhang-shilong')?.links.incidents.map((l) => l.id)).toEqual([id]);
    expect(r.targets.find((t) => t.id === 'dmitry-sergeyevich-badin')?.links.incidents).toEqual([]);
  });

  it("links a target to the imported threat actors whose names are its own or its group's", async () => {
    const t = '2024-03-01T00:00:00.000Z';
    const bundle = {
      type: 'bundle',
      id: 'bundle--6f2d3a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      objects: [{ type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', created: t, modified: t, name: 'APT28', aliases: ['Fancy Bear'] }],
    };
    const imported = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload: bundle });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    type WithActors = Target & { links: { actors: { name: string; via: string }[] } };
    const r = (await call('GET', '/api/sanctions?asOf=2026-08-01')).body as { targets: WithActors[] };
    const byId = (id: string) => r.targets.find((x) => x.id === id)?.links.actors.map((a) => a.name);
    expect(byId('85th-main-centre-for-special-services')).toEqual(['APT28']);
    expect(byId('dmitry-sergeyevich-badin')).toEqual(['APT28']);
    expect(byId('gao-qiang')).toEqual([]);
  });

  it('screens one name: { query, asOf, matches } best first', async () => {
    const r = await call('GET', `/api/sanctions/screen?q=${encodeURIComponent('Алексей Минин')}&asOf=2026-01-01`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ query: 'Алексей Минин', asOf: '2026-01-01', matches: [{ targetId: 'alexey-valeryevich-minin', name: 'Alexey Valeryevich MININ', kind: 'person', score: 1, strong: true, listedSince: '2020-07-30', inForce: true }] });
    expect(((await call('GET', '/api/sanctions/screen?q=John%20Smith')).body as { matches: unknown[] }).matches).toEqual([]);
  });

  it('screens a list, as JSON or as a CSV file, and answers a CSV for download', async () => {
    const json = await call('POST', '/api/sanctions/screen', { names: ['Dmitriy Badin', 'Jane Doe'], asOf: '2026-01-01' });
    expect(json.status).toBe(200);
    const results = (json.body as { results: { query: string; matches: { targetId: string }[] }[] }).results;
    expect(results.map((x) => [x.query, x.matches[0]?.targetId ?? null])).toEqual([
      ['Dmitriy Badin', 'dmitry-sergeyevich-badin'],
      ['Jane Doe', null],
    ]);
    const csv = await call('POST', '/api/sanctions/screen?format=csv', 'name\nWu Hai Bo\nMaria Garcia\n', { 'content-type': 'text/plain' });
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(String(csv.headers['content-disposition'])).toMatch(/attachment; filename="screening-/);
    expect(String(csv.body).split('\r\n').slice(0, 3)).toEqual([
      'query,matches,strong,targetId,name,kind,score,matchedOn,listedSince,inForce',
      'Wu Hai Bo,1,true,wu-haibo,WU Haibo,person,1,WU Haibo,2026-03-16,true',
      'Maria Garcia,0,false,,,,,,,',
    ]);
  });

  it('refuses bad screening input naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['GET', '/api/sanctions/screen', undefined, 'q'],
      ['GET', '/api/sanctions/screen?q=x&asOf=2026-02-30', undefined, 'asOf'],
      ['GET', '/api/sanctions/screen?name=x', undefined, 'name'],
      ['POST', '/api/sanctions/screen', { names: 'Dmitry Badin' }, 'names'],
      ['POST', '/api/sanctions/screen', { names: [] }, 'names'],
      ['POST', '/api/sanctions/screen', { names: ['ok', 7] }, 'names.1'],
      ['POST', '/api/sanctions/screen', { names: ['ok'], when: 'today' }, 'when'],
      ['POST', '/api/sanctions/screen?format=xml', { names: ['ok'] }, 'format'],
    ];
    for (const [method, url, body, field] of cases) {
      const r = await call(method as 'GET' | 'POST', url, body);
      expect(r.status, `${method} ${url}`).toBe(400);
      expect((r.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path), `${method} ${url}`).toContain(field);
    }
  });

  it('refuses a CSV file whose quote never closes with its line (it was a 500), and an unknown input format under its own name', async () => {
    const open = await call('POST', '/api/sanctions/screen', 'name\nWu Hai Bo\n"Maria Garcia\n', { 'content-type': 'text/plain' });
    expect(open.status, String(open.body)).toBe(400);
    expect(open.body).toMatchObject({ error: { code: 'invalid_input', message: 'The file is not valid CSV: a quoted field opened on line 3 is never closed', issues: [{ path: 'line 3' }] } });
    const input = await call('POST', '/api/sanctions/screen?input=xml', 'name\nWu Hai Bo\n', { 'content-type': 'text/plain' });
    expect(input.status).toBe(400);
    expect(input.body).toMatchObject({ error: { code: 'invalid_input', message: 'Unknown input "xml": use csv or json', issues: [{ path: 'input' }] } });
  });

  it('imports an annex: nothing written when malformed, delistings on the given date, the same file twice changes nothing', async () => {
    const s = h.wb.sanctions;
    const bad = [...lines.slice(0, 3), lines[3]?.replace(',Person,', ',Ship,'), ...lines.slice(4)].join('\n');
    await expect(s.importAnnex(bad, { date: '2026-12-01' })).rejects.toMatchObject({ code: 'invalid_import', issues: [{ path: 'row 4, column schema' }] });
    expect((await s.data()).register.knownUntil).toBe('2026-08-22');

    const withoutZPentest = lines.filter((l) => !l.includes(',Z-Pentest,')).join('\n');
    const dry = await s.importAnnex(withoutZPentest, { date: '2026-12-01', dryRun: true });
    expect(dry.changes).toEqual([{ change: 'delisted', id: 'z-pentest', name: 'Z-Pentest', kind: 'entity' }]);
    expect((await s.data()).register.knownUntil).toBe('2026-08-22');

    const r = await s.importAnnex(withoutZPentest, { date: '2026-12-01' });
    expect(r).toMatchObject({ date: '2026-12-01', knownUntil: '2026-12-01', unchanged: 37, changes: [{ change: 'delisted', id: 'z-pentest' }] });
    const after = (await call('GET', '/api/sanctions?asOf=2026-12-02')).body as Regime & { delisted: Target[] };
    expect(after.counts).toEqual({ persons: 27, entities: 10 });
    expect(after.delisted.map((t) => t.id)).toEqual(['z-pentest']);
    expect(((await call('GET', '/api/sanctions?asOf=2026-11-30')).body as Regime).counts).toEqual({ persons: 27, entities: 11 });
    // Screening still finds a delisted target, as not in force.
    const z = (await call('GET', '/api/sanctions/screen?q=Z-Pentest&asOf=2026-12-02')).body as { matches: { targetId: string; inForce: boolean }[] };
    expect(z.matches[0]).toMatchObject({ targetId: 'z-pentest', inForce: false });

    expect((await s.importAnnex(withoutZPentest, { date: '2026-12-03' })).changes).toEqual([]);
    const back = await s.importAnnex(annex, { date: '2026-12-04' });
    expect(back.changes).toEqual([{ change: 'new', id: 'z-pentest', name: 'Z-Pentest', kind: 'entity' }]);
  });
});
