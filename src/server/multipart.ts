// Files uploaded as multipart/form-data (RFC 7578), as browsers' FormData and `curl -F` send them: the body is read up
// to a route's limit (a refusal names the limit) and split into its parts by @fastify/busboy, each part with its field
// name, the file name the client gave, and its bytes. The library's errors become our own refusals.
import type { EventEmitter } from 'node:events';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, allowedList } from '../core/errors';

export interface UploadedPart {
  field: string;
  /** The file name the client sent (filename="..."), undefined for a plain field. */
  filename: string | undefined;
  data: Buffer;
}

/**
 * A parsed upload. Its parts sit in a private field, so that walks over a request body's values (the JSON depth guard
 * of body-guards.ts) see none of their bytes.
 */
export class UploadBody {
  readonly #parts: UploadedPart[];
  constructor(parts: UploadedPart[]) {
    this.#parts = parts;
  }
  get parts(): readonly UploadedPart[] {
    return this.#parts;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Bytes a multipart upload to this route may hold, with the words that say what the limit is for. */
    uploadLimit?: { bytes: number; what: string };
    /** The part names the route takes, named when a part cannot be read as one of them. */
    uploadParts?: readonly string[];
  }
}

/** More parts than any upload route takes: a body of thousands of tiny parts is refused as it is read. */
const MAX_PARTS = 20;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function tooLarge(limit: { bytes: number; what: string }): AppError {
  return new AppError('payload_too_large', `The upload is larger than the ${mib(limit.bytes)} ${limit.what} takes: import larger files with the command line`, [
    { path: '(body)', message: `at most ${mib(limit.bytes)}` },
  ]);
}

const malformed = (why: string) => new AppError('invalid_input', `The upload is not valid multipart/form-data: ${why}`, [{ path: '(body)', message: why }]);

/**
 * Browsers write " and line breaks in a field or file name as %22, %0D and %0A and escape nothing else (WHATWG HTML's
 * multipart/form-data encoding); busboy reads the quoted value as sent, so these three are turned back here.
 */
const unescapeName = (value: string) => value.replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n');

/**
 * The parts of a body as they begin, with their headers. Busboy drops a part without Content-Disposition: form-data
 * unannounced, so that a required part sent that way would read as missing; its own multipart reader (Dicer) still
 * sees every part, and is watched here after busboy's listeners, which have emitted 'file' for a part they keep.
 * The Dicer the package exports is not a way round this: a second reader of the same bytes runs at its own pace (its
 * parts pause and resume apart from busboy's), so which of its parts busboy dropped can be told only by reading each
 * part's Content-Disposition again as busboy does (its parameter parser is not public API), or by numbering the
 * refusals of both readers by position and waiting for both; either is more of busboy's work redone than this one
 * reference to its reader, which is checked below and refuses every upload (500) if a release removes it.
 */
type PartHeaders = Record<string, string[] | undefined>;
interface PartsSeen {
  on(event: 'part', listener: (part: EventEmitter) => void): void;
}
function partsSeen(boy: BusboyInstance): PartsSeen | undefined {
  const reader = (boy as unknown as { _parser?: { parser?: unknown } })._parser?.parser;
  return reader && typeof (reader as Partial<PartsSeen>).on === 'function' ? (reader as PartsSeen) : undefined;
}

/** A busboy reading one body: every part is taken as bytes (a plain field too), with the client's file name kept whole. */
function parser(contentType: string): BusboyInstance | undefined {
  try {
    return Busboy({ headers: { 'content-type': contentType }, preservePath: true, isPartAFile: () => true, limits: { parts: MAX_PARTS } });
  } catch {
    // Busboy refuses a multipart content type only when it names no boundary.
    return undefined;
  }
}

/**
 * Lets the routes registered in `scope` take multipart/form-data bodies, each within its route's `uploadLimit`: the
 * declared length is checked before any byte is read, the bytes as they arrive otherwise.
 */
export function acceptMultipart(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', (req: FastifyRequest, payload, done) => {
    const limit = req.routeOptions.config.uploadLimit ?? { bytes: scope.initialConfig.bodyLimit ?? 1024 * 1024, what: 'this route' };
    const boy = parser(req.headers['content-type'] ?? '');
    if (!boy) {
      payload.resume();
      return done(malformed('the Content-Type names no boundary'), undefined);
    }
    if (Number(req.headers['content-length'] ?? 0) > limit.bytes) {
      payload.resume();
      return done(tooLarge(limit), undefined);
    }

    const parts: { field: string; filename: string | undefined; chunks: Buffer[] }[] = [];
    const names = req.routeOptions.config.uploadParts;
    const taken = names && names.length > 0 ? `; this route takes ${names.length === 1 ? 'the part' : 'the parts'} ${allowedList(names.map((n) => `"${n}"`))}` : '';
    /** Parts begun, and parts busboy gave as files: a part begun and not given was dropped. */
    let begun = 0;
    let given = 0;
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      parts.length = 0;
      // The rest of the body is read and dropped, so that the refusal is answered on a connection left in order.
      payload.unpipe(boy);
      payload.resume();
      done(error, undefined);
    };

    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.bytes) fail(tooLarge(limit));
    });
    payload.on('error', fail);
    boy.on('file', (field: string | undefined, stream: BusboyFileStream, filename: string | undefined) => {
      given += 1;
      stream.on('error', () => fail(malformed('the body ends before its closing boundary')));
      if (field === undefined) {
        stream.resume();
        return fail(malformed('each part needs Content-Disposition: form-data with a name'));
      }
      const part = { field: unescapeName(field), filename: filename === undefined ? undefined : unescapeName(filename), chunks: [] as Buffer[] };
      parts.push(part);
      stream.on('data', (chunk: Buffer) => {
        if (!settled) part.chunks.push(chunk);
      });
    });
    const seen = partsSeen(boy);
    if (!seen) {
      payload.resume();
      return done(new Error('@fastify/busboy no longer exposes the parts it reads: multipart.ts needs to follow it'), undefined);
    }
    seen.on('part', (part) => {
      const position = ++begun;
      if (position > MAX_PARTS) return; // refused by busboy's parts limit
      part.on('header', (header: PartHeaders) => {
        if (given >= position) return;
        const why = header['content-disposition']
          ? `part ${position} is not marked Content-Disposition: form-data with a name`
          : `part ${position} has no Content-Disposition header`;
        fail(malformed(`${why}: each part needs Content-Disposition: form-data; name="..."${taken}`));
      });
    });
    boy.on('partsLimit', () => fail(malformed(`more than ${MAX_PARTS} parts`)));
    boy.on('error', () => fail(malformed('the body ends before its closing boundary')));
    boy.on('finish', () => {
      if (settled) return;
      settled = true;
      done(null, new UploadBody(parts.map((p) => ({ field: p.field, filename: p.filename, data: Buffer.concat(p.chunks) }))));
    });
    payload.pipe(boy);
  });
}
