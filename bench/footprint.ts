// Benchmark (not a test): the server's memory. Starts the server (single-analyst mode, SQLite, a fresh database),
// reads its resident set size once it is idle after start, then runs the read benchmark's routes (reads.ts) with
// 100 connections and reads it again once idle; also the peak (VmHWM). Issue goals: < 150 MB idle after start and
// < 250 MB after the read benchmark.
//   npx tsx bench/footprint.ts [--duration 3] [--connections 100] [--build]
// With --build it runs `npm run build` first, so that the built server (what `npm run serve` runs) is measured;
// otherwise the built one when current, else the sources through tsx (whose loader adds its own memory; said so).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config';
import { freePort } from './free-port';
import { READ_ROUTES, builtServerIsCurrent, serverNodeFlags, startServer } from './server-process';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const DURATION = Number(arg('duration', '3'));
const CONNECTIONS = Number(arg('connections', '100'));

/** Resident and peak resident set size of a process, in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const idle = () => new Promise((r) => setTimeout(r, 5000));

if (process.argv.includes('--build')) execSync('npm run build', { cwd: projectRoot, stdio: 'inherit' });
const built = builtServerIsCurrent();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-footprint-'));
const port = await freePort();
const server = await startServer({ CYBERDIPLO_DB: path.join(dir, 'footprint.db'), CYBERDIPLO_AUTH: 'off' }, port);
try {
  const pid = server.pid as number;
  await idle();
  const start = memory(pid);
  let requests = 0;
  for (const route of READ_ROUTES) {
    const r = await autocannon({ url: `http://127.0.0.1:${port}${route}`, connections: CONNECTIONS, duration: DURATION });
    requests += r.requests.total;
  }
  await idle();
  const after = memory(pid);
  const mark = (mb: number, goal: number) => `${mb.toFixed(0).padStart(5)} MB  (goal < ${goal} MB: ${mb < goal ? 'met' : 'NOT met'})`;
  console.log(`server: ${built ? 'dist/server.js (built)' : 'src/server/main.ts through tsx (its loader adds memory; build for the real figure)'}, Node ${process.version} ${serverNodeFlags().join(' ') || '(default options)'}, ${os.cpus().length} cores (shared), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`idle after start                     ${mark(start.rss, 150)}`);
  console.log(`idle after the read benchmark        ${mark(after.rss, 250)}   (${READ_ROUTES.length} routes x ${DURATION} s, ${CONNECTIONS} connections, ${requests} requests)`);
  console.log(`peak during the run (VmHWM)          ${after.peak.toFixed(0).padStart(5)} MB`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
