// `cyberdiplo assess ID --from --to` as a child process: maturity and orientation per year with the facts that moved
// them, as JSON and as a table, and one-line refusals for a bad span.
import { describe, expect, it } from 'vitest';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();

describe('assess ID --from --to', () => {
  it('gives one reading per year as JSON, naming what moved it', () => {
    const r = cli(['--json', 'assess', 'JP', '--from', '2012', '--to', '2016']);
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout) as { id: string; years: { year: number; maturity: number; orientation: string; moved: { fact: { id: string } }[] }[] };
    expect(h.id).toBe('JP');
    expect(h.years.map((y) => y.year)).toEqual([2012, 2013, 2014, 2015, 2016]);
    expect(h.years.find((y) => y.year === 2014)!.moved.map((m) => m.fact.id)).toContain('dialogue:jp-cyber-dialogue');
  });

  it('prints a table by default', () => {
    const r = cli(['assess', 'RU', '--from', '2013', '--to', '2015']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Russia \(RU\), 2013-2015/);
    expect(r.stdout).toMatch(/^2014\s+\d+/m);
  });

  it('refuses a span that runs backwards, a year that is not one, and no partner, each in one line', () => {
    expectOneLineError(cli(['assess', 'JP', '--from', '2016', '--to', '2010']), /--from \(2016\) must not be after --to \(2010\)/);
    expectOneLineError(cli(['assess', 'JP', '--from', '14']), /four-digit year/);
    expectOneLineError(cli(['assess', '--from', '2010']), /give its id/);
  });
});
