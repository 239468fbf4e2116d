// The response toolbox under /api: incidents (CRUD and history), response plans, measures, member states, Council votes.
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
  app.post('/api/vote', async (req) => tb.vote(req.body));

  app.post('/api/respond', async (req, reply) => {
    const q = readQuery(req.query, ['format'] as const);
    const r = tb.respond(tb.validate(req.body), q.format);
    return r.format === 'markdown' ? reply.type('text/markdown; charset=utf-8').send(r.body) : r.body;
  });

  app.get('/api/incidents', async (req) => {
    const q = readQuery(req.query, ['category', 'ongoing', 'q', 'limit', 'offset'] as const);
    return tb.list(q);
  });
  app.post('/api/incidents', async (req, reply) => reply.status(201).send(await tb.create(req.body)));
  app.get<{ Params: { id: string } }>('/api/incidents/:id', async (req) => {
    readQuery(req.query, [] as const);
    return tb.get(req.params.id);
  });
  app.put<{ Params: { id: string } }>('/api/incidents/:id', async (req) => tb.update(req.params.id, req.body, { merge: false }));
  app.patch<{ Params: { id: string } }>('/api/incidents/:id', async (req) => tb.update(req.params.id, req.body, { merge: true }));
  app.delete<{ Params: { id: string } }>('/api/incidents/:id', async (req, reply) => {
    await tb.remove(req.params.id);
    return reply.status(204).send();
  });
  app.get<{ Params: { id: string } }>('/api/incidents/:id/history', async (req) => tb.history(req.params.id));
  app.get<{ Params: { id: string } }>('/api/incidents/:id/plan', async (req, reply) => {
    const q = readQuery(req.query, ['format'] as const);
    const stored = await tb.get(req.params.id);
    const r = tb.respond(stored.incident, q.format);
    return r.format === 'markdown' ? reply.type('text/markdown; charset=utf-8').send(r.body) : { incidentId: stored.id, ...(r.body as object) };
  });
}
