// Read benchmark (not a test): each read route of the knowledge base and the assessment against GET /api/health in
// the same run, single-analyst mode on SQLite unless told otherwise, 100 connections; prints each route's throughput as a share of the
// health route's, its p99 beside the health route's (issue goals: >= 50 %, network >= 25 %, assessment p99
// within 3x health's) and the server's CPU time per request. The server runs with the Node options of `npm run serve`
// (BENCH_NODE_FLAGS="..." replaces them, see server-process.ts).
//   npx tsx bench/reads.ts [--duration 10] [--connections 100]
// With --db FILE it runs on an existing SQLite database instead of a fresh one, e.g. the world-scale one that
// `bench/world.ts --keep DIR` keeps (with --data DIR/data-193, the data folder it was seeded from, so that the server
// does not re-seed it), and times two incident list routes besides (filtered by category, and searched).
//   npx tsx bench/reads.ts --db DIR/world-193.db --data DIR/data-193
// With --accept-encoding VALUE every request sends that header, as a browser does ("gzip, deflate, br"), and the
// table adds the mean bytes of an answer; without it, answers come uncompressed. --routes A,B times only those routes (a comma before a slash parts them)
// (health is always first). --while ROUTE instead times health alone while the server answers ROUTE once, uncached
// (e.g. /api/assess?asOf=2019-01-01 on the world-scale database): health's p99 and maximum show how long the server
// left other requests waiting (the knowledge base already read), and the route's time and answer are printed beside them.
// --write-every MS records an incident (CLEAR) every MS milliseconds while an incident route is timed, so that kept
// pages and counts are read again after each write (the incident version moves), as in a registry being written to.
// --client node measures the routes with Node's own HTTP client (node-load.ts) instead of autocannon (health too).
// --db postgres://... runs on that PostgreSQL database instead (e.g. cyberdiplo_world_193_<DIR's name>, which
// `world.ts --db postgres://... --keep DIR` keeps), in single-analyst mode too unless --as-reader; the table then adds
// the CPU time of the database's own processes (its backends for this database) per request.
// --as-reader runs the server in team mode and asks every route (health too) as a signed-in reader of another
// organisation than the importing one, whose incident lists and counts are filtered by TLP: the benchmark's admin
// creates the account once, the reader signs in, and every request carries its session cookie and CSRF token as the
// web app's do; health is also timed without them (the share against it is printed beside).
// --all times every GET route the server registers (get-routes.ts: each path of the OpenAPI document and /metrics,
// with an incident, a change and an account of the database filled in), and names any GET path it does not time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from './free-port';
import { EVERY_GET_ROUTE, fillRoutes, untimedPaths } from './get-routes';
import { nodeLoad } from './node-load';
import { BENCH_READER, builtServerIsCurrent, databaseEnv, READ_ROUTES as ROUTES, readerSession, serverNodeFlags, startServer, teamEnv } from './server-process';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '100'));
const DB = arg('db', '');
const DATA = arg('data', '');
const ENCODING = arg('accept-encoding', '');
const ONLY = arg('routes', '');
const WHILE = arg('while', '');
const WRITE_EVERY = Number(arg('write-every', '0'));
const CLIENT = arg('client', 'autocannon');
const AS_READER = process.argv.includes('--as-reader');
const ALL = process.argv.includes('--all');
const POSTGRES = /^postgres(ql)?:\/\//.test(DB);
if (CLIENT !== 'autocannon' && CLIENT !== 'node') {
  console.error(`--client must be autocannon or node, not ${CLIENT}`);
  process.exit(2);
}
const INCIDENT_ROUTES = ['/api/incidents?category=hybrid&limit=50&offset=450', '/api/incidents?q=Kenya&limit=50'];
/** The incident --write-every records. */
const WRITTEN = { title: 'Written during the read benchmark', start: '2026-03-01', ongoing: true, category: 'hybrid', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high' }, initiator: { type: 'state-sponsored', country: 'RU' }, tlp: 'clear' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-reads-'));
const port = await freePort();
const SERVER_CODE = builtServerIsCurrent() ? 'the built server' : 'the server from the sources';
const server = await startServer({ ...databaseEnv(DB || path.join(dir, 'reads.db')), ...(AS_READER ? teamEnv() : { CYBERDIPLO_AUTH: 'off' }), ...(DATA ? { CYBERDIPLO_DATA: DATA } : {}) }, port);
if (DB) console.log(POSTGRES ? `on PostgreSQL, database ${new URL(DB).pathname.slice(1)}` : `on ${DB}: ${(fs.statSync(DB).size / 1048576).toFixed(0)} MB`);
/** The reader's session cookie and CSRF token with --as-reader; nothing in single-analyst mode. */
const session: Record<string, string> = {};
if (AS_READER) {
  try {
    Object.assign(session, await readerSession(port));
  } catch (e) {
    server.kill('SIGTERM');
    throw e;
  }
}
const MODE = `${AS_READER ? `signed-in reader (${BENCH_READER.role} of ${BENCH_READER.org}, under TLP; session cookie)` : 'single-analyst mode'}, ${POSTGRES ? 'PostgreSQL' : 'SQLite'}`;
console.log(`mode: ${MODE}, ${SERVER_CODE}`);
const headers: Record<string, string> = { ...session, ...(ENCODING ? { 'accept-encoding': ENCODING } : {}) };
/** fetch asks for gzip unless told otherwise. */
const fetchHeaders = { ...session, 'accept-encoding': ENCODING || 'identity' };
/** The health route timed without the reader's session, beside the one with it (--as-reader). */
const ANONYMOUS_HEALTH = '/api/health (no session)';
try {
  // The server's CPU time (user + system, all threads) from /proc: per request, the steadier figure on a shared machine.
  const cpuMs = () => {
    const f = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  };
  // On PostgreSQL the database's work is done by its backends, other processes: their CPU time, read from /proc for
  // the backends connected to this database at each reading (the server's pool keeps its connections open).
  const monitor = POSTGRES ? new pg.Client({ connectionString: DB }) : undefined;
  await monitor?.connect();
  // Per backend, so that one that ends between two readings (the pool closes idle connections) takes away only what
  // it did since the first: a backend seen only at the second reading counts from zero.
  const databaseCpuMs = async (): Promise<Map<number, number>> => {
    const byPid = new Map<number, number>();
    if (!monitor) return byPid;
    const { rows } = await monitor.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    for (const { pid } of rows) {
      try {
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        byPid.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
      } catch {
        // the backend ended between the query and the reading
      }
    }
    return byPid;
  };
  const databaseCpuSince = (from: Map<number, number>, to: Map<number, number>) => [...to].reduce((ms, [pid, now]) => ms + now - (from.get(pid) ?? 0), 0);
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  if (WHILE) {
    // The knowledge base is read from the database on its first use: done before, so that only the view is measured.
    await fetch(`http://127.0.0.1:${port}/api/partners`, { headers: fetchHeaders }).then((r) => r.arrayBuffer());
    const before = cpuMs();
    const started = performance.now();
    const load = autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections: CONNECTIONS, duration: DURATION, headers });
    await new Promise((r) => setTimeout(r, 1000));
    const asked = performance.now();
    const answer = await fetch(`http://127.0.0.1:${port}${WHILE}`, { headers: fetchHeaders });
    const bytes = (await answer.arrayBuffer()).byteLength;
    const took = performance.now() - asked;
    const h = await load;
    console.log(`\n${WHILE} (${answer.status}, ${answer.headers.get('content-encoding') ?? 'identity'}, ${answer.headers.get('content-length') ?? '?'} bytes sent, ${bytes} bytes of JSON) answered in ${took.toFixed(0)} ms, asked 1 s into ${DURATION} s of /api/health at ${CONNECTIONS} connections`);
    console.log(`health: ${h.requests.average.toFixed(0)} req/s, p50 ${h.latency.p50} ms, p99 ${h.latency.p99} ms, max ${h.latency.max} ms, ${h.errors} errors, ${h.timeouts} timeouts; server CPU ${(cpuMs() - before).toFixed(0)} ms in ${(performance.now() - started).toFixed(0)} ms; RSS ${rssMb().toFixed(0)} MB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
  const results: { route: string; rps: number; p99: number; non2xx: number; cpu: number; dbCpu: number; bytes: number }[] = [];
  /** Which statuses the routes with non-2xx answers got, to print under the table. */
  const refused: string[] = [];
  let every: string[] = [];
  if (ALL && !WHILE) {
    const getJson = (route: string) => fetch(`http://127.0.0.1:${port}${route}`, { headers: fetchHeaders }).then((r) => r.json() as Promise<unknown>);
    const filled = await fillRoutes(EVERY_GET_ROUTE, getJson);
    every = filled.routes;
    const untimed = untimedPaths((await getJson('/api/openapi.json')) as Parameters<typeof untimedPaths>[0], EVERY_GET_ROUTE);
    for (const line of [...filled.left, ...untimed.map((p) => `${p}: a GET path of the OpenAPI document that get-routes.ts does not list`)]) console.log(line);
  }
  const listed = WHILE ? [] : ALL ? every : ONLY ? ['/api/health', ...ONLY.split(/,(?=\/)/)] : DB ? [...ROUTES, ...INCIDENT_ROUTES] : ROUTES;
  const routes = AS_READER && listed.length > 0 ? [listed[0] ?? '/api/health', ANONYMOUS_HEALTH, ...listed.slice(1)] : listed;
  // Health first, untimed, as long as a timed route, at full concurrency: the database pool's connections are opened
  // and the request path compiled (as the reader, the session's read too) before the first timed route, which would
  // otherwise pay for them (on PostgreSQL it ran at half the rate of the same route timed later). Then, until the
  // server is idle (under 50 ms of CPU in a second, 120 s at most): what its start left to do in the background
  // (the data folder's stamps, the registry's precedents) is not counted against the first route.
  if (routes.length > 0) {
    await autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections: CONNECTIONS, duration: Math.max(2, DURATION), headers });
    for (let i = 0; i < 120; i++) {
      const idleFrom = cpuMs();
      await new Promise((r) => setTimeout(r, 1000));
      if (cpuMs() - idleFrom < 50) break;
    }
  }
  const loadAtStart = os.loadavg()[0] ?? 0;
  for (const route of routes) {
    const anonymous = route === ANONYMOUS_HEALTH;
    const url = `http://127.0.0.1:${port}${anonymous ? '/api/health' : route}`;
    const routeHeaders = anonymous ? (ENCODING ? { 'accept-encoding': ENCODING } : {}) : headers;
    await fetch(url, { headers: fetchHeaders }).then((r) => r.arrayBuffer()); // warm: the first answer computes the view
    let writes = 0;
    const write = () =>
      void fetch(`http://127.0.0.1:${port}/api/incidents`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify(WRITTEN) })
        .then((a) => a.arrayBuffer())
        .then(() => writes++);
    const writer = WRITE_EVERY > 0 && route.startsWith('/api/incidents') ? setInterval(write, WRITE_EVERY) : undefined;
    const before = cpuMs();
    const dbBefore = await databaseCpuMs();
    const options = { url, connections: CONNECTIONS, duration: DURATION, headers: routeHeaders };
    const r = CLIENT === 'node' ? await nodeLoad(options) : await autocannon(options);
    clearInterval(writer);
    const dbCpu = databaseCpuSince(dbBefore, await databaseCpuMs()) / Math.max(1, r.requests.total);
    if (writer) console.log(`${route}: ${writes} incidents written while it was timed (one every ${WRITE_EVERY} ms)`);
    if (r.non2xx > 0) refused.push(`${route}: ${Object.entries(r.statusCodeStats).map(([code, s]) => `${code} × ${s.count}`).join(', ')}`);
    results.push({ route, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, cpu: (cpuMs() - before) / Math.max(1, r.requests.total), dbCpu, bytes: r.throughput.total / Math.max(1, r.requests.total) });
  }
  if (results.length > 0) {
    const health = results[0] ?? { rps: 1, p99: 1 };
    const bare = results.find((r) => r.route === ANONYMOUS_HEALTH);
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s per route, ${MODE}, ${SERVER_CODE}, Node ${serverNodeFlags().join(' ') || '(default options)'}, load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}${ENCODING ? `, Accept-Encoding: ${ENCODING}` : ', no compression asked'}, client ${CLIENT === 'node' ? "Node's http (bytes: the bodies as sent)" : 'autocannon'}\n`);
    if (bare) console.log('share: of health asked with the session; share/bare: of health asked without it\n');
    const width = Math.max(36, ...results.map((r) => r.route.length + 1));
    console.log('route'.padEnd(width), 'req/s'.padStart(8), 'share'.padStart(7), ...(bare ? ['share/bare'.padStart(11)] : []), 'p99 ms'.padStart(8), 'p99/health'.padStart(11), 'non-2xx'.padStart(8), 'server CPU µs/req'.padStart(18), ...(POSTGRES ? ['PostgreSQL CPU µs/req'.padStart(22)] : []), 'bytes/answer'.padStart(13));
    for (const r of results) {
      const ofBare = bare ? [`${((r.rps / bare.rps) * 100).toFixed(0)} %`.padStart(11)] : [];
      console.log(r.route.padEnd(width), r.rps.toFixed(0).padStart(8), `${((r.rps / health.rps) * 100).toFixed(0)} %`.padStart(7), ...ofBare, String(r.p99).padStart(8), (r.p99 / Math.max(1, health.p99)).toFixed(1).padStart(11), String(r.non2xx).padStart(8), (r.cpu * 1000).toFixed(0).padStart(18), ...(POSTGRES ? [(r.dbCpu * 1000).toFixed(0).padStart(22)] : []), r.bytes.toFixed(0).padStart(13));
    }
    if (refused.length > 0) console.log(`\nanswers by status where some were not 2xx:\n${refused.join('\n')}`);
    console.log(`\nserver RSS at the end ${rssMb().toFixed(0)} MB`);
  }
  await monitor?.end();
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
