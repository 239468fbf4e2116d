// The CLI over the knowledge base, run as a real process: JSON contract, human tables, as-of, bad input.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliRunner, expectOneLineError } from './cli-harness';

/** The partners are data: one file per partner in data/partnerships. */
const PARTNER_FILES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'partnerships')).filter(
  (f) => f.endsWith('.yaml') && f !== 'shared-dialogues.yaml',
);

const cli = cliRunner();

describe('cyberdiplo (knowledge base)', () => {
  it('partners --json prints every partner of the data files with id, name and group', () => {
    const r = cli(['partners', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; name: string; group: string }[];
    expect(list).toHaveLength(PARTNER_FILES.length);
    expect(list.filter((p) => p.group === 'strategic-partner')).toHaveLength(10);
    expect(list.find((p) => p.id === 'ZA')?.name).toMatch(/South Africa/);
    expect(list.find((p) => p.id === 'UA')?.group).toBe('cyber-dialogue-partner');
  });

  it('partner US --json follows the contract', () => {
    const r = cli(['partner', 'US', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ['id', 'name', 'documents', 'dialogues', 'agreements', 'positions', 'memberships']) expect(p).toHaveProperty(key);
    const positions = p.positions as Record<string, unknown>;
    for (const key of ['budapestConvention', 'internetGovernance', 'wcit2012']) expect(positions).toHaveProperty(key);
    // Every source carries its grade, as over the API.
    expect(r.stdout).toMatch(/"grade": "secondary"/);
  });

  it('partner with --as-of gives the picture of that date', () => {
    const early = JSON.parse(cli(['partner', 'JP', '--as-of', '2013-01-01', '--json']).stdout) as { dialogues: unknown[]; asOf: string };
    const late = JSON.parse(cli(['partner', 'JP', '--as-of', '2016-09-30', '--json']).stdout) as { dialogues: unknown[] };
    expect(early.asOf).toBe('2013-01-01');
    expect(late.dialogues.length).toBeGreaterThan(early.dialogues.length);
  });

  it("matrix says whether a Budapest ratification is in force on the date, in the same words as the API's cell", () => {
    const before = cli(['matrix', '--as-of', '2015-10-31']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('Ratified 2015-07-08, not yet in force (from 2015-11-01)');
    const after = cli(['matrix', '--as-of', '2015-11-01']);
    expect(after.stdout).toContain('Ratified 2015-07-08, in force since 2015-11-01');
    expect(after.stdout).not.toContain('not yet in force (from 2015-11-01)');
  });

  it("partner names the Budapest Convention's day in force on a date before it", () => {
    expect(cli(['partner', 'CA', '--as-of', '2015-10-31']).stdout).toContain('ratified on 2015-07-08, not yet in force on this date: in force from 2015-11-01 (derived from the deposit');
    const after = cli(['partner', 'CA', '--as-of', '2015-11-01']).stdout;
    expect(after).toContain('ratified on 2015-07-08, in force from 2015-11-01 (derived from the deposit');
    expect(after).not.toContain('not yet in force');
  });

  it('partner heads an accession to the Budapest Convention as acceded, as the line under it says (Brazil)', () => {
    const out = cli(['partner', 'BR', '--as-of', '2024-01-01']).stdout;
    expect(out).toMatch(/Budapest Convention: acceded {2}\[/);
    expect(out).toContain('acceded on 2022-11-30, in force from 2023-03-01');
    expect(cli(['partner', 'CA', '--as-of', '2016-01-01']).stdout).toMatch(/Budapest Convention: ratified \(supportive\) {2}\[/);
  });

  it('prints human-readable tables by default', () => {
    const r = cli(['partner', 'us']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/United States/);
    expect(r.stdout).toMatch(/Dialogues/);
    // Sources name the paper with its published version and grade, not its key; memberships read as names.
    expect(r.stdout).not.toMatch(/\b(renard2014|renard2016|bendiek2018) \(/);
    expect(r.stdout).toMatch(/Thomas Renard, 'The rise of cyber-diplomacy.*https:\/\/www\.egmontinstitute\.be\/.*\[secondary source\]/);
    expect(r.stdout).toMatch(/Memberships: .*G20/);
    expect(cli(['dialogues', '--partner', 'CN']).stdout).toMatch(/China|CN/);
  });

  it('names the papers the prose cites by key as author and year, in words for vocabulary codes; --json keeps both', () => {
    const human = cli(['actors']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Bendiek \(2018\) (notes|also cites)/);
    expect(human.stdout).not.toMatch(/\b(renard2014|renard2016|bendiek2018)\b/);
    expect(human.stdout).toMatch(/\bStrategic partner\b/);
    const json = cli(['--json', 'actors']);
    expect(json.stdout).toMatch(/bendiek2018 (notes|also cites)/);
    expect(json.stdout).toContain('"kind": "strategic-partner"');
    expect(cli(['dialogues', '--partner', 'JP']).stdout).toMatch(/Senior officials/);
  });

  it('search finds facts with their sources', () => {
    const hits = JSON.parse(cli(['search', 'Global', 'Alliance', '--json']).stdout) as { sources: unknown[] }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.sources.length).toBeGreaterThan(0);
  });

  it.each([
    [['partner', 'XX'], /Unknown partner "XX".*BR/],
    [['partner', 'US', '--as-of', '2014-02-30'], /YYYY-MM-DD/],
    [['partner', 'US', '--as-of', '2099-01-01'], /--as-of 2099-01-01 is after today, \d{4}-\d\d-\d\d; give a date up to today/],
    [['assess', '--as-of', '2099-01-01'], /after today/],
    [['dialogues', '--level', 'galactic'], /Unknown --level "galactic".*summit/],
    [['dialogues', '--topic', 'spies'], /allowed values/],
    [['actors', '--kind', 'x'], /Unknown --kind "x"/],
    [['nonsense'], /unknown command/],
  ])('refuses %j with one line on stderr', (args, pattern) => {
    expectOneLineError(cli(args), pattern);
  });
});
