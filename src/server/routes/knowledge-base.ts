// The knowledge base under /api: partners, profiles, dialogues, the instrument matrix, actors, search.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Workbench } from '../../app/workbench';
import { derivedCache } from '../../app/assessment-service';
import { AsOfQuery, NoQuery } from '../../contract/common';
import * as kb from '../../contract/knowledge-base';
import { sendJson } from '../send-json';
import type { ZodTypeProvider } from '../zod-provider';

export function knowledgeBaseRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge base'];
  app.get('/api/partners', { schema: { summary: 'The partners, by name (with asOf, those in the picture then)', tags, querystring: AsOfQuery, response: { 200: z.array(kb.PartnerSummary) } } }, async (req) =>
    wb.partners(req.query.asOf),
  );
  // Profiles and the matrix depend only on the dataset version and the date: computed once per pair (derived-cache.ts).
  app.get(
    '/api/partners/:id',
    { schema: { summary: "A partner's profile as of a date", tags, params: kb.PartnerParams, querystring: AsOfQuery, response: { 200: kb.PartnerProfile } } },
    async (req, reply) => {
      const version = (await wb.kb.version()) ?? 'empty';
      return sendJson(reply, await derivedCache(wb).get(['partner', version, req.params.id.toUpperCase(), req.query.asOf], () => wb.partner(req.params.id, req.query.asOf)));
    },
  );
  app.get('/api/dialogues', { schema: { summary: 'Dialogues, filtered', tags, querystring: kb.DialogueQuery, response: { 200: z.array(kb.DialogueFact) } } }, async (req) =>
    wb.dialogues(req.query, req.query.asOf),
  );
  app.get('/api/matrix', { schema: { summary: 'The partner × instrument matrix', tags, querystring: AsOfQuery, response: { 200: kb.InstrumentMatrix } } }, async (req, reply) => {
    const version = (await wb.kb.version()) ?? 'empty';
    return sendJson(reply, await derivedCache(wb).get(['matrix', version, req.query.asOf], () => wb.matrix(req.query.asOf)));
  });
  app.get('/api/actors', { schema: { summary: 'Actors (the EU and its bodies, partners, organisations)', tags, querystring: kb.ActorQuery, response: { 200: z.array(kb.Actor) } } }, async (req) =>
    wb.actors(req.query.kind, req.query.asOf),
  );
  app.get(
    '/api/areas-of-responsibility',
    { schema: { summary: 'Who is responsible for each domain, at EU and national level', tags, querystring: NoQuery, response: { 200: z.array(kb.AreaOfResponsibility) } } },
    async () => wb.areas(),
  );
  app.get('/api/strategies', { schema: { summary: "The EU's cyber strategies and their objectives", tags, querystring: AsOfQuery, response: { 200: z.array(kb.Strategy) } } }, async (req) =>
    wb.strategies(req.query.asOf),
  );
  app.get('/api/search', { schema: { summary: 'Full-text search over the facts', tags, querystring: kb.SearchQuery, response: { 200: z.array(kb.SearchHit) } } }, async (req) =>
    wb.search(req.query.q, req.query),
  );
}
