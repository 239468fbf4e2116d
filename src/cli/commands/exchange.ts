// CLI commands of the exchange: import STIX bundles, EuRepoC and CFR files (with a progress bar on a terminal);
// export STIX bundles and every list as CSV or JSON. An import acts as the account of CYBERDIPLO_TOKEN when one is
// given (team mode), else as the local analyst or the operator, for the deployment's organisation (CYBERDIPLO_ORG).
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ExchangeService, rejection } from '../../app/exchange-service';
import { AppError, allowedList } from '../../core/errors';
import { IMPORT_FORMATS, importMarkingOptions, reportSummary, type ImportFormat, type ImportReport } from '../../core/exchange/index';
import { EXPORT_VIEWS, TABLE_FORMATS } from '../../core/exchange/views';
import { TLP_LEVELS, TlpInput } from '../../core/marking/tlp';
import { choiceOption } from '../choices';
import type { CliContext } from '../context';
import { checkReadable } from '../input';
import { importEuSanctions } from './sanctions';

/** Files over this size get a progress bar (on a terminal only). */
const PROGRESS_FROM_BYTES = 2 * 1024 * 1024;

function reportText(r: ImportReport, all: boolean): string {
  const limit = all ? Infinity : 30;
  const lines = reportSummary(r);
  const problems = r.problems.filter((p) => all || p.severity !== 'warning' || r.rejected);
  if (problems.length) {
    lines.push('', r.rejected ? 'Errors (nothing was written):' : 'Problems:');
    for (const p of problems.slice(0, limit)) lines.push(`  ${p.severity.padEnd(7)} ${p.object} ${p.path}: ${p.message}`);
    if (problems.length > limit) lines.push(`  … ${problems.length - limit} more (--json or --all for every one)`);
  }
  const review = r.review ?? [];
  if (review.length) {
    lines.push('', 'For review (mapped to nothing rather than guessed):');
    for (const x of review.slice(0, limit)) lines.push(`  ${x.object} ${x.path} "${x.value}": ${x.message}`);
    if (review.length > limit) lines.push(`  … ${review.length - limit} more (--json or --all for every one)`);
  }
  const warnings = r.problems.filter((p) => p.severity === 'warning').length;
  if (!all && !r.rejected && warnings) lines.push(`  ${warnings} warning(s) not shown (--all to see them)`);
  if (all) {
    lines.push('', 'Mappings:');
    for (const [field, m] of Object.entries(r.mappings)) {
      lines.push(`  ${field}`);
      for (const [k, n] of Object.entries(m).sort((a, b) => b[1] - a[1])) lines.push(`    ${String(n).padStart(6)}  ${k}`);
    }
  }
  return lines.join('\n');
}

/** What `import` reads: the exchange formats and the sanctions annex. */
const CLI_FORMATS = [...IMPORT_FORMATS, 'eu-sanctions'];

function guessFormat(file: string): ImportFormat {
  if (/\.json$/i.test(file)) return 'stix';
  if (/eurepoc/i.test(file)) return 'eurepoc';
  if (/\.csv$/i.test(file)) return 'cfr';
  throw new AppError('invalid_input', `Cannot tell the format of "${file}": give it first (cyberdiplo import ${CLI_FORMATS.join('|')} FILE…) or with --format`);
}

