// Security (accounts): admins manage accounts but never act as another user; the sign-in limit holds under
// parallel guessing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { PASSWORD, addUser, call, incident, signIn, type Client } from './team';

describe.each(dialects)('security: admins do not act as others on %s', (dialect) => {
  let h: Harness;
  let admin: Client;
  let second: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    admin = await addUser(h, 'adm-de', 'admin', 'DE');
    second = await addUser(h, 'adm-it', 'admin', 'IT');
    await addUser(h, 'ana-fr', 'analyst', 'FR');
  });
  afterAll(async () => h?.close());

  it('an admin cannot mint a token for another account (403), and no token is created', async () => {
    const ids = async () => ((await call(h.app, second, 'GET', '/api/tokens?all=true')).body as { id: string }[]).map((t) => t.id);
    const before = await ids();
    const r = await call(h.app, admin, 'POST', '/api/tokens', { name: 'as someone else', username: 'ana-fr' });
    expect(r.status, r.text).toBe(403);
    expect(r.body).toMatchObject({ error: { code: 'forbidden', issues: [{ path: 'username' }] } });
    expect(await ids()).toEqual(before);
    // Naming oneself is the same as leaving username out.
    expect((await call(h.app, admin, 'POST', '/api/tokens', { name: 'mine', username: 'adm-de' })).status).toBe(201);
  });

  it('an admin cannot move themselves into another organisation or change their own role; a second admin can', async () => {
    const fr = await addUser(h, 'ed-fr', 'editor', 'FR');
    const strict = await call(h.app, fr, 'POST', '/api/incidents', incident('fr-strict-canary', { tlp: 'amber+strict' }));
    expect(strict.status).toBe(201);
    const session = await signIn(h.app, 'adm-de');
    for (const who of [admin, session]) {
      for (const [change, path] of [
        [{ org: 'FR' }, 'org'],
        [{ role: 'editor' }, 'role'],
        [{ org: 'FR', displayName: 'x' }, 'org'],
      ] as const) {
        const r = await call(h.app, who, 'PATCH', '/api/users/adm-de', change);
        expect(r.status, `${JSON.stringify(change)}: ${r.text}`).toBe(403);
        expect(r.body).toMatchObject({ error: { code: 'forbidden', issues: [{ path }] } });
      }
    }
    const list = await call(h.app, admin, 'GET', '/api/incidents');
    expect(list.text).not.toContain('fr-strict-canary');
    expect((await call(h.app, admin, 'GET', '/api/users/adm-de')).body).toMatchObject({ org: 'DE', role: 'admin' });
    // Changes that leave access as it is stay one's own; a second admin may move the account.
    expect((await call(h.app, admin, 'PATCH', '/api/users/adm-de', { displayName: 'Ada', org: 'DE', role: 'admin' })).status).toBe(200);
    expect((await call(h.app, second, 'PATCH', '/api/users/adm-de', { org: 'FR' })).status).toBe(200);
    expect((await call(h.app, second, 'PATCH', '/api/users/adm-de', { org: 'DE' })).status).toBe(200);
  });
});

describe.each(dialects)('security: parallel password guessing on %s', (dialect) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(teamConfig({ loginLimit: 5 }), dialect);
    await addUser(h, 'target', 'viewer', 'DE');
  });
  afterAll(async () => h?.close());

  it('45 concurrent wrong sign-ins check at most 5 passwords; the rest answer 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, n) => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: `wrong guess number ${n}` } })),
    );
    const checked = answers.filter((a) => a.statusCode === 401).length;
    const refused = answers.filter((a) => a.statusCode === 429).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + refused).toBe(45);
    // Even the right password waits for the window now.
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: PASSWORD } })).statusCode).toBe(429);
  });

  it('successful sign-ins do not use up the client address\'s allowance', async () => {
    await addUser(h, 'busy', 'viewer', 'DE');
    for (let n = 0; n < 12; n++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'busy', password: PASSWORD } });
      expect(r.statusCode, `sign-in ${n}`).toBe(200);
    }
  });
});
