#!/usr/bin/env node
// Entry point of the `cyberdiplo` command. Runs the compiled CLI (dist/cli.js, written by `npm run build`, which
// `npm start` runs) when it is newer than every source file; otherwise runs the TypeScript sources through tsx,
// which is slower to start but never stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  try {
    const built = fs.statSync(compiled).mtimeMs;
    // An installation without the sources (the container image) has only the build to run.
    if (!fs.existsSync(path.join(root, 'src'))) return true;
    return built >= newestSource(path.join(root, 'src'));
  } catch {
    return false;
  }
}

let run;
if (compiledIsFresh()) ({ run } = await import(compiled));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli/main.ts'));
}
process.exitCode = await run(process.argv.slice(2));
