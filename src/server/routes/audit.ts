// The audit trail under /api/audit, for admins: entries (contents of records the reader may not see withheld) and the chain's verification.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { AppError } from '../../core/errors';
import { readQuery } from '../query';

function whole(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('invalid_filter', `${name} must be a whole number from ${min} to ${max}, got "${v}"`, [{ path: name, message: `${min}..${max}` }]);
  return n;
}

export function auditRoutes(app: FastifyInstance, wb: Workbench) {
  app.get('/api/audit', { config: { access: 'audit.read' } }, async (req) => {
    const q = readQuery(req.query, ['after', 'limit', 'target'] as const);
    return wb.readAudit(req.principal, { after: whole('after', q.after, 0, 0, Number.MAX_SAFE_INTEGER), limit: whole('limit', q.limit, 100, 1, 1000), targetId: q.target });
  });
  app.get('/api/audit/verify', { config: { access: 'audit.read' } }, async (req) => {
    readQuery(req.query, [] as const);
    return wb.verifyAudit(req.principal);
  });
}
