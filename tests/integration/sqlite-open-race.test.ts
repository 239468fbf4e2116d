// Several processes opening one new SQLite file at the same moment (two first starts of a server, a CLI beside a
// server): each switches it to WAL, and SQLite answers one of two such switches SQLITE_BUSY at once, without waiting
// out the busy timeout. Every opening must succeed. Four processes open twenty new files each in the same
// millisecond; before the store tried the switch again, about one opening in twenty failed here, so the eighty
// openings passed together by chance in about 2 % of runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-open-race-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function opener(rounds: number, first: number, step: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests', 'integration', 'sqlite-open-starter.ts'), folder, String(rounds), String(first), String(step)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`opener exited with ${code}: ${err}`)))));
}

describe('several processes opening one new SQLite file at once', () => {
  it('all open it, each file switched to WAL', async () => {
    const rounds = 20;
    // Late enough for four processes to load the store's code first (slow on a busy machine).
    const first = Date.now() + 8000;
    const results = (await Promise.all([0, 1, 2, 3].map(() => opener(rounds, first, 150)))).flat();
    expect(results).toHaveLength(4 * rounds);
    expect(results.filter((r) => r !== 'ok')).toEqual([]);
    const header = fs.readFileSync(path.join(folder, '0.db')).subarray(18, 20);
    expect([...header]).toEqual([2, 2]); // file format bytes 18-19: 2 = WAL
  }, 60_000);
});
