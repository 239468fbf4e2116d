// Sign-in over HTTP in team mode: cookie flags, CSRF, logout, the shared login rate limit, tokens and disabled
// accounts, the first admin's bootstrap (never a default password), security headers and input limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';
import { TEST_AUDIT_KEY, dialects, startHarness, teamConfig, type Harness } from './harness';
import { PASSWORD, addUser, anonymous, call, incident, signIn, type Client } from './team';

describe.each(dialects)('sign-in and sessions on %s', (dialect) => {
  let h: Harness;
  let alice: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    alice = await addUser(h, 'alice', 'analyst', 'DE');
  });
  afterAll(async () => h?.close());

  it('signs in with a Secure, HttpOnly, SameSite=Strict session cookie and tells who is signed in', async () => {
    const s = await signIn(h.app, 'alice');
    expect(s.setCookie).toMatch(/^cyberdiplo_session=[\w-]{40,};/);
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/']) expect(s.setCookie).toContain(flag);
    const me = await call(h.app, s, 'GET', '/api/auth/me');
    expect(me.body).toMatchObject({ authMode: 'on', principal: { kind: 'user', username: 'alice', role: 'analyst', org: 'DE', via: 'session' }, csrfToken: s.headers['x-csrf-token'] });
    expect(me.text).not.toMatch(/argon2|password/i);
    const row = await h.wb.db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
    expect(s.cookie).not.toContain(row.id_hash);
  });

  it('refuses cookie-authenticated writes without the CSRF token or from another origin; tokens need no CSRF token', async () => {
    const s = await signIn(h.app, 'alice');
    const noCsrf = await call(h.app, { name: 'x', headers: { cookie: s.cookie } }, 'POST', '/api/incidents', incident('csrf probe'));
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body).toMatchObject({ error: { code: 'csrf_mismatch', message: expect.stringMatching(/x-csrf-token/) } });
    const wrong = await call(h.app, { name: 'x', headers: { cookie: s.cookie, 'x-csrf-token': 'guess' } }, 'POST', '/api/incidents', incident('csrf probe'));
    expect(wrong.status).toBe(403);
    const crossSite = await call(h.app, { name: 'x', headers: { ...s.headers, origin: 'https://evil.example' } }, 'POST', '/api/incidents', incident('csrf probe'));
    expect(crossSite.status).toBe(403);
    expect((await call(h.app, s, 'POST', '/api/incidents', incident('with csrf'))).status).toBe(201);
    expect((await call(h.app, alice, 'POST', '/api/incidents', incident('with token'))).status).toBe(201);
  });

  it('logs out: the session ends in the database and the cookie is cleared', async () => {
    const s = await signIn(h.app, 'alice');
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await call(h.app, s, 'GET', '/api/auth/me')).body).toMatchObject({ principal: { kind: 'anonymous' }, session: 'ended' });
    // A copy of the old cookie (another tab, a replay) now answers that the session ended, not that no one signed in.
    const r = await call(h.app, s, 'POST', '/api/incidents', incident('after logout'));
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: { code: 'session_ended' } });
  });

  it('rate-limits failed sign-ins per account, counted in the database, and answers the same for unknown accounts', async () => {
    await addUser(h, 'bob', 'viewer', 'FR');
    const attempt = (username: string, password: string) => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const unknown = await attempt('nobody', 'wrong password');
    const wrong = await attempt('bob', 'wrong password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    for (let i = 0; i < 4; i++) expect((await attempt('bob', 'wrong password')).statusCode).toBe(401);
    const blocked = await attempt('bob', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    const row = await h.wb.db.selectFrom('rate_limit').selectAll().where('key', '=', 'login:user:bob').executeTakeFirstOrThrow();
    expect(row.count).toBe(5);
    expect((await attempt('alice', PASSWORD)).statusCode).toBe(200);
  });

  it('a revoked token, a malformed header and a disabled account answer 401 at once', async () => {
    const carol = await addUser(h, 'carol', 'editor', 'DE');
    expect((await call(h.app, carol, 'GET', '/api/tokens')).status).toBe(200);
    const id = ((await call(h.app, carol, 'GET', '/api/tokens')).body as { id: string }[])[0]?.id ?? '';
    expect((await call(h.app, carol, 'DELETE', `/api/tokens/${id}`)).status).toBe(200);
    const revoked = await call(h.app, carol, 'GET', '/api/incidents');
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await call(h.app, { name: 'x', headers: { authorization: 'Bearer' } }, 'GET', '/api/incidents')).status).toBe(401);

    const dave = await addUser(h, 'dave', 'analyst', 'DE');
    const session = await signIn(h.app, 'dave');
    await h.wb.accounts.update({ kind: 'local', org: null }, 'dave', { disabled: true });
    expect((await call(h.app, dave, 'GET', '/api/incidents')).status).toBe(401);
    expect((await call(h.app, session, 'GET', '/api/auth/me')).body).toMatchObject({ principal: { kind: 'anonymous' } });
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dave', password: PASSWORD } })).statusCode).toBe(401);
  });

  it('sends security headers, refuses oversized input, and gives 401 with WWW-Authenticate', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/incidents' });
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cache-control']).toBe('no-store');
    const unauth = await h.app.inject({ method: 'POST', url: '/api/incidents', payload: incident('x') });
    expect(unauth.statusCode).toBe(401);
    expect(unauth.headers['www-authenticate']).toMatch(/Bearer/);
    const big = await h.app.inject({ method: 'POST', url: '/api/incidents', headers: alice.headers, payload: { ...incident('big'), summary: 'x'.repeat(1_100_000) } });
    expect(big.statusCode).toBe(413);
    const longPassword = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'x'.repeat(10_000) } });
    expect(longPassword.statusCode).toBe(400);
    expect((await call(h.app, anonymous, 'GET', `/api/incidents/${'x'.repeat(500)}`)).status).toBe(400);
  });
});

