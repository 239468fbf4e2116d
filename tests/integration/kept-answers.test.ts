// Read routes answered from kept bytes (send-json.ts) rather than presented and written out for each request: a
// recorded incident's JSON plan (kept under the plan's key, plan-views.ts), the exports (under theirs,
// export-views.ts), the reviewed weights, the toolbox's measures and the Council of a year (kept per dataset version,
// the weights also per their digest), the OpenAPI document and the reference page (fixed once the routes are
// registered). Each answer is the one the uncached code gives, carries an entity tag that a client may send back for a
// 304, and a change of what it reads (the incident, another server's write, the weights file) is answered at once.
// Plans and exports hold marked records and keep the API's no-store.
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/app/assessment-service';
import { ExchangeService } from '../../src/app/exchange-service';
import { RECHECK_MS } from '../../src/app/file-stamps';
import type { Principal } from '../../src/core/auth/principal';
import { dialects, startHarness, tempDir, type Harness } from './harness';
import { OPCW_INCIDENT } from './opcw-incident';
import { twoServers, type TwoServers } from './two-servers';

const LOCAL: Principal = { kind: 'local', org: null };

/** The answer the route gave before its bytes were kept: the value with its sources graded, as JSON. */
const graded = (h: Harness, value: unknown): unknown => JSON.parse(JSON.stringify(h.app.gradeSources(value)));

/** GETs `url`, checks it is kept (an entity tag, 304 when sent back, br holding the same bytes) and answers its text. */
async function keptAnswer(h: Harness, url: string): Promise<{ etag: string; text: string }> {
  const r = await h.app.inject({ method: 'GET', url });
  expect(r.statusCode, r.body).toBe(200);
  const etag = r.headers.etag;
  expect(typeof etag, `${url} answers with an entity tag`).toBe('string');
  const again = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(etag) } });
  expect(again.statusCode).toBe(304);
  expect(again.body).toBe('');
  // Under a kilobyte an answer is not compressed (send-json.ts).
  const br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
  expect(br.headers['content-encoding']).toBe(r.rawPayload.length >= 1024 ? 'br' : undefined);
  expect((br.headers['content-encoding'] ? brotliDecompressSync(br.rawPayload) : br.rawPayload).toString('utf8')).toBe(r.body);
  return { etag: String(etag), text: r.body };
}

async function planExpected(h: Harness, id: string): Promise<unknown> {
  const stored = await h.wb.toolbox.get(LOCAL, id);
  const r = await h.wb.toolbox.respond(stored.incident, 'json', { principal: LOCAL, selfId: stored.id, marking: stored.marking.tlp });
  return graded(h, { incidentId: stored.id, ...(r.body as object) });
}

