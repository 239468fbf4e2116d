// Sign-in under /api/auth: login (sets the session cookie), logout, who am I (and what became of the session), one's
// own password, and the first admin's bootstrap.
import type { FastifyInstance } from 'fastify';
import { presentAccount } from '../../app/account-service';
import type { Workbench } from '../../app/workbench';
import { grantsOf } from '../../core/auth/permissions';
import type { Principal } from '../../core/auth/principal';
import { readQuery } from '../query';
import { setSessionCookie } from '../auth';

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

export function authRoutes(app: FastifyInstance, wb: Workbench) {
  app.post('/api/auth/login', { config: { access: 'public' } }, async (req, res) => {
    const s = await wb.auth.login(req.body, req.ip);
    setSessionCookie(res, wb, s.sessionId, wb.config.auth.sessionHours * 3600);
    return { user: presentPrincipal(s.principal), csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  });
  app.post('/api/auth/logout', { config: { access: 'public' } }, async (req, res) => {
    if (req.sessionId) await wb.auth.logout(req.sessionId, req.principal);
    setSessionCookie(res, wb, '', 0);
    return res.status(204).send();
  });
  app.get('/api/auth/me', async (req) => {
    readQuery(req.query, [] as const);
    return {
      authMode: wb.auth.mode,
      defaultTlp: wb.config.auth.defaultTlp,
      principal: presentPrincipal(req.principal),
      permissions: grantsOf(req.principal),
      csrfToken: req.csrfToken ?? null,
      session: req.sessionState,
    };
  });
  // Any signed-in user (session with CSRF header, or API token) changes their own password. The account's other
  // sessions end; its API tokens are kept on purpose: they are separate credentials, each revoked under /api/tokens.
  app.post('/api/auth/password', { config: { access: 'signed-in' } }, async (req, res) => {
    await wb.auth.changePassword(req.principal, req.body, { sessionId: req.sessionId, client: req.ip });
    return res.status(204).send();
  });
  app.post('/api/auth/bootstrap', { config: { access: 'public' } }, async (req, res) => res.status(201).send(presentAccount(await wb.auth.bootstrap(req.body))));
}
