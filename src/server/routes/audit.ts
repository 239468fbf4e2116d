// The audit trail under /api/audit, for admins: entries (contents of records the reader may not see withheld), oldest or
// newest first, narrowed by record, record type, actor and days; the chain's verification; and what this server's start
// did to the registry's copies of the reviewed precedents.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { registrySeedView } from '../../app/registry-seed';
import { AuditEntry, AuditQuery, AuditVerdict, RegistrySeed } from '../../contract/audit';
import { NoQuery } from '../../contract/common';
import { AppError } from '../../core/errors';
import type { ZodTypeProvider } from '../zod-provider';

function whole(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('invalid_filter', `${name} must be a whole number from ${min} to ${max}, got "${v}"`, [{ path: name, message: `${min}..${max}` }]);
  return n;
}

/** A day as YYYY-MM-DD, checked to be a real one. */
function day(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v) throw new AppError('invalid_filter', `${name} must be a day as YYYY-MM-DD, got "${v}"`, [{ path: name, message: 'YYYY-MM-DD' }]);
  return v;
}

/** The day after, as the exclusive end of the entries written on or before `v` (their `at` is ISO text in UTC). */
const dayAfter = (v: string) => new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function order(v: string | undefined): boolean {
  if (v === undefined || v === '' || v === 'oldest') return false;
  if (v === 'newest') return true;
  throw new AppError('invalid_filter', `order must be oldest or newest, got "${v}"`, [{ path: 'order', message: 'oldest or newest' }]);
}

export function auditRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { summary: 'Audit entries, oldest first (or newest first), narrowed by record, record type, actor and days', tags, querystring: AuditQuery, response: { 200: z.array(AuditEntry) } } },
    async (req) => {
      const q = req.query;
      const from = day('from', q.from);
      const to = day('to', q.to);
      if (from && to && to < from) throw new AppError('invalid_filter', `to (${to}) must not be before from (${from})`, [{ path: 'to', message: 'on or after from' }]);
      return wb.readAudit(req.principal, {
        after: whole('after', q.after, 0, 0, Number.MAX_SAFE_INTEGER),
        ...(q.before ? { before: whole('before', q.before, 0, 1, Number.MAX_SAFE_INTEGER) } : {}),
        newestFirst: order(q.order),
        limit: whole('limit', q.limit, 100, 1, 1000),
        ...(q.target ? { targetId: q.target } : {}),
        ...(q.type ? { targetType: q.type } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(from ? { atFrom: from } : {}),
        ...(to ? { atUntil: dayAfter(to) } : {}),
      });
    },
  );
  app.get(
    '/api/audit/verify',
    { config: { access: 'audit.read' }, schema: { summary: 'Verify the hash chain from the first entry to the head', tags, querystring: NoQuery, response: { 200: AuditVerdict } } },
    async (req) => wb.verifyAudit(req.principal),
  );
  app.get(
    '/api/audit/registry-seed',
    { config: { access: 'audit.read' }, schema: { summary: "What this server's start did to the registry's copies of the reviewed precedents: recorded, brought to them, already as reviewed, kept as they are and why", tags, querystring: NoQuery, response: { 200: RegistrySeed } } },
    async () => registrySeedView(wb.registrySeed),
  );
}
