// The response toolbox under /api: incidents (CRUD and history), response plans, measures, member states, Council votes.
// Incident routes pass the caller to the service, which filters by TLP in the store; plans and votes on data in the
// request change nothing and are open to anyone.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { readQuery } from '../query';

export function toolboxRoutes(app: FastifyInstance, wb: Workbench) {
  const tb = wb.toolbox;

  app.get('/api/measures', async (req) => {
    readQuery(req.query, [] as const);
    return tb.measures();
  });
  app.get('/api/member-states', async (req) => {
    const q = readQuery(req.query, ['year'] as const);
    return tb.memberStates(q.year);
  });
  app.post('/api/vote', { config: { access: 'public' } }, async (req) => tb.vote(req.body));

  app.post('/api/respond', { config: { access: 'public' } }, async (req, reply) => {
    const q = readQuery(req.query, ['format'] as const);
    const r = await tb.respond(tb.validate(req.body), q.format, { principal: req.principal });
    return r.format === 'markdown' ? reply.type('text/markdown; charset=utf-8').send(r.body) : r.body;
  });

  app.get('/api/incidents', async (req) => {
    const q = readQuery(req.query, ['category', 'ongoing', 'q', 'limit', 'offset'] as const);
    return tb.list(req.principal, q);
  });
  app.post('/api/incidents', { config: { access: 'incident.create' } }, async (req, reply) => reply.status(201).send(await tb.create(req.principal, req.body)));
  app.get<{ Params: { id: string } }>('/api/incidents/:id', async (req) => {
    readQuery(req.query, [] as const);
    return tb.get(req.principal, req.params.id);
  });
  const signedIn = { config: { access: 'signed-in' as const } };
  app.put<{ Params: { id: string } }>('/api/incidents/:id', signedIn, async (req) => tb.update(req.principal, req.params.id, req.body, { merge: false }));
  app.patch<{ Params: { id: string } }>('/api/incidents/:id', signedIn, async (req) => tb.update(req.principal, req.params.id, req.body, { merge: true }));
  app.delete<{ Params: { id: string } }>('/api/incidents/:id', { config: { access: 'incident.delete' } }, async (req, reply) => {
    await tb.remove(req.principal, req.params.id);
    return reply.status(204).send();
  });
  app.get<{ Params: { id: string } }>('/api/incidents/:id/history', async (req) => {
    readQuery(req.query, [] as const);
    return tb.history(req.principal, req.params.id);
  });
  app.get<{ Params: { id: string } }>('/api/incidents/:id/plan', async (req, reply) => {
    const q = readQuery(req.query, ['format'] as const);
    const stored = await tb.get(req.principal, req.params.id);
    const r = await tb.respond(stored.incident, q.format, { principal: req.principal, selfId: stored.id, marking: stored.marking.tlp });
    return r.format === 'markdown' ? reply.type('text/markdown; charset=utf-8').send(r.body) : { incidentId: stored.id, ...(r.body as object) };
  });
}
