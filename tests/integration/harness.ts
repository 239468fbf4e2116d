// Test harness: a workbench on a temporary SQLite file, and the server built on it (driven with inject or real HTTP).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { readConfig, type Config } from '../../src/config';
import { buildServer } from '../../src/server/app';

export function tempDir(prefix = 'cyberdiplo-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dir = tempDir();
  return { ...readConfig({}), dbPath: path.join(dir, 'test.db'), port: 0, ...overrides };
}

export interface Harness {
  wb: Workbench;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const wb = await openWorkbench(testConfig(overrides));
  const app = await buildServer(wb);
  return {
    wb,
    app,
    async close() {
      await app.close();
      await wb.close();
    },
  };
}
