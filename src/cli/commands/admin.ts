// Operating commands: backup and restore of the SQLite database, records nobody can see.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config';
import { AppError } from '../../core/errors';
import { backupSqlite, restoreSqlite } from '../../store/backup';
import { isPostgresUrl } from '../../store/db';
import { serversUsing } from '../../store/server-marker';
import { unseenRecords } from '../../store/unseen-records';
import type { CliContext } from '../context';
import { table } from '../table';

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
      // SQLite's own message for this reads as an internal error; the folder is the user's to create.
      const folder = path.dirname(path.resolve(file));
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('invalid_input', `No folder ${folder} to write the backup in: create it first, or name a file in an existing folder`);
      const r = await backupSqlite(sqliteTarget(ctx), path.resolve(file));
      ctx.print({ file: path.resolve(file), ...r }, () => `backup written to ${file} (${r.bytes} bytes)`);
    });

  program
    .command('restore <file>')
    .description('replace the SQLite database with a backup (checked first; refused while a server uses the database)')
    .option('--yes', 'confirm that the current database is to be replaced')
    .option('--force', 'restore even while a server uses the database (restart it afterwards)')
    .action(async (file: string, opts: { yes?: boolean; force?: boolean }) => {
      if (!opts.yes) throw new AppError('invalid_input', 'restore replaces the current database: add --yes to confirm');
      const target = sqliteTarget(ctx);
      const servers = serversUsing(target).map((s) => `pid ${s.pid} on ${s.host}, started ${s.startedAt}`);
      if (servers.length && !opts.force) {
        throw new AppError('conflict', `a server is using ${target} (${servers.join('; ')}): stop it first, or add --force to restore under it and restart it afterwards`);
      }
      if (servers.length) process.stderr.write(`cyberdiplo: warning: restoring ${target} while a server uses it (${servers.join('; ')}); restart that server now\n`);
      const r = await restoreSqlite(path.resolve(file), target);
      ctx.print({ restored: target, ...r }, () => `restored ${target} from ${file}`);
    });

  program
    .command('unseen')
    .description('list the marked records no enabled account may see (TLP without an owner, sharing or recipients), with the reason')
    .action(async () => {
      const wb = await ctx.workbench();
      const rows = await unseenRecords(wb.db, wb.config.auth.defaultTlp);
      ctx.print(rows, () => {
        if (!rows.length) return 'every marked record is visible to at least one enabled account';
        const note = wb.auth.mode === 'off' ? '\n(sign-in is off: the local analyst sees them; in team mode nobody would)' : '';
        return `${table(['Type', 'Id', 'TLP', 'Owner', 'Why nobody sees it'], rows.map((r) => [r.type, r.id, r.tlp.toUpperCase(), r.owner, r.reason]))}${note}`;
      });
    });
}
