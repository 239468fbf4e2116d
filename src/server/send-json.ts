// Cached views are shared objects: their JSON is written once per object, as UTF-8 bytes (a string with characters
// beyond Latin-1 is re-encoded on every write, which cost more than the rest of a request), with an entity tag
// from those bytes and, for a client that accepts it, a compressed copy made once. A client that sends the tag back
// gets 304 without the body. Only for values no caller mutates (the derived-view cache's).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';

interface Encoded {
  body: Buffer;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** Below this size compression is not worth a header's bytes and the client's work. */
const COMPRESS_FROM = 1024;

const encoded = new WeakMap<object, Encoded>();

function encode(value: object, text: () => string): Encoded {
  let e = encoded.get(value);
  if (e === undefined) {
    const body = Buffer.from(text(), 'utf8');
    e = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    encoded.set(value, e);
  }
  return e;
}

/** Whether an If-None-Match header names this tag (or `*`); weak tags compare by their opaque part (RFC 9110 §13.1.2). */
export function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** The coding to answer in: br, else gzip, when the client accepts it (q > 0), else none. */
export function chosenCoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (coding: string) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

function compressed(e: Encoded, coding: 'br' | 'gzip'): Buffer {
  if (coding === 'br') return (e.br ??= brotliCompressSync(e.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: e.body.length } }));
  return (e.gzip ??= gzipSync(e.body));
}

/** A cached view as JSON, its sources graded. */
export function sendJson(reply: FastifyReply, value: object) {
  return sendView(reply, value, 'application/json; charset=utf-8', () => JSON.stringify(reply.server.hasDecorator('gradeSources') ? reply.server.gradeSources(value) : value));
}

/** A cached view's answer of the given type, `text` giving its body the first time `value` is sent. */
export function sendView(reply: FastifyReply, value: object, contentType: string, text: () => string) {
  const e = encode(value, text);
  const req = reply.request;
  // The same view for everyone who may read the route: a browser may keep it, but asks each time whether it changed.
  reply.header('ETag', e.etag).header('Cache-Control', 'private, no-cache').header('Vary', 'Accept-Encoding');
  if ((req.method === 'GET' || req.method === 'HEAD') && matchesTag(req.headers['if-none-match'], e.etag)) return reply.code(304).send();
  reply.type(contentType);
  const coding = e.body.length >= COMPRESS_FROM ? chosenCoding(req.headers['accept-encoding']) : undefined;
  if (coding === undefined) return reply.send(e.body);
  return reply.header('Content-Encoding', coding).send(compressed(e, coding));
}
