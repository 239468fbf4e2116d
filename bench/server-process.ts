// The server as a child process for the HTTP benchmarks (reads.ts, footprint.ts): the built server (dist/server.js)
// when it is newer than every source file, else the TypeScript sources through tsx; the read routes they call; and,
// for team mode, a signed-in reader of another organisation than the one that imported the records.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';

/** Each read route of the knowledge base and the assessment, /api/health first. */
export const READ_ROUTES = [
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

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether dist/server.js is there and newer than every file under src/ (else it would run older code). */
export function builtServerIsCurrent(): boolean {
  const built = path.join(projectRoot, 'dist', 'server.js');
  return fs.existsSync(built) && fs.statSync(built).mtimeMs > newestSource(path.join(projectRoot, 'src'));
}

/**
 * The Node options the server runs with: those of `npm run serve` in package.json (the same as the Dockerfile's and
 * the systemd unit's), so that the benchmarks measure the server as deployed; BENCH_NODE_FLAGS="..." replaces them
 * (an empty value runs Node's defaults), to compare start options.
 */
export function serverNodeFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const serve = /^node\s+(.*?)\s*dist\/server\.js$/.exec(pkg.scripts.serve ?? '');
  return serve?.[1] ? serve[1].split(/\s+/).filter(Boolean) : [];
}

export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const flags = serverNodeFlags();
  const args = builtServerIsCurrent() ? [...flags, path.join(projectRoot, 'dist', 'server.js')] : [...flags, '--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not start in 60 s');
}

/** The database a benchmark server runs on: a postgres:// URL or an SQLite file. */
export const databaseEnv = (db: string): Record<string, string> => (/^postgres(ql)?:\/\//.test(db) ? { DATABASE_URL: db } : { CYBERDIPLO_DB: db });

/** The first admin of a benchmark's team server (a fixed password: the databases are the benchmarks' own). */
const BENCH_ADMIN = { user: 'bench-admin', password: 'bench admin password 0123', org: 'EE' };
/** The reader of the benchmarks under TLP: an analyst of another organisation (FI), as in world.ts. */
export const BENCH_READER = { username: 'bench-reader', password: 'bench reader password 0123', role: 'analyst', org: 'FI' } as const;

/** What a team server needs for the benchmarks: sign-in on, an audit key, the first admin, cookies over plain HTTP. */
export const teamEnv = (): Record<string, string> => ({
  CYBERDIPLO_AUTH: 'on',
  CYBERDIPLO_AUDIT_KEY: 'benchmark audit key, not a secret: 0123456789abcdef',
  CYBERDIPLO_ADMIN_USER: BENCH_ADMIN.user,
  CYBERDIPLO_ADMIN_PASSWORD: BENCH_ADMIN.password,
  CYBERDIPLO_ADMIN_ORG: BENCH_ADMIN.org,
  CYBERDIPLO_COOKIE_SECURE: 'false',
  CYBERDIPLO_LOGIN_LIMIT: '1000',
});

/** Signs in over HTTP as the web app does: the session cookie and CSRF token to send with each request. */
async function signIn(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/**
 * The reader's session on a team server started with teamEnv(): the first admin creates the reader's account (once
 * per database: an existing one is kept) and the reader signs in. Returns the headers the web app would send.
 */
export async function readerSession(port: number): Promise<Record<string, string>> {
  const base = `http://127.0.0.1:${port}`;
  const admin = await signIn(base, BENCH_ADMIN.user, BENCH_ADMIN.password);
  const created = await fetch(`${base}/api/users`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(BENCH_READER) });
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${BENCH_READER.username} failed: ${created.status} ${await created.text()}`);
  const reader = await signIn(base, BENCH_READER.username, BENCH_READER.password);
  const me = (await fetch(`${base}/api/auth/me`, { headers: reader }).then((r) => r.json())) as { principal: { kind: string; username?: string; org?: string } };
  if (me.principal.username !== BENCH_READER.username) throw new Error(`the session does not sign ${BENCH_READER.username} in: ${JSON.stringify(me.principal)}`);
  return reader;
}
