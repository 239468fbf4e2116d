// What the read benchmark can measure at all for an answer of a given size (not a test): a bare Fastify server in
// its own process answers fixed JSON bodies of the sizes of the read routes' answers, with nothing else to do, and
// autocannon (100 connections, as in reads.ts) reads them. Each size's throughput as a share of the smallest answer's
// is the ceiling the bytes alone put on a route's share in reads.ts on the same machine at the same load.
// (autocannon decodes each body into a string and parses HTTP in JavaScript, so its cost grows with the bytes.)
//   npx tsx bench/bytes-ceiling.ts [--duration 10] [--connections 100]     SIZES=40,50000,... for other sizes
import { spawn } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import { freePort } from './free-port';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '100'));
/** The health answer's size, then about those of the read routes' answers (ten partners). */
const SIZES = (process.env.SIZES ?? '40,1600,18000,47000,80000,260000,450000').split(',').map(Number);

if (process.argv.includes('--serve')) {
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  const item = JSON.stringify({ title: 'EU–Japan cyber dialogue', ref: 'https://www.eeas.europa.eu/x', locator: 'p. 1' });
  for (const size of SIZES) {
    const body = Buffer.from(`[${Array.from({ length: Math.ceil(size / (item.length + 1)) }, () => item).join(',')}]`.slice(0, size - 1) + ']');
    app.get(`/${size}`, async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
  }
  await app.listen({ port: Number(arg('port', '0')), host: '127.0.0.1' });
  process.stdout.write('ready\n');
} else {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => server.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
  try {
    await autocannon({ url: `http://127.0.0.1:${port}/${SIZES[0]}`, connections: CONNECTIONS, duration: 2 }); // warm both processes
    const results: { size: number; rps: number; mbps: number }[] = [];
    for (const size of SIZES) {
      const r = await autocannon({ url: `http://127.0.0.1:${port}/${size}`, connections: CONNECTIONS, duration: DURATION });
      results.push({ size, rps: r.requests.average, mbps: r.throughput.average / 1e6 });
    }
    const base = results[0]?.rps ?? 1;
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s per size, a bare Fastify server, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    console.log('answer bytes'.padStart(12), 'req/s'.padStart(8), 'share'.padStart(7), 'MB/s'.padStart(7));
    for (const r of results) console.log(String(r.size).padStart(12), r.rps.toFixed(0).padStart(8), `${((r.rps / base) * 100).toFixed(0)} %`.padStart(7), r.mbps.toFixed(0).padStart(7));
  } finally {
    server.kill('SIGTERM');
  }
}
