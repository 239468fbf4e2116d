// Operating a team deployment from the command line: accounts (users add|list|password|disable) and API tokens
// (tokens create|list|revoke). Whoever can open the database is the operator; every change is audited as theirs.
import fs from 'node:fs';
import type { Command } from 'commander';
import { nodeSecrets } from '../../app/secrets';
import { TOKEN_SCOPES } from '../../core/auth/account';
import { ROLES } from '../../core/auth/roles';
import { AppError, allowedList } from '../../core/errors';
import { choiceOption } from '../choices';
import type { CliContext } from '../context';
import { table } from '../table';

function readPasswordFromStdin(whenEmpty = '--password-stdin: no password on standard input'): string {
  const text = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (!text) throw new AppError('invalid_input', whenEmpty);
  return text;
}

/**
 * A new password from CYBERDIPLO_NEW_PASSWORD or piped on standard input, never from the arguments, which every user
 * of the machine can read in `ps`. A terminal is refused rather than read, since it would echo the password.
 */
function readNewPassword(): string {
  const fromEnv = process.env.CYBERDIPLO_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  const how = 'set CYBERDIPLO_NEW_PASSWORD or pipe it on standard input (never as an argument)';
  if (process.stdin.isTTY) throw new AppError('invalid_input', `No new password: a terminal would show it as you type; ${how}`);
  return readPasswordFromStdin(`No new password: ${how}`);
}

export function accountCommands(program: Command, ctx: CliContext) {
  const users = program.command('users').description('accounts of a team deployment: add, list, password, disable');

  users
    .command('add <username>')
    .description('create an account; without --password-stdin a strong password is generated and printed once')
    .requiredOption('--role <role>', allowedList(ROLES))
    .requiredOption('--org <org>', 'a member state code (DE) or an EU body id (eeas, enisa, cert-eu)')
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input (never from the command line)')
    .action(async (username: string, opts: { role: string; org: string; name?: string; passwordStdin?: boolean }) => {
      choiceOption('--role', opts.role, ROLES);
      const generated = opts.passwordStdin ? undefined : nodeSecrets.token(18);
      const password = generated ?? readPasswordFromStdin();
      const wb = await ctx.workbench();
      const account = await wb.accounts.create(await ctx.operator(), { username, password, role: opts.role, org: opts.org, ...(opts.name ? { displayName: opts.name } : {}) });
      ctx.print({ ...account, ...(generated ? { password: generated } : {}) }, () =>
        [`created ${account.role} ${account.username} (${account.org})`, ...(generated ? [`password (shown once): ${generated}`] : [])].join('\n'),
      );
    });

  users
    .command('list')
    .description('every account with its role and organisation')
    .action(async () => {
      const list = await (await ctx.workbench()).accounts.list(await ctx.operator());
      ctx.print(list, () => table(['Username', 'Role', 'Org', 'Disabled', 'Created'], list.map((a) => [a.username, a.role, a.org, a.disabled ? 'yes' : 'no', a.createdAt])));
    });

  users
    .command('password <username>')
    .description('reset a password, read from CYBERDIPLO_NEW_PASSWORD or standard input; the account\'s sessions end')
    .action(async (username: string) => {
      const password = readNewPassword();
      const a = await (await ctx.workbench()).accounts.update(await ctx.operator(), username, { password });
      ctx.print(a, () => `reset the password of ${a.username}; their sessions have ended (API tokens are kept)`);
    });

  users
    .command('disable <username>')
    .description('disable an account: its sessions end and its tokens stop working (never the last enabled admin)')
    .action(async (username: string) => {
      const a = await (await ctx.workbench()).accounts.update(await ctx.operator(), username, { disabled: true });
      ctx.print(a, () => `disabled ${a.username}`);
    });

  const tokens = program.command('tokens').description('API tokens for scripts and the CLI (Authorization: Bearer, or CYBERDIPLO_TOKEN)');

  tokens
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .requiredOption('--user <username>', 'the account the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'expire after n days (default and most: CYBERDIPLO_TOKEN_MAX_DAYS, 90 unless set)')
    .option('--scope <scope>', 'read (writes nothing) or read-write', 'read-write')
    .action(async (opts: { user: string; name: string; days?: string; scope: string }) => {
      choiceOption('--scope', opts.scope, TOKEN_SCOPES);
      const wb = await ctx.workbench();
      const max = wb.config.auth.tokenMaxDays;
      const days = opts.days === undefined ? undefined : Number(opts.days);
      // Checked here under the option's own name; 0 is a number of days like any other, not the default.
      if (days !== undefined && (opts.days?.trim() === '' || !Number.isInteger(days) || days < 1 || days > max)) {
        throw new AppError('invalid_input', `--days must be a whole number from 1 to ${max} (CYBERDIPLO_TOKEN_MAX_DAYS), got "${opts.days}"`, [{ path: '--days', message: `1..${max}` }]);
      }
      const r = await wb.accounts.createToken(await ctx.operator(), { username: opts.user, name: opts.name, scope: opts.scope, ...(days !== undefined ? { expiresInDays: days } : {}) });
      ctx.print({ token: r.token, ...r.info }, () => `token ${r.info.id} for ${r.info.username} (shown once):\n${r.token}`);
    });

  tokens
    .command('list')
    .description('every token (never the secret), with when it was last used (to the minute)')
    .action(async () => {
      const list = await (await ctx.workbench()).accounts.tokens(await ctx.operator(), { all: true });
      ctx.print(list, () =>
        table(
          ['ID', 'User', 'Name', 'Created', 'Expires', 'Last used', 'Revoked'],
          list.map((t) => [t.id, t.username, t.name, t.createdAt, t.expiresAt ?? '', t.lastUsedAt ?? 'never', t.revokedAt ?? '']),
        ),
      );
    });

  tokens
    .command('revoke <id>')
    .description('revoke a token at once, in every server process')
    .action(async (id: string) => {
      const t = await (await ctx.workbench()).accounts.revokeToken(await ctx.operator(), id);
      ctx.print(t, () => `revoked ${t.id} (${t.username}, ${t.name})`);
    });
}
