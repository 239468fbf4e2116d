// Two server processes on one database behave as one service: a session started on one works on the other,
// logout and token revocation count everywhere at once, the login limit is shared, and concurrent writes through
// both keep one valid audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type Harness } from './harness';
import { addUser, call, incident, signIn } from './team';
import { twoServers, type TwoServers } from './two-servers';

describe.each(dialects)('two servers on one %s database', (dialect) => {
  let servers: TwoServers;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    servers = await twoServers(dialect);
    ({ a, b } = servers);
    await addUser(a, 'alice', 'analyst', 'DE');
  });
  afterAll(async () => {
    await servers?.close();
  });

  it('moves a signed-in user from one server to the other and back', async () => {
    const s = await signIn(a.app, 'alice');
    expect((await call(b.app, s, 'GET', '/api/auth/me')).body).toMatchObject({ principal: { username: 'alice' } });
    const created = await call(b.app, s, 'POST', '/api/incidents', { ...incident('written on B'), tlp: 'amber+strict' });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((await call(a.app, s, 'GET', `/api/incidents/${id}`)).status).toBe(200);
    expect((await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    expect((await call(a.app, s, 'GET', '/api/auth/me')).body).toMatchObject({ principal: { kind: 'anonymous' } });
    expect((await call(a.app, s, 'GET', `/api/incidents/${id}`)).status).toBe(404);
  });

  it('revokes a token everywhere at once and shares the login limit', async () => {
    const bob = await addUser(a, 'bob', 'viewer', 'FR');
    expect((await call(b.app, bob, 'GET', '/api/tokens')).status).toBe(200);
    const id = ((await call(b.app, bob, 'GET', '/api/tokens')).body as { id: string }[])[0]?.id ?? '';
    expect((await call(a.app, bob, 'DELETE', `/api/tokens/${id}`)).status).toBe(200);
    expect((await call(b.app, bob, 'GET', '/api/tokens')).status).toBe(401);

    const fail = (h: Harness) => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'not the password' } });
    for (const h of [a, b, a, b, a]) expect((await fail(h)).statusCode).toBe(401);
    expect((await fail(b)).statusCode).toBe(429);
  });

  it('keeps one valid audit chain under concurrent writes through both servers', async () => {
    const s = await signIn(b.app, 'alice');
    const writes = Array.from({ length: 30 }, (_, i) => call(i % 2 ? a.app : b.app, s, 'POST', '/api/incidents', incident(`concurrent ${i}`)));
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(30).fill(201));
    const verdict = await a.wb.audit.verify();
    expect(verdict.valid, JSON.stringify(verdict)).toBe(true);
    expect(await b.wb.audit.verify()).toEqual(verdict);
  });
});
