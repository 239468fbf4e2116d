// Security (host names and origins): with sign-in off, a page that rebinds its own name to this machine (DNS
// rebinding) is refused because its Host is not one the server answers to; writes from another scheme's origin
// are refused in team mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, signIn } from './team';

const get = (h: Harness, host: string, url = '/api/incidents') => h.app.inject({ method: 'GET', url, headers: { host } });

describe.each(dialects)('security: host allowlist with sign-in off on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  it('answers a rebound name 421 unknown_host naming the allowed hosts, and writes nothing', async () => {
    for (const host of ['attacker.example', 'attacker.example:8080', '127.0.0.1.nip.io', 'localhost.attacker.example']) {
      const r = await get(h, host);
      expect(r.statusCode, host).toBe(421);
      expect(r.json()).toMatchObject({ error: { code: 'unknown_host', message: expect.stringContaining('localhost, 127.0.0.1, ::1') } });
    }
    const write = await h.app.inject({ method: 'POST', url: '/api/incidents', headers: { host: 'attacker.example:8080' }, payload: incident('rebound write') });
    expect(write.statusCode).toBe(421);
    expect((await h.wb.toolbox.list({ kind: 'local', org: null }, { q: 'rebound write' })).total).toBe(0);
    // The web app's pages too: a rebound page must not even load the shell.
    expect((await get(h, 'attacker.example', '/incidents')).statusCode).toBe(421);
  });

  it('answers the loopback names and the bound address, with or without a port', async () => {
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST:80']) expect((await get(h, host)).statusCode, host).toBe(200);
  });
});

describe.each(dialects)('security: configured host names on %s', (dialect) => {
  let h: Harness;
  let team: Harness;
  beforeAll(async () => {
    h = await startHarness({ allowedHosts: ['workbench.lan', '10.0.0.5'] }, dialect);
    team = await startHarness(teamConfig(), dialect);
  });
  afterAll(async () => {
    await h?.close();
    await team?.close();
  });

  it('CYBERDIPLO_ALLOWED_HOSTS adds names; others stay refused', async () => {
    expect((await get(h, 'workbench.lan:8080')).statusCode).toBe(200);
    expect((await get(h, '10.0.0.5')).statusCode).toBe(200);
    expect((await get(h, 'other.lan')).statusCode).toBe(421);
  });

  it('in team mode without CYBERDIPLO_ALLOWED_HOSTS the server answers any name (sign-in guards it)', async () => {
    expect((await get(team, 'cyberdiplo.example.eu', '/api/health')).statusCode).toBe(200);
  });

  it('reads CYBERDIPLO_ALLOWED_HOSTS as a comma-separated list and refuses what is not a host name', () => {
    expect(readConfig({ CYBERDIPLO_ALLOWED_HOSTS: 'Workbench.lan, 10.0.0.5 ,[fd00::1]' }).allowedHosts).toEqual(['workbench.lan', '10.0.0.5', '[fd00::1]']);
    expect(readConfig({}).allowedHosts).toEqual([]);
    expect(() => readConfig({ CYBERDIPLO_ALLOWED_HOSTS: 'http://x.example/' })).toThrow(ConfigError);
    expect(() => readConfig({ CYBERDIPLO_ALLOWED_HOSTS: 'a b' })).toThrow(/CYBERDIPLO_ALLOWED_HOSTS/);
  });
});

describe.each(dialects)('security: the Origin check includes the scheme on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ...teamConfig(), trustedProxies: ['127.0.0.1'] }, dialect);
    await addUser(h, 'editor-de', 'editor', 'DE');
  });
  afterAll(async () => h?.close());

  it('refuses a write from http:// to a server reached over https, and from non-web schemes; accepts its own origin', async () => {
    const s = await signIn(h.app, 'editor-de');
    const post = (origin: string, proto: string) =>
      h.app.inject({ method: 'POST', url: '/api/incidents', headers: { ...s.headers, host: 'localhost', origin, 'x-forwarded-proto': proto }, payload: incident(`from ${origin}`) });
    for (const [origin, proto] of [
      ['http://localhost', 'https'],
      ['null', 'https'],
      ['file://localhost', 'http'],
      ['chrome-extension://localhost', 'http'],
      ['https://localhost.evil.example', 'https'],
    ] as const) {
      const r = await post(origin, proto);
      expect(r.statusCode, `${origin} over ${proto}: ${r.body}`).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'cross_origin' } });
    }
    expect((await post('https://localhost', 'https')).statusCode).toBe(201);
    expect((await post('http://localhost', 'http')).statusCode).toBe(201);
    const listed = await call(h.app, s, 'GET', '/api/incidents?q=from%20');
    expect((listed.body as { total: number }).total).toBe(2);
  });
});
