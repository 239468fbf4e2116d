// Sessions over time and one's own password, over HTTP in team mode on every dialect: the idle and absolute timeouts
// (with a test clock, no sleeping), last use written at most once a minute and shared by two servers, how an ended
// session is signalled (GET /api/auth/me, 401 session_ended, the cookie cleared), and POST /api/auth/password.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeSecrets } from '../../src/app/secrets';
import { AccountRepository } from '../../src/store/account-repository';
import { dialects, freshDatabase, startHarness, teamConfig, TestClock, type Harness } from './harness';
import { PASSWORD, addUser, anonymous, call, incident, signIn, type Client } from './team';

const CLEARED = 'cyberdiplo_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure';
const NEW_PASSWORD = 'a brand new passphrase 2026';

const send = (app: FastifyInstance, c: Client, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: c.headers, ...(payload ? { payload } : {}) });
const me = async (app: FastifyInstance, c: Client) => {
  const r = await send(app, c, 'GET', '/api/auth/me');
  return { r, body: r.json() as { session: string; principal: { kind: string; username?: string }; csrfToken: string | null } };
};
const setCookies = (r: LightMyRequestResponse) => [r.headers['set-cookie'] ?? []].flat().map(String);
const idHash = (s: { cookie: string }) => nodeSecrets.sha256(decodeURIComponent(s.cookie.slice(s.cookie.indexOf('=') + 1)));
const lastUsed = async (h: Harness, s: { cookie: string }) =>
  (await h.wb.db.selectFrom('session').select('last_used_at').where('id_hash', '=', idHash(s)).executeTakeFirst())?.last_used_at;
const sessionsOf = async (h: Harness, username: string) =>
  (await h.wb.db.selectFrom('session').innerJoin('account', 'account.id', 'session.account_id').select('session.id_hash').where('account.username', '=', username).execute()).length;
