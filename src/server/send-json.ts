// Cached views are kept as their answer: the JSON written once as UTF-8 bytes, with an entity tag from those bytes and
// br and gzip copies made once, off the event loop (zlib's thread pool). A view under KEEP_IDENTITY_UNDER bytes keeps its
// plain bytes too; a larger one (a world-scale knowledge base's) keeps only its compressed copies, and the rare client
// that accepts neither gets the bytes by streaming decompression of the gzip copy. The cache counts a view by the bytes
// it keeps. A client that sends the tag back gets 304 without the body.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constants, createBrotliCompress, createGunzip, createGzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cachedForm, type ViewForm, type ViewSpec } from '../app/assessment-service';
import type { Workbench } from '../app/workbench';

export interface EncodedView {
  contentType: string;
  etag: string;
  /** The answer's length in bytes. */
  length: number;
  /** The answer's bytes, kept for a view under the server's identity limit (KEEP_IDENTITY_UNDER unless set). */
  body?: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** For a view from RECOMPRESS_FROM bytes: resolves once its br copy was made again, smaller (tests wait for it). */
  recompressed?: Promise<void>;
}

/** Below this size compression is not worth a header's bytes and the client's work. */
const COMPRESS_FROM = 1024;
/**
 * From this size a view keeps only its compressed copies (its JSON is typically 10-40 times their size). The built-in
 * dataset's largest view, the full assessment of ten partners, is 452 KB: below it, so that a client asking for no
 * compression is answered from kept bytes (0.45 ms of CPU, not the 2.35 ms of decompressing as it is sent). A
 * world-scale knowledge base's views are larger (a profile 2 MB, the full assessment 147 MB) and stay compressed only.
 * The plain bytes count in the cache's bound (encodedSize), which keeps the total bounded either way.
 */
export const KEEP_IDENTITY_UNDER = 1024 * 1024;
/** Text gathered before it is written out as bytes. */
const PIECE = 256 * 1024;
/** The longest the encoding runs on the event loop before it lets other requests in. */
const SLICE_MS = 8;
/** The gzip copy is fed to the decompression in pieces of this size, so that a large answer is never whole in memory. */
const INFLATE_PIECE = 16 * 1024;
/** Counted in the cache's bound for an encoded view besides its bytes. */
const OVERHEAD = 256;
/**
 * From this size a view's br copy is made again after it is first answered, at quality 9 with a 16 MB window, from
 * the gzip copy and off the event loop: the world-scale full assessment (136 MB of JSON, answered many times) goes
 * from 447 to 347 KB at about a second of one zlib thread, once per dataset version. Below it quality 5 is kept: a
 * few percent fewer bytes would cost three to five times the compression.
 */
export const RECOMPRESS_FROM = 16 * 1024 * 1024;

/** Plain objects and arrays are written part by part; anything else (a Date, an object with toJSON) whole. */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The JSON text of `present(value)` in pieces whose concatenation is exactly JSON.stringify(present(value)), written
 * part by part down to `depth` levels of arrays and objects, so that a view of a hundred megabytes is not one
 * uninterrupted call. `present` must act on each part on its own as on the whole: arrays are written element by
 * element; an object is written key by key only if `apart(object)` says its presentation is its keys' (else whole).
 */
