// The response toolbox under /api: incidents (CRUD and history), response plans, measures, member states, Council votes.
// Incident routes pass the caller to the service, which filters by TLP in the store; plans and votes on data in the
// request change nothing and are open to anyone.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cachedPlan, cachedPlanForm } from '../../app/plan-views';
import { PLAN_FORMATS } from '../../app/toolbox-service';
import { checkFilter } from '../../core/kb/filters';
import type { Workbench } from '../../app/workbench';
import { NoContent, NoQuery } from '../../contract/common';
import * as c from '../../contract/toolbox';
import { incidentPageWriter } from '../incident-page';
import { KEPT_PAGE_BYTES, KeptPages, sendPage } from '../kept-incident-pages';
import { jsonForm, sendEncoded, sendJson } from '../send-json';
import { checkedByService, sendFile, type ZodTypeProvider } from '../zod-provider';

const markdown = { 'text/markdown': 'The plan as Markdown (format=markdown)' };

export function toolboxRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tb = wb.toolbox;
  const tags = ['toolbox'];
  const open = { access: 'public' as const };

  app.get('/api/measures', { schema: { summary: 'The measures of the toolbox', tags, querystring: NoQuery, response: { 200: z.array(c.Measure) } } }, async (_req, reply) =>
    // The toolbox's files are read once, when the workbench opens: the answer is written once per dataset version.
    sendJson(reply, wb, { parts: ['measures'], compute: () => tb.measures() }),
  );
  app.get('/api/member-states', { schema: { summary: 'The Council of a year, with population shares', tags, querystring: c.MemberStatesQuery, response: { 200: c.MemberStates } } }, async (req, reply) =>
    // Read from the same files, per the year as sent (a refused year is never kept).
    sendJson(reply, wb, { parts: ['member-states', JSON.stringify([req.query.year ?? null])], compute: () => tb.memberStates(req.query.year) }),
  );
  app.get('/api/vote/acts', { schema: { summary: 'The kinds of act a vote may name and who may propose each', tags, querystring: NoQuery, response: { 200: c.VoteActs } } }, async () => tb.voteActs());
  app.post('/api/vote', { config: open, schema: { summary: 'Simulate a Council vote', tags, body: checkedByService(c.VoteRequest), response: { 200: c.VoteResult } } }, async (req) => tb.vote(req.body));

  // Plans are kept per incident, reader's clearance, date and the versions they read (app/plan-views.ts).
  app.post(
    '/api/respond',
    { config: open, schema: { summary: 'The response plan for an incident sent in the body (nothing is stored)', tags, querystring: c.PlanQuery, body: checkedByService(c.Incident), files: markdown, response: { 200: c.ResponsePlan } } },
    async (req, reply) => {
      const r = await cachedPlan(wb, tb.validate(req.body), req.query.format, { principal: req.principal, asOf: req.query.asOf, arrived: req.arrival });
      return r.format === 'markdown' ? sendFile(reply, 'text/markdown; charset=utf-8', r.body as string) : reply.send(r.body as z.input<typeof c.ResponsePlan>);
    },
  );

  // The page is written from the stored bodies' text (incident-page.ts): the same bytes as the page serialized whole.
  const incidentPage = incidentPageWriter(<T,>(value: T): T => server.gradeSources(value));
  // Whole answers are kept per incident version, reader and query (kept-incident-pages.ts), and carried over this
  // server's own writes that leave their list as it was.
  const keptPages = new KeptPages(KEPT_PAGE_BYTES, () => tb.incidentWritesSettled());
  tb.onIncidentChange((change) => keptPages.carry(change));
  app.get('/api/incidents', { schema: { summary: 'Incidents the caller may see, newest first', tags, querystring: c.IncidentsQuery, response: { 200: c.IncidentPage } } }, async (req, reply) => {
    const key = tb.listKey(req.principal, req.query);
    const read = async () => incidentPage.write(await tb.listStored(req.principal, req.query));
    const page = await keptPages.answer(() => tb.incidentVersion(), key, read, tb.listScope(req.principal, req.query), () => wb.versions.incident(req.arrival));
    return sendPage(reply, page);
  });
  app.post(
    '/api/incidents',
    { config: { access: 'incident.create' }, schema: { summary: 'Record an incident (marking fields beside its fields)', tags, body: checkedByService(c.IncidentWrite), response: { 201: c.StoredIncident } } },
    async (req, reply) => reply.status(201).send(await tb.create(req.principal, req.body)),
  );
  app.get('/api/incidents/:id', { schema: { summary: 'An incident with its sightings and reports', tags, params: c.IncidentParams, querystring: NoQuery, response: { 200: c.ShownIncident } } }, async (req) =>
    tb.get(req.principal, req.params.id),
  );
  const signedIn = { access: 'signed-in' as const };
  app.put(
    '/api/incidents/:id',
    { config: signedIn, schema: { summary: 'Replace an incident', tags, params: c.IncidentParams, body: checkedByService(c.IncidentWrite), response: { 200: c.StoredIncident } } },
    async (req) => tb.update(req.principal, req.params.id, req.body, { merge: false }),
  );
  app.patch(
    '/api/incidents/:id',
    { config: signedIn, schema: { summary: 'Change an incident by a JSON merge patch', tags, params: c.IncidentParams, body: checkedByService(c.IncidentWrite), response: { 200: c.StoredIncident } } },
    async (req) => tb.update(req.principal, req.params.id, req.body, { merge: true }),
  );
  app.delete(
    '/api/incidents/:id',
    { config: { access: 'incident.delete' }, schema: { summary: 'Delete an incident (its history and audit entries stay)', tags, params: c.IncidentParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await tb.remove(req.principal, req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/incidents/:id/history',
    { schema: { summary: "An incident's versions", tags, params: c.IncidentParams, querystring: NoQuery, response: { 200: z.array(c.HistoryEntry) } } },
    async (req) => tb.history(req.principal, req.params.id),
  );
  app.get(
    '/api/incidents/:id/plan',
    { schema: { summary: 'The response plan for a recorded incident', tags, params: c.IncidentParams, querystring: c.PlanQuery, files: markdown, response: { 200: c.IncidentPlan } } },
    async (req, reply) => {
      const stored = await tb.get(req.principal, req.params.id);
      const opts = { principal: req.principal, selfId: stored.id, marking: stored.marking.tlp, asOf: req.query.asOf, arrived: req.arrival };
      // JSON is answered from its kept bytes (plan-views.ts), as the knowledge base's views are; the plan holds the
      // incident and the precedents the reader may see, so no cache may store it.
      if (checkFilter('format', req.query.format, PLAN_FORMATS) !== 'markdown') {
        return sendEncoded(reply, await cachedPlanForm(wb, stored.incident, { incidentId: stored.id }, jsonForm(server), opts), { marked: true });
      }
      const r = await cachedPlan(wb, stored.incident, req.query.format, opts);
      return sendFile(reply, 'text/markdown; charset=utf-8', r.body as string);
    },
  );
}
