// Operating commands: backup and restore of the SQLite database.
import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config';
import { AppError } from '../../core/errors';
import { backupSqlite, restoreSqlite } from '../../store/backup';
import { isPostgresUrl } from '../../store/db';
import type { CliContext } from '../context';

function sqliteTarget(ctx: CliContext): string {
  const env = { ...process.env, ...(ctx.options.db ? { CYBERDIPLO_DB: ctx.options.db } : {}) };
  const target = ctx.options.db ?? readConfig(env).dbPath;
  if (isPostgresUrl(target)) {
    throw new AppError('invalid_input', 'backup and restore work on the SQLite file; on PostgreSQL use pg_dump and pg_restore (see README)');
  }
  return path.resolve(target);
}

export function adminCommands(program: Command, ctx: CliContext) {
  program
    .command('backup <file>')
    .description('copy the SQLite database to a new file, consistently, even while the server runs')
    .action(async (file: string) => {
      const r = await backupSqlite(sqliteTarget(ctx), path.resolve(file));
      ctx.print({ file: path.resolve(file), ...r }, () => `backup written to ${file} (${r.bytes} bytes)`);
    });

  program
    .command('restore <file>')
    .description('replace the SQLite database with a backup (checked first; stop the server before restoring)')
    .option('--yes', 'confirm that the current database is to be replaced')
    .action(async (file: string, opts: { yes?: boolean }) => {
      if (!opts.yes) throw new AppError('invalid_input', 'restore replaces the current database: add --yes to confirm');
      const target = sqliteTarget(ctx);
      const r = await restoreSqlite(path.resolve(file), target);
      ctx.print({ restored: target, ...r }, () => `restored ${target} from ${file}`);
    });
}
