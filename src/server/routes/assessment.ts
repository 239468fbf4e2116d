// The assessment under /api: assess (GET with the reviewed weights, POST with the caller's), network, timeline, compare, gaps.
import type { FastifyInstance } from 'fastify';
import * as service from '../../app/assessment-service';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import { readQuery } from '../query';
import { sendJson } from '../send-json';

/** A POST body must be `{ "weights": { ...a weights file, or `extends: reviewed` and changes... } }`. */
function weightsFromBody(body: unknown): service.WeightsChoice {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('weights' in body)) {
    throw new AppError('invalid_weights', 'Send a JSON body of the form { "weights": { ... } } holding a whole weights file (GET /api/assess/weights gives the reviewed one) or { "extends": "reviewed", ...only your changes }', [
      { path: 'weights', message: 'required' },
    ]);
  }
  return { weights: (body as { weights: unknown }).weights };
}

export function assessmentRoutes(app: FastifyInstance, wb: Workbench) {
  app.get('/api/assess', async (req, reply) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return sendJson(reply, await service.assess(wb, undefined, q.asOf));
  });
  app.get('/api/assess/weights', async (req) => {
    readQuery(req.query, [] as const);
    return service.defaultWeights(wb);
  });
  app.get<{ Params: { id: string } }>('/api/assess/:id/history', async (req, reply) => {
    const q = readQuery(req.query, ['from', 'to'] as const);
    return sendJson(reply, await service.assessmentHistory(wb, req.params.id, q.from, q.to));
  });
  app.get<{ Params: { id: string } }>('/api/assess/:id', async (req, reply) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return sendJson(reply, await service.assess(wb, req.params.id, q.asOf));
  });
  // Assessing with the caller's weights changes nothing: open to anyone, like the GET.
  app.post('/api/assess', { config: { access: 'public' } }, async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return service.assess(wb, undefined, q.asOf, weightsFromBody(req.body));
  });
  app.post<{ Params: { id: string } }>('/api/assess/:id', { config: { access: 'public' } }, async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return service.assess(wb, req.params.id, q.asOf, weightsFromBody(req.body));
  });
  app.get('/api/network', async (req, reply) => {
    const q = readQuery(req.query, ['format', 'asOf'] as const);
    const out = await service.network(wb, q.format, q.asOf);
    return reply.type(out.contentType).send(out.body);
  });
  app.get('/api/timeline', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return service.timeline(wb, undefined, q.asOf);
  });
  app.get<{ Params: { id: string } }>('/api/timeline/:id', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return service.timeline(wb, req.params.id, q.asOf);
  });
  app.get('/api/compare', async (req, reply) => {
    const q = readQuery(req.query, ['ids', 'asOf'] as const);
    return sendJson(reply, await service.compare(wb, q.ids, q.asOf));
  });
  app.get<{ Params: { id: string } }>('/api/gaps/:id', async (req, reply) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return sendJson(reply, await service.gaps(wb, req.params.id, q.asOf));
  });
}
