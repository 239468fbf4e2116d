// Files uploaded as multipart/form-data (RFC 7578), as browsers' FormData and `curl -F` send them: the body is read
// whole up to a route's limit (a refusal names the limit) and split into its parts, each with its field name, the
// file name the client gave, and its bytes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

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
  }
}

/** More parts than any upload route takes: a body of thousands of tiny parts is refused before it is split. */
const MAX_PARTS = 20;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function tooLarge(limit: { bytes: number; what: string }): AppError {
  return new AppError('payload_too_large', `The upload is larger than the ${mib(limit.bytes)} ${limit.what} takes: import larger files with the command line`, [
    { path: '(body)', message: `at most ${mib(limit.bytes)}` },
  ]);
}

/** The boundary parameter of a multipart/form-data content type (quoted or not). */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2];
}

/**
 * A parameter of a Content-Disposition header: name="a", filename="b". Browsers write " and line breaks as %22, %0D and
 * %0A and nothing else escaped (WHATWG HTML's form-data encoding); a backslash stays, as in a Windows path.
 */
function dispositionParam(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="([^"]*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  if (!m) return undefined;
  const value = m[1] ?? m[2] ?? '';
  return value.replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n');
}

const malformed = (why: string) => new AppError('invalid_input', `The upload is not valid multipart/form-data: ${why}`, [{ path: '(body)', message: why }]);

/** Splits a multipart/form-data body into its parts. */
export function splitMultipart(body: Buffer, boundary: string): UploadedPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: UploadedPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('no part starts with the boundary the Content-Type names');
  for (;;) {
    at += delimiter.length;
    // The close delimiter ends the body; anything after it is an epilogue.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    const headersStart = body.indexOf('\r\n', at);
    if (headersStart < 0) throw malformed('a part is cut short');
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) throw malformed('a part has no end to its headers');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next < 0) throw malformed('the body does not end with the closing boundary');
    const headers = body.subarray(headersStart + 2, headersEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h));
    const field = disposition === undefined ? undefined : dispositionParam(disposition, 'name');
    if (disposition === undefined || !/^content-disposition:\s*form-data/i.test(disposition) || field === undefined) {
      throw malformed('each part needs Content-Disposition: form-data with a name');
    }
    if (parts.length >= MAX_PARTS) throw malformed(`more than ${MAX_PARTS} parts`);
    parts.push({ field, filename: dispositionParam(disposition, 'filename'), data: body.subarray(headersEnd + 4, next) });
    at = next + 2;
  }
}

/**
 * Lets the routes registered in `scope` take multipart/form-data bodies, each within its route's `uploadLimit`: the
 * declared length is checked before any byte is read, the bytes as they arrive otherwise.
 */
export function acceptMultipart(scope: FastifyInstance): void {
  scope.addContentTypeParser('multipart/form-data', (req: FastifyRequest, payload, done) => {
    const limit = req.routeOptions.config.uploadLimit ?? { bytes: scope.initialConfig.bodyLimit ?? 1024 * 1024, what: 'this route' };
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) {
      payload.resume();
      return done(malformed('the Content-Type names no boundary'), undefined);
    }
    if (Number(req.headers['content-length'] ?? 0) > limit.bytes) {
      payload.resume();
      return done(tooLarge(limit), undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit.bytes) {
        failed = true;
        chunks.length = 0;
        return done(tooLarge(limit), undefined);
      }
      chunks.push(chunk);
    });
    payload.on('error', (error) => {
      if (!failed) done(error, undefined);
      failed = true;
    });
    payload.on('end', () => {
      if (failed) return;
      try {
        done(null, new UploadBody(splitMultipart(Buffer.concat(chunks, size), boundary)));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  });
}
