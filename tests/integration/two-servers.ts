// Two servers on one fresh database of a dialect, as a deployment that scales out runs them: what one writes, the
// other must see at once (sessions, tokens, limits, kept counts and pages). Each server has its own workbench, caches
// and pool; only the database is shared, and it is dropped once, after both have closed.
import type { Config } from '../../src/config';
import { freshDatabase, startHarness, teamConfig, type Harness, type TestDialect } from './harness';

export interface TwoServers {
  a: Harness;
  b: Harness;
  /** The shared database (for a further server: startHarness(config, dialect, { target, drop: async () => {} })). */
  target: string;
  close(): Promise<void>;
}

/** Servers `a` and `b` on one new database (team mode unless other configurations are given). */
export async function twoServers(dialect: TestDialect, configA: Partial<Config> = teamConfig(), configB: Partial<Config> = configA): Promise<TwoServers> {
  const db = await freshDatabase(dialect);
  const shared = { target: db.target, drop: async () => {} };
  let a: Harness | undefined;
  try {
    a = await startHarness(configA, dialect, shared);
    const b = await startHarness(configB, dialect, shared);
    const first = a;
    return {
      a: first,
      b,
      target: db.target,
      async close() {
        try {
          await first.close();
          await b.close();
        } finally {
          await db.drop();
        }
      },
    };
  } catch (error) {
    await a?.close();
    await db.drop();
    throw error;
  }
}
