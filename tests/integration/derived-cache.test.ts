// Derived views are cached per (dataset version, as-of date, rule files): a cached answer is the one the uncached
// core gives, for random dates and weights; a re-seed by another process on the same database (a change of the
// dataset version) is seen at once, never a stale view; and a view's entity tag moves with it. Over HTTP the answer is
// the uncached view's JSON, byte for byte, whether kept whole or made again from its compressed copy.
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/app/assessment-service';
import * as views from '../../src/app/kb-views';
import { keepIdentityUnder } from '../../src/server/send-json';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { comparePartners } from '../../src/core/assess/compare';
import { assessAll, assessPartner } from '../../src/core/assess/engine';
import { checkGapRules, findGaps } from '../../src/core/assess/gaps';
import { parseGapsFile } from '../../src/core/assess/gaps-file';
import { buildProfile } from '../../src/core/kb/profile';
import { listPartners } from '../../src/core/kb/partners';
import { instrumentMatrix } from '../../src/core/kb/matrix';
import { queryDialogues } from '../../src/core/kb/dialogues';
import { areasOfResponsibility, queryActors, strategies } from '../../src/core/kb/actors';
import { parseNetworkFile } from '../../src/core/network/network-file';
import { analyseNetwork, exportNetwork } from '../../src/core/network/network';
import { buildTimeline } from '../../src/core/timeline/timeline';
import type { IsoDate } from '../../src/core/dates';
import { dialects, freshDatabase, startHarness, tempDir, testConfig, type Harness } from './harness';

/**
 * This server keeps plain bytes only under 256 KiB, so that the full assessment of the built-in dataset (452 KB) takes
 * the path of a world-scale view: kept compressed only, its plain answer made from the gzip copy as it is sent.
 */
const IDENTITY_LIMIT = 256 * 1024;

const LOCAL = { kind: 'local', org: null } as const;
const day = fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));

