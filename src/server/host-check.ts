// Refuses requests whose Host header names a host this server is not meant to answer to. A web page can rebind
// its own name to 127.0.0.1 (DNS rebinding) and then read and write a server on the analyst's machine as if it
// were its own origin; the browser still sends the page's name as Host, so checking the Host header stops it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from '../core/errors';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header (no port; an IPv6 literal without its brackets), lower-cased. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** The names answered: loopback names, the bound address (unless it is every address) and CYBERDIPLO_ALLOWED_HOSTS. */
export function allowedHosts(config: Pick<Config, 'host' | 'allowedHosts'>): Set<string> {
  const bound = hostName(config.host);
  return new Set([...LOOPBACK, ...(ANY_ADDRESS.has(bound) ? [] : [bound]), ...config.allowedHosts.map(hostName)]);
}

/**
 * With sign-in off (one analyst, no credentials to stop a rebound page) the check is always on; in team mode it is
 * on once CYBERDIPLO_ALLOWED_HOSTS names the deployment's host names (sign-in, SameSite cookies and the CSRF token
 * already stop a rebound page there). See docs/adr/0003-host-allowlist.md.
 */
export function registerHostCheck(app: FastifyInstance, config: Config): void {
  if (config.auth.mode === 'on' && config.allowedHosts.length === 0) return;
  const allowed = allowedHosts(config);
  const list = [...allowed].join(', ');
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const host = req.headers.host;
    if (host !== undefined && allowed.has(hostName(host))) return;
    throw new AppError('unknown_host', `This server does not answer to the host "${String(host ?? '').slice(0, 100)}": it answers to ${list}; add a name with CYBERDIPLO_ALLOWED_HOSTS`, [
      { path: 'host', message: `allowed: ${list}` },
    ]);
  });
}
