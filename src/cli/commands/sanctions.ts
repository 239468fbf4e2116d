// CLI commands of the cyber-sanctions regime: the regime on a date, name screening (one name or a file), and the
// import of a new annex (reached through `cyberdiplo import eu-sanctions FILE`).
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { labelOf } from '../../core/labels';
import { resultsCsv, RESULT_COLUMNS, resultRows } from '../../core/sanctions/batch';
import { detailLines } from '../../core/sanctions/detail-labels';
import { noMatchText } from '../../core/sanctions/no-match';
import type { ScreeningMatch } from '../../core/sanctions/screen';
import type { SanctionsImportResult } from '../../store/sanctions-repository';
import { readAnnexFile } from '../../store/sanctions-files';
import { asOptions } from '../choices';
import type { CliContext } from '../context';
import { checkReadable, readText } from '../input';
import { table } from '../table';

function matchesText(query: string, matches: readonly ScreeningMatch[]): string {
  if (!matches.length) return noMatchText(query);
  return table(
    ['Score', 'Strong', 'Listed', 'Kind', 'Matched on', 'Since', 'In force'],
    matches.map((m) => [m.score.toFixed(2), m.strong ? 'STRONG' : '', m.name, m.kind, `${m.matchedOn} (${m.matchedAs})`, m.listedSince, m.inForce ? 'yes' : 'no']),
  );
}

/** One target's names and annex details, a line each, under its name and entry. */
function targetDetailsText(t: { name: string; annexEntry: string; aliases: string[]; monikers: string[]; details: Record<string, string[]> }): string {
  const lines = [`${t.name} (Annex ${t.annexEntry})`];
  if (t.aliases.length) lines.push(`  Also printed as: ${t.aliases.join('; ')}`);
  if (t.monikers.length) lines.push(`  Monikers: ${t.monikers.join('; ')}`);
  for (const d of detailLines(t.details)) lines.push(`  ${d.label}: ${d.values.join('; ')}`);
  return lines.join('\n');
}

export function importReportText(r: SanctionsImportResult): string {
  const of = (k: string) => r.changes.filter((c) => c.change === k);
  const lines = [
    `${r.dryRun ? 'Would import' : 'Imported'} the annex as of ${r.date}: ${of('new').length} new, ${of('amended').length} amended, ${of('delisted').length} delisted, ${r.unchanged} unchanged`,
  ];
  for (const c of r.changes) lines.push(`  ${c.change.padEnd(8)} ${c.name}${c.fields ? ` (${c.fields.join(', ')})` : ''}`);
  lines.push(`The sanctions data is now known up to ${r.knownUntil}.`);
  return lines.join('\n');
}

export async function importEuSanctions(ctx: CliContext, files: string[], opts: { date?: string; dryRun?: boolean }): Promise<void> {
  if (files.length !== 1) throw new AppError('invalid_input', 'Give exactly one annex file: cyberdiplo import eu-sanctions FILE [--date YYYY-MM-DD]');
  checkReadable(files[0] as string, 'the annex file');
  const sanctions = (await ctx.workbench()).sanctions;
  const r = await Promise.resolve()
    .then(() => sanctions.importAnnex(readAnnexFile(files[0] as string), { date: opts.date, dryRun: opts.dryRun }))
    .catch(asOptions({ date: '--date' }));
  ctx.print(r, () => importReportText(r));
}

export function sanctionsCommands(program: Command, ctx: CliContext) {
  program
    .command('sanctions')
    .description('the EU cyber-sanctions regime: in force or not, until when, and who is listed (on --as-of, default today)')
    .option('--details', "also each listed person's and entity's names and every detail the annex prints (measure, birth, places, identifiers)")
    .action(async (opts: { details?: boolean }) => {
      const r = await (await ctx.workbench()).sanctions.regime(ctx.options.asOf);
      ctx.print(r, () =>
        [
          `${r.framework.decision.act} and ${r.framework.regulation.act} on ${r.asOf}: regime ${labelOf(r.regime.state)}${r.regime.until ? ` (until ${r.regime.until})` : ''}, listings ${labelOf(r.listings.state)}${r.listings.until ? ` (until ${r.listings.until})` : ''}`,
          '',
          table(
            ['Listed', 'Kind', 'Since', 'Entry', 'Group', 'State', 'For'],
            r.targets.map((t) => [t.name, t.kind, t.since, t.annexEntry, t.group ?? '', t.state ?? '', t.incidents.join('; ')]),
          ),
          ...(opts.details ? r.targets.map(targetDetailsText) : []),
          `${r.counts.persons} person(s), ${r.counts.entities} entit${r.counts.entities === 1 ? 'y' : 'ies'} listed; data known up to ${r.knownUntil}`,
          `Court annulments: ${r.courts.annulments.length ? r.courts.annulments.map((a) => a.case).join(', ') : r.courts.note}`,
          ...r.notes.map((n) => `Note: ${n}`),
        ].join('\n'),
      );
    });

  program
    .command('screen [name]')
    .description('screen a name (or a file of names) against the listed persons and entities (on --as-of, default today)')
    .option('--file <file>', 'screen every name of this file instead (CSV, one name a row; or JSON with --format json)')
    .option('--format <format>', 'the file\'s format: csv or json (default csv)')
    .action(async (name: string | undefined, opts: { file?: string; format?: string }) => {
      const s = (await ctx.workbench()).sanctions;
      if (!name === !opts.file) throw new AppError('invalid_input', 'Give either a NAME or --file FILE, not both or neither');
      if (name !== undefined && opts.format !== undefined) throw new AppError('invalid_input', '--format says the format of a --file of names; one NAME needs none');
      if (name !== undefined) {
        const r = await s.screen(name, ctx.options.asOf);
        ctx.print(r, () => [`Screening "${r.query}" on ${r.asOf}:`, matchesText(r.query, r.matches), ...(r.stale ? [`Note: the sanctions data is known up to ${r.knownUntil}; it may be stale.`] : [])].join('\n'));
        return;
      }
      const text = readText(opts.file as string, 'the file of names');
      const r = await s.screenFile(text, opts.format, ctx.options.asOf, '--format');
      if (ctx.options.json) return ctx.print(r, () => '');
      process.stdout.write(opts.format === 'json' ? `${table([...RESULT_COLUMNS], resultRows(r.results).map((row) => row.map(String)))}\n` : resultsCsv(r.results));
      process.stderr.write(`${r.results.length} name(s) screened on ${r.asOf}: ${r.strong} with a strong match${r.stale ? `; data known up to ${r.knownUntil}, may be stale` : ''}\n`);
    });
}
