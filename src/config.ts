// The one typed configuration object, read from the environment at start-up; bad values stop the process with a list.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** Path of the SQLite file; created, migrated and seeded on first use. */
  CYBERDIPLO_DB: z.string().default(path.join(projectRoot, 'cyberdiplo.db')),
  /** A postgres:// URL: run on PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Folder of the reviewed reference data that seeds the database. */
  CYBERDIPLO_DATA: z.string().default(path.join(projectRoot, 'data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  /** The SQLite file, or the PostgreSQL URL when DATABASE_URL is set. */
  dbPath: string;
  dataDir: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return { port: c.PORT, host: c.HOST, dbPath: c.DATABASE_URL ?? c.CYBERDIPLO_DB, dataDir: c.CYBERDIPLO_DATA, logLevel: c.LOG_LEVEL };
}
