// The `cyberdiplo` executable's choice of entry: the compiled CLI when it is newer than every source file, the
// TypeScript sources otherwise, so that an edit is never hidden by a stale build. Checked on a scratch layout
// (bin/, dist/, src/) whose two entries say which one ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { tempDir } from '../integration/harness';

function layout() {
  const root = tempDir('cyberdiplo-entry-');
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  fs.copyFileSync(path.join(projectRoot, 'bin', 'cyberdiplo.js'), path.join(root, 'bin', 'cyberdiplo.js'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const entry = (which: string) => `export async function run(argv: string[]) { console.log('${which} ' + argv.join(' ')); return 3; }\n`;
  fs.writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), entry('sources'));
  fs.writeFileSync(path.join(root, 'dist', 'cli.js'), entry('compiled').replace(': string[]', ''));
  const at = (file: string, seconds: number) => fs.utimesSync(path.join(root, file), seconds, seconds);
  const run = () => spawnSync(process.execPath, [path.join(root, 'bin', 'cyberdiplo.js'), 'a', 'b'], { encoding: 'utf8' });
  return { root, at, run };
}

describe('cyberdiplo entry point', () => {
  it('runs the compiled CLI when it is newer than the sources, and passes arguments and exit code through', () => {
    const l = layout();
    l.at('src/cli/main.ts', 1_000);
    l.at('dist/cli.js', 2_000);
    const r = l.run();
    expect(r.stdout.trim()).toBe('compiled a b');
    expect(r.status).toBe(3);
  });

  it('runs the sources when any source file is newer than the build, or when there is no build', () => {
    const l = layout();
    l.at('dist/cli.js', 2_000);
    fs.mkdirSync(path.join(l.root, 'src', 'core'));
    fs.writeFileSync(path.join(l.root, 'src', 'core', 'edited.ts'), 'export {};\n');
    l.at('src/cli/main.ts', 1_000);
    l.at('src/core/edited.ts', 3_000);
    expect(l.run().stdout.trim()).toBe('sources a b');
    fs.rmSync(path.join(l.root, 'dist', 'cli.js'));
    expect(l.run().stdout.trim()).toBe('sources a b');
  });
});
