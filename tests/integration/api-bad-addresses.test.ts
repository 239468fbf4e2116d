// An address the router cannot read (a broken %-escape, a path part longer than any id) is refused in the product's
// error shape, naming the problem, on API paths and the web app's pages alike.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('addresses the router cannot read on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  it.each(['/api/partners/%E0%A4%A', '/api/incidents/%ZZ', '/partners/%E0%A4%A'])('%s: a broken %%-escape is a 400 invalid_input', async (url) => {
    const r = await h.app.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('a % must begin an escape of two hexadecimal digits'), issues: [{ path: 'path', message: 'percent-encoded UTF-8' }] } });
  });

  it('an address with bytes outside ASCII, which the HTTP parser refuses, gets the product\'s error body naming the fix', async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(Buffer.from('GET /api/sanctions/screen?q=Минин HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'utf8')));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
    expect(body).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('percent-encode other characters as UTF-8'), issues: [{ path: 'path', message: 'percent-encoded UTF-8' }] } });
  });

  it('a path part longer than 200 characters is a 400 naming the limit', async () => {
    const r = await h.app.inject({ method: 'GET', url: `/api/incidents/${'x'.repeat(201)}` });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'invalid_input', message: 'A part of the address is longer than 200 characters: ids and names are shorter' } });
    // 200 is still read, and answers as an unknown incident.
    expect((await h.app.inject({ method: 'GET', url: `/api/incidents/${'x'.repeat(200)}` })).statusCode).toBe(404);
  });
});
