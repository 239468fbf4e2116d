// Accounts and API tokens under /api: admins manage users; every signed-in user manages their own tokens.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { readQuery } from '../query';

export function accountRoutes(app: FastifyInstance, wb: Workbench) {
  const accounts = wb.accounts;
  app.get('/api/users', { config: { access: 'account.manage' } }, async (req) => {
    readQuery(req.query, [] as const);
    return accounts.list(req.principal);
  });
  app.get<{ Params: { username: string } }>('/api/users/:username', { config: { access: 'account.manage' } }, async (req) => {
    readQuery(req.query, [] as const);
    return accounts.get(req.principal, req.params.username);
  });
  app.post('/api/users', { config: { access: 'account.manage' } }, async (req, res) => res.status(201).send(await accounts.create(req.principal, req.body)));
  // A new password (an admin's reset) or disabling ends every session of that account (but the caller's own current
  // session when they reset their own password); a reset keeps its API tokens. The last enabled admin stays one (409).
  app.patch<{ Params: { username: string } }>('/api/users/:username', { config: { access: 'account.manage' } }, async (req) =>
    accounts.update(req.principal, req.params.username, req.body, { sessionId: req.sessionId }),
  );

  app.get('/api/tokens', { config: { access: 'token.own' } }, async (req) => {
    const q = readQuery(req.query, ['all'] as const);
    return accounts.tokens(req.principal, { all: q.all === 'true' });
  });
  app.post('/api/tokens', { config: { access: 'token.own' } }, async (req, res) => {
    const r = await accounts.createToken(req.principal, req.body);
    return res.status(201).send({ token: r.token, ...r.info });
  });
  app.delete<{ Params: { id: string } }>('/api/tokens/:id', { config: { access: 'token.own' } }, async (req) => accounts.revokeToken(req.principal, req.params.id));
}
