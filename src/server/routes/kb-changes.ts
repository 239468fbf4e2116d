// Curation of the knowledge base under /api/kb: proposals, the review queue, approval and rejection (four eyes),
// a record as the files hold it (to prefill an update) and, public like the knowledge base, what changed since a date.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import * as views from '../../app/kb-views';
import type { Workbench } from '../../app/workbench';
import { ApproveBody, ChangeParams, ChangeQuery, ChangesSince, KbChange, KbRecord, ProposalBody, RecordQuery, RejectBody, ReviseBody, SinceQuery } from '../../contract/kb-changes';
import { IdParams, NoQuery } from '../../contract/common';
import { sendJson } from '../send-json';
import { checkedByService, type ZodTypeProvider } from '../zod-provider';

export function kbChangeRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const c = wb.curation;
  const tags = ['curation'];

  app.post(
    '/api/kb/changes',
    { config: { access: 'kb.propose' }, schema: { summary: 'Propose a change to the knowledge base (pending until another person reviews it)', tags, querystring: NoQuery, body: checkedByService(ProposalBody), response: { 201: KbChange } } },
    async (req, reply) => reply.status(201).send(await c.propose(req.principal, req.body)),
  );
  app.get(
    '/api/kb/changes',
    { config: { access: 'signed-in' }, schema: { summary: 'Changes, newest first, with proposer, reviewer, times and the record before and after', tags, querystring: ChangeQuery, response: { 200: z.array(KbChange) } } },
    async (req) => c.list(req.principal, req.query),
  );
  app.get(
    '/api/kb/changes/:id',
    { config: { access: 'signed-in' }, schema: { summary: 'One change', tags, params: ChangeParams, querystring: NoQuery, response: { 200: KbChange } } },
    async (req) => c.get(req.principal, req.params.id),
  );
  app.post(
    '/api/kb/changes/:id/approve',
    { config: { access: 'kb.review' }, schema: { summary: 'Approve and publish a change (an editor or admin other than its proposer)', tags, params: ChangeParams, querystring: NoQuery, body: checkedByService(ApproveBody), response: { 200: KbChange } } },
    async (req) => c.approve(req.principal, req.params.id, req.body),
  );
  app.post(
    '/api/kb/changes/:id/reject',
    { config: { access: 'kb.review' }, schema: { summary: 'Reject a change with a reason (an editor or admin other than its proposer)', tags, params: ChangeParams, querystring: NoQuery, body: checkedByService(RejectBody), response: { 200: KbChange } } },
    async (req) => c.reject(req.principal, req.params.id, req.body),
  );
  app.post(
    '/api/kb/changes/:id/revise',
    { config: { access: 'kb.propose' }, schema: { summary: 'Its proposer revises a pending change against the record as it reads now', tags, params: ChangeParams, querystring: NoQuery, body: checkedByService(ReviseBody), response: { 200: KbChange } } },
    async (req) => c.revise(req.principal, req.params.id, req.body),
  );
  app.get(
    '/api/kb/records',
    { config: { access: 'public' }, schema: { summary: 'A record as the published data files hold it, to prefill an update', tags, querystring: RecordQuery, response: { 200: KbRecord } } },
    async (req, reply) => sendJson(reply, wb, views.recordView(wb, req.query)),
  );
  app.get(
    '/api/partners/:id/changes',
    { config: { access: 'public' }, schema: { summary: 'What began, changed or ended for a partner since a date, and the curated changes published since', tags, params: IdParams, querystring: SinceQuery, response: { 200: ChangesSince } } },
    async (req, reply) => sendJson(reply, wb, views.changesSinceView(wb, req.principal, req.params.id, req.query.since)),
  );
}
