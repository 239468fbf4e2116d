// National cybersecurity strategies through the API: the list of every partner's and the EU's, a partner's profile and
// the timeline, each as of a date, at the precision the sources give, with their sources graded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/exchange/index';
import { dialects, startHarness, type Harness } from './harness';

interface StrategyFact {
  id: string;
  adopted: string | number;
  precision: string;
  dateAsGiven: string | null;
  first: boolean;
  sources: { ref: string; locator: string; grade?: string }[];
}
interface Strategies {
  partner: string;
  hadStrategy: boolean;
  first: StrategyFact | null;
  strategies: StrategyFact[];
  counted: { count: number; period: string } | null;
  datedNotes: { date: string; text: string }[];
}

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h.close());

  const get = async <T>(url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as T };
  };

  it('GET /api/national-strategies lists the ten, the UK, Ukraine and the EU last, each first strategy at its precision', async () => {
    const r = await get<Strategies[]>('/api/national-strategies?asOf=2025-06-30');
    expect(r.status).toBe(200);
    expect(r.body.map((s) => s.partner)).toEqual(['BR', 'CA', 'CN', 'IN', 'JP', 'KR', 'MX', 'RU', 'UA', 'UK', 'US', 'ZA', 'EU']);
    const india = r.body.find((s) => s.partner === 'IN')!;
    expect(india.first).toMatchObject({ adopted: 2013, precision: 'year', dateAsGiven: '20130101', first: true });
    expect(india.counted).toMatchObject({ count: 2, period: '2000-2024' });
    const eu = r.body.find((s) => s.partner === 'EU')!;
    expect(eu.strategies.map((s) => s.adopted)).toEqual(['2013-02-07', '2020-12-16']);
    for (const s of r.body.flatMap((x) => x.strategies)) {
      expect(s.sources.length).toBeGreaterThan(0);
      for (const src of s.sources) expect(['primary', 'secondary', 'low']).toContain(src.grade);
    }
  });

  it('as of 2014: South Africa had none yet, and says so with renard2014; China none either', async () => {
    const r = await get<Strategies[]>('/api/national-strategies?asOf=2014-12-31');
    const za = r.body.find((s) => s.partner === 'ZA')!;
    expect([za.hadStrategy, za.strategies, za.counted]).toEqual([false, [], null]);
    expect(za.datedNotes.map((n) => n.date)).toEqual(['2014-06']);
    expect(r.body.find((s) => s.partner === 'CN')?.hadStrategy).toBe(false);
    expect(r.body.find((s) => s.partner === 'US')?.strategies.map((s) => [s.adopted, s.precision])).toEqual([['2003-02', 'month']]);
  });

  it("a partner's profile carries its strategies as of the date", async () => {
    const early = await get<{ nationalStrategies: Strategies }>('/api/partners/KR?asOf=2019-03-31');
    expect(early.status).toBe(200);
    expect(early.body.nationalStrategies.strategies.map((s) => s.id)).toEqual(['kr-first-strategy-2011']);
    const later = await get<{ nationalStrategies: Strategies }>('/api/partners/KR?asOf=2019-07-01');
    expect(later.body.nationalStrategies.strategies.map((s) => [s.adopted, s.precision, s.first])).toEqual([
      ['2011-08-02', 'day', true],
      ['2019-04', 'month', false],
    ]);
    expect(later.body.nationalStrategies.datedNotes.map((n) => n.date)).toEqual(['2014-06', '2019-06-28']);
  });

  it('the timeline has them as dated events of their partner', async () => {
    const r = await get<{ events: { date: string; precision: string; kind: string; detail: string | null; fact: string }[] }>('/api/timeline/BR');
    expect(r.status).toBe(200);
    const events = r.body.events.filter((e) => e.kind === 'national-strategy');
    expect(events.map((e) => [e.date, e.precision, e.detail, e.fact])).toEqual([
      ['2015-03-17', 'day', 'first', 'national-strategy:br-first-strategy-2015'],
      ['2020-02-01', 'month', null, 'national-strategy:br-e-ciber-2020'],
    ]);
  });

  it('exports as CSV one row per strategy (a partner with none yet, one row), and as JSON the list as served', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/export/national-strategies?format=csv&asOf=2014-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = parseCsv(res.body);
    const at = (name: string) => header!.indexOf(name);
    const of = (partner: string) => rows.filter((r) => r[at('partner')] === partner).map((r) => [r[at('adopted')], r[at('precision')], r[at('dateAsGiven')], r[at('first')]]);
    expect(of('IN')).toEqual([['2013', 'year', '20130101', 'true']]);
    expect(of('JP')).toEqual([
      ['2006-02-02', 'day', '', 'true'],
      ['2013-06-10', 'day', '', 'false'],
    ]);
    expect(of('ZA')).toEqual([['', '', '', '']]);
    const json = await get<Strategies[]>('/api/export/national-strategies?format=json&asOf=2014-12-31');
    // The API grades every source it answers (grade, href); an export writes the records as the files hold them.
    const ungraded = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'grade' || k === 'href' ? undefined : x))) as unknown;
    expect(json.body).toEqual(ungraded((await get<Strategies[]>('/api/national-strategies?asOf=2014-12-31')).body));
  });

  it('refuses a malformed date as every as-of read does', async () => {
    const r = await get<{ error: { code: string } }>('/api/national-strategies?asOf=2014-13-01');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_date');
  });
});
