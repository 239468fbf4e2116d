// Account administration over HTTP in team mode on every dialect: the last enabled admin is never disabled or demoted
// (also when two admins demote each other at the same moment), an admin's reset of their own password keeps their
// current session, GET /api/users/:username, and API tokens' last use (written at most once a minute).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeSecrets } from '../../src/app/secrets';
import { AccountRepository } from '../../src/store/account-repository';
import { dialects, startHarness, teamConfig, TestClock, type Harness } from './harness';
import { PASSWORD, addUser, anonymous, call, incident, signIn, type Client } from './team';

const NEW_PASSWORD = 'a brand new passphrase 2026';
const LAST_ADMIN = /at least one enabled admin account must remain, and "[a-z0-9._-]+" is the last one/;

const row = (h: Harness, username: string) => h.wb.db.selectFrom('account').select(['role', 'disabled', 'password_hash', 'updated_at']).where('username', '=', username).executeTakeFirstOrThrow();
const auditCount = async (h: Harness) => (await h.wb.db.selectFrom('audit_log').select('seq').execute()).length;
const sessionsOf = async (h: Harness, username: string) =>
  (await h.wb.db.selectFrom('session').innerJoin('account', 'account.id', 'session.account_id').select('session.id_hash').where('account.username', '=', username).execute()).length;
const session = async (h: Harness, c: Client) => ((await call(h.app, c, 'GET', '/api/auth/me')).body as { session: string }).session;

describe.each(dialects)('the last enabled admin on %s', (dialect) => {
  let h: Harness;
  let root: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect, undefined, new TestClock());
    root = await addUser(h, 'root', 'admin', 'DE');
    // A disabled admin does not count: it cannot sign in to manage anything.
    await addUser(h, 'retired', 'admin', 'DE');
    await h.wb.accounts.update({ kind: 'local', org: null }, 'retired', { disabled: true });
  });
  afterAll(async () => h?.close());

  it('refuses to disable or demote the last enabled admin with 409 conflict naming the rule, changing nothing', async () => {
    const s = await signIn(h.app, 'root');
    const before = await row(h, 'root');
    const entries = await auditCount(h);
    for (const [change, path] of [
      [{ disabled: true }, 'disabled'],
      [{ role: 'editor' }, 'role'],
      [{ role: 'viewer', displayName: 'Root' }, 'role'],
      [{ role: 'analyst', disabled: true }, 'disabled'],
    ] as const) {
      for (const who of [root, s]) {
        const r = await call(h.app, who, 'PATCH', '/api/users/root', change);
        expect(r.status, `${JSON.stringify(change)}: ${r.text}`).toBe(409);
        expect(r.body).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(LAST_ADMIN), issues: [{ path }] } });
      }
    }
    expect((await call(h.app, root, 'PATCH', '/api/users/root', { disabled: true })).body).toMatchObject({ error: { message: expect.stringMatching(/^Cannot disable "root"/) } });
    expect((await call(h.app, root, 'PATCH', '/api/users/root', { role: 'editor' })).body).toMatchObject({ error: { message: expect.stringMatching(/^Cannot make editor "root"/) } });
    expect(await row(h, 'root')).toEqual(before);
    expect(await auditCount(h)).toBe(entries);
    expect(await session(h, s)).toBe('active');
  });

  it('leaves the remaining admin able to do everything, and lets the rule go once another admin exists', async () => {
    const s = await signIn(h.app, 'root');
    // Changes that keep root an enabled admin are not held back.
    expect((await call(h.app, s, 'PATCH', '/api/users/root', { displayName: 'The root', org: 'DE', role: 'admin', disabled: false })).status).toBe(200);
    expect((await call(h.app, root, 'GET', '/api/users')).status).toBe(200);
    expect((await call(h.app, root, 'GET', '/api/users/root')).body).toMatchObject({ username: 'root', role: 'admin', disabled: false, org: 'DE', displayName: 'The root' });
    expect((await call(h.app, root, 'POST', '/api/incidents', incident('still in charge'))).status).toBe(201);
    expect((await call(h.app, root, 'GET', '/api/audit')).status).toBe(200);
    expect((await call(h.app, root, 'POST', '/api/tokens', { name: 'spare' })).status).toBe(201);
    // A member state in lower case is refused with its code, the slip the rule's own message cannot guess.
    const lower = await call(h.app, s, 'POST', '/api/users', { username: 'eve', password: PASSWORD, role: 'editor', org: 'de' });
    expect(lower.status).toBe(400);
    expect((lower.body as { error: { message: string } }).error.message).toMatch(/"de" is neither a member state code nor an EU body id .* \(member state codes are upper case: DE\)$/);
    expect((await call(h.app, s, 'POST', '/api/users', { username: 'eve', password: PASSWORD, role: 'editor', org: 'DE' })).status).toBe(201);
    // Enabling a disabled admin again, and promoting someone, are never refused.
    expect((await call(h.app, s, 'PATCH', '/api/users/retired', { disabled: false })).status).toBe(200);
    expect((await call(h.app, s, 'PATCH', '/api/users/retired', { disabled: true })).status).toBe(200);
    expect((await call(h.app, s, 'PATCH', '/api/users/eve', { role: 'admin' })).status).toBe(200);

    // With eve an admin too, root may be stepped down (by eve: an admin does not change their own role); then eve
    // is the last one and is held to the rule.
    const eve = await signIn(h.app, 'eve');
    const demoted = await call(h.app, eve, 'PATCH', '/api/users/root', { role: 'editor' });
    expect(demoted.status, demoted.text).toBe(200);
    expect((await call(h.app, s, 'GET', '/api/users')).status).toBe(403);
    const refused = await call(h.app, eve, 'PATCH', '/api/users/eve', { disabled: true });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/"eve" is the last one/) } });
    expect((await call(h.app, eve, 'PATCH', '/api/users/root', { role: 'admin' })).status).toBe(200);
    expect((await call(h.app, eve, 'PATCH', '/api/users/eve', { disabled: true })).status).toBe(200);
    expect(await session(h, eve)).toBe('ended');
    expect((await h.wb.audit.verify()).valid).toBe(true);
  });

  it('holds for the operator at the command line too (the service the CLI calls)', async () => {
    const operator = { kind: 'operator', name: 'ops', org: null } as const;
    await expect(h.wb.accounts.update(operator, 'root', { disabled: true })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(LAST_ADMIN) });
    await expect(h.wb.accounts.update(operator, 'root', { role: 'viewer' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await row(h, 'root')).toMatchObject({ role: 'admin', disabled: 0 });
  });
});

