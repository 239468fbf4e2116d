// The knowledge-base API on a temporary database: contract shapes, sources on every fact, as-of reads, bad input.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGIC_PARTNER_IDS } from '../../src/core/vocabularies';
import { dialects, startHarness, type Harness } from './harness';

/** The partners are data: one file per partner in data/partnerships. */
const PARTNER_FILE_IDS = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'partnerships'))
  .filter((f) => f.endsWith('.yaml') && f !== 'shared-dialogues.yaml')
  .map((f) => f.replace('.yaml', '').toUpperCase())
  .sort();

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h.close());

  const get = async (url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> & unknown[] };
  };

  type Sourced = { sources: { ref: string; locator: string }[] };
  const expectSourced = (items: Sourced[], what: string) => {
    for (const item of items) {
      expect(item.sources.length, `${what} without sources: ${JSON.stringify(item).slice(0, 120)}`).toBeGreaterThan(0);
      for (const s of item.sources) {
        expect(s.ref).toMatch(/^(renard2014|renard2016|bendiek2018|https?:\/\/)/);
        expect(s.locator.length).toBeGreaterThan(0);
      }
    }
  };

  describe('GET /api/health', () => {
    it('answers ok with the seeded dataset version', async () => {
      const r = await get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok' });
      expect(typeof (r.body as unknown as { dataset: string }).dataset).toBe('string');
    });
  });

  describe('partners', () => {
    it('lists every partner of the data files by id, the ten strategic partners marked as such', async () => {
      const r = await get('/api/partners');
      expect(r.status).toBe(200);
      const list = r.body as unknown as { id: string; name: string; group: string }[];
      expect(list.map((p) => p.id).sort()).toEqual(PARTNER_FILE_IDS);
      expect(list.filter((p) => p.group === 'strategic-partner').map((p) => p.id).sort()).toEqual([...STRATEGIC_PARTNER_IDS].sort());
      expect(list.find((p) => p.id === 'UK')).toMatchObject({ name: 'United Kingdom', group: 'cyber-dialogue-partner' });
    });

    it('lists, as of a date, a partner outside the ten only from the start of its cyber dialogue', async () => {
      const ids = async (asOf: string) => ((await get(`/api/partners?asOf=${asOf}`)).body as unknown as { id: string }[]).map((p) => p.id);
      const early = await ids('2014-06-30');
      expect(early).not.toContain('UA');
      expect(early).not.toContain('UK');
      expect([...STRATEGIC_PARTNER_IDS].every((id) => early.includes(id))).toBe(true);
      const late = await ids('2026-06-30');
      expect(late).toContain('UA');
      expect(late).toContain('UK');
      expect((await get('/api/partners?asOf=yesterday')).status).toBe(400);
    });

    it.each(PARTNER_FILE_IDS)('profile of %s has the contract shape and sources on every fact', async (id) => {
      const r = await get(`/api/partners/${id}`);
      expect(r.status).toBe(200);
      const p = r.body as unknown as {
        id: string;
        name: string;
        documents: (Sourced & { title: string; year: number; cyberMention: string })[];
        dialogues: (Sourced & { name: string; level: string; frequency: string; topics: string[]; status: string })[];
        agreements: (Sourced & { type: string; status: string; year: number })[];
        positions: Record<string, (Sourced & { value: string }) | null>;
        memberships: string[];
      };
      expect(p.id).toBe(id);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.dialogues.length).toBeGreaterThan(0);
      expectSourced(p.documents, 'document');
      expectSourced(p.dialogues, 'dialogue');
      expectSourced(p.agreements, 'agreement');
      for (const d of p.documents) expect(['none', 'brief', 'substantial']).toContain(d.cyberMention);
      for (const d of p.dialogues) expect(['summit', 'ministerial', 'senior-officials', 'working', 'parliamentary']).toContain(d.level);
      const positions = Object.values(p.positions).filter((v): v is Sourced & { value: string } => v !== null);
      expect(positions.length).toBeGreaterThan(0);
      expectSourced(positions, 'position');
      expect(Array.isArray(p.memberships)).toBe(true);
    });

    it('accepts lower-case ids', async () => {
      expect((await get('/api/partners/us')).status).toBe(200);
    });

    it('replays a partnership through time: fewer dialogues before the 2014 launches than after', async () => {
      const before = await get('/api/partners/BR?asOf=2013-06-30');
      const after = await get('/api/partners/BR?asOf=2016-09-30');
      const names = (b: unknown) => (b as { dialogues: { name: string }[] }).dialogues.map((d) => d.name);
      expect(names(after.body).length).toBeGreaterThan(names(before.body).length);
      expect(names(after.body).some((n) => /cyber/i.test(n))).toBe(true);
      expect(names(before.body).some((n) => /international cyber policy/i.test(n))).toBe(false);
    });
  });

  describe('dialogues, matrix, actors, search', () => {
    it('filters dialogues by partner, level and topic', async () => {
      const r = await get('/api/dialogues?partner=US&level=working');
      expect(r.status).toBe(200);
      const list = r.body as unknown as { partners: string[]; level: string }[];
      expect(list.length).toBeGreaterThan(0);
      for (const d of list) {
        expect(d.partners).toContain('US');
        expect(d.level).toBe('working');
      }
      const crime = (await get('/api/dialogues?topic=cyber-crime')).body as unknown as { topics: string[] }[];
      expect(crime.length).toBeGreaterThan(0);
      for (const d of crime) expect(d.topics).toContain('cyber-crime');
    });

    it('filters dialogues by year established', async () => {
      const list = (await get('/api/dialogues?year=2014')).body as unknown as { established: number | string }[];
      expect(list.length).toBeGreaterThan(0);
      for (const d of list) expect(String(d.established).slice(0, 4)).toBe('2014');
    });

    it('serves the partner x instrument matrix with sources in its cells', async () => {
      const r = await get('/api/matrix');
      expect(r.status).toBe(200);
      const m = r.body as unknown as { columns: string[]; rows: { id: string; cells: Record<string, { value: string | null; sources: unknown[] }> }[] };
      expect(m.columns).toContain('budapest-convention');
      expect(m.rows).toHaveLength(PARTNER_FILE_IDS.length);
      const us = m.rows.find((row) => row.id === 'US');
      expect(us?.cells['budapest-convention']?.value).toMatch(/ratified/);
      expect(us?.cells['budapest-convention']?.sources.length).toBeGreaterThan(0);
    });

    it("says in the matrix's Budapest cell, and its CSV export, whether a ratification is in force on the date", async () => {
      const canada = async (asOf: string) => ((await get(`/api/matrix?asOf=${asOf}`)).body as unknown as { rows: { id: string; cells: Record<string, { value: string | null }> }[] }).rows.find((r) => r.id === 'CA')?.cells['budapest-convention']?.value;
      expect(await canada('2015-10-31')).toBe('ratified 2015-07-08, not yet in force (from 2015-11-01)');
      expect(await canada('2015-11-01')).toBe('ratified 2015-07-08, in force since 2015-11-01');
      const csv = async (asOf: string) => (await h.app.inject({ method: 'GET', url: `/api/export/matrix?format=csv&asOf=${asOf}` })).body;
      expect(await csv('2015-10-31')).toContain('ratified 2015-07-08, not yet in force (from 2015-11-01)');
      expect(await csv('2015-11-01')).toContain('ratified 2015-07-08, in force since 2015-11-01');
    });

    it("names the Budapest Convention's day in force in a profile dated before it", async () => {
      const budapest = async (asOf: string) => ((await get(`/api/partners/CA?asOf=${asOf}`)).body as unknown as { positions: { budapestConvention: { entryIntoForce: { date: string; derived: boolean } | null; inForceOnDate: boolean } } }).positions.budapestConvention;
      expect(await budapest('2015-10-31')).toMatchObject({ entryIntoForce: { date: '2015-11-01', derived: true }, inForceOnDate: false });
      expect(await budapest('2015-11-01')).toMatchObject({ entryIntoForce: { date: '2015-11-01', derived: true }, inForceOnDate: true });
    });

    it('lists EU actors and the areas of responsibility', async () => {
      const actors = (await get('/api/actors?kind=eu-body')).body as unknown as { id: string }[];
      expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining(['enisa', 'europol']));
      const areas = (await get('/api/areas-of-responsibility')).body as unknown as { euLevel: string[] }[];
      expect(areas.length).toBe(4);
    });

    it('searches every fact and returns sources', async () => {
      const r = await get('/api/search?q=Budapest%20Convention');
      expect(r.status).toBe(200);
      const hits = r.body as unknown as (Sourced & { kind: string })[];
      expect(hits.length).toBeGreaterThan(0);
      expectSourced(hits, 'search hit');
      const ru = (await get('/api/search?q=Budapest&partner=RU')).body as unknown as { partner: string }[];
      expect(ru.length).toBeGreaterThan(0);
      for (const hit of ru) expect(hit.partner).toContain('RU');
    });

    it('search respects the as-of date', async () => {
      const early = (await get('/api/search?q=dialogue&asOf=2005-01-01&limit=500')).body as unknown as { from: string | null }[];
      for (const hit of early) if (hit.from) expect(hit.from <= '2005-01-01').toBe(true);
    });
  });

  describe('bad input', () => {
    it('refuses a search text over 300 characters, naming the limit; 300 pass', async () => {
      for (const length of [5000, 301]) {
        const r = await get(`/api/search?q=${'x'.repeat(length)}`);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ error: { code: 'invalid_input', message: `q is ${length} characters long; a search query is at most 300 characters`, issues: [{ path: 'q', message: 'at most 300 characters' }] } });
      }
      expect((await get(`/api/search?q=${'x'.repeat(300)}`)).status).toBe(200);
    });

    it.each([
      ['/api/partners/XX', 404, 'unknown_partner', /BR.*US|strategic partners/],
      ['/api/partners/US?asOf=2014-13-01', 400, 'invalid_date', /YYYY-MM-DD/],
      ['/api/partners/US?asOf=yesterday', 400, 'invalid_date', /YYYY-MM-DD/],
      ['/api/dialogues?level=bilateral', 400, 'invalid_filter', /summit.*ministerial/],
      ['/api/dialogues?topic=cyber', 400, 'invalid_filter', /cyber-crime/],
      ['/api/dialogues?status=alive', 400, 'invalid_filter', /active/],
      ['/api/dialogues?year=14', 400, 'invalid_filter', /four-digit/],
      ['/api/dialogues?year=3000', 400, 'invalid_filter', /year 3000 is outside .*: give a year from \d{4} to 20\d\d$/],
      ['/api/dialogues?year=1900', 400, 'invalid_filter', /year 1900 is outside .*: give a year from \d{4} to 20\d\d$/],
      ['/api/dialogues?year=2016&asOf=2015-06-30', 400, 'invalid_filter', /year 2016 is outside .*: give a year from \d{4} to 2015$/],
      ['/api/partners/US?asOf=2099-01-01', 400, 'invalid_date', /^asOf 2099-01-01 is after today, \d{4}-\d\d-\d\d; give a date up to today$/],
      ['/api/matrix?asOf=2099-01-01', 400, 'invalid_date', /after today/],
      ['/api/assess?asOf=2099-01-01', 400, 'invalid_date', /after today/],
      ['/api/gaps/US?asOf=2099-01-01', 400, 'invalid_date', /after today/],
      ['/api/sanctions?asOf=2099-01-01', 400, 'invalid_date', /after today/],
      ['/api/partners/XX/changes?since=2026-01-01', 404, 'unknown_partner', /Unknown partner "XX": the partners are .*BR.*US/],
      ['/api/dialogues?partner=EU', 404, 'unknown_partner', /strategic partners/],
      ['/api/dialogues?colour=red', 400, 'invalid_filter', /Unknown query parameter/],
      ['/api/actors?kind=spy', 400, 'invalid_filter', /eu-body/],
      ['/api/search', 400, 'invalid_input', /query/],
      ['/api/search?q=x&limit=0', 400, 'invalid_filter', /limit/],
      ['/api/nowhere', 404, 'not_found', /No route/],
    ])('%s answers %i %s', async (url, status, code, message) => {
      const r = await get(url);
      expect(r.status).toBe(status);
      const err = (r.body as unknown as { error: { code: string; message: string } }).error;
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});
