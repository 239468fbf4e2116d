// Exchange under /api: STIX import (the request body is the bundle), the reports of past imports, and the
// exports of every list as CSV or JSON, and of incidents, actors and attributions as a STIX 2.1 bundle.
// Importing needs the editor role (records go to the caller's organisation; tlp=, owner=, recipients= set their
// marking); reports and exports need a signed-in user and hold only what the caller may see (TLP).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ExchangeService, rejection } from '../../app/exchange-service';
import type { ExportOutput } from '../../app/exchange-exports';
import type { ViewForm } from '../../app/assessment-service';
import { cachedExportForm } from '../../app/export-views';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import { importMarkingOptions } from '../../core/exchange/import-options';
import * as c from '../../contract/exchange';
import { encodedSize, encodeView, sendEncoded, type EncodedView } from '../send-json';
import { checkedByService, type ZodTypeProvider } from '../zod-provider';

/** A request body is parsed whole: bundles above this go through the CLI, which streams the file. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export const flag = (name: string, v: string | undefined): boolean => {
  if (v === undefined || v === '' || v === 'false') return false;
  if (v === 'true') return true;
  throw new AppError('invalid_filter', `${name} must be true or false, got "${v}"`, [{ path: name, message: 'true or false' }]);
};

/** The name of the file a posted bundle came from: its last part only, printable, up to 200 characters. */
export const fileName = (v: string | undefined): string | undefined => {
  if (v === undefined || v === '') return undefined;
  const name = v.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError('invalid_filter', 'file must be a file name of 1 to 200 printable characters', [{ path: 'file', message: '1..200 printable characters' }]);
  }
  return name;
};

/** An export's file as it is answered: written once as bytes with its entity tag and compressed copies. */
const exportFile: ViewForm<{ filename: string; file: EncodedView }, ExportOutput> = {
  name: 'file',
  make: async (out) => ({ filename: out.filename, file: await encodeView(out.contentType, [out.body]) }),
  size: (f) => encodedSize(f.file) + f.filename.length,
};

export function exchangeRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const exchange = new ExchangeService(wb);
  const tags = ['exchange'];

  const importSchema = { summary: 'Import a STIX 2.1 bundle (the body)', tags, querystring: c.ImportQuery, body: checkedByService(c.StixBundle), response: { 200: c.ImportReport } };
  app.post('/api/import/stix', { bodyLimit: IMPORT_BODY_LIMIT, config: { access: 'import.run' }, schema: importSchema }, async (req) => {
    const q = req.query;
    const options = { strict: flag('strict', q.strict), dryRun: flag('dryRun', q.dryRun), marking: importMarkingOptions(q), fileName: fileName(q.file) };
    const report = await exchange.importStixBody(req.principal, req.body, options);
    if (report.rejected) throw rejection(report);
    return report;
  });
  const reportsSchema = { summary: 'The reports of past imports the caller may see, newest first', tags, querystring: c.ReportsQuery, response: { 200: z.array(c.StoredReport) } };
  app.get('/api/import/reports', { config: { access: 'signed-in' }, schema: reportsSchema }, async (req) => {
    const q = req.query;
    const limit = q.limit === undefined ? 20 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new AppError('invalid_filter', `limit must be a whole number from 1 to 200, got "${q.limit}"`, [{ path: 'limit', message: '1..200' }]);
    return exchange.reports(req.principal, limit);
  });
  const files = { 'text/csv': 'A CSV file (format=csv)', 'application/json': 'A JSON file (format=json)', 'application/stix+json': 'A STIX 2.1 bundle (view stix)' };
  const exportSchema = { summary: 'Export a list as CSV or JSON, or incidents, actors and attributions as a STIX bundle', tags, params: c.ExportParams, querystring: c.ExportQuery, files };
  app.get('/api/export/:view', { config: { access: 'signed-in' }, schema: exportSchema }, async (req, reply) => {
    // Kept per what the view reads (app/export-views.ts), as its file's bytes; exports hold marked records, so no
    // cache may store them.
    const out = await cachedExportForm(wb, req.principal, req.params.view, req.query, () => exchange.exportView(req.principal, req.params.view, req.query), exportFile, req.arrival);
    return sendEncoded(reply.header('Content-Disposition', `attachment; filename="${out.filename}"`), out.file, { marked: true });
  });
}
