// Fault test: SIGKILL the server in the middle of concurrent writes, restart it, and find every acknowledged write
// intact, no partial write (each incident with its marking, its history entry and its audit entry), a valid chain.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/app/workbench';
import { projectRoot, readConfig } from '../../src/config';
import { TEST_AUDIT_KEY, dialects, freshDatabase } from '../integration/harness';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    void untilReady(port).then(() => resolve(child), reject);
  });
}

/** Polls /api/ready (the log is silent here) until the server answers 200. */
async function untilReady(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become ready in 60 s');
}

describe.each(dialects)('SIGKILL during writes on %s', (dialect) => {
  it('keeps every acknowledged write whole and the audit chain valid', async () => {
    const db = await freshDatabase(dialect);
    const env: Record<string, string> = { CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY, ...(dialect === 'postgres' ? { DATABASE_URL: db.target } : { CYBERDIPLO_DB: db.target }) };
    try {
      const wb = await openWorkbench(readConfig(env));
      await wb.accounts.create({ kind: 'local', org: null }, { username: 'ana', password: 'fault test password', role: 'analyst', org: 'DE' });
      const { token } = await wb.accounts.createToken({ kind: 'local', org: null }, { username: 'ana', name: 'fault' });
      await wb.close();

      const port = await freePort();
      const server = await start(env, port);
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (n: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const r = await fetch(`http://127.0.0.1:${port}/api/incidents`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ title: `fault ${n}.${i}`, start: '2026-01-01', category: 'cyber-crime', victims: [{ country: 'DE', sector: 'private' }], effects: { severity: 'low' }, tlp: i % 2 ? 'amber' : 'red' }),
            });
            if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = Array.from({ length: 16 }, (_, n) => writer(n));
      await new Promise((r) => setTimeout(r, 2000));
      server.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      expect(acknowledged.length).toBeGreaterThan(10);

      const restarted = await start(env, port);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      restarted.kill('SIGTERM');
      await new Promise((r) => restarted.once('exit', r));

      const after = await openWorkbench(readConfig(env), { seed: false });
      try {
        const ids = new Set((await after.db.selectFrom('incident').select('id').execute()).map((r) => r.id));
        for (const id of acknowledged) expect(ids.has(id), `acknowledged ${id} lost`).toBe(true);
        const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(after.db)).rows[0]?.n ?? -1);
        // No partial write: every incident has exactly its marking, one history entry and one audit entry, and nothing else exists.
        expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM record_marking WHERE record_type = 'incident'`)).toBe(ids.size);
        expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM incident_history WHERE action = 'create'`)).toBe(ids.size);
        expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM audit_log WHERE action = 'incident.create'`)).toBe(ids.size);
        expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM incident i LEFT JOIN record_marking m ON m.record_id = i.id WHERE m.record_id IS NULL`)).toBe(0);
        const verdict = await after.audit.verify();
        expect(verdict, JSON.stringify(verdict)).toMatchObject({ valid: true });
      } finally {
        await after.close();
      }
    } finally {
      await db.drop();
    }
  });
});
