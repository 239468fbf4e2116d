// Guards on request bodies before any handler runs: JSON nested deeper than the product's records ever are is
// refused (deep nesting made recursive validation and hashing overflow the stack: 500s), and anonymous callers of
// the open compute routes (vote, response plans, assessments) get a small body limit and a bounded number of
// requests at once, so that they cannot slow down signed-in users (the rest is shed with 503 and Retry-After).
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

/** Deeper than any record, assessment weight file or STIX object the product reads. */
export const MAX_JSON_DEPTH = 64;
/** Bytes an anonymous caller may send to an open route (a vote or an incident is a few kilobytes). */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Anonymous requests to open routes handled at once per process; more answer 503. */
export const ANONYMOUS_CONCURRENCY = 8;

/** The nesting depth of parsed JSON, walked without recursion; stops counting once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

const anonymousOpenWrite = (req: FastifyRequest) => req.principal.kind === 'anonymous' && req.method !== 'GET' && req.method !== 'HEAD' && req.routeOptions.config.access === 'public';

function limitStream(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(new AppError('payload_too_large', `Anonymous requests may send at most ${limit / 1024} KB: sign in for larger bodies`));
      else done(null, chunk);
    },
  });
}

/** Registers after the auth hook, which decides who the caller is. */
export function registerBodyGuards(app: FastifyInstance, opts: { concurrency?: number } = {}): void {
  const concurrency = opts.concurrency ?? ANONYMOUS_CONCURRENCY;
  let inFlight = 0;
  const counted = new WeakSet<FastifyRequest>();

  app.addHook('preParsing', async (req, _reply, payload) => {
    if (!anonymousOpenWrite(req)) return payload;
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > ANONYMOUS_BODY_LIMIT) throw new AppError('payload_too_large', `Anonymous requests may send at most ${ANONYMOUS_BODY_LIMIT / 1024} KB: sign in for larger bodies`);
    // Signing in is not computing: its own limit (per account and client address) applies, and it must stay open.
    if (req.routeOptions.url?.startsWith('/api/auth/')) return payload.pipe(limitStream(ANONYMOUS_BODY_LIMIT));
    if (inFlight >= concurrency) throw new AppError('overloaded', 'The server is busy with anonymous requests: try again in a few seconds, or sign in');
    inFlight++;
    counted.add(req);
    return payload.pipe(limitStream(ANONYMOUS_BODY_LIMIT));
  });
  app.addHook('onResponse', async (req) => {
    if (counted.delete(req)) inFlight--;
  });
  app.addHook('onRequestAbort', async (req) => {
    if (counted.delete(req)) inFlight--;
  });

  app.addHook('preValidation', async (req) => {
    if (req.body !== null && typeof req.body === 'object' && jsonDepth(req.body) > MAX_JSON_DEPTH) {
      throw new AppError('invalid_input', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`, [{ path: '(root)', message: `at most ${MAX_JSON_DEPTH} levels` }]);
    }
  });
}
