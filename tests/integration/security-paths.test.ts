// Security (path spelling): access is decided on the route the router matched, so no re-spelling of a path —
// percent-encoding, case, duplicate slashes, dot segments, a trailing slash — lets an anonymous caller past a
// route's rule; and the services behind admin and signed-in routes check again on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/auth/principal';
import { ExchangeService } from '../../src/app/exchange-service';
import { listRoutes } from '../../src/server/app';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, call, type Client } from './team';

/** Encodes one character of a path as %XX (both cases of hex digits are valid spellings). */
const pct = (c: string, upper = true) => `%${c.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}`;

/** Re-spellings of a concrete path that a lenient router or a proxy could take for the same route. */
export function respellings(path: string): string[] {
  const segs = path.split('/').filter(Boolean);
  const [first = '', ...rest] = segs;
  const out = new Set<string>([
    `/${pct(first[0] ?? 'a')}${first.slice(1)}/${rest.join('/')}`,
    `/${first.slice(0, -1)}${pct(first.at(-1) ?? 'i', false)}/${rest.join('/')}`,
    `/${segs.map((s) => [...s].map((c) => pct(c)).join('')).join('/')}`,
    path.toUpperCase(),
    `/${first[0]?.toUpperCase() ?? ''}${first.slice(1)}/${rest.join('/')}`,
    `/${path}`,
    path.replace(`/${first}/`, `/${first}//`),
    `${path}/`,
    `${path}//`,
    path.replace(`/${first}/`, `/${first}/./`),
    `/x/..${path}`,
    `/${first}/x/../${rest.join('/')}`,
    `${path}/.`,
    path.replace(`/${first}/`, `/${first}%2F`),
    path.replace(`/${first}/`, `/${first}%2f`),
    `${path}%20`,
    `${path};x`,
  ]);
  out.delete(path);
  return [...out];
}

/** The routes whose declared access is more than public: the ones a re-spelling must not open. */
const GUARDED = [
  'GET /api/audit',
  'GET /api/audit/verify',
  'GET /api/audit/registry-seed',
  'GET /api/users',
  'GET /api/users/:username',
  'GET /api/tokens',
  'GET /api/import/reports',
  'GET /api/export/:view',
  'POST /api/import/stix',
  'POST /api/import/eurepoc',
  'POST /api/import/cfr',
  'POST /api/users',
  'PATCH /api/users/:username',
  'POST /api/tokens',
  'DELETE /api/tokens/:id',
  'POST /api/incidents',
  'PUT /api/incidents/:id',
  'PATCH /api/incidents/:id',
  'DELETE /api/incidents/:id',
  'POST /api/auth/password',
];

const SAMPLE: Record<string, string> = { ':view': 'incidents', ':username': 'someone', ':id': 'inc-000000000000' };
const concrete = (url: string) => url.replace(/:[a-z]+/gi, (p) => SAMPLE[p] ?? 'x');

describe.each(dialects)('security: path spelling on %s', (dialect) => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    admin = await addUser(h, 'admin-x', 'admin', 'DE');
    // Something in the trail and the registry for a leak to show.
    await call(h.app, admin, 'POST', '/api/incidents', { title: 'canary-path', start: '2026-03-01', ongoing: true, category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high' }, tlp: 'green' });
  });
  afterAll(async () => h?.close());

  it('the guarded list covers every registered route that is not public', () => {
    const guardedNow = listRoutes(h.app)
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => r.startsWith('GET /api/audit') || r.includes('/users') || r.includes('/tokens') || r.includes('/import') || r.includes('/export') || (!r.startsWith('GET') && r.includes('/incidents')) || r === 'POST /api/auth/password');
    expect(guardedNow.sort()).toEqual([...GUARDED].sort());
  });

  it('the issue\'s reported spellings answer 401 to an anonymous caller, and 200 to an admin (the same route matched)', async () => {
    for (const url of ['/%61pi/audit', '/ap%69/audit', '/%61pi/audit/verify', '/%61pi/export/stix', '/%61pi/export/incidents?format=json', '/%61pi/import/reports']) {
      const anon = await call(h.app, anonymous, 'GET', url);
      expect(anon.status, `${url}: ${anon.text.slice(0, 120)}`).toBe(401);
      const ok = await call(h.app, admin, 'GET', url);
      expect(ok.status, url).toBe(200);
    }
  });

  it.each(GUARDED)('%s: no re-spelling answers an anonymous caller with anything but a refusal or not-found', async (route) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    const path = concrete(url);
    const canonical = await call(h.app, anonymous, method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
    expect([401, 403], `${route} canonical`).toContain(canonical.status);
    for (const variant of respellings(path)) {
      const r = await call(h.app, anonymous, method, variant, method === 'GET' || method === 'DELETE' ? undefined : {});
      const where = `${method} ${variant} → ${r.status} ${r.text.slice(0, 100)}`;
      expect([400, 401, 403, 404, 405], where).toContain(r.status);
      expect(r.text, where).not.toContain('canary-path');
      expect(r.text, where).not.toContain('"hash"');
      expect(r.text, where).not.toContain('"role":"admin"');
    }
  });

  it('paths under /api that match no route answer a JSON 404, however they are spelled (never the web app shell)', async () => {
    for (const url of ['/API/AUDIT', '/%61pi/nothing', '//api/audit', '/Api/audit/']) {
      const r = await call(h.app, anonymous, 'GET', url);
      if (r.status === 401) continue; // the router matched the route: refused above
      expect(r.status, url).toBe(404);
      expect(String(r.text), url).toContain('not_found');
    }
  });

  it('the services check again behind their routes: an anonymous principal is refused without the HTTP layer', async () => {
    await expect(h.wb.readAudit(ANONYMOUS, {})).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(h.wb.verifyAudit(ANONYMOUS)).rejects.toMatchObject({ code: 'unauthenticated' });
    const exchange = new ExchangeService(h.wb);
    await expect(exchange.reports(ANONYMOUS)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(exchange.exportView(ANONYMOUS, 'incidents', { format: 'json' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(exchange.exportStix(ANONYMOUS)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(h.wb.accounts.list(ANONYMOUS)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
