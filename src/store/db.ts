// Opens the database — an SQLite file by default, PostgreSQL when a postgres:// URL is given — and migrates it.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, sql, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type MigrationProvider, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { AppError } from '../core/errors';
import { migrations } from './migrations/index';
import type { Database } from './schema';
import { KeptStatements } from './sqlite-statements';
import { registerSearchText } from './incident-search-text';

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

// Kysely assumes one process per SQLite file and runs migrations without a lock or a transaction: two servers
// started together on a new file both ran 0001 and one failed ("table already exists"). SQLite's DDL is
// transactional, so each run of migrations is one immediate transaction: the second process waits for the first,
// then finds its migrations applied; a failing migration leaves nothing behind.
// The adapter also carries the database's kept statements: a transaction's Kysely instance shares its adapter with
// the database it was opened on, so code holding the transaction can reach them (`keptStatementsOf`).
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  constructor(readonly statements: KeptStatements) {
    super();
  }
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqliteConfig: SqliteDialectConfig,
    private readonly statements: KeptStatements,
  ) {
    super(sqliteConfig);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter(this.statements);
  }
}

/**
 * The kept statements of an SQLite database, for statements run on its handle directly (bulk-insert.ts); undefined on
 * PostgreSQL. A caller may use them only inside a transaction it holds, where nothing else runs on the connection.
 */
export function keptStatementsOf<T>(db: Kysely<T>): KeptStatements | undefined {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof TransactionalDdlSqliteAdapter ? adapter.statements : undefined;
}

/** Where the pool reports a lost connection; the server passes its logger, the default writes one JSON line to stderr. */
export type ConnectionErrorSink = (event: { msg: string; error: string; code?: string }) => void;

const stderrSink: ConnectionErrorSink = (e) => process.stderr.write(`${JSON.stringify({ level: 'warn', time: new Date().toISOString(), ...e })}\n`);

/** A PostgreSQL URL with its password hidden, for messages. */
export function redactUrl(target: string): string {
  try {
    const u = new URL(target);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured PostgreSQL URL';
  }
}

/**
 * A pool that survives the server closing its connections (a PostgreSQL restart, a failover, pg_terminate_backend):
 * node-postgres emits 'error' on an idle client's pool and on a checked-out client, and an 'error' event with no
 * listener ends the process. Both are logged here; the broken client is discarded by the pool (it is no longer
 * queryable) and the next query opens a new connection, so the server answers again as soon as the database does.
 */
function resilientPool(target: string, onError: ConnectionErrorSink): pg.Pool {
  const pool = new pg.Pool({ connectionString: target, max: 10, connectionTimeoutMillis: 10_000 });
  const report = (where: string) => (err: Error & { code?: string }) => onError({ msg: `PostgreSQL ${where} lost its connection; it will reconnect on the next query`, error: err.message, ...(err.code ? { code: err.code } : {}) });
  pool.on('error', report('pool (idle client)'));
  pool.on('connect', (client) => client.on('error', report('client (in use)')));
  return pool;
}

/** How long a new file's switch to WAL is tried again while another process switches it too. */
const WAL_SWITCH_WAIT_MS = 5000;

/**
 * Switches the file to WAL (a no-op once it is). Two processes opening the same new file at once (two first starts)
 * both read it and then ask for the lock the switch needs: SQLite answers one of them SQLITE_BUSY at once, without
 * waiting out the busy timeout, since waiting could not end while each holds what the other needs. That one lets go
 * when the statement fails, so it tries again after a short pause until the other has switched the file.
 */
function enableWal(sqlite: SQLite.Database): void {
  const deadline = Date.now() + WAL_SWITCH_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw e;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

function openSqlite(target: string): SQLite.Database {
  try {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new SQLite(target);
    sqlite.pragma('busy_timeout = 5000');
    enableWal(sqlite);
    sqlite.pragma('foreign_keys = ON');
    registerSearchText(sqlite); // the incident search index's text of a body (migration 0100)
    return sqlite;
  } catch (e) {
    throw new Error(`Cannot open the SQLite database file ${path.resolve(target)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const pools = new WeakMap<Db, pg.Pool>();

/** Connections of a PostgreSQL database's pool (for metrics); undefined for SQLite, which has none. */
export function poolStats(db: Db): { total: number; idle: number; waiting: number; max: number } | undefined {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 } : undefined;
}

/** Opens `target` (a file path, `:memory:`, or a postgres:// URL) without migrating it; connection errors name the target. */
export async function connectDatabase(target: string, opts: { onConnectionError?: ConnectionErrorSink } = {}): Promise<Db> {
  if (!isPostgresUrl(target)) {
    const statements = new KeptStatements(openSqlite(target));
    return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: statements }, statements) });
  }
  const pool = resilientPool(target, opts.onConnectionError ?? stderrSink);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw new Error(`Cannot connect to ${redactUrl(target)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return db;
}

/** Applies the migrations not yet applied, up to `upTo` (a migration's name; the latest by default). */
export async function migrateDatabase(db: Db, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  if (error) {
    // A database a newer version has migrated: say so, rather than 'corrupted migrations' under an internal error.
    const newer = error instanceof Error ? /previously executed migration (\S+) is missing/.exec(error.message)?.[1] : undefined;
    if (newer) {
      throw new AppError('conflict', `This database was upgraded by a newer version of cyberdiplo (it has migration ${newer}, which this version does not know): run that version, or restore a backup made with this one`, [{ path: 'database', message: `has ${newer}` }]);
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the first migration';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The migrations the code knows that the database has not applied yet (none once it is up to date). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const applied = await new Migrator({ db, provider }).getMigrations();
  return applied.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Opens `target` (a file path, `:memory:`, or a postgres:// URL) and brings it to the latest migration. */
export async function openDatabase(target: string, opts: { onConnectionError?: ConnectionErrorSink } = {}): Promise<Db> {
  const db = await connectDatabase(target, opts);
  try {
    await migrateDatabase(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}
