// The assessment under /api: assess (GET with the reviewed weights, POST with the caller's), network, timeline, compare, gaps.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as service from '../../app/assessment-service';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import * as c from '../../contract/assessment';
import type { NetworkExport } from '../../core/network/network';
import { AsOfQuery, IdParams, NoQuery } from '../../contract/common';
import { encodedSize, encodeView, jsonChunks, sendEncoded, sendJson, type EncodedView } from '../send-json';
import { checkedByService, type ZodTypeProvider } from '../zod-provider';

/** A POST body must be `{ "weights": { ...a weights file, or `extends: reviewed` and changes... } }`. */
function weightsFromBody(body: unknown): service.WeightsChoice {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('weights' in body)) {
    throw new AppError('invalid_weights', 'Send a JSON body of the form { "weights": { ... } } holding a whole weights file (GET /api/assess/weights gives the reviewed one) or { "extends": "reviewed", ...only your changes }', [
      { path: 'weights', message: 'required' },
    ]);
  }
  return { weights: (body as { weights: unknown }).weights };
}

/** The graph's file as it is exported: GraphML and GEXF as written, JSON without graded sources (it has none). */
const networkForm: service.ViewForm<EncodedView, NetworkExport> = {
  name: 'file',
  make: async (out) => encodeView(out.contentType, typeof out.body === 'string' ? [out.body] : jsonChunks(out.body)),
  size: encodedSize,
};

export function assessmentRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const all = z.array(c.Assessment);
  app.get('/api/assess', { schema: { summary: 'Every partner assessed with the reviewed weights', tags, querystring: AsOfQuery, response: { 200: all } } }, async (req, reply) =>
    sendJson(reply, wb, service.assessView(wb, undefined, req.query.asOf)),
  );
  app.get('/api/assess/weights', { schema: { summary: 'The reviewed weights file', tags, querystring: NoQuery, response: { 200: c.Weights } } }, async (_req, reply) =>
    sendJson(reply, wb, service.weightsView(wb)),
  );
  app.get(
    '/api/assess/:id/history',
    { schema: { summary: "A partner's assessment year by year, with the facts that moved it", tags, params: IdParams, querystring: c.HistoryQuery, response: { 200: c.AssessmentHistory } } },
    async (req, reply) => sendJson(reply, wb, service.assessmentHistoryView(wb, req.params.id, req.query.from, req.query.to)),
  );
  app.get('/api/assess/:id', { schema: { summary: 'One partner assessed with the reviewed weights', tags, params: IdParams, querystring: AsOfQuery, response: { 200: c.Assessment } } }, async (req, reply) =>
    sendJson(reply, wb, service.assessView(wb, req.params.id, req.query.asOf)),
  );
  // Assessing with the caller's weights changes nothing: open to anyone, like the GET.
  const open = { access: 'public' as const };
  const mine = checkedByService(c.WeightsChoice);
  app.post('/api/assess', { config: open, schema: { summary: 'Every partner assessed with the weights sent', tags, querystring: AsOfQuery, body: mine, response: { 200: all } } }, async (req, reply) =>
    sendJson(reply, wb, service.assessView(wb, undefined, req.query.asOf, weightsFromBody(req.body))),
  );
  app.post('/api/assess/:id', { config: open, schema: { summary: 'One partner assessed with the weights sent', tags, params: IdParams, querystring: AsOfQuery, body: mine, response: { 200: c.Assessment } } }, async (req, reply) =>
    sendJson(reply, wb, service.assessView(wb, req.params.id, req.query.asOf, weightsFromBody(req.body))),
  );
  const graphs = { 'application/json': 'The graph as JSON (nodes, edges, blocs)', 'application/graphml+xml': 'GraphML', 'application/gexf+xml': 'GEXF' };
  app.get('/api/network', { schema: { summary: 'The partnership graph', tags, querystring: c.NetworkQuery, files: graphs } }, async (req, reply) =>
    sendEncoded(reply, await service.cachedForm(wb, service.networkView(wb, req.query.format, req.query.asOf), networkForm, req.arrival)),
  );
  app.get('/api/timeline', { schema: { summary: 'Dated events and active cyber dialogues per year', tags, querystring: AsOfQuery, response: { 200: c.Timeline } } }, async (req, reply) =>
    sendJson(reply, wb, service.timelineView(wb, undefined, req.query.asOf)),
  );
  app.get('/api/timeline/:id', { schema: { summary: "One partner's timeline", tags, params: IdParams, querystring: AsOfQuery, response: { 200: c.Timeline } } }, async (req, reply) =>
    sendJson(reply, wb, service.timelineView(wb, req.params.id, req.query.asOf)),
  );
  app.get('/api/compare', { schema: { summary: 'Partners side by side', tags, querystring: c.CompareQuery, response: { 200: c.CompareResult } } }, async (req, reply) =>
    sendJson(reply, wb, service.compareView(wb, req.query.ids, req.query.asOf)),
  );
  app.get('/api/gaps/:id', { schema: { summary: "A partner's gaps against the EU's objectives", tags, params: IdParams, querystring: AsOfQuery, response: { 200: c.Gaps } } }, async (req, reply) =>
    sendJson(reply, wb, service.gapsView(wb, req.params.id, req.query.asOf)),
  );
}
