// Derived views are cached per (dataset version, as-of date, rule files): a cached answer is the one the uncached
// core gives, for random dates and weights; and a re-seed by another process on the same database (a change of
// the dataset version) is seen at once, never a stale view.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/app/assessment-service';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { assessAll, assessPartner } from '../../src/core/assess/engine';
import { buildTimeline } from '../../src/core/timeline/timeline';
import type { IsoDate } from '../../src/core/dates';
import { dialects, freshDatabase, startHarness, tempDir, testConfig, type Harness } from './harness';

const day = fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));

describe.each(dialects)('cached derived views on %s', (dialect) => {
  let h: Harness;
  let drop: () => Promise<void>;
  let target: string;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    target = db.target;
    h = await startHarness({}, dialect, { target, drop: async () => {} });
  });
  afterAll(async () => {
    await h?.close();
    await drop?.();
  });

  it('answers what the uncached core answers, for random dates and weights', async () => {
    const reviewed = service.defaultWeights(h.wb);
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 20, max: 100 }), fc.constantFrom('JP', 'CN', 'US', 'RU', undefined), async (asOf, cap, partner) => {
        const weights = { extends: 'reviewed', dimensions: { cooperation: { cap } } };
        const choice = { weights };
        const cached1 = await service.assess(h.wb, partner, asOf, choice);
        const cached2 = await service.assess(h.wb, partner, asOf, choice);
        expect(cached2).toEqual(cached1);
        const dataset = await h.wb.kb.dataset();
        const w = service.loadWeights(h.wb, choice);
        const direct = partner ? assessPartner(dataset, partner as never, asOf as IsoDate, w) : assessAll(dataset, asOf as IsoDate, w);
        expect(cached1).toEqual(direct);
        expect(await service.timeline(h.wb, partner, asOf)).toEqual(buildTimeline(dataset, partner as never, asOf as IsoDate));
      }),
      { numRuns: 25 },
    );
    expect(service.defaultWeights(h.wb)).toEqual(reviewed);
    expect(service.derivedCache(h.wb).hits).toBeGreaterThan(0);
  });

  it('sees another process re-seed the database at once (the key holds the dataset version)', async () => {
    const before = (await service.assess(h.wb, 'JP', '2016-12-31')) as { scores?: unknown };
    const profileBefore = (await h.app.inject({ method: 'GET', url: '/api/partners/JP' })).json() as { cooperation: unknown[] };
    expect(profileBefore.cooperation.length).toBeGreaterThan(0);
    // A second workbench on the same database seeds a changed copy of the data: Japan loses its cooperation items.
    const dir = tempDir('cyberdiplo-data-');
    fs.cpSync(h.wb.config.dataDir, dir, { recursive: true });
    const jp = path.join(dir, 'partnerships', 'jp.yaml');
    const text = fs.readFileSync(jp, 'utf8');
    const start = text.indexOf('\ncooperation:\n');
    const end = text.indexOf('\n\n', start + 14);
    fs.writeFileSync(jp, `${text.slice(0, start)}\ncooperation: []${text.slice(end)}`);
    let other: Workbench | undefined;
    try {
      other = await openWorkbench(testConfig({ dbPath: target, dataDir: dir }));
      const after = await service.assess(h.wb, 'JP', '2016-12-31');
      expect(after).not.toEqual(before);
      const profileAfter = (await h.app.inject({ method: 'GET', url: '/api/partners/JP' })).json() as { cooperation: unknown[] };
      expect(profileAfter.cooperation).toEqual([]);
      expect(after).toEqual(assessPartner(await h.wb.kb.dataset(), 'JP', '2016-12-31' as IsoDate, service.loadWeights(h.wb)));
    } finally {
      await other?.close();
    }
  });
});
