// Load benchmark (not a test): 200 concurrent clients with mixed reads and writes for 60 seconds against a team-mode
// server on loopback, once on SQLite and once on PostgreSQL; prints throughput, latency percentiles and errors.
//   npx tsx bench/load.ts [--db sqlite|postgres|both] [--duration 60] [--connections 200]
// PostgreSQL needs TEST_DATABASE_URL (a role that may create databases); a scratch database is created and dropped.
//
// Measured on the 2-CPU development machine (server, load generator and PostgreSQL 15 sharing it), 200 clients, 60 s:
//   SQLite      308 req/s, p50 573 ms, p99 1437 ms, max 1.5 s, 0 errors, 0 timeouts; audit chain valid (5599 entries)
//   PostgreSQL  173-229 req/s, p50 823-1115 ms, p99 2.1-3.1 s, 0 errors, 0 timeouts; audit chain valid
// Before the server admitted a few requests per loop turn (src/server/fair-turns.ts), SQLite had 15-38 timeouts
// and a 15 s maximum: Node 20 accepts one new connection per loop turn, and with synchronous SQLite a turn ran
// every waiting request, so part of the opening burst of 200 connections waited in the kernel's queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './free-port';
import pg from 'pg';
import { openWorkbench } from '../src/app/workbench';
import { projectRoot, readConfig } from '../src/config';
import { incident as teamIncident } from '../tests/integration/team';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const DURATION = Number(arg('duration', '60'));
const CONNECTIONS = Number(arg('connections', '200'));
const WHICH = arg('db', 'both');

const incident = (title: string, tlp: string) => teamIncident(title, { tlp });

async function scratchDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
    return { env: { CYBERDIPLO_DB: path.join(dir, 'bench.db') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('PostgreSQL: set TEST_DATABASE_URL to a role that may create databases');
  const name = `cyberdiplo_bench_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Accounts, tokens and 200 incidents across the TLP levels, written before the server starts. */
async function prepare(env: Record<string, string>) {
  const wb = await openWorkbench(readConfig(env));
  const local = { kind: 'local', org: null } as const;
  const tokens: string[] = [];
  for (const [username, role, org] of [['ana', 'analyst', 'DE'], ['eve', 'editor', 'FR'], ['vic', 'viewer', 'IT']] as const) {
    await wb.accounts.create(local, { username, password: 'bench password 1234', role, org });
    tokens.push((await wb.accounts.createToken(local, { username, name: 'bench' })).token);
  }
  const analyst = { kind: 'user', id: 'x', username: 'ana', role: 'analyst', org: 'DE', via: 'token' } as const;
  const ids: string[] = [];
  const levels = ['clear', 'green', 'amber', 'amber+strict', 'red'];
  for (let i = 0; i < 200; i++) ids.push((await wb.toolbox.create(analyst, incident(`Seeded incident ${i}`, levels[i % levels.length] ?? 'green'))).id);
  await wb.close();
  return { tokens, ids };
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    void (async () => {
      // Ready when /api/ready answers 200 (the log is at warn level here, so it says nothing on start).
      for (let i = 0; i < 600; i++) {
        if (await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false)) return resolve();
        await new Promise((r) => setTimeout(r, 100));
      }
      reject(new Error('the server did not become ready in 60 s'));
    })();
  });
  return child;
}

async function bench(dialect: 'sqlite' | 'postgres') {
  const db = await scratchDatabase(dialect);
  // A fresh random audit key per run: the scratch database is dropped afterwards.
  const env = { ...db.env, CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: randomBytes(32).toString('base64') };
  const { tokens, ids } = await prepare(env);
  const port = await freePort();
  const server = await startServer(env, port);
  const bearer = (i: number) => ({ authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' });
  // Per client, a cycle of 10 requests: 7 reads (3 of them anonymous) and 3 writes.
  const requests = [
    { method: 'GET', path: '/api/incidents?limit=20', headers: bearer(0) },
    { method: 'GET', path: `/api/incidents/${ids[1]}`, headers: bearer(1) },
    { method: 'GET', path: '/api/incidents?q=Seeded&category=cyber-espionage&limit=10', headers: bearer(2) },
    { method: 'GET', path: '/api/incidents?limit=20' },
    { method: 'GET', path: '/api/partners/US' },
    { method: 'GET', path: `/api/incidents/${ids[0]}/history`, headers: bearer(0) },
    { method: 'GET', path: '/api/measures' },
    { method: 'POST', path: '/api/incidents', headers: bearer(0), body: JSON.stringify(incident('Load test incident', 'amber')) },
    { method: 'PATCH', path: `/api/incidents/${ids[5]}`, headers: bearer(0), body: JSON.stringify({ ongoing: false }) },
    { method: 'POST', path: '/api/incidents', headers: bearer(1), body: JSON.stringify(incident('Load test incident', 'green')) },
  ];
  try {
    const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: DURATION, requests, timeout: 30 });
    const verify = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    const wb = await openWorkbench(readConfig(env), { seed: false });
    const audit = await wb.audit.verify();
    await wb.close();
    const codes = Object.entries(r.statusCodeStats).map(([c, s]) => `${c}: ${s.count}`).join(', ');
    console.log(`\n${dialect}: ${CONNECTIONS} clients, ${r.duration.toFixed(0)} s, 7 reads : 3 writes`);
    console.log(`  throughput  ${r.requests.average.toFixed(0)} req/s (${r.requests.total} requests; ${(r.throughput.average / 1024).toFixed(0)} KiB/s)`);
    console.log(`  latency     p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`);
    console.log(`  errors      ${r.errors} connection errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers (${codes})`);
    console.log(`  audit chain ${audit.valid ? `valid, ${audit.entries} entries` : `BROKEN at ${audit.seq}: ${audit.reason}`}; health ${JSON.stringify(verify)}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.drop();
  }
}

for (const d of WHICH === 'both' ? (['sqlite', 'postgres'] as const) : [WHICH as 'sqlite' | 'postgres']) await bench(d);
