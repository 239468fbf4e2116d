// The cyber-sanctions regime under /api/sanctions: the regime on a date, and name screening (one name by GET, a
// list by POST). All are reads open to anyone; links show only the incidents and actors the caller may see.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import type { ActorRecord } from '../../core/exchange/records';
import { clearanceOf } from '../../core/marking/clearance';
import { resultsCsv } from '../../core/sanctions/batch';
import { ExchangeRepository } from '../../store/exchange-repository';
import { readQuery } from '../query';

export function sanctionsRoutes(app: FastifyInstance, wb: Workbench) {
  const s = wb.sanctions;
  const actors = new ExchangeRepository(wb.db, wb.config.auth.defaultTlp);

  app.get('/api/sanctions', async (req) => {
    const q = readQuery(req.query, ['asOf'] as const);
    return s.regime(q.asOf, {
      incidents: async () => {
        // The latest 1,000 incidents the caller may see.
        const { items } = await wb.toolbox.list(req.principal, { limit: '1000' });
        return items.map((x) => ({ id: x.id, title: x.incident.title, names: [...x.incident.initiator.identifiedPersons, ...x.incident.initiator.identifiedEntities] }));
      },
      actors: async () => (await actors.records<ActorRecord>(clearanceOf(req.principal), 'actor')).map((a) => ({ id: a.id, name: a.value.name, aliases: a.value.aliases })),
    });
  });

  app.get('/api/sanctions/screen', async (req) => {
    const q = readQuery(req.query, ['q', 'asOf'] as const);
    return s.screen(q.q, q.asOf);
  });

  // JSON ({ names, asOf } or a list of names), or a CSV file sent as text/plain (one name a row). `format=csv`
  // answers a CSV of one row per name, for download.
  app.post('/api/sanctions/screen', { config: { access: 'public' } }, async (req, reply) => {
    const q = readQuery(req.query, ['asOf', 'format', 'input'] as const);
    if (q.format !== undefined && q.format !== 'json' && q.format !== 'csv') throw new AppError('invalid_filter', `format must be json or csv, got "${q.format}"`, [{ path: 'format', message: 'json or csv' }]);
    const r = typeof req.body === 'string' ? await s.screenFile(req.body, q.input, q.asOf) : await s.screenBatch(req.body, q.asOf);
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="screening-${r.asOf}.csv"`).send(resultsCsv(r.results));
    return r;
  });
}
