// The incident registry on a server's first start: the reviewed precedents seeded as TLP:CLEAR incidents with their
// sources, once (deterministic ids, nothing duplicated on a second start, deletions stand), in the seeding path a
// server takes (openWorkbench with seedRegistry, as src/server/main.ts); and dates in the future refused over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { precedentIncidentId } from '../../src/core/toolbox/precedent-incidents';
import { buildServer } from '../../src/server/app';
import { dialects, freshDatabase, teamConfig, testConfig, type TestDialect } from './harness';

const NAMED = ['bundestag-2015', 'wannacry-2017', 'notpetya-2017', 'cloud-hopper', 'opcw-2018'];

describe.each(dialects)('on %s', (dialect: TestDialect) => {
  let db: { target: string; drop(): Promise<void> };
  const open = async (over = {}): Promise<Workbench> => openWorkbench(testConfig({ dbPath: db.target, ...over }), { seedRegistry: true });
  beforeAll(async () => {
    db = await freshDatabase(dialect);
  });
  afterAll(async () => db.drop());

  it('a first start records every reviewed precedent, TLP:CLEAR, with its sources, attributions and the EU responses taken', async () => {
    const wb = await open();
    try {
      const expected = wb.toolbox.toolbox.precedents.precedents.map((p) => precedentIncidentId(p.id));
      expect(wb.registrySeed?.inserted.sort()).toEqual([...expected].sort());
      const app = await buildServer(wb);
      const list = (await app.inject({ method: 'GET', url: '/api/incidents' })).json<{ total: number; items: { id: string; incident: { title: string } }[] }>();
      expect(list.total).toBe(expected.length);
      for (const name of NAMED) expect(list.items.map((i) => i.id)).toContain(precedentIncidentId(name));

      const bundestag = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('bundestag-2015')}` })).json();
      expect(bundestag.marking).toMatchObject({ tlp: 'clear', owner: null });
      expect(bundestag.incident).toMatchObject({ title: 'Intrusion into the German Bundestag', start: '2015-04-01', initiator: { country: 'RU' } });
      // The sources give the month only: the record says so rather than pass the first day off as known.
      expect(bundestag.incident.summary).toContain('to April 2015 only');
      // Germany's attributions are dated to the day (the arrest warrant of 5 May 2020, the Foreign Office of 28 May 2020).
      expect(bundestag.incident).toMatchObject({ detected: '2015-05-08', disclosed: '2015-05-15' });
      expect(bundestag.incident.attribution.map((a: { date?: string }) => a.date)).toEqual(['2020-05-05', '2020-05-28']);
      const estonia = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('estonia-ministries-2020')}` })).json();
      expect(estonia.incident.summary).toContain('EE government attributed it in January 2025');
      expect(estonia.incident.disclosed).toBe('2025-01-01');
      expect(bundestag.incident.responses).toEqual([
        expect.objectContaining({ measure: 'restrictive-measures', date: '2020-10-22', by: 'Council of the EU', note: expect.stringContaining('2020/1536') }),
      ]);
      expect(bundestag.incident.sources.map((s: { ref: string }) => s.ref)).toContain('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020R1536');

      // The plan of a seeded incident ranks other precedents, never itself nor its registry copy twice.
      const plan = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('notpetya-2017')}/plan` })).json<{ precedents: { id: string }[] }>();
      const ids = plan.precedents.map((p) => p.id);
      expect(ids).not.toContain('notpetya-2017');
      expect(ids.filter((id) => id.startsWith('inc-'))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      await app.close();
    } finally {
      await wb.close();
    }
  });

  it('a second start adds nothing, and a deleted precedent stays deleted', async () => {
    const first = await open();
    const count = (wb: Workbench) => wb.toolbox.list({ kind: 'local', org: null }, {});
    try {
      expect(first.registrySeed?.inserted).toEqual([]);
      await first.toolbox.remove({ kind: 'local', org: null }, precedentIncidentId('wannacry-2017'));
    } finally {
      await first.close();
    }
    const second = await open();
    try {
      expect(second.registrySeed?.inserted).toEqual([]);
      expect(second.registrySeed?.kept).toContain(precedentIncidentId('wannacry-2017'));
      const list = await count(second);
      expect(list.total).toBe(second.toolbox.toolbox.precedents.precedents.length - 1);
      expect(list.items.map((i) => i.id)).not.toContain(precedentIncidentId('wannacry-2017'));
    } finally {
      await second.close();
    }
  });

  it('in team mode the seeded incidents are TLP:CLEAR, so an anonymous reader sees them', async () => {
    const team = await freshDatabase(dialect);
    const wb = await openWorkbench(testConfig({ dbPath: team.target, ...teamConfig() }), { seedRegistry: true });
    try {
      const list = await wb.toolbox.list({ kind: 'anonymous' }, {});
      expect(list.total).toBe(wb.toolbox.toolbox.precedents.precedents.length);
      expect(await wb.audit.verify()).toMatchObject({ valid: true, keyed: { checked: true } });
    } finally {
      await wb.close();
      await team.drop();
    }
  });

  it('refuses dates in the future, naming the field and today', async () => {
    const wb = await openWorkbench(testConfig({ dbPath: db.target }));
    const app = await buildServer(wb);
    try {
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const body = { title: 'Intrusion', start: tomorrow, category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'medium' } };
      const res = await app.inject({ method: 'POST', url: '/api/incidents', payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_incident', issues: [{ path: 'start', message: `${tomorrow} is in the future; enter a date up to today (${today})` }] } });
      expect((await app.inject({ method: 'POST', url: '/api/incidents', payload: { ...body, start: today } })).statusCode).toBe(201);
    } finally {
      await app.close();
      await wb.close();
    }
  });
});
