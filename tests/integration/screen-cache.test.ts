// Screening one name is kept per name, date and the sanctions register's version (src/app/sanctions-views.ts): the
// answer is the uncached service's, for random names and dates, and an annex import by another server on the same
// database moves it.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedCache } from '../../src/app/assessment-service';
import type { Harness } from './harness';
import { dialects } from './harness';
import { twoServers, type TwoServers } from './two-servers';

const NAMES = ['Alexey Minin', 'Алексей Минин', 'Dmitriy Badin', 'Wu Hai Bo', 'Jane Doe', 'Gao Qiang', 'Zhang Shilong'];
const today = () => new Date().toISOString().slice(0, 10);
const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));

describe.each(dialects)('kept screening of one name on %s', (dialect) => {
  let s: TwoServers;
  beforeAll(async () => {
    s = await twoServers(dialect, {});
  });
  afterAll(async () => s?.close());

  const screen = async (h: Harness, q: string, asOf?: string) => {
    const r = await h.app.inject({ method: 'GET', url: `/api/sanctions/screen?q=${encodeURIComponent(q)}${asOf ? `&asOf=${asOf}` : ''}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.body;
  };
  const uncached = async (h: Harness, q: string, asOf?: string) => JSON.stringify(h.app.gradeSources(await h.wb.sanctions.screen(q, asOf)));

  it('answers what the uncached service answers, for random names and dates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.option(day, { nil: undefined }), async (q, asOf) => {
        const first = await screen(s.a, q, asOf);
        expect(await screen(s.a, q, asOf)).toBe(first);
        expect(first).toBe(await uncached(s.a, q, asOf));
      }),
      { numRuns: 20 },
    );
    expect(derivedCache(s.a.wb).hits).toBeGreaterThan(0);
  });

  it("moves with the other server's annex import", async () => {
    const annex = fs.readFileSync(path.join(s.a.wb.config.dataDir, 'sanctions', '32019R0796.csv'), 'utf8');
    const before = await screen(s.a, 'Alexey Minin');
    expect(before).toContain('Minin');
    await s.b.wb.sanctions.importAnnex(annex.replaceAll('Minin', 'Qwertyuiop'), { date: today() });
    const after = await screen(s.a, 'Alexey Minin');
    expect(after).not.toBe(before);
    expect(after).toBe(await uncached(s.a, 'Alexey Minin'));
    // This server's own import of the shipped annex: still the uncached answer.
    await s.a.wb.sanctions.importAnnex(annex, { date: today() });
    expect(await screen(s.a, 'Alexey Minin')).toBe(await uncached(s.a, 'Alexey Minin'));
  });
});
