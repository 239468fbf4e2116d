import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { acceptMultipart, UploadBody } from './multipart';

const body = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));
const type = (boundary = 'XY') => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });

describe('multipart/form-data bodies', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler((error, _req, reply) => {
      if (error instanceof AppError) return reply.status(error.status).send({ code: error.code, message: error.message });
      return reply.status(500).send({ code: 'internal', message: String(error) });
    });
    acceptMultipart(app);
    const parts = (b: unknown) => (b instanceof UploadBody ? b.parts.map((p) => [p.field, p.filename, p.data.toString('utf8')]) : 'not an upload');
    app.post('/upload', { config: { uploadLimit: { bytes: 1024 * 1024, what: 'a test upload' } } }, async (req) => parts(req.body));
    await app.ready();
  });
  afterAll(async () => app.close());

  const post = async (payload: Buffer | Readable, headers: Record<string, string> = type()) => {
    const r = await app.inject({ method: 'POST', url: '/upload', headers, payload });
    return { status: r.statusCode, body: r.json() as unknown };
  };

  it('gives the parts with their names, file names as browsers write them, and bytes; a preamble, a line break or a dash run inside a file are kept apart', async () => {
    const r = await post(
      body(`preamble
--XY
Content-Disposition: form-data; name="incidents"; filename="C:\\data\\g%22lobal.csv"
Content-Type: text/csv

ID,name
1,a --XY-- b
--XY
Content-Disposition: form-data; name="receivers"; filename="données 北.csv"

x
--XY
Content-Disposition: form-data; name="note"

plain
--XY--
epilogue`),
    );
    expect(r).toEqual({
      status: 200,
      body: [
        ['incidents', 'C:\\data\\g"lobal.csv', 'ID,name\r\n1,a --XY-- b'],
        ['receivers', 'données 北.csv', 'x'],
        ['note', null, 'plain'],
      ],
    });
  });

  it('refuses a body without a boundary, a part without a name, a body cut short or of too many parts, saying why', async () => {
    const refusal = (why: string) => ({ status: 400, body: { code: 'invalid_input', message: `The upload is not valid multipart/form-data: ${why}` } });
    expect(await post(body('x'), { 'content-type': 'multipart/form-data' })).toEqual(refusal('the Content-Type names no boundary'));
    expect(await post(body('--XY\nContent-Disposition: form-data; filename="a.csv"\n\nx\n--XY--'))).toEqual(refusal('each part needs Content-Disposition: form-data with a name'));
    // Busboy would drop these parts unannounced; a route that names no parts is not said to take any.
    const named = '--XY\nContent-Disposition: form-data; name="a"\n\nx\n';
    expect(await post(body(`${named}--XY\nContent-Type: text/csv\n\ny\n--XY--`))).toEqual(refusal('part 2 has no Content-Disposition header: each part needs Content-Disposition: form-data; name="..."'));
    expect(await post(body(`--XY\nContent-Disposition: inline; name="a"\n\ny\n${named}--XY--`))).toEqual(
      refusal('part 1 is not marked Content-Disposition: form-data with a name: each part needs Content-Disposition: form-data; name="..."'),
    );
    expect(await post(body('--XY\nContent-Disposition: form-data; name="a"\n\nno end'))).toEqual(refusal('the body ends before its closing boundary'));
    expect(await post(body('nothing here'))).toEqual(refusal('the body ends before its closing boundary'));
    const many = Array.from({ length: 21 }, (_, i) => `--XY\nContent-Disposition: form-data; name="p${i}"\n\n${i}\n`).join('');
    expect(await post(body(`${many}--XY--`))).toEqual(refusal('more than 20 parts'));
    expect((await post(body(`${many.split('--XY\n').slice(0, 21).join('--XY\n')}--XY--`))).status).toBe(200);
  });

  it("refuses a body over the route's limit, naming it, whether its length is declared or it comes in chunks", async () => {
    const big = body(`--XY\nContent-Disposition: form-data; name="a"; filename="a.csv"\n\n${'a'.repeat(1024 * 1024)}\n--XY--`);
    const tooLarge = { status: 413, body: { code: 'payload_too_large', message: 'The upload is larger than the 1 MiB a test upload takes: import larger files with the command line' } };
    expect(await post(big)).toEqual(tooLarge);
    const chunks = Readable.from([big.subarray(0, 600_000), big.subarray(600_000)]);
    expect(await post(chunks)).toEqual(tooLarge);
    expect((await post(Readable.from([big.subarray(0, 600_000)]))).status).toBe(400);
  });
});
