// Behind a load balancer: the sign-in limit per client address counts the client X-Forwarded-For names only when the
// connection comes from a trusted proxy (CYBERDIPLO_TRUSTED_PROXIES); otherwise the header is ignored, so that
// nobody escapes the limit by writing it, and (off by default) the connection's address is the client.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';
import { startHarness, teamConfig, type Harness } from './harness';
import { addUser, PASSWORD } from './team';

const PROXY = '10.0.0.5';

async function login(h: Harness, username: string, password: string, from: { remoteAddress: string; forwardedFor?: string }): Promise<number> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from.remoteAddress,
    headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
    payload: { username, password },
  });
  return res.statusCode;
}

/** Ten failed sign-ins (the per-client limit with CYBERDIPLO_LOGIN_LIMIT=1), each for another account name. */
async function exhaust(h: Harness, from: { remoteAddress: string; forwardedFor?: string }): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 11; i++) out.push(await login(h, `nobody${i}`, 'wrong password!!', from));
  return out;
}

describe('CYBERDIPLO_TRUSTED_PROXIES', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('off (the default): one client behind the proxy locks every user out, as the proxy is the only address seen', async () => {
    h = await startHarness({ ...teamConfig({ loginLimit: 1 }) });
    await addUser(h, 'alice', 'admin', 'eeas');
    expect((await exhaust(h, { remoteAddress: PROXY, forwardedFor: '203.0.113.7' })).at(-1)).toBe(429);
    expect(await login(h, 'alice', PASSWORD, { remoteAddress: PROXY, forwardedFor: '198.51.100.9' })).toBe(429);
  });

  it('from a trusted proxy, counts the forwarded client: another client still signs in', async () => {
    h = await startHarness({ ...teamConfig({ loginLimit: 1 }), trustedProxies: ['10.0.0.0/24'] });
    await addUser(h, 'alice', 'admin', 'eeas');
    const statuses = await exhaust(h, { remoteAddress: PROXY, forwardedFor: '203.0.113.7' });
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await login(h, 'alice', PASSWORD, { remoteAddress: PROXY, forwardedFor: '198.51.100.9' })).toBe(200);
    expect(await login(h, 'alice', PASSWORD, { remoteAddress: PROXY, forwardedFor: '203.0.113.7' })).toBe(429);
  });

  it('from any other address, ignores X-Forwarded-For: a client cannot escape the limit by writing the header', async () => {
    h = await startHarness({ ...teamConfig({ loginLimit: 1 }), trustedProxies: ['10.0.0.0/24'] });
    await addUser(h, 'alice', 'admin', 'eeas');
    for (let i = 0; i < 11; i++) await login(h, `nobody${i}`, 'wrong password!!', { remoteAddress: '192.0.2.1', forwardedFor: `203.0.113.${i}` });
    expect(await login(h, 'alice', PASSWORD, { remoteAddress: '192.0.2.1', forwardedFor: '198.51.100.9' })).toBe(429);
  });

  it('accepts addresses and CIDRs, IPv4 and IPv6, and refuses anything else naming it and the allowed forms', () => {
    expect(readConfig({}).trustedProxies).toEqual([]);
    expect(readConfig({ CYBERDIPLO_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,fd00::/8 ,::1' }).trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', '::1']);
    for (const bad of ['loopback', '10.0.0.0/33', '10.0.0.300', 'lb.example', '10.0.0.0/8/1', 'fd00::/129']) {
      expect(() => readConfig({ CYBERDIPLO_TRUSTED_PROXIES: bad })).toThrow(ConfigError);
      expect(() => readConfig({ CYBERDIPLO_TRUSTED_PROXIES: bad })).toThrow(new RegExp(`CYBERDIPLO_TRUSTED_PROXIES: "${bad.replace(/[./]/g, '\\$&')}" is not an IP address or CIDR block \\(allowed: `));
    }
  });
});
