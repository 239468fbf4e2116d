// Several processes writing to one SQLite file at the same time (two servers, or a server and the CLI): every
// write lands, no update is lost and the audit chain stays valid, because a transaction takes the file's write
// lock when it begins, and so waits for its turn instead of failing when another process wrote between its read
// and its write.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/app/workbench';
import { projectRoot, readConfig } from '../../src/config';
import { tempDir } from './harness';

function writer(file: string, label: string, count: number): Promise<{ failures: number; first: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests', 'integration', 'sqlite-writer.ts'), file, label, String(count)], { cwd: projectRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve({ ...(JSON.parse(out) as { failures: number; first: string | null }), stderr: err });
      } catch {
        reject(new Error(`writer ${label} failed: ${err}`));
      }
    });
  });
}

describe('several processes on one SQLite file', () => {
  it('lands every write from three processes writing at once, loses no update, and keeps one valid audit chain', async () => {
    const file = path.join(tempDir(), 'shared.db');
    const wb = await openWorkbench({ ...readConfig({}), dbPath: file });
    await wb.close();
    const results = await Promise.all(['a', 'b', 'c'].map((label) => writer(file, label, 40)));
    for (const r of results) expect(r.failures, r.first ?? r.stderr).toBe(0);
    const check = await openWorkbench({ ...readConfig({}), dbPath: file }, { seed: false });
    try {
      const local = { kind: 'local', org: 'DE' } as const;
      expect((await check.toolbox.list(local, { limit: '1' })).total).toBe(120);
      const counter = await check.db.selectFrom('meta').select('value').where('key', '=', 'test_counter').executeTakeFirst();
      expect(counter?.value).toBe('120');
      const verdict = await check.audit.verify();
      expect(verdict.valid, JSON.stringify(verdict)).toBe(true);
    } finally {
      await check.close();
    }
  }, 120_000);
});
