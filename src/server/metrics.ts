// Prometheus metrics at /metrics (prom-client): requests and their durations by route and status, the database
// pool, and imports. Import counts are read from the database at scrape time, so they include every server's and the
// CLI's imports. Each server has its own registry (tests build many in one process).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import type { Workbench } from '../app/workbench';
import { poolStats } from '../store/db';
import { isWebPage } from './web-pages';

/** The route pattern a request matched, never its raw path: labels stay few whatever clients send. */
export function routeOf(req: FastifyRequest): string {
  return req.routeOptions.url ?? (isWebPage(req.url) ? '(web page)' : '(unmatched)');
}

export function registerMetrics(app: FastifyInstance, wb: Workbench, opts: { processMetrics?: boolean } = {}): void {
  const register = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register, prefix: 'cyberdiplo_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'cyberdiplo_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames, registers: [register] });
  const durations = new Histogram({
    name: 'cyberdiplo_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  new Gauge({
    name: 'cyberdiplo_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting for a connection, max); absent on SQLite',
    labelNames: ['state'],
    registers: [register],
    collect() {
      const s = poolStats(wb.db);
      if (!s) return;
      for (const [state, n] of Object.entries(s)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'cyberdiplo_import_runs',
    help: 'Imports recorded in the database (every server and the CLI), by format',
    labelNames: ['format'],
    registers: [register],
    async collect() {
      const rows = await sql<{ format: string; n: number }>`SELECT format, count(*) AS n FROM import_report GROUP BY format`.execute(wb.db);
      this.reset();
      for (const r of rows.rows) this.set({ format: r.format }, Number(r.n));
    },
  });
  new Gauge({
    name: 'cyberdiplo_imported_records',
    help: 'Records imported from the field, by kind (incident, actor, attribution, sighting, report)',
    labelNames: ['kind'],
    registers: [register],
    async collect() {
      const rows = await sql<{ kind: string; n: number }>`SELECT record_kind AS kind, count(*) AS n FROM exchange_link GROUP BY record_kind`.execute(wb.db);
      this.reset();
      for (const r of rows.rows) this.set({ kind: r.kind }, Number(r.n));
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const labels = { method: req.method, route: routeOf(req), status: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'public' } }, async (_req, reply) => reply.type(register.contentType).send(await register.metrics()));
}
