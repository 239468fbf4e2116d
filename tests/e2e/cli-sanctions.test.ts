// The sanctions CLI run as a real process: screen one name or a file, import an annex (a malformed one refused
// in one line with nothing written), and the regime after a delisting.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/exchange/csv';
import { multi } from '../../src/core/sanctions/annex';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();
const dir = tempDir();
const annex = fs.readFileSync(path.join(import.meta.dirname, '../../data/sanctions/32019R0796.csv'), 'utf8');
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('cyberdiplo screen and import eu-sanctions', () => {
  it('screens a name, in a table or as JSON', () => {
    const r = cli(['screen', 'Vitaliy Shevchenko', '--as-of', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1\.00\s+STRONG\s+Vitaly SHEVCHENKO\s+person/);
    const json = JSON.parse(cli(['screen', '吴海波', '--json', '--as-of', '2026-08-01']).stdout) as { query: string; asOf: string; matches: { targetId: string; strong: boolean }[] };
    expect(json).toMatchObject({ query: '吴海波', asOf: '2026-08-01', matches: [{ targetId: 'wu-haibo', strong: true }] });
    expect(cli(['screen', 'John Smith']).stdout).toMatch(/No listed person or entity matches: no name they are known by scores 0\.70 or more\.\n/);
  });

  it('says that a surname alone finds no listed person, rather than a bare no match', () => {
    const r = cli(['screen', 'Minin', '--as-of', '2026-08-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/A single word scores 0\.50 at most against a listed name of two words or more, so a surname alone finds no listed person: screen the full name\./);
    expect(cli(['screen', 'Alexey Minin', '--as-of', '2026-08-01']).stdout).toMatch(/STRONG\s+Alexey Valeryevich MININ/);
  });

  it('screens a file of names, one result row per name', () => {
    const r = cli(['screen', '--file', write('names.csv', 'name\nAleksei Minin\nJohn Smith\n'), '--as-of', '2026-08-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split(/\r?\n/)).toEqual([
      'query,matches,strong,targetId,name,kind,score,matchedOn,listedSince,inForce',
      'Aleksei Minin,1,true,alexey-valeryevich-minin,Alexey Valeryevich MININ,person,1,Alexey Valeryevich MININ,2020-07-30,true',
      'John Smith,0,false,,,,,,,',
    ]);
    expect(r.stderr).toMatch(/2 name\(s\) screened on 2026-08-01: 1 with a strong match/);
    const json = cli(['screen', '--file', write('names.json', '["Fancy Bear"]'), '--format', 'json', '--json']);
    expect((JSON.parse(json.stdout) as { results: { matches: { targetId: string }[] }[] }).results[0]?.matches[0]?.targetId).toBe('85th-main-centre-for-special-services');
  });

  it("prints with --details every listed target's names and each detail the annex prints, the measure first", () => {
    const out = cli(['sanctions', '--as-of', '2026-08-01', '--details']).stdout;
    const [header = [], ...rows] = parseCsv(annex).map((cells) => cells.map((c) => c.trim()));
    const cell = (row: string[], column: string) => row[header.indexOf(column)] ?? '';
    const lost: string[] = [];
    for (const row of rows) {
      const block = out.split(`\n${cell(row, 'name')} (Annex ${cell(row, 'annex')} ${cell(row, 'recordId')})\n`)[1]?.split(/\n(?! {2})/)[0] ?? '';
      // After its other names, the first detail is the measure.
      const details = block.split('\n').filter((l) => !/^ {2}(Also printed as|Monikers): /.test(l));
      if (details[0] !== `  Measure: ${cell(row, 'measure')}`) lost.push(`${cell(row, 'name')}: measure`);
      for (const column of ['nationality', 'birthDate', 'birthPlace', 'passportNumber', 'gender', 'incorporationDate', 'legalForm', 'registrationNumber', 'innCode', 'ogrnCode', 'address', 'phone', 'email', 'website']) {
        for (const v of cell(row, column) ? multi(cell(row, column)) : []) if (!block.includes(v)) lost.push(`${cell(row, 'name')}: ${column}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('refuses bad input in one line', () => {
    expectOneLineError(cli(['screen']), /either a NAME or --file/);
    expectOneLineError(cli(['screen', 'x', '--as-of', '2026-02-30']), /--as-of must be a calendar date/);
    expectOneLineError(cli(['screen', '--file', write('n.csv', 'a\n'), '--format', 'xml']), /Unknown --format "xml": use csv or json/);
  });

  it('refuses a malformed annex naming row and column, writes nothing; imports a newer one and reports the delisting', () => {
    const bad = annex.replace(',30.7.2020,', ',31.2.2020,');
    expectOneLineError(cli(['import', 'eu-sanctions', write('bad.csv', bad)]), /row 2, column startDate: "31\.2\.2020" is not a listing date/);
    expect(cli(['sanctions', '--as-of', '2026-08-01']).stdout).toMatch(/27 person\(s\), 11 entities listed; data known up to 2026-08-22/);

    const fewer = annex.split('\n').filter((l) => !l.includes(',ML.Cloud,')).join('\n');
    const r = cli(['import', 'eu-sanctions', write('fewer.csv', fewer), '--date', '2026-12-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Imported the annex as of 2026-12-01: 0 new, 0 amended, 1 delisted, 37 unchanged/);
    expect(r.stdout).toMatch(/delisted\s+ML\.Cloud/);
    expect(cli(['sanctions', '--as-of', '2026-12-02']).stdout).toMatch(/27 person\(s\), 10 entities listed; data known up to 2026-12-01/);
    expect(cli(['import', 'eu-sanctions', write('fewer.csv', fewer), '--date', '2026-12-02']).stdout).toMatch(/0 new, 0 amended, 0 delisted, 37 unchanged/);
  });
});
