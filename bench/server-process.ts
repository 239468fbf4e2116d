// The server as a child process for the HTTP benchmarks (reads.ts, footprint.ts): the built server (dist/server.js)
// when it is newer than every source file, else the TypeScript sources through tsx; and the read routes they call.
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
