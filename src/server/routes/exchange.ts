// Exchange under /api: STIX import (the request body is the bundle), the reports of past imports, and the
// exports of every list as CSV or JSON, and of incidents, actors and attributions as a STIX 2.1 bundle.
// Importing needs the editor role (records go to the caller's organisation; tlp=, owner=, recipients= set their
// marking); reports and exports need a signed-in user and hold only what the caller may see (TLP).
import type { FastifyInstance } from 'fastify';
import { ExchangeService, rejection } from '../../app/exchange-service';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import { importMarkingOptions } from '../../core/exchange/import-options';
import { readQuery } from '../query';

/** A request body is parsed whole: bundles above this go through the CLI, which streams the file. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const flag = (name: string, v: string | undefined): boolean => {
  if (v === undefined || v === '' || v === 'false') return false;
  if (v === 'true') return true;
  throw new AppError('invalid_filter', `${name} must be true or false, got "${v}"`, [{ path: name, message: 'true or false' }]);
};

export function exchangeRoutes(app: FastifyInstance, wb: Workbench) {
  const exchange = new ExchangeService(wb);

  app.post('/api/import/stix', { bodyLimit: IMPORT_BODY_LIMIT, config: { access: 'import.run' } }, async (req) => {
    const q = readQuery(req.query, ['strict', 'dryRun', 'tlp', 'owner', 'recipients'] as const);
    const options = { strict: flag('strict', q.strict), dryRun: flag('dryRun', q.dryRun), marking: importMarkingOptions(q) };
    const report = await exchange.importStixBody(req.principal, req.body, options);
    if (report.rejected) throw rejection(report);
    return report;
  });
  app.get('/api/import/reports', { config: { access: 'signed-in' } }, async (req) => {
    const q = readQuery(req.query, ['limit'] as const);
    const limit = q.limit === undefined ? 20 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new AppError('invalid_filter', `limit must be a whole number from 1 to 200, got "${q.limit}"`, [{ path: 'limit', message: '1..200' }]);
    return exchange.reports(req.principal, limit);
  });
  app.get<{ Params: { view: string } }>('/api/export/:view', { config: { access: 'signed-in' } }, async (req, reply) => {
    const q = readQuery(req.query, ['format', 'asOf', 'incident'] as const);
    const out = await exchange.exportView(req.principal, req.params.view, q);
    return reply.type(out.contentType).header('Content-Disposition', `attachment; filename="${out.filename}"`).send(out.body);
  });
}