export function exchangeCommands(program: Command, ctx: CliContext) {
  program
    .command('import <formatOrFile> [files...]')
    .description(`import ${allowedList(CLI_FORMATS)} files: cyberdiplo import stix bundle.json, or import FILE --format eurepoc`)
    .option('--format <format>', `${allowedList(CLI_FORMATS)} (default: the first argument, or guessed from the file name: .json is stix, a name with eurepoc is eurepoc, another .csv is cfr)`)
    .option('--strict', 'refuse unknown and custom STIX objects and properties instead of skipping them')
    .option('--dry-run', 'check and map, report what would change, write nothing')
    .option('--all', 'list every warning and how each value was mapped')
    .option('--tlp <level>', `mark every imported record with this TLP level (${allowedList(TLP_LEVELS)}) instead of its source marking or the deployment default`)
    .option('--org <org>', 'the organisation that owns the imported records (default: your account\'s, or CYBERDIPLO_ORG)')
    .option('--recipients <usernames>', 'named recipients of TLP:RED records, separated by commas (the importing user is always one)')
    .option('--date <date>', 'eu-sanctions: the date the annex holds for (default today); entries gone from it are delisted on that date')
    .action(async (first: string, rest: string[], opts: { format?: string; strict?: boolean; dryRun?: boolean; all?: boolean; tlp?: string; org?: string; recipients?: string; date?: string }) => {
      // The sanctions annex is reference data of the regime, not records of the exchange.
      choiceOption('--format', opts.format, CLI_FORMATS);
      // A level as TLP writes it (amber, TLP:AMBER, white for clear) is the importer's to read; anything else is refused here.
      if (opts.tlp !== undefined && !TlpInput.safeParse(opts.tlp).success) choiceOption('--tlp', opts.tlp, TLP_LEVELS);
      if (first === 'eu-sanctions' || opts.format === 'eu-sanctions') return importEuSanctions(ctx, first === 'eu-sanctions' ? rest : [first, ...rest], opts);
      const isFormat = (IMPORT_FORMATS as readonly string[]).includes(first);
      const files = isFormat ? rest : [first, ...rest];
      const chosen = opts.format ?? (isFormat ? first : guessFormat(first));
      if (!(IMPORT_FORMATS as readonly string[]).includes(chosen)) throw new AppError('invalid_input', `Unknown format "${chosen}": use ${allowedList(CLI_FORMATS)}`);
      for (const f of files) checkReadable(f, 'file');
      const marking = importMarkingOptions({ tlp: opts.tlp, owner: opts.org, recipients: opts.recipients });
      // Without an API token in team mode, whoever can open the database imports as its operator.
      const signedIn = await ctx.principal();
      const principal = signedIn.kind === 'anonymous' ? await ctx.operator() : signedIn;
      const total = files.reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
      const bar = process.stderr.isTTY && !ctx.options.json && total >= PROGRESS_FROM_BYTES ? new cliProgress.SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}% | {value}/{total} MB | {eta}s left', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
      const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
      bar?.start(mb(total), 0);
      let report: ImportReport;
      try {
        report = await new ExchangeService(await ctx.workbench()).importFiles(principal, chosen as ImportFormat, files, { strict: opts.strict, dryRun: opts.dryRun, marking, progress: bar ? (done) => bar.update(mb(done)) : undefined });
      } finally {
        bar?.stop();
      }
      ctx.print(report, () => reportText(report, opts.all ?? false));
      if (report.rejected) throw rejection(report);
    });

  program
    .command('export <view>')
    .description('export a list as CSV or JSON (partners, dialogues, matrix, national-strategies, assessments, incidents, plans, actors) or a STIX 2.1 bundle (stix)')
    .option('--format <format>', `${allowedList(TABLE_FORMATS)} (default json; stix is always a STIX bundle)`)
    .option('--incident <id>', 'only this incident (stix, incidents, plans)')
    .option('--output <file>', 'write to this file instead of standard output (a new file: an existing one only with --force)')
    .option('--force', 'with --output: replace the file if it exists')
    .action(async (view: string, opts: { format?: string; incident?: string; output?: string; force?: boolean }) => {
      // Refused before the export is made, so that a long export does not end in the refusal.
      choiceOption('view', view, EXPORT_VIEWS);
      const format = choiceOption('--format', opts.format, TABLE_FORMATS);
      if (opts.output !== undefined && !opts.output.trim()) throw new AppError('invalid_input', '--output needs a file name');
      if (opts.output && !opts.force) refuseExisting(opts.output);
      const out = await new ExchangeService(await ctx.workbench()).exportView(await ctx.principal(), view, { format, asOf: await ctx.viewAsOf(), incident: opts.incident });
      if (opts.output) {
        writeOutput(opts.output, out.body, opts.force ?? false);
        process.stderr.write(`wrote ${opts.output} (${out.body.length} characters)\n`);
      } else process.stdout.write(out.body.endsWith('\n') ? out.body : `${out.body}\n`);
    });
}

const exists = (file: string) => new AppError('conflict', `${file} exists already: choose a new file name, or add --force to replace it`);

function refuseExisting(file: string): void {
  if (fs.existsSync(file)) throw exists(file);
}

/** Writes a new file, or replaces one with `force`; a file made by someone else since the check is not replaced either. */
function writeOutput(file: string, body: string, force: boolean): void {
  try {
    fs.writeFileSync(file, body, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(file);
    throw error;
  }
}
