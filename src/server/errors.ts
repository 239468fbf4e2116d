// The one place where errors become HTTP answers: catalogue errors keep their code and message, anything else is a plain 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../core/errors';

export function errorBody(code: string, message: string, issues?: { path: string; message: string }[]) {
  return { error: { code, message, ...(issues && issues.length ? { issues } : {}) } };
}

export function onError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(error)) {
    if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="cyberdiplo"');
    if (error.status === 429) reply.header('Retry-After', '900');
    if (error.status === 503) reply.header('Retry-After', '5');
    return reply.status(error.status).send(errorBody(error.code, error.message, error.issues));
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(errorBody('payload_too_large', 'The request body is too large'));
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(errorBody('invalid_input', 'Send JSON (Content-Type: application/json)'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(errorBody('invalid_input', fe.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'Internal error'));
}
