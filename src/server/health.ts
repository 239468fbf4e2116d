// Probes: /api/health answers while the process is alive (it touches no database, so a database outage does not get
// healthy servers restarted); /api/ready answers 200 only when the database is reachable and fully migrated, so a
// load balancer sends requests to servers that can serve them.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Workbench } from '../app/workbench';
import { AppError } from '../core/errors';
import { Health, Ready } from '../contract/accounts';
import { NoQuery } from '../contract/common';
import { pendingMigrations } from '../store/db';
import type { ZodTypeProvider } from './zod-provider';

export async function registerHealth(server: FastifyInstance, wb: Workbench): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['operations'];
  // The dataset the server started with (other servers may seed a newer one later).
  const dataset = (await wb.kb.version())?.slice(0, 12) ?? null;
  app.get('/api/health', { config: { access: 'public' }, schema: { summary: 'Whether the process is alive', tags, querystring: NoQuery, response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    dataset,
  }));
  app.get('/api/ready', { config: { access: 'public' }, schema: { summary: 'Whether the database is reachable and migrated', tags, querystring: NoQuery, response: { 200: Ready } } }, async (req) => {
    try {
      await sql`SELECT 1`.execute(wb.db);
    } catch (e) {
      // The cause (addresses, driver messages) goes to the log, not to an unauthenticated probe.
      req.log.warn({ error: e instanceof Error ? e.message : String(e) }, 'readiness: database not reachable');
      throw new AppError('not_ready', 'The database is not reachable');
    }
    const pending = await pendingMigrations(wb.db);
    if (pending.length) throw new AppError('not_ready', `The database lacks migrations ${pending.join(', ')}: start one server of this version to apply them`);
    return { status: 'ready' as const };
  });
}
