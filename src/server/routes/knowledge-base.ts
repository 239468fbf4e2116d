// The knowledge base under /api: partners, profiles, dialogues, the instrument matrix, actors, search.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Workbench } from '../../app/workbench';
import * as views from '../../app/kb-views';
import { AsOfQuery, NoQuery } from '../../contract/common';
import * as kb from '../../contract/knowledge-base';
import { sendJson } from '../send-json';
import type { ZodTypeProvider } from '../zod-provider';

export function knowledgeBaseRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge base'];
  // The partners, profiles, dialogues, the matrix, search, actors, strategies and areas depend only on the dataset version and the request's
  // parameters: computed once per key and kept as their encoded answer (app/kb-views.ts, send-json.ts).
  app.get('/api/partners', { schema: { summary: 'The partners, by name (with asOf, those in the picture then)', tags, querystring: AsOfQuery, response: { 200: z.array(kb.PartnerSummary) } } }, async (req, reply) =>
    sendJson(reply, wb, views.partnersView(wb, req.query.asOf)),
  );
  app.get(
    '/api/partners/:id',
    { schema: { summary: "A partner's profile as of a date", tags, params: kb.PartnerParams, querystring: AsOfQuery, response: { 200: kb.PartnerProfile } } },
    async (req, reply) => sendJson(reply, wb, views.partnerView(wb, req.params.id, req.query.asOf)),
  );
  app.get('/api/dialogues', { schema: { summary: 'Dialogues, filtered', tags, querystring: kb.DialogueQuery, response: { 200: z.array(kb.DialogueFact) } } }, async (req, reply) =>
    sendJson(reply, wb, views.dialoguesView(wb, req.query, req.query.asOf)),
  );
  app.get('/api/matrix', { schema: { summary: 'The partner × instrument matrix', tags, querystring: AsOfQuery, response: { 200: kb.InstrumentMatrix } } }, async (req, reply) =>
    sendJson(reply, wb, views.matrixView(wb, req.query.asOf)),
  );
  app.get('/api/actors', { schema: { summary: 'Actors (the EU and its bodies, partners, organisations)', tags, querystring: kb.ActorQuery, response: { 200: z.array(kb.Actor) } } }, async (req, reply) =>
    sendJson(reply, wb, views.actorsView(wb, req.query.kind, req.query.asOf)),
  );
  app.get(
    '/api/areas-of-responsibility',
    { schema: { summary: 'Who is responsible for each domain, at EU and national level', tags, querystring: NoQuery, response: { 200: z.array(kb.AreaOfResponsibility) } } },
    async (_req, reply) => sendJson(reply, wb, views.areasView(wb)),
  );
  app.get('/api/strategies', { schema: { summary: "The EU's cyber strategies and their objectives", tags, querystring: AsOfQuery, response: { 200: z.array(kb.Strategy) } } }, async (req, reply) =>
    sendJson(reply, wb, views.strategiesView(wb, req.query.asOf)),
  );
  app.get(
    '/api/national-strategies',
    { schema: { summary: "The partners' and the EU's national cybersecurity strategies adopted by the date", tags, querystring: AsOfQuery, response: { 200: z.array(kb.NationalStrategies) } } },
    async (req, reply) => sendJson(reply, wb, views.nationalStrategiesView(wb, req.query.asOf)),
  );
  app.get('/api/search', { schema: { summary: 'Full-text search over the facts', tags, querystring: kb.SearchQuery, response: { 200: z.array(kb.SearchHit) } } }, async (req, reply) =>
    sendJson(reply, wb, views.searchView(wb, req.query.q, req.query)),
  );
}
