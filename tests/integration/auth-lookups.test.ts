// Sign-in lookups kept between requests (src/app/auth-lookups.ts), on two servers sharing one database of each
// dialect and one test clock: each server keeps a session or token once read, and whatever the other server changes
// (sign-out, a disabled account, a new role or organisation, a password change, a revoked token) counts on the very
// next request, with no wait; a session used only on the other server for longer than the idle timeout stays live.
// Also the auth version's triggers (migration 0097): what moves it, that the once-a-minute record of use does not,
// and that every column of a session or token but its last use is watched.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeSecrets } from '../../src/app/secrets';
import { AccountRepository } from '../../src/store/account-repository';
import { storeVersions } from '../../src/store/store-versions';
import { dialectOf } from '../../src/store/db';
import { WATCHED_COLUMNS } from '../../src/store/migrations/0097-auth-version';
import { sql } from 'kysely';
import { dialects, freshDatabase, startHarness, teamConfig, TestClock, type Harness } from './harness';
import { PASSWORD, addUser, call, signIn, type Client } from './team';

const NEW_PASSWORD = 'another long passphrase 2026';
const me = async (h: Harness, c: Client) => (await call(h.app, c, 'GET', '/api/auth/me')).body as { session: string; principal: { kind: string; username?: string; role?: string; org?: string } };
const idHash = (s: { cookie: string }) => nodeSecrets.sha256(decodeURIComponent(s.cookie.slice(s.cookie.indexOf('=') + 1)));