const passwordHash = async (h: Harness, username: string) => (await h.wb.db.selectFrom('account').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow()).password_hash;
const login = (h: Harness, username: string, password: string) => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe.each(dialects)('session timeouts and password change on %s', (dialect) => {
  const clock = new TestClock();
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig({ sessionHours: 2, sessionIdleMinutes: 30 }), dialect, undefined, clock);
    admin = await addUser(h, 'root', 'admin', 'DE');
  });
  afterAll(async () => h?.close());

  it('ends a session after 30 minutes unused, keeps it alive while used, and writes last use at most once a minute', async () => {
    await addUser(h, 'ida', 'analyst', 'DE');
    const s = await signIn(h.app, 'ida');
    const signedInAt = clock.now();
    expect(await lastUsed(h, s)).toBe(signedInAt);

    // Within the first minute, requests read the session without writing (or even trying to write) its last use.
    const touches = vi.spyOn(AccountRepository.prototype, 'touchSession');
    try {
      for (const step of [0.25, 0.25, 0.25, 0.2]) {
        clock.advance(step);
        expect((await me(h.app, s)).body.session).toBe('active');
        expect(await lastUsed(h, s)).toBe(signedInAt);
      }
      expect(touches).not.toHaveBeenCalled();
      clock.advance(0.1); // 1.05 minutes after sign-in: this request writes it
      expect((await me(h.app, s)).body.session).toBe('active');
      expect(touches).toHaveBeenCalledTimes(1);
    } finally {
      touches.mockRestore();
    }
    const touchedAt = clock.now();
    expect(await lastUsed(h, s)).toBe(touchedAt);
    clock.advance(0.5);
    expect((await call(h.app, s, 'POST', '/api/incidents', incident('idle probe'))).status).toBe(201);
    expect(await lastUsed(h, s)).toBe(touchedAt);

    // Used every 29 minutes, the session outlives its first 30 minutes by far. (Idle time counts from the last write,
    // 1.05 minutes after sign-in, not from the unwritten use half a minute later.)
    for (let i = 0; i < 3; i++) {
      clock.advance(29);
      expect((await me(h.app, s)).body).toMatchObject({ session: 'active', principal: { username: 'ida' } });
    }
    const last = await lastUsed(h, s);
    expect(last).toBe(clock.now());

    clock.advance(30); // exactly the idle period since last use
    const ended = await me(h.app, s);
    expect(ended.body).toMatchObject({ session: 'ended', principal: { kind: 'anonymous' }, csrfToken: null });
    expect(setCookies(ended.r)).toEqual([CLEARED]);
    const write = await call(h.app, s, 'POST', '/api/incidents', incident('after idle'));
    expect(write.status).toBe(401);
    expect(write.body).toMatchObject({ error: { code: 'session_ended', message: expect.stringMatching(/sign in again/) } });
    expect(await lastUsed(h, s)).toBe(last); // an ended session is not brought back by being used
  });

  it('ends a session at its absolute expiry however recently it was used', async () => {
    await addUser(h, 'abe', 'viewer', 'DE');
    const s = await signIn(h.app, 'abe');
    expect(s.setCookie).toContain('Max-Age=7200');
    for (let i = 0; i < 4; i++) {
      clock.advance(29.75);
      expect((await me(h.app, s)).body.session).toBe('active');
    }
    clock.advance(1); // 120 minutes after sign-in, used a minute ago
    const r = await me(h.app, s);
    expect(r.body).toMatchObject({ session: 'ended', principal: { kind: 'anonymous' } });
    expect(setCookies(r.r)).toEqual([CLEARED]);
  });

  it('GET /api/auth/me says whether the session is none, active or ended, with every other field as before', async () => {
    const fields = ['authMode', 'csrfToken', 'defaultTlp', 'permissions', 'principal', 'session'];
    const none = await me(h.app, anonymous);
    expect(Object.keys(none.body).sort()).toEqual(fields);
    expect(none.body).toMatchObject({ authMode: 'on', defaultTlp: 'amber', session: 'none', principal: { kind: 'anonymous' }, csrfToken: null });
    expect(none.r.headers['set-cookie']).toBeUndefined();
    expect((await me(h.app, admin)).body).toMatchObject({ session: 'none', principal: { username: 'root', via: 'token' } });

    const s = await signIn(h.app, 'root');
    const active = await me(h.app, s);
    expect(Object.keys(active.body).sort()).toEqual(fields);
    expect(active.body).toMatchObject({ session: 'active', principal: { username: 'root', via: 'session' }, csrfToken: s.headers['x-csrf-token'] });
    expect(active.r.headers['set-cookie']).toBeUndefined();

    // Signed out elsewhere (another tab, another server): the same cookie now reports an ended session.
    expect((await send(h.app, s, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    const ended = await me(h.app, s);
    expect(ended.r.statusCode).toBe(200);
    expect(Object.keys(ended.body).sort()).toEqual(fields);
    expect(ended.body).toMatchObject({ session: 'ended', principal: { kind: 'anonymous' }, csrfToken: null, permissions: ['incident.read'] });
    expect(setCookies(ended.r)).toEqual([CLEARED]);
  });

  it('answers 401 session_ended where sign-in is needed and clears the cookie; public data stays readable as anonymous', async () => {
    const ed = await addUser(h, 'ed', 'editor', 'DE');
    const amber = await call(h.app, ed, 'POST', '/api/incidents', { ...incident('amber for ed'), tlp: 'amber' });
    const clear = await call(h.app, ed, 'POST', '/api/incidents', { ...incident('clear for all'), tlp: 'clear' });
    expect([amber.status, clear.status]).toEqual([201, 201]);
    const s = await signIn(h.app, 'ed');
    clock.advance(31);

    for (const [method, url, payload] of [
      ['POST', '/api/incidents', incident('too late')],
      ['GET', '/api/tokens', undefined],
      ['GET', '/api/import/reports', undefined],
      ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }],
    ] as const) {
      const r = await send(h.app, s, method, url, payload);
      expect(r.statusCode, `${method} ${url}`).toBe(401);
      expect(r.json(), `${method} ${url}`).toMatchObject({ error: { code: 'session_ended', message: expect.stringMatching(/session has ended.*sign in again/) } });
      expect(r.headers['www-authenticate']).toMatch(/Bearer/);
      expect(setCookies(r), `${method} ${url}`).toEqual([CLEARED]);
    }

    const list = await send(h.app, s, 'GET', '/api/incidents?limit=1000');
    expect(list.statusCode).toBe(200);
    const ids = (list.json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toContain((clear.body as { id: string }).id);
    expect(ids).not.toContain((amber.body as { id: string }).id);
    expect(setCookies(list)).toEqual([CLEARED]);

    // Without a cookie nothing ended: the answer stays unauthenticated and no cookie is sent.
    const noCookie = await send(h.app, anonymous, 'POST', '/api/incidents', incident('nobody'));
    expect(noCookie.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(noCookie.headers['set-cookie']).toBeUndefined();
    // A bad bearer token answers as before, even next to an ended cookie.
    const badToken = await send(h.app, { name: 'x', headers: { cookie: s.cookie, authorization: 'Bearer cdp_nope' } }, 'GET', '/api/incidents');
    expect(badToken.statusCode).toBe(401);
    expect(badToken.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.stringMatching(/API token is not valid/) } });

    // Signing in again over the ended cookie sends only the new session cookie, not the clearing one as well.
    const again = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: s.cookie }, payload: { username: 'ed', password: PASSWORD } });
    expect(again.statusCode).toBe(200);
    expect(setCookies(again)).toHaveLength(1);
    expect(setCookies(again)[0]).toMatch(/^cyberdiplo_session=[\w-]{40,}; .*Max-Age=7200/);
  });

  it('changes one\'s own password: other sessions end, this one and API tokens go on, audited without secrets', async () => {
    const token = await addUser(h, 'pat', 'analyst', 'DE');
    const here = await signIn(h.app, 'pat');
    const elsewhere = await signIn(h.app, 'pat');
    const before = await passwordHash(h, 'pat');

    const r = await send(h.app, here, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(r.statusCode, r.body).toBe(204);
    const after = await passwordHash(h, 'pat');
    expect(after).not.toBe(before);
    expect(after).toMatch(/^\$argon2id\$/);
    expect(await nodeSecrets.verifyPassword(after, NEW_PASSWORD)).toBe(true);

    expect((await me(h.app, elsewhere)).body.session).toBe('ended');
    expect((await me(h.app, here)).body).toMatchObject({ session: 'active', principal: { username: 'pat' } });
    expect((await call(h.app, here, 'POST', '/api/incidents', incident('still signed in'))).status).toBe(201);
    expect((await call(h.app, token, 'GET', '/api/tokens')).status).toBe(200);
    expect(await sessionsOf(h, 'pat')).toBe(1);
    expect((await login(h, 'pat', PASSWORD)).statusCode).toBe(401);
    expect((await login(h, 'pat', NEW_PASSWORD)).statusCode).toBe(200);

    const rows = await h.wb.db.selectFrom('audit_log').selectAll().where('target_id', '=', 'pat').orderBy('seq').execute();
    const entry = rows.find((e) => e.action === 'account.password-changed');
    expect(entry).toMatchObject({ actor: 'user:pat', target_type: 'account' });
    expect(JSON.parse(entry?.after ?? 'null')).toEqual({ via: 'session', otherSessionsEnded: 1 });
    const text = JSON.stringify(rows);
    for (const secret of [PASSWORD, NEW_PASSWORD, '$argon2', before, after]) expect(text).not.toContain(secret);
    expect((await h.wb.audit.verify()).valid).toBe(true);

    // With an API token there is no current session: every session of the account ends.
    expect(await sessionsOf(h, 'pat')).toBe(2);
    const byToken = await call(h.app, token, 'POST', '/api/auth/password', { currentPassword: NEW_PASSWORD, newPassword: `${NEW_PASSWORD}!` });
    expect(byToken.status, byToken.text).toBe(204);
    expect(await sessionsOf(h, 'pat')).toBe(0);
    expect((await me(h.app, here)).body.session).toBe('ended');
  });

  it('refuses a wrong current password, counted with failed sign-ins, and then 429 until the window passes', async () => {
    await addUser(h, 'quinn', 'viewer', 'FR');
    const s = await signIn(h.app, 'quinn');
    const before = await passwordHash(h, 'quinn');
    const change = (currentPassword: string) => send(h.app, s, 'POST', '/api/auth/password', { currentPassword, newPassword: NEW_PASSWORD });

    for (let i = 0; i < 2; i++) expect((await login(h, 'quinn', 'not the password')).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) {
      const wrong = await change('not the password either');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'invalid_credentials', issues: [{ path: 'currentPassword' }] } });
      expect(setCookies(wrong)).toEqual([]); // a wrong password does not end the session
    }
    const row = await h.wb.db.selectFrom('rate_limit').selectAll().where('key', '=', 'login:user:quinn').executeTakeFirstOrThrow();
    expect(row.count).toBe(5);

    const blocked = await change(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    expect((await login(h, 'quinn', PASSWORD)).statusCode).toBe(429);
    expect(await passwordHash(h, 'quinn')).toBe(before);
    expect((await me(h.app, s)).body.session).toBe('active');

    clock.advance(16); // the 15-minute window has passed
    expect((await change(PASSWORD)).statusCode).toBe(204);
    expect(await passwordHash(h, 'quinn')).not.toBe(before);
  });

  it('refuses a weak or unchanged new password and malformed bodies, naming the field, without counting them', async () => {
    await addUser(h, 'wes', 'viewer', 'DE');
    const s = await signIn(h.app, 'wes');
    const before = await passwordHash(h, 'wes');
    const cases: [object, string, RegExp][] = [
      [{ currentPassword: PASSWORD, newPassword: 'too short' }, 'newPassword', /at least 12/],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword', /differ from the current/],
      [{ currentPassword: PASSWORD, newPassword: 'x'.repeat(257) }, 'newPassword', /at most 256/],
      [{ newPassword: NEW_PASSWORD }, 'currentPassword', /./],
      [{ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, role: 'admin' }, '(root)', /role/],
    ];
    for (const [body, path, message] of cases) {
      const r = await call(h.app, s, 'POST', '/api/auth/password', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining(path), issues: [{ path, message: expect.stringMatching(message) }] } });
    }
    const noCsrf = await call(h.app, { name: 'x', headers: { cookie: s.cookie } }, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(noCsrf.status).toBe(403);
    const nobody = await call(h.app, anonymous, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(nobody.status).toBe(401);
    expect(nobody.body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(await passwordHash(h, 'wes')).toBe(before);
    expect(await h.wb.db.selectFrom('rate_limit').selectAll().where('key', '=', 'login:user:wes').executeTakeFirst()).toBeUndefined();
  });

  it('an admin\'s password reset and disabling an account end that account\'s sessions', async () => {
    await addUser(h, 'rita', 'analyst', 'IT');
    const first = await signIn(h.app, 'rita');
    const reset = await call(h.app, admin, 'PATCH', '/api/users/rita', { password: NEW_PASSWORD });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.text).not.toMatch(/argon2|passphrase/);
    expect(await sessionsOf(h, 'rita')).toBe(0);
    const ended = await send(h.app, first, 'POST', '/api/incidents', incident('after reset'));
    expect(ended.json()).toMatchObject({ error: { code: 'session_ended' } });
    expect((await login(h, 'rita', PASSWORD)).statusCode).toBe(401);
    expect((await login(h, 'rita', NEW_PASSWORD)).statusCode).toBe(200);

    const second = await signIn(h.app, 'rita', NEW_PASSWORD);
    expect(await sessionsOf(h, 'rita')).toBe(2);
    expect((await call(h.app, admin, 'PATCH', '/api/users/rita', { disabled: true })).status).toBe(200);
    expect(await sessionsOf(h, 'rita')).toBe(0);
    expect((await me(h.app, second)).body.session).toBe('ended');
  });
});