export function* jsonChunks(value: unknown, present: (v: unknown) => unknown = (v) => v, apart: (o: Record<string, unknown>) => boolean = () => true, depth = 3): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      if (Array.isArray(item) || (isPlain(item) && apart(item))) yield* jsonChunks(item, present, apart, depth - 1);
      else yield JSON.stringify(present(item)) ?? 'null';
    }
    yield ']';
    return;
  }
  if (depth > 0 && isPlain(value) && apart(value)) {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (Array.isArray(item) || (isPlain(item) && apart(item))) {
        yield `${first ? '' : ','}${JSON.stringify(key)}:`;
        yield* jsonChunks(item, present, apart, depth - 1);
      } else {
        const text = JSON.stringify(present(item));
        if (text === undefined) continue;
        yield `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
      }
      first = false;
    }
    yield '}';
    return;
  }
  yield JSON.stringify(present(value)) ?? 'null';
}

/** Collects what a compression stream writes, and resolves with it once the stream ends. */
function collected(stream: Transform): Promise<Buffer> {
  const parts: Buffer[] = [];
  stream.on('data', (b: Buffer) => parts.push(b));
  return once(stream, 'end').then(() => Buffer.concat(parts));
}

async function write(stream: Transform, bytes: Buffer): Promise<void> {
  if (!stream.write(bytes)) await once(stream, 'drain');
}

/**
 * A view's answer from its text in pieces: the bytes hashed as they come, compressed as they come by zlib's thread
 * pool (br at quality 5, gzip at its default level) once they reach COMPRESS_FROM, and kept whole only under
 * `keepIdentityUnder`. Between pieces the event loop runs other requests.
 */
export async function encodeView(contentType: string, text: Iterable<string>, keepIdentityUnder = KEEP_IDENTITY_UNDER, recompressFrom = RECOMPRESS_FROM): Promise<EncodedView> {
  const hash = createHash('sha256');
  let kept: Buffer[] | undefined = [];
  /** The bytes so far, until they are enough to compress. */
  let early: Buffer[] = [];
  let length = 0;
  let zip: { br: Transform; gzip: Transform; out: Promise<[Buffer, Buffer]> } | undefined;
  let pending: string[] = [];
  let pendingLength = 0;
  let slice = performance.now();
  const flush = async () => {
    const bytes = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    hash.update(bytes);
    length += bytes.length;
    kept?.push(bytes);
    if (length >= keepIdentityUnder) kept = undefined;
    if (zip) return void (await Promise.all([write(zip.br, bytes), write(zip.gzip, bytes)]));
    early.push(bytes);
    if (length < COMPRESS_FROM) return;
    const br = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    const gzip = createGzip();
    zip = { br, gzip, out: Promise.all([collected(br), collected(gzip)]) };
    // A stream's failure is thrown where the copies are awaited (or by the write that meets it), not left unhandled.
    zip.out.catch(() => undefined);
    for (const b of early) await Promise.all([write(br, b), write(gzip, b)]);
    early = [];
  };
  for (const piece of text) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= PIECE) await flush();
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
  if (pendingLength > 0 || length === 0) await flush();
  const e: EncodedView = { contentType, etag: `"${hash.digest('base64url').slice(0, 27)}"`, length };
  if (!zip) {
    e.body = Buffer.concat(early);
    return e;
  }
  if (kept) e.body = Buffer.concat(kept);
  zip.br.end();
  zip.gzip.end();
  [e.br, e.gzip] = await zip.out;
  if (length >= recompressFrom) e.recompressed = recompress(e);
  return e;
}

/** Makes `e`'s br copy again from its gzip copy at a higher quality, and keeps it if smaller; on a failure, the first. */
async function recompress(e: EncodedView): Promise<void> {
  const gzip = e.gzip ?? Buffer.alloc(0);
  const br = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: e.length } });
  try {
    const out = collected(br);
    await pipeline(Readable.from([gzip]), createGunzip(), br);
    const better = await out;
    if (better.length < (e.br?.length ?? Infinity)) e.br = better;
  } catch {
    // The first br copy stays.
  }
}

/** What an encoded view counts for in the cache's bound: the bytes it keeps. */
export const encodedSize = (e: EncodedView) => OVERHEAD + (e.body?.length ?? 0) + (e.br?.length ?? 0) + (e.gzip?.length ?? 0);

/** The answer's bytes: the kept copy, or the gzip copy decompressed as the client reads it (never whole in memory). */
export function identityBody(e: EncodedView): Buffer | Readable {
  if (e.body) return e.body;
  const gzip = e.gzip ?? Buffer.alloc(0);
  function* pieces() {
    for (let i = 0; i < gzip.length; i += INFLATE_PIECE) yield gzip.subarray(i, i + INFLATE_PIECE);
  }
  return Readable.from(pieces()).pipe(createGunzip());
}

/** Whether an If-None-Match header names this tag (or `*`); weak tags compare by their opaque part (RFC 9110 §13.1.2). */
export function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** Accept-Encoding values seen, with the coding each chooses: clients send a handful of spellings, each request one. */
const codings = new Map<string, 'br' | 'gzip' | undefined>();
const CODINGS_KEPT = 64;

/** The coding to answer in: br, else gzip, when the client accepts it (q > 0), else none. */
export function chosenCoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  if (header.length > 200) return parseCoding(header);
  if (codings.has(header)) return codings.get(header);
  const coding = parseCoding(header);
  if (codings.size >= CODINGS_KEPT) codings.clear();
  codings.set(header, coding);
  return coding;
}

function parseCoding(header: string): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (coding: string) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/** Grading acts on a source object (one with a ref and a locator) as a whole; any other object is its keys. */
const notSource = (o: Record<string, unknown>) => !('ref' in o);

/** One JSON form per server: its sources graded by that server's grader (when it has one). */
const jsonForms = new WeakMap<FastifyInstance, ViewForm<EncodedView>>();
/** A server's own identity limit (see keepIdentityUnder). */
const identityLimits = new WeakMap<FastifyInstance, number>();
let forms = 0;

/**
 * The size from which the server's cached views keep only their compressed copies (KEEP_IDENTITY_UNDER unless set):
 * views encoded from now on use it (they are named apart in the cache, so no view of the old limit is answered).
 */
export function keepIdentityUnder(server: FastifyInstance, bytes: number): void {
  identityLimits.set(server, bytes);
  jsonForms.delete(server);
}

/** The server's JSON form of a view: its sources graded, written once as bytes with its compressed copies. */
export function jsonForm(server: FastifyInstance): ViewForm<EncodedView> {
  let form = jsonForms.get(server);
  if (!form) {
    const present = server.hasDecorator('gradeSources') ? (v: unknown) => server.gradeSources(v) : (v: unknown) => v;
    const limit = identityLimits.get(server) ?? KEEP_IDENTITY_UNDER;
    form = { name: `json#${++forms}`, make: (value) => encodeView('application/json; charset=utf-8', jsonChunks(value, present, notSource), limit), size: encodedSize };
    jsonForms.set(server, form);
  }
  return form;
}

