// Every source object the API answers with carries its grade (primary, secondary, low) and, for a paper key, the
// address of its published version: one presenter step for all routes (objects on their way to the serializer, and
// the cached views sendJson writes once), decided by the core's grader.
import type { FastifyInstance } from 'fastify';
import { withGrades, type SourceGrader } from '../core/sources/grades';

declare module 'fastify' {
  interface FastifyInstance {
    /** A copy of an answer with its sources graded. */
    gradeSources<T>(value: T): T;
  }
}

export function registerSourceGrades(app: FastifyInstance, grader: SourceGrader): void {
  app.decorate('gradeSources', <T>(value: T): T => withGrades(value, grader));
  app.addHook('preSerialization', async (_req, _reply, payload) => withGrades(payload, grader));
}
