// The one place where errors become HTTP answers: catalogue errors keep their code and message, anything else is a plain 500.
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
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

/**
 * Errors the router raises before any route runs, answered in the product's shape: an address with a broken
 * %-escape (a link cut or mistyped), or a path segment longer than the router reads.
 */
export function onFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(400).send(errorBody('invalid_input', `A part of the address is longer than ${MAX_PARAM_LENGTH} characters: ids and names are shorter`, [{ path: 'path', message: `at most ${MAX_PARAM_LENGTH} characters a part` }]));
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.status(400).send(errorBody('invalid_input', 'The address is not valid: a % must begin an escape of two hexadecimal digits, and escapes must spell UTF-8 text (e.g. %C3%A9 for é)', [{ path: 'path', message: 'percent-encoded UTF-8' }]));
  }
  return onError(error, _request, reply);
}

/** The longest path parameter the router reads (ids and usernames are far shorter). */
export const MAX_PARAM_LENGTH = 200;

/**
 * A request Node's HTTP parser refuses before Fastify sees it, in the product's error shape like every other refusal.
 * The common case from scripts is an address with bytes outside ASCII (a name to screen pasted unencoded); a request
 * sent too slowly, or with headers larger than Node reads, keeps its own status (408, 431) and says what to change.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, body] = clientErrorAnswer(error.code);
  const text = JSON.stringify(body);
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`);
  socket.destroy(error);
}

/** Node's limit on a request's address and headers together (16 KB unless --max-http-header-size changes it). */
const headerLimit = `${Math.floor(maxHeaderSize / 1024)} KB`;

function clientErrorAnswer(code: string | undefined): [number, string, ReturnType<typeof errorBody>] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'Request Timeout', errorBody('request_timeout', 'The request did not arrive in time: the server waits a limited time for the headers and the body of each request; send it again whole', [{ path: 'request', message: 'sent too slowly' }])];
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [431, 'Request Header Fields Too Large', errorBody('headers_too_large', `The request's headers are too large: the address and headers together may hold ${headerLimit} (a long list in the address, such as names to screen, goes in a POST body instead)`, [{ path: 'headers', message: `at most ${headerLimit}` }])];
  }
  return [400, 'Bad Request', errorBody('invalid_input', 'The request is not valid HTTP: an address may hold ASCII only, so percent-encode other characters as UTF-8 (e.g. %D0%9C for М, as browsers and curl --data-urlencode do)', [{ path: 'path', message: 'percent-encoded UTF-8' }])];
}
