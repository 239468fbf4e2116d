// Accounts and API tokens under /api: admins manage users; every signed-in user manages their own tokens.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Workbench } from '../../app/workbench';
import * as c from '../../contract/accounts';
import { NoQuery } from '../../contract/common';
import { checkedByService, type ZodTypeProvider } from '../zod-provider';

export function accountRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const accounts = wb.accounts;
  const tags = ['accounts'];
  const manage = { access: 'account.manage' as const };
  app.get('/api/users', { config: manage, schema: { summary: 'The accounts', tags, querystring: NoQuery, response: { 200: z.array(c.Account) } } }, async (req) => accounts.list(req.principal));
  app.get('/api/users/:username', { config: manage, schema: { summary: 'One account', tags, params: c.UsernameParams, querystring: NoQuery, response: { 200: c.Account } } }, async (req) =>
    accounts.get(req.principal, req.params.username),
  );
  app.post('/api/users', { config: manage, schema: { summary: 'Create an account', tags, body: checkedByService(c.NewAccount), response: { 201: c.Account } } }, async (req, res) =>
    res.status(201).send(await accounts.create(req.principal, req.body)),
  );
  // A new password (an admin's reset) or disabling ends every session of that account (but the caller's own current
  // session when they reset their own password); a reset keeps its API tokens. The last enabled admin stays one (409).
  app.patch(
    '/api/users/:username',
    { config: manage, schema: { summary: 'Change an account (role, organisation, name, disabled, password)', tags, params: c.UsernameParams, body: checkedByService(c.AccountChange), response: { 200: c.Account } } },
    async (req) => accounts.update(req.principal, req.params.username, req.body, { sessionId: req.sessionId }),
  );

  const own = { access: 'token.own' as const };
  app.get('/api/tokens', { config: own, schema: { summary: "The caller's API tokens (all=true: everyone's, for account managers)", tags, querystring: c.TokensQuery, response: { 200: z.array(c.TokenInfo) } } }, async (req) =>
    accounts.tokens(req.principal, { all: req.query.all === 'true' }),
  );
  app.post('/api/tokens', { config: own, schema: { summary: 'Create an API token (its secret is shown once)', tags, body: checkedByService(c.NewToken), response: { 201: c.CreatedToken } } }, async (req, res) => {
    const r = await accounts.createToken(req.principal, req.body);
    return res.status(201).send({ token: r.token, ...r.info });
  });
  app.delete('/api/tokens/:id', { config: own, schema: { summary: 'Revoke a token (and the tokens it created)', tags, params: c.TokenParams, response: { 200: c.TokenInfo } } }, async (req) =>
    accounts.revokeToken(req.principal, req.params.id),
  );
}
