// Security (bad input): deep JSON and malformed cookies answer 4xx, never 500; unknown incident fields, weak
// passwords and a mistyped first-admin form are refused without side effects; anonymous callers of open compute
// routes get a small body limit and a bounded share of the server.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_BODY_LIMIT, ANONYMOUS_CONCURRENCY, MAX_JSON_DEPTH, jsonDepth } from '../../src/server/body-guards';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { PASSWORD, addUser, call, incident, signIn, type Client } from './team';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe.each(dialects)('security: input limits on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let admin: Client;
  let id: string;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    admin = await addUser(h, 'admin-de', 'admin', 'DE');
    id = ((await call(h.app, editor, 'POST', '/api/incidents', incident('depth target'))).body as { id: string }).id;
  });
  afterAll(async () => h?.close());

  const send = (client: Client, method: 'POST' | 'PATCH', url: string, payload: string) =>
    h.app.inject({ method, url, headers: { ...client.headers, 'content-type': 'application/json' }, payload });

  it('JSON nested 5,000 levels deep answers 400 naming the limit on PATCH, /api/assess, an import and /api/vote', async () => {
    for (const [who, method, url, body] of [
      [editor, 'PATCH', `/api/incidents/${id}`, `{"summary":${nested(5000)}}`],
      [editor, 'POST', '/api/assess', `{"weights":${nestedObject(5000)}}`],
      [editor, 'POST', '/api/import/stix', `{"type":"bundle","objects":${nested(5000)}}`],
      [editor, 'POST', '/api/vote', `{"rule":${nested(5000)}}`],
    ] as const) {
      const r = await send(who, method, url, body);
      expect(r.statusCode, `${method} ${url}: ${r.body.slice(0, 200)}`).toBe(400);
      expect(r.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) } });
    }
    expect(jsonDepth(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(MAX_JSON_DEPTH);
  });

  it('a malformed session cookie answers like no session (4xx, never 500)', async () => {
    for (const cookie of ['cyberdiplo_session=%E0%A4%A', 'cyberdiplo_session=%', 'cyberdiplo_session="', '=;;=%zz']) {
      const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode, cookie).toBe(200);
      const write = await h.app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie }, payload: incident('cookie probe') });
      expect([401, 403], cookie).toContain(write.statusCode);
    }
  });

  it('an unknown top-level field on an incident write is refused, naming the allowed fields', async () => {
    for (const [method, url, body] of [
      ['POST', '/api/incidents', incident('typo', { TLP: 'red' })],
      ['PATCH', `/api/incidents/${id}`, { TLP: 'red' }],
      ['PUT', `/api/incidents/${id}`, incident('typo', { tlpp: 'red' })],
    ] as const) {
      const r = await call(h.app, editor, method, url, body);
      expect(r.status, `${method} ${url}`).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'invalid_incident', message: expect.stringMatching(/unknown field "(TLP|tlpp)"; allowed fields are title, .*tlp, owner, sharedWith, recipients/) } });
    }
    expect((await call(h.app, editor, 'GET', `/api/incidents/${id}`)).body).toMatchObject({ version: 1 });
  });

  it('passwords of spaces, NULs, a few repeated characters or common ones are refused; Unicode is normalised', async () => {
    for (const password of [' '.repeat(16), '\u0000'.repeat(16), 'aaaaaaaaaaaaaaaa', 'abababababababab', 'Password1234', 'password 1234', ' '.repeat(8) + 'abcdefgh', 'line\nbreak password']) {
      const r = await call(h.app, admin, 'POST', '/api/users', { username: 'weak', password, role: 'viewer', org: 'DE' });
      expect(r.status, JSON.stringify(password)).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'password' }] } });
    }
    // NFKC: the full-width form and the plain form of a passphrase are the same password.
    expect((await call(h.app, admin, 'POST', '/api/users', { username: 'unicode', password: 'ＡＢＣ long passphrase', role: 'viewer', org: 'DE' })).status).toBe(201);
    await expect(signIn(h.app, 'unicode', 'ABC long passphrase')).resolves.toBeDefined();
  });

  it('anonymous bodies over the limit on open compute routes answer 413; signed-in callers keep the general limit', async () => {
    const big = JSON.stringify({ rule: 'qmv', for: ['DE'], note: 'x'.repeat(ANONYMOUS_BODY_LIMIT + 10) });
    const anon = await h.app.inject({ method: 'POST', url: '/api/vote', headers: { 'content-type': 'application/json' }, payload: big });
    expect(anon.statusCode).toBe(413);
    expect(anon.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('sign in') } });
    const signed = await send(editor, 'POST', '/api/vote', big);
    expect(signed.statusCode).toBe(400);
    const small = await h.app.inject({ method: 'POST', url: '/api/vote', payload: { rule: 'qmv', for: ['DE', 'FR'] } });
    expect(small.statusCode).not.toBe(413);
  });
});

