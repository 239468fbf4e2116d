// Operations: a PostgreSQL server that closes its connections (a restart, a failover, pg_terminate_backend) must not
// end the process. The backends are terminated while requests run, twice; every later request is answered, and
// the loss is logged. PostgreSQL only: SQLite has no connections to lose.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('pg-connection-loss: TEST_DATABASE_URL is not set, so the PostgreSQL connection-loss test is skipped (.ci/run sets it)');

describe.skipIf(!url)('PostgreSQL connections closed by the server', () => {
  let h: Harness;
  let target: string;
  let editor: Client;

  beforeAll(async () => {
    const db = await freshDatabase('postgres');
    target = db.target;
    h = await startHarness(teamConfig(), 'postgres', db);
    editor = await addUser(h, 'ed', 'editor', 'DE');
  });
  afterAll(async () => h?.close());

  /** Ends every other backend of the test database, as a PostgreSQL restart does; returns how many were ended. */
  async function terminateBackends(): Promise<number> {
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    try {
      const r = await c.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t',
      );
      return r.rows[0]?.n ?? 0;
    } finally {
      await c.end();
    }
  }

  it('keeps answering after its backends are terminated under load, and logs the loss', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      for (let round = 0; round < 2; round++) {
        // Fill the pool with idle and busy connections, then cut them while requests are in flight.
        await Promise.all(Array.from({ length: 12 }, () => call(h.app, editor, 'GET', '/api/incidents')));
        const inFlight = Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? call(h.app, editor, 'POST', '/api/incidents', incident(`under cut ${round}-${i}`)) : call(h.app, editor, 'GET', '/api/incidents')));
        expect(await terminateBackends()).toBeGreaterThan(0);
        const during = await Promise.all(inFlight);
        // Requests caught by the cut may fail, but as a plain answer, never a crash or a hang.
        for (const r of during) expect([200, 201, 500, 503], r.text).toContain(r.status);
        await new Promise((r) => setTimeout(r, 100));
        const after = await Promise.all(Array.from({ length: 20 }, () => call(h.app, editor, 'GET', '/api/incidents')));
        expect(after.map((r) => r.status)).toEqual(Array(20).fill(200));
        const write = await call(h.app, editor, 'POST', '/api/incidents', incident(`after cut ${round}`));
        expect(write.status, write.text).toBe(201);
      }
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('')).toMatch(/PostgreSQL (pool|client).*lost its connection/);
    expect((await h.wb.audit.verify()).valid).toBe(true);
  });
});
