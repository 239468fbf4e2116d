// Who a request comes from and whether it may pass: resolves the principal (API token or session cookie) from the
// database, refuses cross-site and CSRF-less cookie writes, and applies each route's declared access rule.
import { parseCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionState } from '../app/auth-service';
import type { Workbench } from '../app/workbench';
import { nodeSecrets } from '../app/secrets';
import { decide, type Action } from '../core/auth/permissions';
import { ANONYMOUS, type Principal } from '../core/auth/principal';
import { AppError } from '../core/errors';
import { enforce } from '../core/marking/marking';

/** `public`: anyone; `signed-in`: any account (the service decides the rest); an Action: the roles that hold it. */
export type Access = 'public' | 'signed-in' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** The session's CSRF token, when the request came with a valid session cookie. */
    csrfToken: string | undefined;
    sessionId: string | undefined;
    /** What became of the session cookie the request carried: none, active, or ended (then the cookie is cleared). */
    sessionState: SessionState;
  }
  interface FastifyContextConfig {
    /** Required on every route that changes state: a write route without it is refused in team mode. */
    access?: Access;
  }
}

export const SESSION_COOKIE = 'cyberdiplo_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie's value, parsed by the `cookie` package: a malformed escape is kept as sent (and then matches no session). */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[name];
}

/** Sets (or, with Max-Age 0, clears) the session cookie; a later call replaces an earlier one in the same answer. */
export function setSessionCookie(reply: FastifyReply, wb: Workbench, value: string, maxAgeSeconds: number): void {
  const secure = wb.config.auth.cookieSecure ? '; Secure' : '';
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure}`;
  // Signing in over a cookie that had ended would otherwise send the clearing cookie and the new one together.
  const others = [reply.getHeader('set-cookie') ?? []].flat().map(String).filter((c) => !c.startsWith(`${SESSION_COOKIE}=`));
  reply.removeHeader('set-cookie');
  reply.header('Set-Cookie', others.length ? [...others, cookie] : cookie);
}

function sessionEnded(wb: Workbench): AppError {
  const { sessionIdleMinutes, sessionHours } = wb.config.auth;
  return new AppError(
    'session_ended',
    `Your session has ended (signed out, unused for ${sessionIdleMinutes} minutes, older than ${sessionHours} hours, or ended by a password change): sign in again`,
  );
}

function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  // A malformed header counts as a bad token: the caller meant to authenticate and must learn that it failed.
  return m?.[1] ?? '';
}

/**
 * Whether a write's Origin is this server: the same host, over http or https, and never http when the request came
 * over https (a plain-http page on the same name, e.g. one injected on an open network, is another origin). An https
 * page writing through a TLS-terminating proxy not listed in CYBERDIPLO_TRUSTED_PROXIES still passes.
 */
export function sameOrigin(req: Pick<FastifyRequest, 'headers' | 'host' | 'protocol'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    if (u.protocol === 'http:' && req.protocol === 'https') return false;
    return u.host === req.host;
  } catch {
    return false;
  }
}

export function registerAuth(app: FastifyInstance, wb: Workbench): void {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('sessionState', 'none');

  app.addHook('onRequest', async (req, reply) => {
    req.principal = ANONYMOUS;
    req.sessionState = 'none';
    // Access is decided on the route the router matched (it decodes the path), never on the raw URL: a re-spelled
    // path such as /%61pi/audit matches /api/audit and must meet its rule. Only the web app's files and the
    // not-found handler (no matched API route, no declared access) skip the caller lookup.
    const matched = req.routeOptions.url;
    if (matched === undefined || (!matched.startsWith('/api/') && req.routeOptions.config.access === undefined)) return;
    const sessionId = readCookie(req, SESSION_COOKIE);
    const resolved = await wb.auth.resolve({ bearer: bearerOf(req), sessionId, arrived: req.arrival });
    if (resolved.bad) throw new AppError('unauthenticated', 'The API token is not valid: it is unknown, expired or revoked, or its account is disabled');
    req.principal = resolved.principal;
    req.csrfToken = resolved.csrfToken;
    req.sessionId = resolved.csrfToken ? sessionId : undefined;
    req.sessionState = resolved.session;
    // The browser still holds a cookie that signs no one in: clear it, so the web app learns at once, whatever answers.
    if (resolved.session === 'ended') setSessionCookie(reply, wb, '', 0);
    if (wb.auth.mode === 'off') return;

    const safe = SAFE_METHODS.has(req.method);
    if (!safe) {
      if (!sameOrigin(req)) throw new AppError('cross_origin', 'Cross-site request refused: the Origin header does not match this server');
      if (req.principal.kind === 'user' && req.principal.token?.scope === 'read') {
        throw new AppError('forbidden', `This API token is read-only (scope read): ${req.method} changes something; use a read-write token`);
      }
      if (req.principal.kind === 'user' && req.principal.via === 'session') {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !req.csrfToken || !nodeSecrets.equal(sent, req.csrfToken)) {
          throw new AppError('csrf_mismatch', `Missing or wrong ${CSRF_HEADER} header: send the csrfToken that sign-in and GET /api/auth/me return`);
        }
      }
    }
    const access = req.routeOptions.config.access ?? (safe ? 'public' : undefined);
    if (access === 'public') return;
    if (access === undefined) {
      throw new AppError('forbidden', `${req.method} ${req.routeOptions.url} declares no access rule, so it is refused in team mode`);
    }
    if (access === 'signed-in') {
      if (req.principal.kind === 'anonymous') {
        throw req.sessionState === 'ended' ? sessionEnded(wb) : new AppError('unauthenticated', 'Sign in first (a session, or an API token as Authorization: Bearer)');
      }
      return;
    }
    const decision = decide(req.principal, access);
    // Where signing in would help, say that the session ended rather than that no one signed in: the user did.
    if (decision.status === 401 && req.sessionState === 'ended') throw sessionEnded(wb);
    enforce(decision);
  });
}
