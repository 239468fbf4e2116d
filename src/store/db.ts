// Opens the database — an SQLite file by default, PostgreSQL when a postgres:// URL is given — and migrates it.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type MigrationProvider, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

const provider: MigrationProvider = { getMigrations: async () => migrations };

// Dates, counts and JSON stay strings and numbers as in SQLite: bigint counts come back as numbers.
pg.types.setTypeParser(20, (v: string) => Number(v));

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

export function dialectOf<T>(db: Kysely<T>): Dialect {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

// SQLite transactions start IMMEDIATE, taking the write lock at BEGIN. A deferred transaction that reads and then
// writes (every audited write does: it reads the chain's head) fails at once with SQLITE_BUSY when another process
// wrote in between, whatever the busy timeout; an immediate one waits its turn instead. Within one process Kysely
// runs one transaction at a time anyway, so this only matters when several processes share the file.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

/** Opens `target` (a file path, `:memory:`, or a postgres:// URL) and brings it to the latest migration. */
export async function openDatabase(target: string): Promise<Db> {
  let db: Db;
  if (isPostgresUrl(target)) {
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 10 }) }) });
  } else {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new SQLite(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  }
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the first migration';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
