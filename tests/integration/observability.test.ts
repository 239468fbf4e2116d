// Operations can see the server: /api/health (alive), /api/ready (database reachable and migrated), Prometheus
// metrics at /metrics, one JSON log line per request that never holds a credential, and 404 for any path that is not
// a page of the web app (a probe of /healthz must not get the app's HTML with 200).
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { buildServer } from '../../src/server/app';
import { WEB_PAGES } from '../../src/server/web-pages';
import { dialects, startHarness, teamConfig, tempDir, type Harness } from './harness';
import { addUser, PASSWORD, signIn } from './team';

describe.each(dialects)('probes and metrics on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  });
  afterAll(async () => h?.close());
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  it('/api/health answers while alive, /api/ready when the database is reachable and migrated', async () => {
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok' });
    const ready = await get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('/api/ready answers 503 naming the migrations a database lacks', async () => {
    const last = (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(h.wb.db)).rows[0] ?? { name: '' };
    await sql`DELETE FROM kysely_migration WHERE name = ${last.name}`.execute(h.wb.db);
    try {
      const r = await get('/api/ready');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ error: { code: 'not_ready', message: `The database lacks migrations ${last.name}: start one server of this version to apply them` } });
      expect((await get('/api/health')).statusCode).toBe(200);
    } finally {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${last.name}, ${new Date().toISOString()})`.execute(h.wb.db);
    }
  });

  it('/metrics counts requests and durations by route pattern and status, imports, and the pool on PostgreSQL', async () => {
    await get('/api/health');
    await get('/api/incidents/inc-does-not-exist');
    await get('/healthz');
    await sql`INSERT INTO import_report (format, at, files, report) VALUES ('stix', '2026-01-01T00:00:00.000Z', '[]', '{}')`.execute(h.wb.db);
    const r = await get('/metrics');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.body).toMatch(/^cyberdiplo_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+$/m);
    expect(r.body).toMatch(/^cyberdiplo_http_requests_total\{method="GET",route="\/api\/incidents\/:id",status="404"\} 1$/m);
    expect(r.body).toMatch(/^cyberdiplo_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} 1$/m);
    expect(r.body).not.toContain('inc-does-not-exist');
    expect(r.body).toMatch(/^cyberdiplo_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health",status="200"\} \d+$/m);
    expect(r.body).toMatch(/^cyberdiplo_import_runs\{format="stix"\} 1$/m);
    expect(r.body).toContain('# TYPE cyberdiplo_imported_records gauge');
    if (dialect === 'postgres') expect(r.body).toMatch(/^cyberdiplo_db_pool_connections\{state="max"\} 10$/m);
    else expect(r.body).not.toMatch(/^cyberdiplo_db_pool_connections\{/m);
  });
});

describe('paths that are not pages of the web app', () => {
  let h: Harness;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    h = await startHarness();
    const web = tempDir('cyberdiplo-web-');
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>cyberdiplo</title><div id="root"></div>');
    app = await buildServer(h.wb, { webRoot: web });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('the server knows exactly the pages of the web app router', () => {
    const router = fs.readFileSync(path.join(projectRoot, 'web', 'src', 'app.tsx'), 'utf8');
    const paths = [...router.matchAll(/<Route (index|path="([^"]+)")/g)].map((m) => (m[1] === 'index' ? '/' : `/${(m[2] ?? '').replace(/^\//, '')}`)).filter((p) => p !== '/*');
    expect([...WEB_PAGES].sort()).toEqual([...new Set(paths)].sort());
  });

  it('answers the pages with the app shell, and 404 everywhere else (HTML for browsers, JSON for the rest)', async () => {
    for (const url of ['/', '/partners', '/partners/US', '/incidents/inc-123/print', '/accounts/alice', '/sanctions/', '/incidents?category=espionage']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
    }
    for (const url of ['/healthz', '/metricz', '/partners/US/extra', '/wp-login.php', '/.env']) {
      const probe = await app.inject({ method: 'GET', url });
      expect(probe.statusCode, url).toBe(404);
      expect(probe.json(), url).toEqual({ error: { code: 'not_found', message: `No page ${url}` } });
      const browser = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(browser.statusCode, url).toBe(404);
      expect(browser.headers['content-type'], url).toMatch(/^text\/html/);
    }
    for (const url of ['/api/nothing', '/%61pi/nothing', '//API/nothing']) {
      const r = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code, url).toBe('not_found');
    }
    expect((await app.inject({ method: 'HEAD', url: '/partners/US' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'HEAD', url: '/healthz' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).headers['content-type']).toMatch(/^text\/plain/);
  });
});

describe('request log', () => {
  let h: Harness;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildServer>>;
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  beforeAll(async () => {
    h = await startHarness(teamConfig());
    app = await buildServer(h.wb, { logger: { stream } });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('writes one JSON line per request (method, route, status, duration, caller) and never a token, password or cookie', async () => {
    const alice = await addUser(h, 'alice', 'admin', 'eeas');
    const token = (alice.headers.authorization ?? '').replace('Bearer ', '');
    const session = await signIn(app, 'alice');
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: `${PASSWORD} wrong` } });
    await app.inject({ method: 'GET', url: `/api/incidents?q=${token}`, headers: alice.headers });
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    await app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: 'Bearer cdp_not-a-real-token' } });

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = parsed.filter((l) => l.msg === 'request');
    expect(requests.map((r) => [r.method, r.route, r.status, r.caller])).toEqual([
      ['POST', '/api/auth/login', 200, 'anonymous'],
      ['POST', '/api/auth/login', 401, 'anonymous'],
      ['GET', '/api/incidents', 200, 'user:alice'],
      ['GET', '/api/auth/me', 200, 'user:alice'],
      ['GET', '/api/audit', 401, 'anonymous'],
    ]);
    for (const r of requests) expect(typeof r.durationMs).toBe('number');
    const all = lines.join('\n');
    const sessionId = session.cookie.split('=')[1] ?? '';
    const csrf = session.headers['x-csrf-token'] ?? '';
    for (const secret of [token, PASSWORD, sessionId, csrf, 'cdp_not-a-real-token']) {
      expect(secret.length).toBeGreaterThan(8);
      expect(all.includes(secret), `log holds ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
