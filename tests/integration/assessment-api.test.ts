// The assessment API on a real SQLite file and the real data: every route, its answers and its errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('on %s', (dialect) => {
  let dir: string;
  let h: Harness;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-assess-'));
    h = await startHarness({}, dialect);
    app = h.app;
  });

  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  const reviewedWeights = () => YAML.parse(fs.readFileSync(path.join(projectRoot, 'data/assessment/weights.yaml'), 'utf8')) as { orientation: { rules: { id: string; when: { metric: string; atLeast?: number }[] }[] } };

  function expectError(res: Awaited<ReturnType<typeof get>>, status: number, code: string) {
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    return body.error;
  }

  describe('GET /api/assess', () => {
    it('assesses all ten partners, ranked by maturity, with the US first and results-oriented', async () => {
      const res = await get('/api/assess?asOf=2016-09-05');
      expect(res.statusCode).toBe(200);
      const list = res.json() as { id: string; rank: number; orientation: string; maturity: number }[];
      expect(list).toHaveLength(10);
      expect(list[0]).toMatchObject({ id: 'US', rank: 1, orientation: 'results-oriented' });
      expect(list.filter((a) => a.orientation === 'process-oriented').map((a) => a.id).sort()).toEqual(['CN', 'RU']);
    });

    it('gives one partner in the contract shape, whatever the case of its id', async () => {
      const res = await get('/api/assess/jp?asOf=2016-09-05');
      expect(res.statusCode).toBe(200);
      const a = res.json() as Record<string, unknown> & { purposes: Record<string, { score: number; explanation: unknown[] }>; explanation: { fact: { id: string }; effect: number; sources: unknown[] }[] };
      expect(a).toMatchObject({ id: 'JP', orientation: 'results-oriented' });
      expect(typeof a.maturity).toBe('number');
      for (const p of ['reflexive', 'relational', 'structural']) expect(a.purposes[p]).toMatchObject({ score: expect.any(Number), explanation: expect.any(Array) });
      for (const e of a.explanation) expect(e).toMatchObject({ fact: { id: expect.any(String) }, effect: expect.any(Number), sources: expect.any(Array) });
    });

    it('answers bad input with 4xx and the allowed values', async () => {
      expect(expectError(await get('/api/assess/XX'), 404, 'unknown_partner').message).toContain('BR, CA, CN');
      expect(expectError(await get('/api/assess/US?asOf=2016-13-01'), 400, 'invalid_date').message).toContain('YYYY-MM-DD');
      expect(expectError(await get('/api/assess?as_of=2016-01-01'), 400, 'invalid_filter').message).toContain('asOf');
    });

    it("explains Russia's cooperation in 2016 by the items that counted and the ceiling that held them (ADR 0008)", async () => {
      type Step = { fact: { id: string; title: string }; effect: number; note?: string; sources: { ref: string }[] };
      const coop = async (id: string, weights?: unknown) => {
        const res = weights ? await post(`/api/assess/${id}?asOf=2016-09-05`, { weights }) : await get(`/api/assess/${id}?asOf=2016-09-05`);
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as { dimensions: { cooperation: { score: number; explanation: Step[] } } }).dimensions.cooperation;
      };
      const [ru, ca] = [await coop('RU'), await coop('CA')];
      expect(ca.score).toBeGreaterThan(ru.score);
      const counted = ru.explanation.filter((e) => e.fact.id.startsWith('cooperation:'));
      expect(counted.length).toBe(5);
      const limit = ru.explanation.find((e) => e.fact.id === 'limit:dimensions.cooperation.extentCeiling.some')!;
      expect(limit.fact.title).toMatch(/^5 cooperation items read at 'some'/);
      for (const e of counted) expect(limit.note).toContain(e.fact.id.replace('cooperation:', ''));
      expect(limit.sources.map((s) => s.ref)).toEqual(expect.arrayContaining(['renard2014', 'renard2016']));
      expect(Math.abs(ru.explanation.reduce((s, e) => s + e.effect, 0) - ru.score)).toBeLessThanOrEqual(1);
      const without = await coop('RU', { extends: 'reviewed', dimensions: { cooperation: { extentCeiling: null } } });
      expect(without.score).toBeGreaterThan(ca.score);
      expect(without.explanation.some((e) => e.fact.id.startsWith('limit:'))).toBe(false);
    });

    it('serves the reviewed weights to start from', async () => {
      const res = await get('/api/assess/weights');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 1, orientation: { rules: expect.any(Array) } });
    });
  });

  describe('POST /api/assess with the caller’s weights', () => {
    it('applies them: a higher bar for tangible results flips Japan', async () => {
      const weights = reviewedWeights();
      const rule = weights.orientation.rules.find((r) => r.id === 'tangible-deliverables')!;
      rule.when = rule.when.map((c) => (c.metric === 'cooperationResults' ? { ...c, atLeast: 80 } : c));
      const one = await post('/api/assess/JP?asOf=2016-09-05', { weights });
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toMatchObject({ id: 'JP', orientation: 'under-delivering' });
      const all = await post('/api/assess?asOf=2016-09-05', { weights });
      expect((all.json() as { id: string; orientation: string }[]).find((a) => a.id === 'US')!.orientation).toBe('results-oriented');
    });

    it('takes only the changes with extends: reviewed, and names them in the result', async () => {
      const changes = { extends: 'reviewed', dimensions: { cooperation: { cap: 80 } } };
      const one = await post('/api/assess/JP?asOf=2016-09-05', { weights: changes });
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toMatchObject({ id: 'JP', orientation: 'under-delivering', weights: expect.stringMatching(/changed: dimensions\.cooperation\.cap$/) });
      // The same document without the change leaves Japan where the reviewed weights put it.
      const same = await post('/api/assess/JP?asOf=2016-09-05', { weights: { extends: 'reviewed' } });
      expect(same.json()).toMatchObject({ orientation: 'results-oriented', weights: expect.stringMatching(/no change$/) });
      const wrong = expectError(await post('/api/assess/JP', { weights: { extends: 'reviewed', dimensions: { cooperation: { cap: 'high' } } } }), 400, 'invalid_weights') as { issues?: { path: string }[] };
      expect(wrong.issues?.map((i) => i.path)).toContain('dimensions.cooperation.cap');
    });

    it('refuses malformed weights, naming the field', async () => {
      const weights = reviewedWeights() as Record<string, unknown>;
      delete weights.maturity;
      const error = expectError(await post('/api/assess/US', { weights }), 400, 'invalid_weights') as { message: string; issues?: { path: string }[] };
      expect(error.issues?.map((i) => i.path)).toContain('maturity');
    });

    it('refuses a body without weights', async () => {
      expectError(await post('/api/assess/US', { version: 1 }), 400, 'invalid_weights');
      expectError(await app.inject({ method: 'POST', url: '/api/assess' }), 400, 'invalid_weights');
    });
  });

  describe('GET /api/network', () => {
    it('gives JSON by default, with the EU as the hub and the three blocs', async () => {
      const res = await get('/api/network?asOf=2016-09-05');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { hub: { id: string }; blocs: { blocs: { label: string }[] } };
      expect(body.hub.id).toBe('EU');
      expect(new Set(body.blocs.blocs.map((b) => b.label))).toEqual(new Set(['like-minded', 'intergovernmental', 'swing']));
    });

    it('gives GraphML and GEXF that parse', async () => {
      const parser = new XMLParser({ ignoreAttributes: false });
      const graphml = await get('/api/network?format=graphml');
      expect(graphml.headers['content-type']).toContain('graphml');
      expect(parser.parse(graphml.body).graphml.graph.node.length).toBeGreaterThan(10);
      const gexf = await get('/api/network?format=gexf&asOf=2014-06-30');
      expect(gexf.headers['content-type']).toContain('gexf');
      expect(parser.parse(gexf.body).gexf.graph.nodes.node.length).toBeGreaterThan(10);
    });

    it('refuses an unknown format, naming the allowed ones', async () => {
      expect(expectError(await get('/api/network?format=dot'), 400, 'invalid_filter').message).toContain('json, graphml or gexf');
    });
  });

  describe('GET /api/timeline', () => {
    it('gives the overall timeline with yearly counts of active cyber-related dialogues', async () => {
      const res = await get('/api/timeline?asOf=2016-12-31');
      expect(res.statusCode).toBe(200);
      const t = res.json() as { events: unknown[]; activeCyberDialogues: { year: number; byPartner: Record<string, number> }[] };
      expect(t.events.length).toBeGreaterThan(50);
      const y2016 = t.activeCyberDialogues.find((r) => r.year === 2016)!;
      expect(Object.values(y2016.byPartner).every((n) => n >= 1)).toBe(true);
    });

    it("gives one partner's timeline, and 404 for an unknown one", async () => {
      const res = await get('/api/timeline/BR');
      expect(res.statusCode).toBe(200);
      expect((res.json() as { partner: string }).partner).toBe('BR');
      expectError(await get('/api/timeline/XX'), 404, 'unknown_partner');
    });
  });

  describe('GET /api/compare', () => {
    it('puts two or three partners side by side', async () => {
      const res = await get('/api/compare?ids=US,CN&asOf=2016-09-05');
      expect(res.statusCode).toBe(200);
      const c = res.json() as { partners: { id: string }[]; rows: { key: string }[] };
      expect(c.partners.map((p) => p.id)).toEqual(['US', 'CN']);
      expect(c.rows.map((r) => r.key)).toContain('dimension:trust');
    });

    it('refuses one partner, four, none or an unknown one', async () => {
      expectError(await get('/api/compare?ids=US'), 400, 'invalid_filter');
      expectError(await get('/api/compare?ids=US,CN,JP,RU'), 400, 'invalid_filter');
      expectError(await get('/api/compare'), 400, 'invalid_filter');
      expectError(await get('/api/compare?ids=US,XX'), 404, 'unknown_partner');
    });
  });

  describe('GET /api/gaps/:id', () => {
    it("lists what a partnership lacks against the EU's objectives, each with its objective and source", async () => {
      const res = await get('/api/gaps/ZA?asOf=2016-09-05');
      expect(res.statusCode).toBe(200);
      const g = res.json() as { gaps: { objective: { strategy: { id: string }; title: string }; rule: { sources: unknown[] } }[] };
      expect(g.gaps.length).toBeGreaterThan(0);
      for (const x of g.gaps) {
        expect(['cybersecurity-strategy-2013', 'cyber-diplomacy-conclusions-2015']).toContain(x.objective.strategy.id);
        expect(x.rule.sources.length).toBeGreaterThan(0);
      }
    });

    it('refuses an unknown partner and a bad date', async () => {
      expectError(await get('/api/gaps/XX'), 404, 'unknown_partner');
      expectError(await get('/api/gaps/US?asOf=yesterday'), 400, 'invalid_date');
    });
  });

  describe('GET /api/assess/:id/history', () => {
    it('gives maturity and orientation at the end of each year, with the facts that moved them', async () => {
      const res = await get('/api/assess/jp/history?from=2012&to=2016');
      expect(res.statusCode).toBe(200);
      const h = res.json() as { id: string; years: { year: number; maturity: number; orientation: string; moved: { fact: { id: string }; change: number }[] }[] };
      expect(h.id).toBe('JP');
      expect(h.years.map((y) => y.year)).toEqual([2012, 2013, 2014, 2015, 2016]);
      const y2014 = h.years.find((y) => y.year === 2014)!;
      expect(y2014.moved.map((m) => m.fact.id)).toContain('dialogue:jp-cyber-dialogue');
      const one = (await get('/api/assess/JP?asOf=2014-12-31')).json() as { maturity: number };
      expect(y2014.maturity).toBe(one.maturity);
    });

    // The engine says why a fact moved (history.ts, Move.because); the answer keeps it, the web app shows it.
    it('says what the sources report of a fact that moved: Russia’s Europol agreement suspended in 2022', async () => {
      const res = await get('/api/assess/RU/history?from=2019&to=2022');
      expect(res.statusCode).toBe(200);
      const h = res.json() as { years: { year: number; moved: { fact: { id: string }; how: string; because?: string }[] }[] };
      const moved = (year: number) => h.years.find((y) => y.year === year)!.moved;
      expect(moved(2022).find((m) => m.fact.id === 'agreement:ru-europol-strategic-2003')?.because).toBe('suspended in March 2022');
      expect(moved(2022).find((m) => m.fact.id === 'cooperation:ru-ec3-operational-cooperation')?.because).toBe('ended in March 2022');
      expect(moved(2020).find((m) => m.fact.id === 'dialogue:ru-information-society-dialogue')?.because).toBe('status unknown from 2020: no source reports it for three full years');
      for (const y of h.years) for (const m of y.moved.filter((x) => x.how === 'entered')) expect(m.because, m.fact.id).toBeUndefined();
    });

    it('refuses a backward span, a year that is not one, an unknown parameter and an unknown partner', async () => {
      expect(expectError(await get('/api/assess/JP/history?from=2016&to=2010'), 400, 'invalid_filter').message).toContain('from');
      expect(expectError(await get('/api/assess/JP/history?from=14'), 400, 'invalid_filter').message).toContain('four-digit year');
      expectError(await get('/api/assess/JP/history?asOf=2014-01-01'), 400, 'invalid_filter');
      expectError(await get('/api/assess/XX/history'), 404, 'unknown_partner');
    });
  });
});