describe.each(dialects)('two admins taking each other out at the same moment on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect, undefined, new TestClock());
  });
  afterAll(async () => h?.close());

  it('exactly one succeeds, and the admin who remains can still manage accounts', async () => {
    const ann = await addUser(h, 'ann', 'admin', 'DE');
    const ben = await addUser(h, 'ben', 'admin', 'FR');
    const enabledAdmins = async () => (await h.wb.db.selectFrom('account').select('username').where('role', '=', 'admin').where('disabled', '=', 0).execute()).map((r) => r.username);

    // Each transaction dwells after reading the admins, so both would read two admins and both write, unless the
    // read of the second waits for the first transaction to end.
    const read = AccountRepository.prototype.lockEnabledAdmins;
    const slow = vi.spyOn(AccountRepository.prototype, 'lockEnabledAdmins').mockImplementation(async function (this: AccountRepository, trx) {
      const ids = await read.call(this, trx);
      await new Promise((r) => setTimeout(r, 150));
      return ids;
    });
    try {
      const answers = await Promise.all([call(h.app, ann, 'PATCH', '/api/users/ben', { role: 'viewer' }), call(h.app, ben, 'PATCH', '/api/users/ann', { disabled: true })]);
      expect(slow).toHaveBeenCalledTimes(2);
      expect(answers.map((a) => a.status).sort(), answers.map((a) => a.text).join('\n')).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(LAST_ADMIN) } });
    } finally {
      slow.mockRestore();
    }

    const left = await enabledAdmins();
    expect(left).toHaveLength(1);
    const remaining = left[0] === 'ann' ? ann : ben;
    expect((await call(h.app, remaining, 'GET', '/api/users')).status).toBe(200);
    expect((await call(h.app, remaining, 'POST', '/api/users', { username: 'heir', password: PASSWORD, role: 'admin', org: 'DE' })).status).toBe(201);
    // An admin does not change their own role: the heir steps the remaining admin down.
    expect((await call(h.app, remaining, 'PATCH', `/api/users/${left[0] ?? ''}`, { role: 'editor' })).status).toBe(403);
    expect((await call(h.app, await signIn(h.app, 'heir'), 'PATCH', `/api/users/${left[0] ?? ''}`, { role: 'editor' })).status).toBe(200);
    expect(await enabledAdmins()).toEqual(['heir']);
    expect((await h.wb.audit.verify()).valid).toBe(true);
  });
});