describe.each(dialects)('answers kept as their bytes on %s', (dialect) => {
  let h: Harness;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('cyberdiplo-data-');
    fs.cpSync(path.join(__dirname, '..', '..', 'data'), dataDir, { recursive: true });
    h = await startHarness({ dataDir }, dialect);
  });
  afterAll(async () => h?.close());

  it("answers a recorded incident's JSON plan from its kept bytes, moved at once by an edit of the incident", async () => {
    const created = (await h.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, tlp: 'clear' } })).json() as { id: string };
    const url = `/api/incidents/${created.id}/plan`;
    const first = await keptAnswer(h, url);
    expect(JSON.parse(first.text)).toEqual(await planExpected(h, created.id));
    // The plan holds marked records: no cache may store it, as before its bytes were kept.
    expect((await h.app.inject({ method: 'GET', url })).headers['cache-control']).toBe('no-store');

    const patched = await h.app.inject({ method: 'PATCH', url: `/api/incidents/${created.id}`, payload: { effects: { severity: 'critical', attempted: false } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': first.etag } });
    expect(stale.statusCode).toBe(200);
    const edited = await keptAnswer(h, url);
    expect(edited.etag).not.toBe(first.etag);
    expect(JSON.parse(edited.text)).toEqual(await planExpected(h, created.id));
    expect(edited.text).not.toBe(first.text);

    // Markdown and a refused format are answered as before.
    const md = await h.app.inject({ method: 'GET', url: `${url}?format=markdown` });
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    const bad = await h.app.inject({ method: 'GET', url: `${url}?format=xml` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_filter' } });
  });

  it('answers the exports from their kept bytes, and a recorded incident at once', async () => {
    const uncached = async (view: string, format?: string) => (await new ExchangeService(h.wb).exportView(LOCAL, view, format ? { format } : {})).body;
    for (const [view, format] of [['assessments', 'json'], ['partners', 'csv'], ['stix', undefined]] as const) {
      const url = `/api/export/${view}${format ? `?format=${format}` : ''}`;
      const kept = await keptAnswer(h, url);
      expect(kept.text, url).toBe(await uncached(view, format));
      const r = await h.app.inject({ method: 'GET', url });
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="cyberdiplo-/);
    }
    const url = '/api/export/incidents?format=json';
    const before = await keptAnswer(h, url);
    const created = (await h.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, title: 'Recorded after the export', tlp: 'clear' } })).json() as { id: string };
    const after = await keptAnswer(h, url);
    expect(after.etag).not.toBe(before.etag);
    expect(after.text).toContain(created.id);
    expect(after.text).toBe(await uncached('incidents', 'json'));
  });

  it('answers the reviewed weights, the measures and the Council of a year from kept bytes, and a changed weights file at once', async () => {
    const weights = await keptAnswer(h, '/api/assess/weights');
    expect(JSON.parse(weights.text)).toEqual(graded(h, service.loadWeights(h.wb)));
    const measures = await keptAnswer(h, '/api/measures');
    expect(JSON.parse(measures.text)).toEqual(graded(h, h.wb.toolbox.measures()));
    for (const year of [undefined, '2013', '2020']) {
      const council = await keptAnswer(h, `/api/member-states${year ? `?year=${year}` : ''}`);
      expect(JSON.parse(council.text)).toEqual(graded(h, h.wb.toolbox.memberStates(year)));
    }
    const refused = await h.app.inject({ method: 'GET', url: '/api/member-states?year=abc' });
    expect(refused.statusCode).toBe(400);

    const file = path.join(dataDir, 'assessment', 'weights.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('\n    cap: 60\n');
    fs.writeFileSync(file, text.replace('\n    cap: 60\n', '\n    cap: 20\n'));
    await new Promise((r) => setTimeout(r, RECHECK_MS + 50));
    const changed = await keptAnswer(h, '/api/assess/weights');
    expect(changed.etag).not.toBe(weights.etag);
    expect(changed.text).toContain('"cap":20');
    expect(JSON.parse(changed.text)).toEqual(graded(h, service.loadWeights(h.wb)));
  });

  it('answers the OpenAPI document and the reference page from kept bytes', async () => {
    const doc = await keptAnswer(h, '/api/openapi.json');
    expect((JSON.parse(doc.text) as { openapi: string }).openapi).toBe('3.1.0');
    const page = await keptAnswer(h, '/api/reference');
    expect(page.text).toContain('/api/openapi.json');
    const html = await h.app.inject({ method: 'GET', url: '/api/reference' });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe.each(dialects)('a kept plan answer with two servers on one database, on %s', (dialect) => {
  let s: TwoServers;
  beforeAll(async () => {
    s = await twoServers(dialect, {});
  });
  afterAll(async () => s?.close());

  it("answers the other server's incident at once, as a precedent and in the incidents' export", async () => {
    const created = (await s.a.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, tlp: 'clear' } })).json() as { id: string };
    const url = `/api/incidents/${created.id}/plan`;
    const first = await keptAnswer(s.a, url);
    const twin = (await s.b.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, title: 'Written by the other server', tlp: 'clear' } })).json() as { id: string };
    const second = await keptAnswer(s.a, url);
    expect(second.etag).not.toBe(first.etag);
    const plan = JSON.parse(second.text) as { precedents: { id: string }[] };
    expect(plan.precedents.map((p) => p.id)).toContain(twin.id);
    expect(plan).toEqual(await planExpected(s.a, created.id));

    // The incidents' export, with an incident the other server records.
    const exported = await keptAnswer(s.a, '/api/export/incidents?format=json');
    const third = (await s.b.app.inject({ method: 'POST', url: '/api/incidents', payload: { ...OPCW_INCIDENT, title: 'Also written by the other server', tlp: 'clear' } })).json() as { id: string };
    const exportedAgain = await keptAnswer(s.a, '/api/export/incidents?format=json');
    expect(exportedAgain.text).toContain(third.id);
    expect(exportedAgain.text).toBe((await new ExchangeService(s.a.wb).exportView(LOCAL, 'incidents', { format: 'json' })).body);
    expect(exported.text).not.toContain(third.id);
  });
});