describe.each(dialects)('session last use shared by two servers on one %s database', (dialect) => {
  const clock = new TestClock();
  let a: Harness;
  let b: Harness;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    const shared = { target: db.target, drop: async () => {} };
    a = await startHarness(teamConfig({ sessionIdleMinutes: 30 }), dialect, shared, clock);
    b = await startHarness(teamConfig({ sessionIdleMinutes: 30 }), dialect, shared, clock);
    await addUser(a, 'sam', 'analyst', 'DE');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('use through either server keeps the session alive on both, and last use is written once a minute between them', async () => {
    const s = await signIn(a.app, 'sam');
    clock.advance(2);
    expect((await me(b.app, s)).body.session).toBe('active');
    const touchedByB = clock.now();
    expect(await lastUsed(a, s)).toBe(touchedByB);
    clock.advance(0.5); // A reads what B wrote, so it does not write again within the minute
    const both = await Promise.all([me(a.app, s), me(b.app, s), me(a.app, s), me(b.app, s)]);
    expect(both.map((x) => x.body.session)).toEqual(['active', 'active', 'active', 'active']);
    expect(await lastUsed(b, s)).toBe(touchedByB);

    clock.advance(29.4); // 29.9 minutes after B's write: used on A
    expect((await me(a.app, s)).body.session).toBe('active');
    clock.advance(29.9); // 29.9 minutes after A's write: used on B
    expect((await me(b.app, s)).body.session).toBe('active');
    clock.advance(30);
    for (const h of [a, b]) expect((await me(h.app, s)).body.session).toBe('ended');
  });

  it('when both servers read a stale last use at once, the database lets only the first write it', async () => {
    const s = await signIn(b.app, 'sam');
    const repo = new AccountRepository(a.wb.db);
    clock.advance(5);
    const first = clock.now();
    const staleBefore = (ms: number) => new Date(Date.parse(first) - 60_000 + ms).toISOString();
    await repo.touchSession(idHash(s), first, staleBefore(0)); // server A
    expect(await lastUsed(a, s)).toBe(first);
    await repo.touchSession(idHash(s), new Date(Date.parse(first) + 5).toISOString(), staleBefore(5)); // server B, 5 ms later, same stale read
    expect(await lastUsed(a, s)).toBe(first);
  });
});