describe.each(dialects)('cached derived views on %s', (dialect) => {
  let h: Harness;
  let drop: () => Promise<void>;
  let target: string;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    target = db.target;
    h = await startHarness({}, dialect, { target, drop: async () => {} });
    keepIdentityUnder(h.app, IDENTITY_LIMIT);
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

  it('answers every other cached view as the uncached code does, for random dates, weights and parameters', async () => {
    const rules = (name: string) => YAML.parse(fs.readFileSync(path.join(h.wb.config.dataDir, 'assessment', name), 'utf8')) as unknown;
    const networkFile = parseNetworkFile(rules('network.yaml'), 'network.yaml');
    const gapsFile = parseGapsFile(rules('gaps.yaml'), 'gaps.yaml');
    const partnerIds = fc.constantFrom('JP', 'CN', 'US', 'IN', 'BR', 'KR');
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 20, max: 100 }), fc.uniqueArray(partnerIds, { minLength: 2, maxLength: 3 }), partnerIds, fc.constantFrom('Budapest', 'cyber dialogue', 'Tokyo', 'sanctions'), fc.constantFrom(undefined, 'strategic-partner', 'eu-institution', 'international-organisation'), async (asOf, cap, ids, partner, q, kind) => {
        const choice = { weights: { extends: 'reviewed', dimensions: { cooperation: { cap } } } };
        const dataset = await h.wb.kb.dataset();
        const date = asOf as IsoDate;
        const w = service.loadWeights(h.wb, choice);
        for (let pass = 0; pass < 2; pass++) {
          // The second pass is answered from the cache: the same answers.
          expect(await service.compare(h.wb, ids.join(','), asOf, choice)).toEqual(comparePartners(dataset, ids as never, date, w));
          expect(await service.network(h.wb, 'json', asOf)).toEqual(exportNetwork(analyseNetwork(dataset, date, service.loadWeights(h.wb), networkFile), 'json'));
          checkGapRules(dataset, gapsFile);
          expect(await service.gaps(h.wb, partner, asOf)).toEqual(findGaps(dataset, partner, date, gapsFile));
          expect(await views.partner(h.wb, partner.toLowerCase(), asOf)).toEqual(buildProfile(dataset, partner, date));
          expect(await views.partners(h.wb, asOf)).toEqual(listPartners(dataset, date));
          expect(await views.matrix(h.wb, asOf)).toEqual(instrumentMatrix(dataset, date));
          expect(await views.dialogues(h.wb, { partner }, asOf)).toEqual(queryDialogues(dataset, { partner }, date));
          expect(await views.search(h.wb, q, { asOf, partner })).toEqual(await h.wb.kb.search(q, { asOf, partner, limit: 50 }));
          expect(await views.actors(h.wb, kind, asOf)).toEqual(queryActors(dataset, kind, date));
          expect(await views.strategiesOn(h.wb, asOf)).toEqual(strategies(dataset, date));
          expect(await views.areas(h.wb)).toEqual(areasOfResponsibility(dataset));
          expect(await views.changesSince(h.wb, LOCAL, partner, asOf)).toEqual(await h.wb.curation.changesSince(LOCAL, partner, asOf));
        }
      }),
      { numRuns: 12 },
    );
  });

  it('answers over HTTP the bytes of the uncached view, graded, for random dates: plain, br and gzip (a large view from its gzip copy)', async () => {
    const reviewed = service.loadWeights(h.wb);
    await fc.assert(
      fc.asyncProperty(day, fc.constantFrom('US', 'JP', undefined), async (asOf, partner) => {
        const dataset = await h.wb.kb.dataset();
        const direct = partner ? assessPartner(dataset, partner, asOf as IsoDate, reviewed) : assessAll(dataset, asOf as IsoDate, reviewed);
        const expected = JSON.stringify(h.app.gradeSources(direct));
        const url = `/api/assess${partner ? `/${partner}` : ''}?asOf=${asOf}`;
        for (let pass = 0; pass < 2; pass++) {
          const plain = await h.app.inject({ method: 'GET', url });
          expect(plain.body).toBe(expected);
          expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(expected));
          const br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
          expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(expected);
          const gz = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
          expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(expected);
        }
      }),
      { numRuns: 10 },
    );
    // The full assessment is kept compressed only (above this server's IDENTITY_LIMIT): its plain answer is made from gzip.
    const all = await h.app.inject({ method: 'GET', url: '/api/assess' });
    expect(all.rawPayload.length).toBeGreaterThan(IDENTITY_LIMIT);
    const head = await h.app.inject({ method: 'HEAD', url: '/api/assess' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(all.headers.etag);
  });

  it('tags each view by its content: 304 for the tag sent back, the same body compressed once for br and gzip', async () => {
    for (const url of ['/api/assess', '/api/network', '/api/partners/US', '/api/search?q=Budapest']) {
      const plain = await h.app.inject({ method: 'GET', url });
      expect(plain.statusCode).toBe(200);
      const etag = plain.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(plain.headers['cache-control']).toBe('private, no-cache');
      expect(plain.headers.vary).toBe('Accept-Encoding');
      const again = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect((await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"another"' } })).statusCode).toBe(200);
      const br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
      const gz = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
      expect(gz.headers.etag).toBe(etag);
    }
    // Other dates are other views, with other tags; other routes keep no-store.
    const then = await h.app.inject({ method: 'GET', url: '/api/assess?asOf=2014-06-30' });
    expect(then.headers.etag).not.toBe((await h.app.inject({ method: 'GET', url: '/api/assess' })).headers.etag);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });

  it('sees another process re-seed the database at once (the key holds the dataset version)', async () => {
    const before = (await service.assess(h.wb, 'JP', '2016-12-31')) as { scores?: unknown };
    const profileAnswer = await h.app.inject({ method: 'GET', url: '/api/partners/JP' });
    const profileBefore = profileAnswer.json() as { cooperation: unknown[] };
    expect(profileBefore.cooperation.length).toBeGreaterThan(0);
    const etagBefore = profileAnswer.headers.etag as string;
    expect((await h.app.inject({ method: 'GET', url: '/api/partners/JP', headers: { 'if-none-match': etagBefore } })).statusCode).toBe(304);
    const assessTag = (await h.app.inject({ method: 'GET', url: '/api/assess/JP?asOf=2016-12-31' })).headers.etag as string;
    const allBefore = await h.app.inject({ method: 'GET', url: '/api/assess?asOf=2016-12-31' });
    const ec3 = () => h.app.inject({ method: 'GET', url: '/api/search?q=EC3&partner=JP' }).then((r) => (r.json() as { id: string }[]).map((f) => f.id));
    expect(await ec3()).toContain('cooperation:jp-ec3-cybercrime-cooperation');
    await ec3(); // now cached
    const sinceUrl = '/api/partners/JP/changes?since=2010-01-01';
    const sinceBefore = (await h.app.inject({ method: 'GET', url: sinceUrl })).body;
    expect((await h.app.inject({ method: 'GET', url: sinceUrl })).body).toBe(sinceBefore);
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
      // The tag the client holds no longer matches: the new profile is sent, under a new tag.
      const revalidated = await h.app.inject({ method: 'GET', url: '/api/partners/JP', headers: { 'if-none-match': etagBefore } });
      expect(revalidated.statusCode).toBe(200);
      expect(revalidated.headers.etag).not.toBe(etagBefore);
      expect((revalidated.json() as { cooperation: unknown[] }).cooperation).toEqual([]);
      expect((await h.app.inject({ method: 'GET', url: '/api/assess/JP?asOf=2016-12-31', headers: { 'if-none-match': assessTag } })).statusCode).toBe(200);
      // The full assessment, kept compressed only, moves too: a new tag, and the plain bytes of the new uncached view.
      const allAfter = await h.app.inject({ method: 'GET', url: '/api/assess?asOf=2016-12-31', headers: { 'if-none-match': allBefore.headers.etag as string } });
      expect(allAfter.statusCode).toBe(200);
      expect(allAfter.headers.etag).not.toBe(allBefore.headers.etag);
      expect(allAfter.body).not.toBe(allBefore.body);
      expect(allAfter.body).toBe(JSON.stringify(h.app.gradeSources(assessAll(await h.wb.kb.dataset(), '2016-12-31' as IsoDate, service.loadWeights(h.wb)))));
      expect(await ec3()).not.toContain('cooperation:jp-ec3-cybercrime-cooperation');
      const sinceAfter = (await h.app.inject({ method: 'GET', url: sinceUrl })).body;
      expect(sinceAfter).not.toBe(sinceBefore);
      expect(sinceAfter).toBe(JSON.stringify(h.app.gradeSources(await h.wb.curation.changesSince(LOCAL, 'JP', '2010-01-01'))));
      expect(after).toEqual(assessPartner(await h.wb.kb.dataset(), 'JP', '2016-12-31' as IsoDate, service.loadWeights(h.wb)));
    } finally {
      await other?.close();
    }
  });
});
