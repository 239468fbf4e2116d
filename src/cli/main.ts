// The `cyberdiplo` command line: parse, call the workbench, print a table or JSON; errors are one line on stderr.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config';
import { readDate, type IsoDate } from '../core/dates';
import { isAppError } from '../core/errors';
import { endQuietlyOnClosedOutput } from './closed-output';
import { commandModules } from './commands/index';
import { CliContext, type GlobalOptions } from './context';

export async function run(argv: string[]): Promise<number> {
  endQuietlyOnClosedOutput();
  const program = new Command('cyberdiplo');
  const ctx = new CliContext(() => program.opts<GlobalOptions>());
  program
    .description('An open workbench for EU cyber diplomacy: partnerships, assessments and the response toolbox')
    .option('--json', 'machine-readable JSON output')
    .option('--as-of <YYYY-MM-DD>', 'read the facts as they held at this date (today by default; never a value dated after it)')
    .option('--db <file>', 'SQLite database file (default: CYBERDIPLO_DB or ./cyberdiplo.db)')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n')[0] + '\n') });
  // The option is checked here, under its own name (its form, and no later than today), before any command passes it
  // on as the API's `asOf`; the observatory's commands check its first date too (CliContext.viewAsOf).
  program.hook('preAction', () => void readDate(program.opts<GlobalOptions>().asOf, new Date().toISOString().slice(0, 10) as IsoDate, '--as-of'));
  for (const register of commandModules) register(program, ctx);
  program.commands.forEach((c) => c.exitOverride());

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isAppError(error) || error instanceof ConfigError) {
      process.stderr.write(`cyberdiplo: ${error.message.split('\n').join(' ')}\n`);
      return 1;
    }
    process.stderr.write(`cyberdiplo: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}
