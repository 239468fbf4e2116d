// Read benchmark (not a test): each read route of the knowledge base and the assessment against GET /api/health in
// the same run, single-analyst mode on SQLite, 100 connections; prints each route's throughput as a share of the
// health route's and its p99 beside the health route's (issue goals: >= 50 %, network >= 25 %, assessment p99
// within 3x health's).
//   npx tsx bench/reads.ts [--duration 10] [--connections 100]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './free-port';
import { projectRoot } from '../src/config';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '100'));

const ROUTES = [
  '/api/health',
  '/api/partners',
  '/api/partners/US',
  '/api/partners/JP?asOf=2014-06-30',
  '/api/matrix',
  '/api/dialogues?partner=CN',
  '/api/assess/US',
  '/api/assess',
  '/api/network',
  '/api/timeline/BR',
  '/api/compare?ids=US,JP,CN',
  '/api/gaps/IN',
  '/api/search?q=Budapest',
];

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const built = path.join(projectRoot, 'dist', 'server.js');
  const args = fs.existsSync(built) ? [built] : ['--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not start in 60 s');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-reads-'));
const port = await freePort();
const server = await startServer({ CYBERDIPLO_DB: path.join(dir, 'reads.db'), CYBERDIPLO_AUTH: 'off' }, port);
try {
  const results: { route: string; rps: number; p99: number; non2xx: number }[] = [];
  for (const route of ROUTES) {
    await fetch(`http://127.0.0.1:${port}${route}`); // warm: the first answer computes the view
    const r = await autocannon({ url: `http://127.0.0.1:${port}${route}`, connections: CONNECTIONS, duration: DURATION });
    results.push({ route, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx });
  }
  const health = results[0] ?? { rps: 1, p99: 1 };
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route, single-analyst mode, SQLite\n`);
  console.log('route'.padEnd(36), 'req/s'.padStart(8), 'share'.padStart(7), 'p99 ms'.padStart(8), 'p99/health'.padStart(11), 'non-2xx'.padStart(8));
  for (const r of results) {
    console.log(r.route.padEnd(36), r.rps.toFixed(0).padStart(8), `${((r.rps / health.rps) * 100).toFixed(0)} %`.padStart(7), String(r.p99).padStart(8), (r.p99 / Math.max(1, health.p99)).toFixed(1).padStart(11), String(r.non2xx).padStart(8));
  }
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
