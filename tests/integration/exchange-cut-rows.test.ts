// A CSV file cut mid-row (a truncated download) or a row with cells missing must not reach the mappers: its cells
// would land in the wrong columns and overwrite a good incident. Such a file is refused whole, naming the file, the
// line and the counts of cells, and the store keeps what it held.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { isAppError } from '../../src/core/errors';
import { EUREPOC, FIXTURES, LOCAL_DE, storeCounts } from './exchange-support';
import { dialects, startHarness, tempDir, type Harness } from './harness';

const GLOBAL = 'EuRepoC_Global_Database_1.1.csv';
const EUREPOC_FILES = [GLOBAL, 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
const CFR = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');

describe.each(dialects)('CSV rows cut short on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  const dir = tempDir('cyberdiplo-cut-rows-');

  beforeAll(async () => {
    h = await startHarness({}, dialect);
    ex = new ExchangeService(h.wb);
    expect((await ex.importFiles(LOCAL_DE, 'eurepoc', EUREPOC_FILES)).rejected).toBe(false);
    expect((await ex.importFiles(LOCAL_DE, 'cfr', [CFR])).rejected).toBe(false);
  }, 120_000);
  afterAll(async () => h?.close());

  /** Every incident as stored (its body and version), and the count of rows in every table an import writes. */
  const stored = async () => ({
    incidents: (await sql<Record<string, unknown>>`SELECT * FROM incident ORDER BY id`.execute(h.wb.db)).rows,
    counts: await storeCounts(h.wb),
  });

  async function refusal(format: 'eurepoc' | 'cfr', files: string[]): Promise<string> {
    try {
      await ex.importFiles(LOCAL_DE, format, files);
    } catch (error) {
      if (isAppError(error) && error.code === 'invalid_import') return error.message;
      throw error;
    }
    throw new Error('the import was not refused');
  }

  it('refuses a EuRepoC global database cut mid-row and leaves NotPetya (1032) as it was', async () => {
    const notPetya = async () => (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1032');
    const before = await stored();
    const good = await notPetya();
    expect(good?.body.effects.severity).not.toBe('low');
    const cut = path.join(dir, GLOBAL);
    fs.writeFileSync(cut, fs.readFileSync(path.join(EUREPOC, GLOBAL)).subarray(0, 2000));
    const message = await refusal('eurepoc', [cut]);
    expect(message).toMatch(new RegExp(`"${GLOBAL}" is not valid CSV: the record on line 2 has \\d+ cells, the header 81`));
    expect(await stored()).toEqual(before);
    expect(await notPetya()).toEqual(good);
  });

  it('refuses a EuRepoC file that ends inside a quoted cell', async () => {
    const before = await stored();
    const text = fs.readFileSync(path.join(EUREPOC, GLOBAL), 'utf8');
    const cut = path.join(dir, GLOBAL);
    // Up to the NotPetya row's quoted description, cut inside it.
    fs.writeFileSync(cut, text.slice(0, text.indexOf('"A destructive worm') + 10));
    expect(await refusal('eurepoc', [cut])).toMatch(/is not valid CSV: a quoted field opened on line 2 is never closed/);
    expect(await stored()).toEqual(before);
  });

  it('refuses a CFR row with 3 of its 12 cells, or with one too many, and writes nothing', async () => {
    const before = await stored();
    const [header, first, second] = fs.readFileSync(CFR, 'utf8').split('\n');
    const short = path.join(dir, 'cfr-short.csv');
    fs.writeFileSync(short, `${header}\n${second}\n${first!.split(',').slice(0, 4).join(',')}\n`);
    expect(await refusal('cfr', [short])).toBe('"cfr-short.csv" is not valid CSV: the record on line 3 has 3 cells, the header 12');
    expect(await stored()).toEqual(before);
    const long = path.join(dir, 'cfr-long.csv');
    fs.writeFileSync(long, `${header}\n${first},extra\n`);
    expect(await refusal('cfr', [long])).toBe('"cfr-long.csv" is not valid CSV: the record on line 2 has 13 cells, the header 12');
    expect(await stored()).toEqual(before);
  });
});
