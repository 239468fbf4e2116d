// The audit trail under /api/audit, for admins: entries (contents of records the reader may not see withheld) and the chain's verification.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { AuditEntry, AuditQuery, AuditVerdict } from '../../contract/audit';
import { NoQuery } from '../../contract/common';
import { AppError } from '../../core/errors';
import type { ZodTypeProvider } from '../zod-provider';

function whole(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('invalid_filter', `${name} must be a whole number from ${min} to ${max}, got "${v}"`, [{ path: name, message: `${min}..${max}` }]);
  return n;
}

export function auditRoutes(server: FastifyInstance, wb: Workbench) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { summary: 'Audit entries, oldest first', tags, querystring: AuditQuery, response: { 200: z.array(AuditEntry) } } },
    async (req) => {
      const q = req.query;
      return wb.readAudit(req.principal, { after: whole('after', q.after, 0, 0, Number.MAX_SAFE_INTEGER), limit: whole('limit', q.limit, 100, 1, 1000), targetId: q.target });
    },
  );
  app.get(
    '/api/audit/verify',
    { config: { access: 'audit.read' }, schema: { summary: 'Verify the hash chain from the first entry to the head', tags, querystring: NoQuery, response: { 200: AuditVerdict } } },
    async (req) => wb.verifyAudit(req.principal),
  );
}
