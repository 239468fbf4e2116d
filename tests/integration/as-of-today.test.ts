// A read without a date is a read as of today, by the workbench's clock, on every view of the observatory: the same
// bytes as the same view asked for today's date, and a day later the next day's view, never the one kept the day before.
// Three dialogues turn unknown on 2027-01-01 (no report for three full years): moving the clock across that day moves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/app/assessment-service';
import type { Clock } from '../../src/app/toolbox-service';
import { dialects, startHarness, type Harness } from './harness';

/** A clock set by hand to one instant. */
class SetClock implements Clock {
  constructor(private at: string) {}
  now(): string {
    return this.at;
  }
  set(at: string): void {
    this.at = at;
  }
}

/** The dialogues whose status the data turns unknown from 2027: partner, dialogue id. */
const TURNING = [
  ['US', 'us-cyber-dialogue'],
  ['CN', 'cn-high-level-digital-dialogue'],
  ['IN', 'in-cyber-dialogue'],
] as const;

/** Every view of the observatory that reads facts in time, without a date. */
const VIEWS = [
  '/api/partners',
  '/api/partners/US',
  '/api/dialogues?partner=CN',
  '/api/matrix',
  '/api/actors',
  '/api/strategies',
  '/api/search?q=dialogue&partner=US',
  '/api/assess',
  '/api/assess/IN',
  '/api/network?format=json',
  '/api/timeline',
  '/api/timeline/US',
  '/api/compare?ids=US,CN',
  '/api/gaps/US',
];

describe.each(dialects)('no date means today on %s', (dialect) => {
  let h: Harness;
  const clock = new SetClock('2026-12-31T23:59:00.000Z');
  beforeAll(async () => {
    h = await startHarness({}, dialect, undefined, clock);
  });
  afterAll(async () => h?.close());

  const get = async (url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  const dated = (url: string, date: string) => `${url}${url.includes('?') ? '&' : '?'}asOf=${date}`;
  type Profile = { asOf: string | null; dialogues: { id: string; status: string }[] };
  const statusOf = async (partner: string, dialogue: string) => {
    const p = JSON.parse(await get(`/api/partners/${partner}`)) as Profile;
    return { asOf: p.asOf, status: p.dialogues.find((d) => d.id === dialogue)?.status };
  };

  it('moves the three dialogues to unknown when the clock passes 2027-01-01, and not before', async () => {
    clock.set('2026-12-31T23:59:00.000Z');
    for (const [partner, dialogue] of TURNING) expect(await statusOf(partner, dialogue)).toEqual({ asOf: '2026-12-31', status: 'active' });
    // Asked again the same day: served from the cache, still the same.
    for (const [partner, dialogue] of TURNING) expect((await statusOf(partner, dialogue)).status).toBe('active');
    clock.set('2027-01-01T00:01:00.000Z');
    for (const [partner, dialogue] of TURNING) expect(await statusOf(partner, dialogue)).toEqual({ asOf: '2027-01-01', status: 'unknown' });
  });

  it("answers every view without a date with the bytes of today's view, on either side of the day change", async () => {
    const before: Record<string, string> = {};
    for (const [now, today] of [
      ['2026-12-31T23:59:00.000Z', '2026-12-31'],
      ['2027-01-01T00:01:00.000Z', '2027-01-01'],
    ] as const) {
      clock.set(now);
      for (const url of VIEWS) {
        const plain = await get(url);
        expect(plain, url).toBe(await get(dated(url, today)));
        if (today === '2026-12-31') before[url] = plain;
      }
    }
    // The views that show the three dialogues changed with the day; a view kept the day before was not served.
    for (const url of ['/api/partners/US', '/api/dialogues?partner=CN', '/api/assess/IN', '/api/timeline/US', '/api/compare?ids=US,CN']) {
      expect(await get(url), url).not.toBe(before[url]);
    }
  });

  it('reads the history up to this year by default, this year as of today', async () => {
    clock.set('2026-12-06T12:00:00.000Z');
    const h26 = await service.assessmentHistory(h.wb, 'US', '2024', undefined);
    expect(h26.to).toBe(2026);
    expect(h26.years.map((y) => y.asOf)).toEqual(['2024-12-31', '2025-12-31', '2026-12-06']);
    clock.set('2027-03-01T12:00:00.000Z');
    const h27 = await service.assessmentHistory(h.wb, 'US', '2024', undefined);
    expect(h27.to).toBe(2027);
    expect(h27.years.at(-1)?.asOf).toBe('2027-03-01');
    expect(h27.years.find((y) => y.year === 2026)?.asOf).toBe('2026-12-31');
    // A year after this one would be read at its end, after today: refused, naming this year; the next year it passes.
    await expect(service.assessmentHistory(h.wb, 'US', '2027', '2028')).rejects.toThrow('to 2028 is after this year, 2027; give a year up to 2027');
    clock.set('2028-01-02T12:00:00.000Z');
    const later = await service.assessmentHistory(h.wb, 'US', '2027', '2028');
    expect(later.years.map((y) => y.asOf)).toEqual(['2027-12-31', '2028-01-02']);
  });
  it('refuses a date after today on every dated view and on the sanctions reads, naming today; the same date passes a day later', async () => {
    const urls = [...VIEWS, '/api/sanctions', '/api/sanctions/screen?q=Minin'];
    clock.set('2026-12-06T12:00:00.000Z');
    for (const url of urls) {
      const res = await h.app.inject({ method: 'GET', url: dated(url, '2026-12-07') });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({
        error: { code: 'invalid_date', message: 'asOf 2026-12-07 is after today, 2026-12-06; give a date up to today', issues: [{ path: 'asOf', message: 'on or before 2026-12-06' }] },
      });
    }
    clock.set('2026-12-07T00:01:00.000Z');
    for (const url of urls) await get(dated(url, '2026-12-07'));
  });
});
