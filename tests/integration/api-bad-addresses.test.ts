// An address the router cannot read (a broken %-escape, a path part longer than any id) is refused in the product's
// error shape, naming the problem, on API paths and the web app's pages alike.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onClientError } from '../../src/server/errors';
import { dialects, startHarness, type Harness } from './harness';

/** What a server answers on a raw socket to the bytes written, up to the close. */
function rawAnswer(port: number, request: Buffer): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;

describe.each(dialects)('addresses the router cannot read on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());
  /** The harness's server on a loopback port (listening from the first call on), for requests Fastify's inject cannot send. */
  const port = async (): Promise<number> => (h.app.server.listening ? (h.app.server.address() as net.AddressInfo).port : Number(new URL(await h.app.listen({ port: 0, host: '127.0.0.1' })).port));

  it.each(['/api/partners/%E0%A4%A', '/api/incidents/%ZZ', '/partners/%E0%A4%A'])('%s: a broken %%-escape is a 400 invalid_input', async (url) => {
    const r = await h.app.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('a % must begin an escape of two hexadecimal digits'), issues: [{ path: 'path', message: 'percent-encoded UTF-8' }] } });
  });

  it('an address with bytes outside ASCII, which the HTTP parser refuses, gets the product\'s error body naming the fix', async () => {
    const answer = await rawAnswer(await port(), Buffer.from('GET /api/sanctions/screen?q=Минин HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'utf8'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bodyOf(answer)).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('percent-encode other characters as UTF-8'), issues: [{ path: 'path', message: 'percent-encoded UTF-8' }] } });
  });

  it('headers larger than Node reads are a 431 in the product\'s error shape, naming the limit', async () => {
    const answer = await rawAnswer(await port(), Buffer.from(`GET /api/sanctions/screen?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(bodyOf(answer)).toEqual({ error: { code: 'headers_too_large', message: expect.stringContaining('may hold 16 KB'), issues: [{ path: 'headers', message: 'at most 16 KB' }] } });
  });

  it('a path part longer than 200 characters is a 400 naming the limit', async () => {
    const r = await h.app.inject({ method: 'GET', url: `/api/incidents/${'x'.repeat(201)}` });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'invalid_input', message: 'A part of the address is longer than 200 characters: ids and names are shorter' } });
    // 200 is still read, and answers as an unknown incident.
    expect((await h.app.inject({ method: 'GET', url: `/api/incidents/${'x'.repeat(200)}` })).statusCode).toBe(404);
  });
});

// The server's own timeouts are minutes long; the parser's refusal is the same on a server that waits 100 ms.
describe('a request that does not arrive in time', () => {
  it('is a 408 in the product\'s error shape', async () => {
    const server = http.createServer({ headersTimeout: 100, requestTimeout: 100, connectionsCheckingInterval: 20 }, () => undefined);
    server.on('clientError', onClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const answer = await rawAnswer(port, Buffer.from('GET /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(bodyOf(answer)).toEqual({ error: { code: 'request_timeout', message: expect.stringContaining('did not arrive in time'), issues: [{ path: 'request', message: 'sent too slowly' }] } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
