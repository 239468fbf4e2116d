// CLI commands of the curation workflow: what changed for a partner since a date, and the published knowledge base
// written back as reviewed data files.
import type { Command } from 'commander';
import { exportKnowledgeBase } from '../../app/kb-export';
import { displayDate, readDate } from '../../core/dates';
import { AppError } from '../../core/errors';
import type { CliContext } from '../context';
import { table, words } from '../table';

export function curationCommands(program: Command, ctx: CliContext) {
  program
    .command('changes <partner>')
    .description('what began, changed or ended for a partner since a date, and the curated changes published since then')
    .requiredOption('--since <date>', 'YYYY-MM-DD')
    .action(async (partner: string, opts: { since: string }) => {
      const wb = await ctx.workbench();
      // Checked under the option's name before the service checks it as the API's since.
      if (!opts.since.trim()) throw new AppError('invalid_date', '--since needs a date in the form YYYY-MM-DD');
      readDate(opts.since, wb.today(), '--since');
      const r = await wb.curation.changesSince(await ctx.principal(), await ctx.partnerId(partner, 'partner'), opts.since);
      ctx.print(r, () =>
        [
          `${r.partner} since ${r.since}: ${r.facts.length} dated facts, ${r.changes.length} curated changes published`,
          '',
          table(['Date', 'Change', 'Kind', 'What', 'Sources'], r.facts.map((f) => [displayDate(f.date, f.precision), words(f.change), words(f.kind), `${f.title}${f.unverified ? ' (unverified)' : ''}`, ctx.cite(f.sources)])),
          ...(r.changes.length
            ? ['', 'Curated changes', table(['Published', 'Id', 'Action', 'Kind', 'Target', 'Proposed by', 'Approved by'], r.changes.map((c) => [c.reviewedAt?.slice(0, 10), c.id, c.action, c.kind, c.target, c.proposedBy, c.reviewedBy]))]
            : []),
        ].join('\n'),
      );
    });

  const kb = program.command('kb').description('the knowledge base as data files');
  kb.command('export')
    .description('write the published knowledge base (reviewed files plus approved changes) as data files in the layout of data/')
    .requiredOption('--dir <dir>', 'folder to write partnerships/*.yaml, actors.yaml and eu-framework.yaml into')
    .option('--force', 'replace the files of an earlier export in that folder')
    .action(async (opts: { dir: string; force?: boolean }) => {
      if (!opts.dir.trim()) throw new AppError('invalid_input', '--dir needs a folder');
      const r = await exportKnowledgeBase(await ctx.workbench(), opts.dir, { force: opts.force ?? false });
      ctx.print(r, () => `Wrote ${r.files.length} files to ${r.dir} (knowledge base version ${r.version.slice(0, 12)}): they take the place of data/partnerships/, data/actors.yaml and data/eu-framework.yaml for review`);
    });
}