describe.each(dialects)('the first admin on %s', (dialect) => {
  it('is created once from a one-time token printed at start; there is no default password', async () => {
    const h = await startHarness(teamConfig(), dialect);
    try {
      for (const password of ['admin', 'password', 'changeme', 'cyberdiplo']) {
        expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } })).statusCode).toBe(401);
      }
      const first = await h.wb.auth.prepareFirstAdmin();
      expect(first.bootstrapToken).toMatch(/^[\w-]{40,}$/);
      const body = { username: 'root', password: 'a long enough password', org: 'eeas' };
      expect((await h.app.inject({ method: 'POST', url: '/api/auth/bootstrap', payload: { ...body, token: 'wrong' } })).statusCode).toBe(403);
      const ok = await h.app.inject({ method: 'POST', url: '/api/auth/bootstrap', payload: { ...body, token: first.bootstrapToken } });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ username: 'root', role: 'admin', org: 'eeas' });
      expect((await h.app.inject({ method: 'POST', url: '/api/auth/bootstrap', payload: { ...body, username: 'root2', token: first.bootstrapToken } })).statusCode).toBe(403);
      expect(await h.wb.auth.prepareFirstAdmin()).toEqual({});
      const s = await (await import('./team')).signIn(h.app, 'root', 'a long enough password');
      expect((await call(h.app, s, 'GET', '/api/users')).status).toBe(200);
      const entries = await h.wb.audit.list({ all: true, levels: [], org: null, username: null }, {});
      expect(entries.find((e) => e.action === 'account.create')).toMatchObject({ actor: 'bootstrap', targetId: 'root' });
    } finally {
      await h.close();
    }
  });

  it('is created from CYBERDIPLO_ADMIN_PASSWORD given once, which is then ignored with a warning', async () => {
    const env = { CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY, CYBERDIPLO_ADMIN_PASSWORD: 'first admin passphrase', CYBERDIPLO_ADMIN_ORG: 'DE' };
    const h = await startHarness({ auth: readConfig(env).auth }, dialect);
    try {
      expect(await h.wb.auth.prepareFirstAdmin()).toEqual({ created: 'admin' });
      expect((await h.wb.auth.prepareFirstAdmin()).warning).toMatch(/ignored/);
      expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'first admin passphrase' } })).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('team-mode configuration', () => {
  it('refuses a short first-admin password or one without an organisation, naming the variable and not the value', () => {
    expect(() => readConfig({ CYBERDIPLO_ADMIN_PASSWORD: 'short1' })).toThrow(ConfigError);
    expect(() => readConfig({ CYBERDIPLO_ADMIN_PASSWORD: 'short1' })).toThrow(/CYBERDIPLO_ADMIN_PASSWORD: must be at least 12/);
    expect(() => readConfig({ CYBERDIPLO_ADMIN_PASSWORD: 'short1' })).not.toThrow(/short1/);
    expect(() => readConfig({ CYBERDIPLO_ADMIN_PASSWORD: 'a long enough password' })).toThrow(/CYBERDIPLO_ADMIN_ORG/);
  });

  it('reads the idle timeout of sessions, 30 minutes unless told, and refuses nonsense naming the variable', () => {
    expect(readConfig({}).auth.sessionIdleMinutes).toBe(30);
    expect(readConfig({ CYBERDIPLO_SESSION_IDLE_MINUTES: '15' }).auth.sessionIdleMinutes).toBe(15);
    for (const bad of ['soon', '0', '2', '7.5', '-30']) expect(() => readConfig({ CYBERDIPLO_SESSION_IDLE_MINUTES: bad })).toThrow(/CYBERDIPLO_SESSION_IDLE_MINUTES/);
  });

  it('is off with SQLite and on with PostgreSQL unless told; records default to AMBER in team mode', () => {
    expect(readConfig({}).auth).toMatchObject({ mode: 'off', defaultTlp: 'green' });
    expect(readConfig({ DATABASE_URL: 'postgres://x@localhost/db', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY }).auth).toMatchObject({ mode: 'on', defaultTlp: 'amber' });
    expect(readConfig({ DATABASE_URL: 'postgres://x@localhost/db', CYBERDIPLO_AUTH: 'off' }).auth.mode).toBe('off');
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'maybe' })).toThrow(/CYBERDIPLO_AUTH/);
  });

  it('with sign-in off, sign-in is refused and everything stays open as before', async () => {
    const h = await startHarness();
    try {
      expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } })).statusCode).toBe(400);
      expect((await h.app.inject({ method: 'POST', url: '/api/incidents', payload: incident('open') })).statusCode).toBe(201);
      expect((await h.app.inject({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ authMode: 'off', principal: { kind: 'local' } });
    } finally {
      await h.close();
    }
  });
});
