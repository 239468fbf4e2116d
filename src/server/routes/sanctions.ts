// The cyber-sanctions regime under /api/sanctions: the regime on a date, and name screening (one name by GET, a
// list by POST). All are reads open to anyone; links show only the incidents and actors the caller may see.
import type { FastifyInstance } from 'fastify';
import { regimeView, screenView } from '../../app/sanctions-views';
import type { Workbench } from '../../app/workbench';
import { DateQuery } from '../../contract/common';
import * as c from '../../contract/sanctions';
import { AppError } from '../../core/errors';
import { resultsCsv } from '../../core/sanctions/batch';
import { sendJson } from '../send-json';
import { checkedByService, sendFile, type ZodTypeProvider } from '../zod-provider';

export function sanctionsRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['sanctions'];
  const s = wb.sanctions;

  // Kept per date, reader's clearance and the versions it reads (app/sanctions-views.ts).
  app.get('/api/sanctions', { schema: { summary: 'The cyber-sanctions regime and its listings on a date', tags, querystring: DateQuery, response: { 200: c.SanctionsView } } }, async (req, reply) =>
    sendJson(reply, wb, await regimeView(wb, req.principal, req.query.asOf, req.arrival)),
  );

  // Kept per name, date and the register's version (app/sanctions-views.ts).
  app.get('/api/sanctions/screen', { schema: { summary: 'Screen one name against the listings', tags, querystring: c.ScreenQuery, response: { 200: c.ScreenResult } } }, async (req, reply) =>
    sendJson(reply, wb, await screenView(wb, req.query.q, req.query.asOf, req.arrival)),
  );

  // JSON ({ names, asOf } or a list of names), or a CSV file sent as text/plain (one name a row). `format=csv`
  // answers a CSV of one row per name, for download.
  const batch = {
    summary: 'Screen a list of names',
    tags,
    querystring: c.ScreenBatchQuery,
    body: checkedByService(c.ScreenBatch),
    files: { 'text/csv': 'One row per name (format=csv)' },
    response: { 200: c.BatchScreenResult },
  };
  app.post('/api/sanctions/screen', { config: { access: 'public' }, schema: batch }, async (req, reply) => {
    const q = req.query;
    if (q.format !== undefined && q.format !== 'json' && q.format !== 'csv') throw new AppError('invalid_filter', `format must be json or csv, got "${q.format}"`, [{ path: 'format', message: 'json or csv' }]);
    const r = typeof req.body === 'string' ? await s.screenFile(req.body, q.input, q.asOf, 'input') : await s.screenBatch(req.body, q.asOf);
    if (q.format === 'csv') return sendFile(reply.header('content-disposition', `attachment; filename="screening-${r.asOf}.csv"`), 'text/csv; charset=utf-8', resultsCsv(r.results));
    return r;
  });
}
