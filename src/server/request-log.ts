// Structured JSON logs (Fastify's pino): one line per request with method, route pattern, status, duration and
// caller. Secrets never reach a line: no URL query, body or header is logged, and the paths where a credential could
// sit are redacted anyway (headers, and any password or token field of an object passed to the logger).
import type { Writable } from 'node:stream';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { actorOf } from '../core/auth/principal';
import { routeOf } from './metrics';

const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.bootstrapToken',
];

export interface LogOptions {
  level: string;
  /** Where the lines go; standard output by default. */
  stream?: Writable;
}

export function loggerOptions(o: LogOptions): FastifyServerOptions['logger'] {
  return {
    level: o.level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // Fastify's own lines (start, errors) name the request by id, method and path only: never the query or headers.
    serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }) },
    ...(o.stream ? { stream: o.stream } : {}),
  };
}

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: routeOf(req),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        caller: req.principal ? actorOf(req.principal).id : 'anonymous',
      },
      'request',
    );
  });
}
