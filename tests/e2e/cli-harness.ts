// Runs the real `cyberdiplo` executable as a child process against a temporary database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { tempDir } from '../integration/harness';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliRunner(dbPath = path.join(tempDir(), 'cli.db')) {
  return (args: string[], input?: string): CliResult => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'cyberdiplo.js'), '--db', dbPath, ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      input,
      env: { ...process.env, TZ: 'UTC' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/** A failed command prints exactly one line on stderr, without a stack trace, and exits non-zero. */
export function expectOneLineError(r: CliResult, pattern: RegExp): void {
  if (r.code === 0) throw new Error(`expected failure, got exit 0 with ${r.stdout.slice(0, 200)}`);
  const lines = r.stderr.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${r.stderr}`);
  if (/\bat .*:\d+:\d+/.test(r.stderr)) throw new Error(`stack trace on stderr: ${r.stderr}`);
  if (!pattern.test(lines[0] ?? '')) throw new Error(`stderr "${lines[0]}" does not match ${String(pattern)}`);
}
