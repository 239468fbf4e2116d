// Servers started at the same time on a new database (a team's first start, a container restart of every replica):
// the seed runs once in effect. Only one start reports the knowledge base's records as new; the others find them
// unchanged, and the store holds each record once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import type { SeedReport } from '../../src/store/kb-repository';
import { openDatabase } from '../../src/store/db';
import { dialects, freshDatabase } from './harness';

function start(target: string): Promise<SeedReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests', 'integration', 'seed-starter.ts'), target], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as SeedReport) : reject(new Error(`start exited with ${code}: ${err}`))));
  });
}

describe.each(dialects)('concurrent first starts on %s', (dialect) => {
  it('report the seeded records as new once, and store each once', async () => {
    const database = await freshDatabase(dialect);
    try {
      const reports = await Promise.all([start(database.target), start(database.target)]);
      const db = await openDatabase(database.target);
      try {
        const stored = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM kb_record`.execute(db)).rows[0]?.n);
        expect(stored).toBeGreaterThan(100);
        expect(reports.map((r) => r.inserted).sort((a, b) => b - a)).toEqual([stored, 0]);
        for (const r of reports) expect(r.inserted + r.updated + r.unchanged).toBe(stored);
      } finally {
        await db.destroy();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
