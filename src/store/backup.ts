// Online, consistent backup and restore of the SQLite file through SQLite's backup API.
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { AppError } from '../core/errors';

const REQUIRED_TABLES = ['kb_record', 'incident', 'kysely_migration'];

/** Copies the live database to `dest` while it may be in use; returns the number of pages copied. */
export async function backupSqlite(dbFile: string, dest: string): Promise<{ pages: number; bytes: number }> {
  if (!fs.existsSync(dbFile)) throw new AppError('not_found', `No database file at ${dbFile}`);
  if (fs.existsSync(dest)) throw new AppError('conflict', `${dest} exists already; choose a new file name`);
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(dest);
    return { pages: result.totalPages, bytes: fs.statSync(dest).size };
  } finally {
    db.close();
  }
}

/** Checks that a file is an intact cyberdiplo database before anything is overwritten. */
export function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('not_found', `No backup file at ${file}`);
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new AppError('invalid_input', `${file} fails SQLite's integrity check: ${String(ok)}`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new AppError('invalid_input', `${file} is not a cyberdiplo database (missing tables: ${missing.join(', ')})`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', `${file} is not a readable SQLite database`);
  } finally {
    db?.close();
  }
}

/** Replaces the database at `dbFile` with the backup, page by page under SQLite's lock. */
export async function restoreSqlite(backup: string, dbFile: string): Promise<{ pages: number }> {
  checkBackup(backup);
  const src = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    const result = await src.backup(dbFile);
    return { pages: result.totalPages };
  } finally {
    src.close();
  }
}
