// Curation of the knowledge base under /api/kb: proposals, the review queue, approval and rejection (four eyes),
// a record as the files hold it (to prefill an update) and, public like the knowledge base, what changed since a date.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { readQuery } from '../query';

export function kbChangeRoutes(app: FastifyInstance, wb: Workbench) {
  const c = wb.curation;

  app.post('/api/kb/changes', { config: { access: 'kb.propose' } }, async (req, reply) => reply.status(201).send(await c.propose(req.principal, req.body)));
  app.get('/api/kb/changes', { config: { access: 'signed-in' } }, async (req) => {
    const q = readQuery(req.query, ['status', 'partner'] as const);
    return c.list(req.principal, q);
  });
  app.get<{ Params: { id: string } }>('/api/kb/changes/:id', { config: { access: 'signed-in' } }, async (req) => {
    readQuery(req.query, [] as const);
    return c.get(req.principal, req.params.id);
  });
  app.post<{ Params: { id: string } }>('/api/kb/changes/:id/approve', { config: { access: 'kb.review' } }, async (req) => c.approve(req.principal, req.params.id, req.body));
  app.post<{ Params: { id: string } }>('/api/kb/changes/:id/reject', { config: { access: 'kb.review' } }, async (req) => c.reject(req.principal, req.params.id, req.body));
  app.post<{ Params: { id: string } }>('/api/kb/changes/:id/revise', { config: { access: 'kb.propose' } }, async (req) => c.revise(req.principal, req.params.id, req.body));

  app.get('/api/kb/records', async (req) => {
    const q = readQuery(req.query, ['partner', 'kind', 'target'] as const);
    return c.record(q);
  });
  app.get<{ Params: { id: string } }>('/api/partners/:id/changes', async (req) => {
    const q = readQuery(req.query, ['since'] as const);
    return c.changesSince(req.principal, req.params.id, q.since);
  });
}
