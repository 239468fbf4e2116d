// Test harness: a workbench on a fresh temporary database of each dialect under test, and the server built on it.
// SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server whose role may create databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Clock } from '../../src/app/toolbox-service';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { readConfig, type AuthConfig, type Config } from '../../src/config';
import { buildServer } from '../../src/server/app';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects every store-backed test runs on. */
export const dialects: TestDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export function tempDir(prefix = 'cyberdiplo-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dir = tempDir();
  return { ...readConfig({}), dbPath: path.join(dir, 'test.db'), port: 0, ...overrides };
}

/** The audit key of test servers in team mode (a real deployment's comes from its secret store). */
export const TEST_AUDIT_KEY = 'test-audit-key-0123456789-abcdefghijklmnop';

/** Team mode (CYBERDIPLO_AUTH=on) with its defaults and the test audit key, for startHarness. */
export function teamConfig(over: Partial<AuthConfig> = {}): Partial<Config> {
  return { auth: { ...readConfig({ CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY }).auth, ...over }, auditKey: TEST_AUDIT_KEY };
}

/** A fresh database of the dialect; returns its target (file or URL) and how to drop it. */
export async function freshDatabase(dialect: TestDialect): Promise<{ target: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { target: path.join(tempDir(), 'test.db'), drop: async () => {} };
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `cyberdiplo_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        // FORCE cannot end an autovacuum worker that another role owns: wait for it to finish instead.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (attempt >= 20 || !/pg_signal_backend/.test(String(error))) throw error;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export interface Harness {
  wb: Workbench;
  app: FastifyInstance;
  dialect: TestDialect;
  close(): Promise<void>;
}

/** A clock the test moves by hand (session timeouts, expiries), for startHarness. */
export class TestClock implements Clock {
  private t = Date.parse('2026-05-01T08:00:00.000Z');
  now(): string {
    return new Date(this.t).toISOString();
  }
  advance(minutes: number): void {
    this.t += Math.round(minutes * 60_000);
  }
}

export async function startHarness(
  overrides: Partial<Config> = {},
  dialect: TestDialect = 'sqlite',
  database?: { target: string; drop(): Promise<void> },
  clock?: Clock,
): Promise<Harness> {
  const db = database ?? (await freshDatabase(dialect));
  let wb: Workbench;
  try {
    wb = await openWorkbench(testConfig({ dbPath: db.target, ...overrides }), clock ? { clock } : {});
  } catch (error) {
    await db.drop(); // a failed migration must not leave a test database behind
    throw error;
  }
  const app = await buildServer(wb);
  return {
    wb,
    app,
    dialect,
    async close() {
      await app.close();
      await wb.close();
      await db.drop();
    },
  };
}
