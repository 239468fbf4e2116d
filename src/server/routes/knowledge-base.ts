// The knowledge base under /api: partners, profiles, dialogues, the instrument matrix, actors, search.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { derivedCache } from '../../app/assessment-service';
import { readQuery } from '../query';
import { sendJson } from '../send-json';

export function knowledgeBaseRoutes(app: FastifyInstance, wb: Workbench) {
  app.get('/api/partners', async (req) => {
    readQuery(req.query, ['asOf'] as const);
    return wb.partners();
  });
  // Profiles and the matrix depend only on the dataset version and the date: computed once per pair (derived-cache.ts).
  app.get<{ Params: { id: string } }>('/api/partners/:id', async (req, reply) => {
    const q = readQuery(req.query, ['asOf'] as const);
    const version = (await wb.kb.version()) ?? 'empty';
    return sendJson(reply, await derivedCache(wb).get(['partner', version, req.params.id.toUpperCase(), q.asOf], () => wb.partner(req.params.id, q.asOf)));
  });
  app.get('/api/dialogues', async (req) => {
    const q = readQuery(req.query, ['partner', 'level', 'topic', 'status', 'year', 'asOf'] as const);
    return wb.dialogues(q, q.asOf);
  });
  app.get('/api/matrix', async (req, reply) => {
    const q = readQuery(req.query, ['asOf'] as const);
    const version = (await wb.kb.version()) ?? 'empty';
    return sendJson(reply, await derivedCache(wb).get(['matrix', version, q.asOf], () => wb.matrix(q.asOf)));
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