describe.each(dialects)('an admin resetting their own password on %s', (dialect) => {
  let h: Harness;
  let token: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect, undefined, new TestClock());
    token = await addUser(h, 'root', 'admin', 'DE');
    await addUser(h, 'other', 'admin', 'DE');
  });
  afterAll(async () => h?.close());

  it('keeps the session making the change and ends the others; through a token every session ends', async () => {
    const here = await signIn(h.app, 'root');
    const elsewhere = await signIn(h.app, 'root');
    const before = (await row(h, 'root')).password_hash;

    const r = await call(h.app, here, 'PATCH', '/api/users/root', { password: NEW_PASSWORD });
    expect(r.status, r.text).toBe(200);
    expect(r.text).not.toMatch(/argon2|passphrase/);
    const after = (await row(h, 'root')).password_hash;
    expect(after).not.toBe(before);
    expect(await nodeSecrets.verifyPassword(after, NEW_PASSWORD)).toBe(true);
    expect(await session(h, here)).toBe('active');
    expect(await session(h, elsewhere)).toBe('ended');
    expect(await sessionsOf(h, 'root')).toBe(1);
    expect((await call(h.app, here, 'GET', '/api/users')).status).toBe(200);
    expect((await call(h.app, token, 'GET', '/api/users')).status).toBe(200); // API tokens are kept

    // Another admin's reset of root's password still ends every session of root, including the one kept above.
    const other = await signIn(h.app, 'other');
    expect((await call(h.app, other, 'PATCH', '/api/users/root', { password: `${NEW_PASSWORD}!` })).status).toBe(200);
    expect(await sessionsOf(h, 'root')).toBe(0);
    expect(await session(h, here)).toBe('ended');
    expect(await session(h, other)).toBe('active');

    // With an API token there is no current session: every session of the account ends.
    await signIn(h.app, 'root', `${NEW_PASSWORD}!`);
    expect(await sessionsOf(h, 'root')).toBe(1);
    expect((await call(h.app, token, 'PATCH', '/api/users/root', { password: NEW_PASSWORD })).status).toBe(200);
    expect(await sessionsOf(h, 'root')).toBe(0);
  });

  it('disabling oneself (another admin remaining) ends every session, the current one too', async () => {
    const s = await signIn(h.app, 'other');
    const r = await call(h.app, s, 'PATCH', '/api/users/other', { disabled: true, password: `${NEW_PASSWORD}?` });
    expect(r.status, r.text).toBe(200);
    expect(await sessionsOf(h, 'other')).toBe(0);
    expect(await session(h, s)).toBe('ended');
  });
});

