// Every object of every STIX example accounted for in the import report, type by type: the OASIS examples and the
// validator's fixtures (invalid ones included) shipped in tests/fixtures, and the full OASIS set where present. An
// object the report does not count as a record, a merge, an object read into a record or one left out with its
// reason is a defect of the mapping (exchange-balance.ts holds the accounts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stixValidator } from '../../src/app/exchange-service';
import { readConfig } from '../../src/config';
import { EUREPOC_UNREAD_COLUMNS, EurepocRows, ReportBuilder, StixImport, mapEurepoc, newReport, parseCsv, parseExchangeTables, withHeader, type ExchangeTables, type ImportReport } from '../../src/core/exchange/index';
import { isNone } from '../../src/core/exchange/dataset-cells';
import { isAppError } from '../../src/core/errors';
import { incidentVocabulary } from '../../src/core/toolbox/load';
import { readYamlFile } from '../../src/store/dataset-files';
import { streamEurepocFile, streamJsonFile } from '../../src/store/exchange-files';
import { readToolbox } from '../../src/store/toolbox-files';
import { stixImbalance } from './exchange-balance';
import { EUREPOC, FULL_EUREPOC, FULL_STIX, STIX, fullDataset, jsonFiles } from './exchange-support';

const dataDir = readConfig({}).dataDir;
const vocabulary = incidentVocabulary(readToolbox(dataDir));
const yaml = (name: string) => readYamlFile(path.join(dataDir, 'exchange', name), dataDir).content;
const tables: ExchangeTables = parseExchangeTables({ sectors: yaml('sectors.yaml'), victims: yaml('victims.yaml'), eurepocResponses: yaml('eurepoc-responses.yaml') }, vocabulary.measureIds ?? []);
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The report of a file as the STIX import maps it (no database); undefined for a file that is not JSON (refused whole). */
export async function stixReport(files: string[]): Promise<ImportReport | undefined> {
  const report = newReport('stix', files.map((f) => path.basename(f)), false);
  const job = new StixImport({ validator: stixValidator(), vocabulary, report: new ReportBuilder(report), strict: false, sha1, tables });
  try {
    for (const file of files) await streamJsonFile(file, job.fileSink());
  } catch (error) {
    if (isAppError(error)) return undefined;
    throw error;
  }
  job.finish();
  return report;
}

/** The files whose objects do not add up, and the files the import refuses (which write nothing). */
async function imbalances(files: string[]): Promise<{ wrong: Record<string, string[]>; refused: string[]; balanced: number }> {
  const wrong: Record<string, string[]> = {};
  const refused: string[] = [];
  const accepted: string[] = [];
  for (const file of files) {
    const report = await stixReport([file]);
    if (!report || report.problems.some((p) => p.severity === 'error')) {
      refused.push(path.basename(file));
      continue;
    }
    accepted.push(file);
    const off = stixImbalance(report);
    if (off.length) wrong[path.basename(file)] = off;
  }
  const all = await stixReport(accepted);
  if (all && !all.problems.some((p) => p.severity === 'error')) {
    const off = stixImbalance(all);
    if (off.length) wrong['(all in one import)'] = off;
  }
  return { wrong, refused: refused.sort(), balanced: accepted.length };
}

describe('STIX objects read = objects the report accounts for', () => {
  it('every example and validator fixture of tests/fixtures/stix', async () => {
    const r = await imbalances(jsonFiles(STIX));
    expect(r.wrong).toEqual({});
    // The invalid fixtures are refused whole (each refused object named), so they are no account of a write.
    expect(r.refused).toEqual(['extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.stix-object.json', 'invalid_braces.json', 'invalid_comma.json', 'invalid_identity.json', 'invalid_timestamp.json', 'using-tlp2.0-green.INVALID.json']);
  }, 120_000);

  it.runIf(fullDataset('the full OASIS STIX examples', FULL_STIX))('every file of the full OASIS set (the JSON schemas left out)', async () => {
    const r = await imbalances(jsonFiles(FULL_STIX).filter((f) => !f.startsWith(path.join(FULL_STIX, 'schemas'))));
    expect(r.wrong).toEqual({});
    expect(r.balanced).toBeGreaterThan(20);
  }, 300_000);
});

const GLOBAL = 'EuRepoC_Global_Database_1.1.csv';

/** The report's count of each column not imported, against the cells of the file counted here. */
async function unreadColumns(dir: string): Promise<{ reported: Record<string, number>; counted: Record<string, number> }> {
  const report = newReport('eurepoc', [GLOBAL], false);
  const rows = new EurepocRows();
  await streamEurepocFile(path.join(dir, GLOBAL), rows);
  mapEurepoc(rows, vocabulary, new ReportBuilder(report), tables, sha1);
  const reported = Object.fromEntries(Object.entries(report.mappings['columns not imported'] ?? {}).map(([k, n]) => [k.slice(0, k.indexOf(' -> ')), Number(/-> (\d+) row/.exec(k)?.[1]) * n]));
  const [header = [], ...cells] = parseCsv(fs.readFileSync(path.join(dir, GLOBAL), 'utf8'));
  const counted: Record<string, number> = {};
  for (const line of cells) {
    const row = withHeader(header, line);
    for (const c of EUREPOC_UNREAD_COLUMNS) if (!isNone(row[c])) counted[c] = (counted[c] ?? 0) + 1;
  }
  return { reported, counted };
}

describe('EuRepoC columns read by no field: counted in the report with the rows holding a value', () => {
  it('the sample', async () => {
    const { reported, counted } = await unreadColumns(EUREPOC);
    expect(reported).toEqual(counted);
  });

  it.runIf(fullDataset('the full EuRepoC 1.1 release', path.join(FULL_EUREPOC, GLOBAL)))('the full release: among them the legal attribution reference and the codebook indicators', async () => {
    const { reported, counted } = await unreadColumns(FULL_EUREPOC);
    expect(reported).toEqual(counted);
    expect(Object.keys(reported)).toEqual(expect.arrayContaining(['legal_attribution_reference', 'state_responsibility_indicator', 'IL_breach_indicator', 'evidence_for_sanctions_indicator']));
  });
});