describe.each(dialects)('security: the bootstrap token on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  });
  afterAll(async () => h?.close());

  it('a refused first-admin form (bad organisation, weak password) leaves the token usable', async () => {
    const { bootstrapToken } = await h.wb.auth.prepareFirstAdmin();
    const post = (payload: object) => h.app.inject({ method: 'POST', url: '/api/auth/bootstrap', payload: { token: bootstrapToken, ...payload } });
    const badOrg = await post({ username: 'root', password: 'a long enough password', org: 'nowhere' });
    expect(badOrg.statusCode).toBe(400);
    const weak = await post({ username: 'root', password: 'password1234', org: 'DE' });
    expect(weak.statusCode).toBe(400);
    const ok = await post({ username: 'root', password: 'a long enough password', org: 'DE' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await post({ username: 'root2', password: 'a long enough password', org: 'DE' })).statusCode).toBe(403);
  });
});

describe('security: anonymous compute is bounded per process', () => {
  it('past the concurrency bound, anonymous compute answers 503 with Retry-After while sign-in stays open', async () => {
    const h = await startHarness(teamConfig());
    try {
      await addUser(h, 'someone', 'viewer', 'DE');
      // Slow senders: bodies that have not ended hold their place, as 900 KB uploads on a slow link do.
      const streams = Array.from({ length: ANONYMOUS_CONCURRENCY }, () => new PassThrough());
      const held = streams.map((payload) => h.app.inject({ method: 'POST', url: '/api/vote', headers: { 'content-type': 'application/json' }, payload }));
      // The held requests reach the guard within a few loop turns (longer on a busy machine): probe until shed.
      let shed = await h.app.inject({ method: 'POST', url: '/api/vote', payload: { rule: 'qmv', for: ['DE', 'FR'] } });
      for (let n = 0; n < 100 && shed.statusCode !== 503; n++) {
        await new Promise((r) => setTimeout(r, 50));
        shed = await h.app.inject({ method: 'POST', url: '/api/vote', payload: { rule: 'qmv', for: ['DE', 'FR'] } });
      }
      expect(shed.statusCode).toBe(503);
      expect(shed.headers['retry-after']).toBeDefined();
      expect(shed.json()).toMatchObject({ error: { code: 'overloaded' } });
      const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: PASSWORD } });
      expect(login.statusCode).toBe(200);
      const signedIn = await call(h.app, await signIn(h.app, 'someone'), 'POST', '/api/vote', { rule: 'qmv', for: ['DE', 'FR'] });
      expect(signedIn.status).not.toBe(503);
      for (const s of streams) s.end(JSON.stringify({ rule: 'qmv', for: ['DE'] }));
      expect((await Promise.all(held)).every((a) => a.statusCode !== 503)).toBe(true);
      expect((await h.app.inject({ method: 'POST', url: '/api/vote', payload: { rule: 'qmv', for: ['DE', 'FR'] } })).statusCode).not.toBe(503);
    } finally {
      await h.close();
    }
  });
});
