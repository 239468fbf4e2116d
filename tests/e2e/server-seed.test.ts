// The server's start seeds the knowledge base in a short-lived process of its own (src/server/seed-process.ts): the
// started server serves what the data files say, a start after a data file changed serves the change (and reports the
// record as updated), a start on unchanged files seeds nothing, and a data file that cannot be read stops the start
// with the seed's own message.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { freePort } from '../../bench/free-port';
import { dialects, freshDatabase, tempDir } from '../integration/harness';

interface Started {
  child: ChildProcess;
  port: number;
  /** The log's line about the knowledge base (its counts). */
  seeded: { inserted: number; updated: number; unchanged: number };
}

function start(env: Record<string, string>): Promise<Started> {
  return freePort().then(
    (port) =>
      new Promise<Started>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')], {
          cwd: projectRoot,
          env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', CYBERDIPLO_AUTH: 'off' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += String(d);
          const line = out.split('\n').find((l) => l.includes('knowledge base ready'));
          if (line) resolve({ child, port, seeded: JSON.parse(line) as Started['seeded'] });
        });
        child.stderr?.on('data', (d: Buffer) => (err += String(d)));
        child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err.trim()}`)));
      }),
  );
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const get = async (port: number, route: string) => {
  const r = await fetch(`http://127.0.0.1:${port}${route}`);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe.each(dialects)('the server start seeds the knowledge base in a process of its own, on %s', (dialect) => {
  it('serves the seeded data, re-seeds a changed file, seeds nothing on unchanged files, and stops on a broken one', async () => {
    const database = await freshDatabase(dialect);
    const data = tempDir('cyberdiplo-seed-data-');
    fs.cpSync(path.join(projectRoot, 'data'), data, { recursive: true });
    const env = { CYBERDIPLO_DATA: data, ...(dialect === 'postgres' ? { DATABASE_URL: database.target } : { CYBERDIPLO_DB: database.target }) };
    try {
      // A first start on an empty database: every record new, the partner served as the file names it.
      let s = await start(env);
      try {
        expect(s.seeded.inserted).toBeGreaterThan(100);
        expect(s.seeded.updated + s.seeded.unchanged).toBe(0);
        expect((await get(s.port, '/api/ready')).status).toBe(200);
        expect((await get(s.port, '/api/partners/BR')).body).toMatchObject({ id: 'BR', name: 'Brazil' });
      } finally {
        await stop(s.child);
      }

      // The data file changes between starts: the next start updates that record, and serves the new name.
      const file = path.join(data, 'partnerships', 'br.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  name: Brazil\n', '  name: Federative Republic of Brazil\n'));
      s = await start(env);
      const records = s.seeded.inserted + s.seeded.updated + s.seeded.unchanged;
      try {
        expect(s.seeded).toMatchObject({ inserted: 0, updated: 1 });
        expect((await get(s.port, '/api/partners/BR')).body).toMatchObject({ id: 'BR', name: 'Federative Republic of Brazil' });
      } finally {
        await stop(s.child);
      }

      // Unchanged files: nothing seeded, every record found unchanged.
      s = await start(env);
      try {
        expect(s.seeded).toMatchObject({ inserted: 0, updated: 0, unchanged: records });
        expect((await get(s.port, '/api/partners/BR')).body).toMatchObject({ name: 'Federative Republic of Brazil' });
      } finally {
        await stop(s.child);
      }

      // A data file that is not valid YAML: the start stops with the seed's message, naming the file.
      fs.writeFileSync(file, 'partner: [unclosed\n');
      await expect(start(env)).rejects.toThrow(/server exited with 1: cyberdiplo: Data file partnerships\/br\.yaml is not valid YAML/);
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
      await database.drop();
    }
  }, 480_000);
});
