// A CLI refusal names the CLI's own options and the values they take, in one line with a non-zero exit: never the
// API's field names (ids=US,CN, from/to, asOf, limit, since), which a CLI user cannot type. The observatory's dates
// run from FIRST_AS_OF to today, as in the API and the web app's date control.
import { describe, expect, it } from 'vitest';
import { FIRST_AS_OF } from '../../src/core/first-as-of';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();
const today = new Date().toISOString().slice(0, 10);
const thisYear = Number(today.slice(0, 4));
/** The day before the observatory's first date. */
const dayBefore = new Date(Date.parse(`${FIRST_AS_OF}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('CLI refusals in the CLI\'s words', () => {
  it.each([
    [['compare', 'US'], /^cyberdiplo: compare takes two or three different partners \(e\.g\. compare US CN\), got 1$/],
    [['compare', 'US', 'CN', 'JP', 'BR'], /compare takes two or three .* got 4$/],
    [['assess', 'JP', '--from', '1995'], /^cyberdiplo: --from must be a four-digit year between 2000 and 2100, got "1995"$/],
    [['assess', 'JP', '--from', '2020', '--to', '2010'], /^cyberdiplo: --from \(2020\) must not be after --to \(2010\)$/],
    [['assess', 'JP', '--to', String(thisYear + 1)], new RegExp(`^cyberdiplo: --to ${thisYear + 1} is after this year, ${thisYear}; give a year up to ${thisYear}$`)],
    [['--as-of', '2999-01-01', 'network'], /^cyberdiplo: --as-of 2999-01-01 is after today, .*give a date up to today$/],
    [['--as-of', '2999-01-01', 'sanctions'], /^cyberdiplo: --as-of 2999-01-01 is after today/],
    [['search', 'dialogue', '--limit', 'abc'], /^cyberdiplo: --limit must be a whole number from 1 to 500, got "abc"$/],
    [['search', 'x'.repeat(301)], /^cyberdiplo: The search words are 301 characters long; give at most 300$/],
    [['changes', 'US', '--since', '2999-01-01'], /^cyberdiplo: --since 2999-01-01 is after today/],
    [['changes', 'US', '--since', '2014'], /^cyberdiplo: --since must be a calendar date in the form YYYY-MM-DD, got "2014"$/],
  ])('%j', (args, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(1);
    expectOneLineError(r, pattern);
  });

  // Every as-of read of the observatory refuses the day before its first date, naming the range; its first date is read.
  it.each([['partner', 'US'], ['dialogues'], ['matrix'], ['assess', 'JP'], ['network'], ['timeline', 'CN'], ['compare', 'US', 'CN'], ['gaps', 'JP'], ['export', 'dialogues', '--format', 'csv'], ['search', 'dialogue']])(
    '%j before and on the first date',
    (...args) => {
      const before = cli(['--as-of', dayBefore, ...args]);
      expect(before.code).toBe(1);
      expectOneLineError(before, new RegExp(`^cyberdiplo: --as-of ${dayBefore} is before ${FIRST_AS_OF}, where the observatory's record begins; give a date from ${FIRST_AS_OF} to today, ${today}$`));
      const first = cli(['--as-of', FIRST_AS_OF, ...args]);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
    },
  );
});
