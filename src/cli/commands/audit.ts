// The audit trail from the command line: verify the hash chain (exit 1 naming the first bad entry), list entries.
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { clearanceOf } from '../../core/marking/clearance';
import { wholeNumberOption } from '../choices';
import type { CliContext } from '../context';
import { table } from '../table';

/** The most entries one `audit list` prints. */
const AUDIT_LIST_MAX = 1000;

export function auditCommands(program: Command, ctx: CliContext) {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail of every write');

  audit
    .command('verify')
    .description('recompute every hash of the chain; fails naming the first entry that was changed, removed or reordered')
    .action(async () => {
      const v = await (await ctx.workbench()).audit.verify();
      if (!v.valid) throw new AppError('corrupt_data', `audit trail broken: ${v.reason}`);
      const keyed = v.keyed.checked ? `, keyed from entry ${v.keyed.from} (checked with CYBERDIPLO_AUDIT_KEY)` : ', not keyed (no CYBERDIPLO_AUDIT_KEY)';
      ctx.print(v, () => `audit trail intact: ${v.entries} entries, head ${v.head.slice(0, 16)}${keyed}`);
    });

  audit
    .command('list')
    .description('entries, oldest first (contents of marked records withheld: the operator is cleared for TLP:CLEAR only)')
    .option('--after <seq>', 'entries after this one (a sequence number, 0 or more)', '0')
    .option('--limit <n>', `at most n, from 1 to ${AUDIT_LIST_MAX}`, '100')
    .action(async (opts: { after: string; limit: string }) => {
      const wb = await ctx.workbench();
      // Each option refused on its own, with what was typed: `--limit must be a whole number from 1 to 1000, got "0"`.
      const after = wholeNumberOption('--after', opts.after, 0) ?? 0;
      const limit = wholeNumberOption('--limit', opts.limit, 1, AUDIT_LIST_MAX) ?? 100;
      const entries = await wb.audit.list(clearanceOf(await ctx.operator()), { after, limit });
      ctx.print(entries, () => table(['Seq', 'At', 'Actor', 'Action', 'Target'], entries.map((e) => [e.seq, e.at, e.actor, e.action, `${e.targetType} ${e.targetId}`])));
    });
}
