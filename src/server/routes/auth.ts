// Sign-in under /api/auth: login (sets the session cookie), logout, who am I (and what became of the session), one's
// own password, and the first admin's bootstrap.
import type { FastifyInstance } from 'fastify';
import { presentAccount } from '../../app/account-service';
import type { Workbench } from '../../app/workbench';
import { grantsOf } from '../../core/auth/permissions';
import type { Principal } from '../../core/auth/principal';
import * as c from '../../contract/accounts';
import { NoContent, NoQuery } from '../../contract/common';
import { setSessionCookie } from '../auth';
import { checkedByService, type ZodTypeProvider } from '../zod-provider';

export function presentPrincipal(p: Principal) {
  switch (p.kind) {
    case 'user':
      return { kind: p.kind, username: p.username, role: p.role, org: p.org, via: p.via };
    case 'local':
    case 'operator':
      return { kind: p.kind, org: p.org };
    case 'anonymous':
      return { kind: p.kind };
  }
}

export function authRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['sign-in'];
  const open = { access: 'public' as const };
  app.post('/api/auth/login', { config: open, schema: { summary: 'Sign in: sets the session cookie', tags, body: checkedByService(c.SignInBody), response: { 200: c.SignedIn } } }, async (req, res) => {
    const s = await wb.auth.login(req.body, req.ip);
    setSessionCookie(res, wb, s.sessionId, wb.config.auth.sessionHours * 3600);
    return { user: presentPrincipal(s.principal), csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });
  app.post('/api/auth/logout', { config: open, schema: { summary: 'Sign out: ends the session and clears its cookie', tags, response: { 204: NoContent } } }, async (req, res) => {
    if (req.sessionId) await wb.auth.logout(req.sessionId, req.principal);
    setSessionCookie(res, wb, '', 0);
    return res.status(204).send();
  });
  app.get('/api/auth/me', { schema: { summary: 'Who is asking, what they may do, and their CSRF token', tags, querystring: NoQuery, response: { 200: c.Me } } }, async (req) => {
    return {
      authMode: wb.auth.mode,
      defaultTlp: wb.config.auth.defaultTlp,
      principal: presentPrincipal(req.principal),
      permissions: [...grantsOf(req.principal)],
      csrfToken: req.csrfToken ?? null,
      session: req.sessionState,
    };
  });
  // Any signed-in user (session with CSRF header, or API token) changes their own password. The account's other
  // sessions end; its API tokens are kept on purpose: they are separate credentials, each revoked under /api/tokens.
  app.post(
    '/api/auth/password',
    { config: { access: 'signed-in' }, schema: { summary: "Change one's own password", tags, body: checkedByService(c.PasswordChange), response: { 204: NoContent } } },
    async (req, res) => {
      await wb.auth.changePassword(req.principal, req.body, { sessionId: req.sessionId, client: req.ip });
      return res.status(204).send();
    },
  );
  app.post(
    '/api/auth/bootstrap',
    { config: open, schema: { summary: 'Create the first admin (only while there is no account)', tags, body: checkedByService(c.Bootstrap), response: { 201: c.Account } } },
    async (req, res) => res.status(201).send(presentAccount(await wb.auth.bootstrap(req.body))),
  );
}
