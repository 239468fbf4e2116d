// The product's worker threads, started the same way wherever it runs: from the build in dist/ (each worker an entry
// of the build beside the server and the CLI: `npm start`, `npm run serve`, the CLI's compiled copy), or from the
// TypeScript sources (tests, benchmarks, the CLI through tsx). A worker of a .ts file registers tsx itself before it
// loads its module: Node 20 does not apply a loader given by `--import` to a worker's entry.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The workers, each a file of this folder (`<name>.ts`) and an entry of the build (`dist/<name>.js`). */
export type WorkerName = 'audit-worker' | 'cfr-worker';

/** The module tsx registers itself with (its `tsx/esm/api` export for `import`), as a file URL. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = pkg.exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx does not export esm/api: cannot start a worker from the TypeScript sources');
  return new URL(entry, pathToFileURL(pkgFile)).href;
}

export function startWorker(name: WorkerName, opts: WorkerOptions = {}): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), opts);
  const entry = new URL(`./${name}.ts`, here).href;
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { ...opts, eval: true });
}