describe.each(dialects)('GET /api/users/:username on %s', (dialect) => {
  let h: Harness;
  let admin: Client;
  let viewer: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect, undefined, new TestClock());
    admin = await addUser(h, 'root', 'admin', 'DE');
    viewer = await addUser(h, 'vera', 'viewer', 'FR');
  });
  afterAll(async () => h?.close());

  it('answers one account exactly as the list presents it, never its password', async () => {
    const list = (await call(h.app, admin, 'GET', '/api/users')).body as { username: string }[];
    for (const username of ['root', 'vera']) {
      const r = await call(h.app, admin, 'GET', `/api/users/${username}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(list.find((a) => a.username === username));
      expect(r.text).not.toMatch(/argon2|password/i);
    }
    expect(Object.keys((await call(h.app, admin, 'GET', '/api/users/vera')).body as object).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'org', 'role', 'updatedAt', 'username']);
  });

  it('answers 404 unknown_account for an unknown account, and refuses non-admins before looking', async () => {
    const missing = await call(h.app, admin, 'GET', '/api/users/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'unknown_account', message: 'No account "nobody"', issues: [{ path: 'username', message: 'not found' }] } });
    for (const url of ['/api/users/root', '/api/users/nobody']) {
      expect((await call(h.app, viewer, 'GET', url)).status).toBe(403);
      expect((await call(h.app, anonymous, 'GET', url)).status).toBe(401);
    }
    expect((await call(h.app, admin, 'GET', '/api/users/vera?x=1')).status).toBe(400);
  });
});

describe.each(dialects)('API tokens\' last use on %s', (dialect) => {
  const clock = new TestClock();
  let h: Harness;
  let kim: Client;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect, undefined, clock);
    admin = await addUser(h, 'root', 'admin', 'DE');
    kim = await addUser(h, 'kim', 'analyst', 'DE');
  });
  afterAll(async () => h?.close());

  const tokens = async (c: Client, url = '/api/tokens') => (await call(h.app, c, 'GET', url)).body as { id: string; name: string; username: string; lastUsedAt: string | null }[];
  const lastUsed = async (id: string) => (await h.wb.db.selectFrom('api_token').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;

  it('is null until first use, then written at most once a minute, and shown in GET /api/tokens', async () => {
    const made = await call(h.app, kim, 'POST', '/api/tokens', { name: 'script' });
    expect(made.status).toBe(201);
    const created = made.body as { id: string; token: string; lastUsedAt: string | null };
    expect(created.lastUsedAt).toBeNull();
    const script: Client = { name: 'script', headers: { authorization: `Bearer ${created.token}` } };
    const first = clock.now();
    const listed = await tokens(kim);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'parentId', 'revokedAt', 'scope', 'username']);
    expect(Object.fromEntries(listed.map((t) => [t.name, t.lastUsedAt]))).toEqual({ test: first, script: null }); // test: the token kim calls with

    clock.advance(2);
    const touches = vi.spyOn(AccountRepository.prototype, 'touchToken');
    try {
      expect((await call(h.app, script, 'GET', '/api/incidents')).status).toBe(200);
      const used = clock.now();
      expect(await lastUsed(created.id)).toBe(used);
      expect(touches).toHaveBeenCalledTimes(1);
      for (const step of [0.25, 0.25, 0.25, 0.2]) {
        clock.advance(step);
        expect((await call(h.app, script, 'POST', '/api/incidents', incident('by script'))).status).toBe(201);
      }
      expect(touches).toHaveBeenCalledTimes(1); // within the minute, not even tried
      expect(await lastUsed(created.id)).toBe(used);
      clock.advance(0.1); // 1.05 minutes after the last write
      expect((await call(h.app, script, 'GET', '/api/incidents')).status).toBe(200);
      expect(touches).toHaveBeenCalledTimes(2);
      expect(await lastUsed(created.id)).toBe(clock.now());
    } finally {
      touches.mockRestore();
    }
    const mine = await tokens(admin, '/api/tokens?all=true');
    expect(mine.find((t) => t.id === created.id)).toMatchObject({ username: 'kim', lastUsedAt: clock.now() });
  });

  it('is not written by sessions, by failed uses or after revocation, and comes back with the revoked token', async () => {
    const { info, token } = await h.wb.accounts.createToken({ kind: 'local', org: null }, { username: 'kim', name: 'soon revoked' });
    const bearer: Client = { name: 'x', headers: { authorization: `Bearer ${token}` } };
    const s = await signIn(h.app, 'kim');
    clock.advance(5);
    expect((await call(h.app, s, 'GET', '/api/tokens')).status).toBe(200);
    expect(await lastUsed(info.id)).toBeNull();
    expect((await call(h.app, bearer, 'GET', '/api/auth/me')).body).toMatchObject({ principal: { username: 'kim', via: 'token' } });
    const used = clock.now();
    expect(await lastUsed(info.id)).toBe(used);
    clock.advance(5);
    const revoked = await call(h.app, s, 'DELETE', `/api/tokens/${info.id}`);
    expect(revoked.body).toMatchObject({ id: info.id, lastUsedAt: used, revokedAt: clock.now() });
    clock.advance(5);
    expect((await call(h.app, bearer, 'GET', '/api/incidents')).status).toBe(401);
    expect(await lastUsed(info.id)).toBe(used);
  });

  it('when two servers read a stale last use at once, the database lets only the first write it', async () => {
    const { info } = await h.wb.accounts.createToken({ kind: 'local', org: null }, { username: 'kim', name: 'raced' });
    const repo = new AccountRepository(h.wb.db);
    clock.advance(5);
    const first = clock.now();
    const staleBefore = (ms: number) => new Date(Date.parse(first) - 60_000 + ms).toISOString();
    await repo.touchToken(info.id, first, staleBefore(0)); // never used: written
    expect(await lastUsed(info.id)).toBe(first);
    await repo.touchToken(info.id, new Date(Date.parse(first) + 5).toISOString(), staleBefore(5)); // 5 ms later, same stale read
    expect(await lastUsed(info.id)).toBe(first);
    const later = new Date(Date.parse(first) + 60_000).toISOString();
    await repo.touchToken(info.id, later, first); // a minute on: written again
    expect(await lastUsed(info.id)).toBe(later);
  });
});