/** A cached view as JSON, its sources graded, for the dataset version as of the request's arrival or later. */
export async function sendJson(reply: FastifyReply, wb: Workbench, spec: ViewSpec<unknown>) {
  return sendEncoded(reply, await cachedForm(wb, spec, jsonForm(reply.server), reply.request.arrival));
}

/**
 * A cached view's answer, or 304 for a client that holds it. A `marked` answer (one that holds records under a TLP
 * marking) keeps the API's `no-store` (security-headers.ts), as the incident list does: a client may compare tags, but
 * no cache should hold it.
 */
export function sendEncoded(reply: FastifyReply, e: EncodedView, opts: { marked?: boolean } = {}) {
  const req = reply.request;
  // The same view for everyone who may read the route: a browser may keep it, but asks each time whether it changed.
  reply.header('ETag', e.etag).header('Vary', 'Accept-Encoding');
  if (!opts.marked) reply.header('Cache-Control', 'private, no-cache');
  if ((req.method === 'GET' || req.method === 'HEAD') && matchesTag(req.headers['if-none-match'], e.etag)) return reply.code(304).send();
  reply.type(e.contentType);
  const coding = chosenCoding(req.headers['accept-encoding']);
  const copy = coding && e[coding];
  if (coding && copy) return reply.header('Content-Encoding', coding).send(copy);
  const body = identityBody(e);
  return body instanceof Buffer ? reply.send(body) : reply.header('Content-Length', e.length).send(body);
}
