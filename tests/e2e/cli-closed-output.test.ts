// A reader that stops early (`cyberdiplo dialogues --json | head`) ends the command quietly: no EPIPE stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { tempDir } from '../integration/harness';

describe('cyberdiplo with its output closed early', () => {
  it('prints nothing on stderr when the reader of a long output stops after a few bytes', () => {
    const db = path.join(tempDir(), 'cli.db');
    const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(projectRoot, 'bin', 'cyberdiplo.js'))} --db ${JSON.stringify(db)}`;
    // The dialogues as JSON are far larger than a pipe's buffer, so the CLI is still writing when `head` exits.
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${cli} dialogues --json | head -c 10 >/dev/null`], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(r.stderr).not.toMatch(/EPIPE|node:events|\bat .*:\d+:\d+/);
    expect(r.stderr).toBe('');
  }, 60_000);
});
