// The CLI's partner command prints a partner's national cybersecurity strategies as of the date, each no more precisely
// dated than its source, and says that no score reads them.
import { describe, expect, it } from 'vitest';
import { cliRunner } from './cli-harness';

const cli = cliRunner();
const section = (stdout: string) => stdout.slice(stdout.indexOf('National cybersecurity strategies'), stdout.indexOf('Cooperation delivered'));

describe('cyberdiplo partner: national cybersecurity strategies', () => {
  it('India: its first strategy as the year 2013 (the dataset writes 20130101), and the count of 2024 only once it is known', () => {
    const r = cli(['partner', 'IN', '--as-of', '2025-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const text = section(r.stdout);
    expect(text).toMatch(/National cybersecurity strategies \(shown, not scored\)/);
    expect(text).toMatch(/^2013 \(written 20130101, read as a year\) +yes +First national cybersecurity strategy/m);
    expect(text).not.toMatch(/2013-01-01/);
    expect(text).toMatch(/Counted: 2 strategies in 2000-2024/);
    expect(section(cli(['partner', 'IN', '--as-of', '2024-06-30']).stdout)).not.toMatch(/Counted/);
  });

  it("South Korea: the third strategy the dataset counts is said to have no known date (unverified), not left out", () => {
    const r = cli(['partner', 'KR', '--as-of', '2025-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(section(r.stdout)).toMatch(/Counted: 3 strategies in 2000-2024.*\n +Date unknown for 1 of them \(unverified\): .*date is unknown/);
  });

  it('South Africa in 2014: none adopted yet, with what renard2014 says; --json keeps the record', () => {
    const r = cli(['partner', 'ZA', '--as-of', '2014-12-31']);
    expect(r.code, r.stderr).toBe(0);
    const text = section(r.stdout);
    expect(text).toMatch(/none adopted by this date/);
    expect(text).toMatch(/June 2014: Renard \(2014\): South Africa was only starting/);
    const json = JSON.parse(cli(['partner', 'ZA', '--as-of', '2016-01-01', '--json']).stdout) as { nationalStrategies: { hadStrategy: boolean; first: { adopted: string; precision: string } } };
    expect(json.nationalStrategies).toMatchObject({ hadStrategy: true, first: { adopted: '2015-12-04', precision: 'day' } });
  });
});
