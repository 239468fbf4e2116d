// The link checker of `npm run check:links` against a local HTTP server: an address that answers, one moved
// elsewhere, one gone, one that never answers, and a server that refuses HEAD.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAll, checkUrl, linkReport, urlsInFiles } from '../../scripts/link-checker';

let server: Server;
let base = '';
const heads: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'HEAD') heads.push(req.url ?? '');
    switch (req.url) {
      case '/ok':
        return res.writeHead(200).end('fine');
      case '/moved':
        return res.writeHead(301, { location: '/new-home' }).end();
      case '/new-home':
        return res.writeHead(200).end('here now');
      case '/moved-to-gone':
        return res.writeHead(302, { location: '/gone' }).end();
      case '/no-head':
        return req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200).end('GET only');
      case '/slow':
        return; // never answers
      default:
        return res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// A generous timeout for servers that answer (the machine may be busy); a short one where nothing will answer.
const opts = { timeoutMs: 5000, concurrency: 2 };

describe('link checker', () => {
  it('reports an address that answers as ok, asking with HEAD', async () => {
    expect(await checkUrl(`${base}/ok`, opts)).toEqual({ url: `${base}/ok`, status: 'ok', code: 200 });
    expect(heads).toContain('/ok');
  });

  it('reports a redirect as moved, with where it leads', async () => {
    expect(await checkUrl(`${base}/moved`, opts)).toEqual({ url: `${base}/moved`, status: 'moved', code: 200, location: `${base}/new-home` });
  });

  it('reports a 404 and a redirect to one as dead', async () => {
    expect(await checkUrl(`${base}/gone`, opts)).toMatchObject({ status: 'dead', code: 404 });
    expect(await checkUrl(`${base}/moved-to-gone`, opts)).toMatchObject({ status: 'dead', code: 404, location: `${base}/gone` });
  });

  it('reports an address that never answers as dead after the timeout', async () => {
    expect(await checkUrl(`${base}/slow`, { ...opts, timeoutMs: 300 })).toMatchObject({ status: 'dead', error: 'timeout' });
  });

  it('asks again with GET where HEAD is refused', async () => {
    expect(await checkUrl(`${base}/no-head`, opts)).toMatchObject({ status: 'ok', code: 200 });
  });

  it('reports a refused connection as dead', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await checkUrl(`http://127.0.0.1:${port}/x`, opts)).toMatchObject({ status: 'dead', error: 'ECONNREFUSED' });
  });

  it('checks many addresses with a bound, and reports dead and moved ones with the files citing them', async () => {
    const text = `a: "${base}/ok"\nb: ${base}/moved.\nc: "${base}/gone"`;
    const cited = urlsInFiles([
      { name: 'data/x.yaml', text },
      { name: 'data/y.yaml', text: `ref: "${base}/gone"` },
    ]);
    expect([...cited.keys()]).toEqual([`${base}/ok`, `${base}/moved`, `${base}/gone`]);
    const results = await checkAll([...cited.keys()], opts);
    expect(results.map((r) => r.status)).toEqual(['ok', 'moved', 'dead']);
    expect(linkReport(results, cited)).toEqual([
      `dead   ${base}/gone (HTTP 404) — cited in data/x.yaml, data/y.yaml`,
      `moved  ${base}/moved -> ${base}/new-home — cited in data/x.yaml`,
      '3 addresses: 1 ok, 1 moved, 1 dead',
    ]);
  });
});
