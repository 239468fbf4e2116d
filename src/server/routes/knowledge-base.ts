// The knowledge base under /api: partners, profiles, dialogues, the instrument matrix, actors, search.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { readQuery } from '../query';

export function knowledgeBaseRoutes(app: FastifyInstance, wb: Workbench) {
  app.get('/api/partners', async (req) => {
    readQuery(req.query, ['asOf'] as const);
    return wb.partners();
  });
  app.get<{ Params: { id: string } }>('/api/partners/:id', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return wb.partner(req.params.id, q.asOf);
  });
  app.get('/api/dialogues', async (req) => {
    const q = readQuery(req.query, ['partner', 'level', 'topic', 'status', 'year', 'asOf'] as const);
    return wb.dialogues(q, q.asOf);
  });
  app.get('/api/matrix', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return wb.matrix(q.asOf);
  });
  app.get('/api/actors', async (req) => {
    const q = readQuery(req.query, ['kind', 'asOf'] as const);
    return wb.actors(q.kind, q.asOf);
  });
  app.get('/api/areas-of-responsibility', async (req) => {
    readQuery(req.query, [] as const);
    return wb.areas();
  });
  app.get('/api/strategies', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return wb.strategies(q.asOf);
  });
  app.get('/api/search', async (req) => {
    const q = readQuery(req.query, ['q', 'asOf', 'partner', 'kind', 'limit'] as const);
    return wb.search(q.q, q);
  });
}