describe.each(dialects)('sign-in lookups kept on two servers on one %s database', (dialect) => {
  const clock = new TestClock();
  let a: Harness;
  let b: Harness;
  let drop: () => Promise<void>;
  let admin: Client;
  const reads = vi.spyOn(AccountRepository.prototype, 'session');
  const tokenReads = vi.spyOn(AccountRepository.prototype, 'tokenAccount');

  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    const shared = { target: db.target, drop: async () => {} };
    const config = teamConfig({ sessionHours: 12, sessionIdleMinutes: 30 });
    a = await startHarness(config, dialect, shared, clock);
    b = await startHarness(config, dialect, shared, clock);
    admin = await addUser(b, 'root', 'admin', 'DE');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });
  afterEach(() => {
    reads.mockClear();
    tokenReads.mockClear();
  });

  /** Signs `username` in on A and has both servers read the session, the second read on each from what it kept. */
  async function keptOnBoth(username: string): Promise<Client & { cookie: string }> {
    const s = await signIn(a.app, username);
    reads.mockClear();
    for (const h of [a, b, a, b]) expect((await me(h, s)).session).toBe('active');
    expect(reads).toHaveBeenCalledTimes(2); // one read per server: the second request on each was served as kept
    return s;
  }

  it('keeps a session per server and sees a sign-out on the other server at the next request', async () => {
    await addUser(b, 'ann', 'analyst', 'FI');
    const s = await keptOnBoth('ann');
    expect((await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    const next = await call(a.app, s, 'GET', '/api/tokens');
    expect(next.status).toBe(401);
    expect(next.body).toMatchObject({ error: { code: 'session_ended' } });
  });

  it('ends the sessions of an account an admin disables on the other server at once', async () => {
    await addUser(b, 'dan', 'analyst', 'FI');
    const s = await keptOnBoth('dan');
    expect((await call(b.app, admin, 'PATCH', '/api/users/dan', { disabled: true })).status).toBe(200);
    expect(await me(a, s)).toMatchObject({ session: 'ended', principal: { kind: 'anonymous' } });
    expect((await call(a.app, s, 'GET', '/api/tokens')).status).toBe(401);
  });

  it('answers with the role and organisation an admin set on the other server at the next request', async () => {
    await addUser(b, 'rob', 'analyst', 'FI');
    const s = await keptOnBoth('rob');
    expect((await call(b.app, admin, 'PATCH', '/api/users/rob', { role: 'viewer' })).status).toBe(200);
    expect(await me(a, s)).toMatchObject({ session: 'active', principal: { username: 'rob', role: 'viewer', org: 'FI' } });
    expect((await me(a, s)).principal.role).toBe('viewer');
    expect((await call(b.app, admin, 'PATCH', '/api/users/rob', { org: 'DE' })).status).toBe(200);
    expect(await me(a, s)).toMatchObject({ session: 'active', principal: { username: 'rob', role: 'viewer', org: 'DE' } });
  });

  it('ends the other sessions when the password is changed on the other server, and keeps the one that changed it', async () => {
    await addUser(b, 'pia', 'analyst', 'FI');
    const other = await keptOnBoth('pia');
    const changer = await keptOnBoth('pia');
    const r = await b.app.inject({ method: 'POST', url: '/api/auth/password', headers: changer.headers, payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(r.statusCode, r.body).toBe(204);
    expect(await me(a, other)).toMatchObject({ session: 'ended' });
    expect(await me(a, changer)).toMatchObject({ session: 'active', principal: { username: 'pia' } });
  });

  it('refuses a token revoked on the other server at the next request', async () => {
    const tom = await addUser(b, 'tom', 'analyst', 'FI');
    tokenReads.mockClear();
    for (const h of [a, a, a]) expect((await call(h.app, tom, 'GET', '/api/tokens')).status).toBe(200);
    // The first use writes the token's last use and is read again once; from then on A serves it as kept.
    expect(tokenReads).toHaveBeenCalledTimes(2);
    const id = ((await call(b.app, tom, 'GET', '/api/tokens')).body as { id: string }[])[0]?.id ?? '';
    expect((await call(b.app, admin, 'DELETE', `/api/tokens/${id}`)).status).toBe(200);
    expect((await call(a.app, tom, 'GET', '/api/tokens')).status).toBe(401);
  });

  it('keeps alive on A a session used only on B for longer than the idle timeout', async () => {
    await addUser(b, 'ida', 'analyst', 'FI');
    const s = await keptOnBoth('ida');
    const version = (await storeVersions(a.wb.db)).auth;
    for (let i = 0; i < 8; i++) {
      clock.advance(5);
      expect((await me(b, s)).session).toBe('active'); // each writes the last use (more than a minute since)
    }
    // 40 minutes after A last read it: what A kept looks idle, the version has not moved, and A reads it again.
    expect((await storeVersions(a.wb.db)).auth).toBe(version);
    reads.mockClear();
    expect(await me(a, s)).toMatchObject({ session: 'active', principal: { username: 'ida' } });
    expect(reads).toHaveBeenCalledTimes(1);
    // And left unused everywhere for the idle period, it ends on both.
    clock.advance(30);
    expect((await me(a, s)).session).toBe('ended');
    expect((await me(b, s)).session).toBe('ended');
  });

  it('moves the auth version on every write that changes a lookup, and not on the record of use', async () => {
    await addUser(b, 'val', 'analyst', 'FI');
    const s = await signIn(a.app, 'val');
    const db = a.wb.db;
    const moves = async (write: () => Promise<unknown>) => {
      const before = (await storeVersions(db)).auth;
      await write();
      return (await storeVersions(db)).auth > before;
    };
    const hash = idHash(s);
    const later = new Date(Date.parse(clock.now()) + 60 * 60_000).toISOString();
    expect(await moves(() => db.updateTable('session').set({ last_used_at: later }).where('id_hash', '=', hash).execute())).toBe(false);
    expect(await moves(() => db.updateTable('api_token').set({ last_used_at: later }).execute())).toBe(false);
    expect(await moves(() => db.updateTable('session').set({ expires_at: later }).where('id_hash', '=', hash).execute())).toBe(true);
    expect(await moves(() => db.updateTable('session').set({ csrf_token: 'x' }).where('id_hash', '=', hash).execute())).toBe(true);
    expect(await moves(() => db.updateTable('account').set({ display_name: 'Val' }).where('username', '=', 'val').execute())).toBe(true);
    expect(await moves(() => db.updateTable('api_token').set({ scope: 'read' }).where('name', '=', 'test').execute())).toBe(true);
    expect(await moves(() => db.deleteFrom('session').where('id_hash', '=', hash).execute())).toBe(true);
    expect(await moves(() => db.deleteFrom('api_token').where('account_id', 'in', db.selectFrom('account').select('id').where('username', '=', 'val')).execute())).toBe(true);
    expect(await moves(() => db.deleteFrom('account').where('username', '=', 'val').execute())).toBe(true);
  });

  it('watches every column of sessions and tokens but their last use', async () => {
    const db = a.wb.db;
    const columns = async (table: string) =>
      dialectOf(db) === 'postgres'
        ? (await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} AND table_schema = current_schema()`.execute(db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name);
    for (const table of ['session', 'api_token'] as const) {
      expect((await columns(table)).filter((c) => c !== 'last_used_at').sort(), table).toEqual([...WATCHED_COLUMNS[table]].sort());
    }
  });
});
