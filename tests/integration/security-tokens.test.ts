// Security (API tokens): every token ends (CYBERDIPLO_TOKEN_MAX_DAYS at most, and by default); a token created
// through another token ends no later than it, holds no wider scope, and is revoked with it; read-only tokens write
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { TestClock, dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, signIn, type Client } from './team';

type Token = { token: string; id: string; expiresAt: string; scope: string; parentId: string | null };
const bearer = (t: Token): Client => ({ name: t.id, headers: { authorization: `Bearer ${t.token}` } });

describe.each(dialects)('security: token lifetimes and scopes on %s', (dialect) => {
  let h: Harness;
  let ana: Client;
  const clock = new TestClock();
  const days = (n: number) => new Date(Date.parse(clock.now()) + n * 86_400_000).toISOString();

  beforeAll(async () => {
    h = await startHarness(teamConfig({ tokenMaxDays: 30 }), dialect, undefined, clock);
    ana = await addUser(h, 'ana', 'analyst', 'DE');
  });
  afterAll(async () => h?.close());

  const mint = async (who: Client, body: object) => call(h.app, who, 'POST', '/api/tokens', { name: 'script', ...body });

  it('a token without a lifetime gets the maximum; a longer one is refused naming the maximum', async () => {
    const r = await mint(await signIn(h.app, 'ana'), {});
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ expiresAt: days(30), scope: 'read-write', parentId: null });
    const long = await mint(ana, { expiresInDays: 31 });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('from 1 to 30 on this server'), issues: [{ path: 'expiresInDays', message: '1..30' }] } });
  });

  it('a lifetime under a day, or not a whole number of days, is refused naming this server\'s range', async () => {
    for (const expiresInDays of [0, -3, 1.5, 4000]) {
      const r = await mint(ana, { expiresInDays });
      expect(r.status, String(expiresInDays)).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining(`whole number of days from 1 to 30 on this server (CYBERDIPLO_TOKEN_MAX_DAYS), got ${expiresInDays}`), issues: [{ path: 'expiresInDays', message: '1..30' }] } });
    }
  });

  it('a child token ends no later than its parent and is revoked with it, at any depth', async () => {
    const parent = (await mint(ana, { expiresInDays: 2 })).body as Token;
    const child = (await mint(bearer(parent), { expiresInDays: 20 })).body as Token;
    expect(child).toMatchObject({ expiresAt: parent.expiresAt, parentId: parent.id, scope: 'read-write' });
    const grandchild = (await mint(bearer(child), {})).body as Token;
    expect(grandchild).toMatchObject({ expiresAt: parent.expiresAt, parentId: child.id });
    expect((await call(h.app, bearer(grandchild), 'GET', '/api/incidents')).status).toBe(200);
    expect((await call(h.app, ana, 'DELETE', `/api/tokens/${parent.id}`)).status).toBe(200);
    for (const t of [parent, child, grandchild]) expect((await call(h.app, bearer(t), 'GET', '/api/incidents')).status, t.id).toBe(401);
    // And all of them stop when the parent's time is up.
    const p2 = (await mint(ana, { expiresInDays: 1 })).body as Token;
    const c2 = (await mint(bearer(p2), {})).body as Token;
    clock.advance(24 * 60 + 1);
    expect((await call(h.app, bearer(c2), 'GET', '/api/incidents')).status).toBe(401);
  });

  it('a read-only token reads but writes nothing, and cannot create tokens', async () => {
    const ro = (await mint(ana, { scope: 'read' })).body as Token;
    expect(ro.scope).toBe('read');
    expect((await call(h.app, bearer(ro), 'GET', '/api/incidents')).status).toBe(200);
    const write = await call(h.app, bearer(ro), 'POST', '/api/incidents', incident('from a read-only token'));
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('read-only') } });
    expect((await mint(bearer(ro), { scope: 'read-write' })).status).toBe(403);
    expect((await call(h.app, ana, 'GET', '/api/incidents?q=read-only')).body).toMatchObject({ total: 0 });
  });

  it('reads CYBERDIPLO_TOKEN_MAX_DAYS (90 unless told) and refuses nonsense naming it', () => {
    expect(readConfig({}).auth.tokenMaxDays).toBe(90);
    expect(readConfig({ CYBERDIPLO_TOKEN_MAX_DAYS: '7' }).auth.tokenMaxDays).toBe(7);
    for (const bad of ['0', 'forever', '4000']) expect(() => readConfig({ CYBERDIPLO_TOKEN_MAX_DAYS: bad })).toThrow(/CYBERDIPLO_TOKEN_MAX_DAYS/);
  });
});
