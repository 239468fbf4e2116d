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
import { EUREPOC_COLUMNS, EUREPOC_UNREAD_COLUMNS, EurepocRows, ReportBuilder, StixImport, mapEurepoc, newReport, parseCsv, parseExchangeTables, withHeader, type ExchangeTables, type ImportReport } from '../../src/core/exchange/index';
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

/** The objects a STIX file holds, counted from its text: a bundle's `objects`, else the file's one object (or list). */
function objectsInFile(file: string): number {
  const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (Array.isArray(json)) return json.length;
  const o = json as { type?: unknown; objects?: unknown };
  return o.type === 'bundle' ? (Array.isArray(o.objects) ? o.objects.length : 0) : 1;
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
    // The report's types count every object of the file: a bundle's objects, or the one object a file holds.
    const counted = Object.values(report.types).reduce((n, c) => n + c, 0);
    const inFile = objectsInFile(file);
    if (counted !== inFile) off.push(`the file holds ${inFile} object(s), the report's types count ${counted}`);
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

/**
 * What the mapping makes of the columns no field reads, against the file read here: the cells each incident keeps as
 * EuRepoC's codings (every cell but an empty one, "Not available" or an empty list, as written), the report's count of
 * them per column, and its count of the columns left unread.
 */
async function codedColumns(dir: string) {
  const report = newReport('eurepoc', [GLOBAL], false);
  const rows = new EurepocRows();
  await streamEurepocFile(path.join(dir, GLOBAL), rows);
  const batch = mapEurepoc(rows, vocabulary, new ReportBuilder(report), tables, sha1);
  const count = (mapping: string, unit: string) => Object.fromEntries(Object.entries(report.mappings[mapping] ?? {}).map(([k, n]) => [k.slice(0, k.indexOf(' -> ')), Number(new RegExp(`-> (\\d+) ${unit}`).exec(k)?.[1]) * n]));
  const [header = [], ...cells] = parseCsv(fs.readFileSync(path.join(dir, GLOBAL), 'utf8'));
  const byId = new Map(cells.map((line) => withHeader(header, line)).map((row) => [`eurepoc:${row.ID?.trim() ?? ''}`, row]));
  const coded = (v: string | undefined) => v !== undefined && !['', '[]', 'not available'].includes(v.trim().toLowerCase());
  const unread = (c: string) => !EUREPOC_COLUMNS.incidents.includes(c as never) && !READ_ELSEWHERE.has(c);
  const stored: Record<string, Record<string, string>> = {};
  const expected: Record<string, Record<string, string>> = {};
  const perColumn: Record<string, number> = {};
  for (const i of batch.incidents) {
    const row = byId.get(i.source.key) ?? {};
    stored[i.source.key] = i.body.codings?.[0]?.cells ?? {};
    expected[i.source.key] = Object.fromEntries(header.filter((c) => unread(c) && !(EUREPOC_UNREAD_COLUMNS as readonly string[]).includes(c) && coded(row[c])).map((c) => [c, (row[c] ?? '').trim()]));
    for (const c of Object.keys(expected[i.source.key] ?? {})) perColumn[c] = (perColumn[c] ?? 0) + 1;
    expect(i.body.codings?.[0]?.source ?? `EuRepoC Global Database, release 1.1, ID ${i.source.key.slice(8)}`).toBe(`EuRepoC Global Database, release 1.1, ID ${i.source.key.slice(8)}`);
  }
  const notRead: Record<string, number> = {};
  for (const row of byId.values()) for (const c of EUREPOC_UNREAD_COLUMNS) if (!isNone(row[c])) notRead[c] = (notRead[c] ?? 0) + 1;
  return { stored, expected, kept: count('columns kept as EuRepoC codings', 'incident'), perColumn, unread: count('columns not imported', 'row'), notRead, batch };
}

/**
 * The columns of the global database read into fields besides those the import needs (EUREPOC_COLUMNS), or whose
 * cells the attribution and receiver files hold row by row: receivers, initiators, attributions, responses, effects.
 * Every other column is a coding the incident keeps, or a count left unread.
 */
const READ_ELSEWHERE = new Set([
  'receiver_name', 'receiver_category_subcode', 'initiator_category_subcode', 'offline_conflict_intensity_subcode', 'has_disruption', 'physical_effects_spatial',
  'attribution_date', 'attribution_type', 'attribution_basis', 'attributing_actor', 'attribution_it_company', 'attributing_country', 'attributed_initiator', 'attributed_initiator_country', 'attributed_initiator_category',
  'political_response_date', 'political_response_type_subcode', 'political_response_country', 'political_response_actor',
  'legal_response_date', 'legal_response_type', 'legal_response_type_subcode', 'legal_response_country', 'legal_response_actor',
]);

describe('EuRepoC columns read by no field: kept on each incident as its codings, cell for cell, and counted', () => {
  const check = async (dir: string) => {
    const r = await codedColumns(dir);
    expect(r.stored).toEqual(r.expected);
    expect(r.kept).toEqual(r.perColumn);
    expect(r.unread).toEqual(r.notRead);
    return r;
  };

  it('the sample', async () => {
    await check(EUREPOC);
  });

  it.runIf(fullDataset('the full EuRepoC 1.1 release', path.join(FULL_EUREPOC, GLOBAL)))('the full release: among them the legal attribution reference and the codebook indicators', async () => {
    const { kept, unread } = await check(FULL_EUREPOC);
    expect(Object.keys(kept)).toEqual(expect.arrayContaining(['legal_attribution_reference', 'state_responsibility_indicator', 'IL_breach_indicator', 'evidence_for_sanctions_indicator', 'MITRE_impact', 'zero_days']));
    expect(Object.keys(unread).sort()).toEqual(['number_of_attributions', 'number_of_legal_responses', 'number_of_political_responses']);
  });
});

const ATTRIBUTIONS = 'EuRepoC_Attribution_dataset_1.1.csv';
const RECEIVERS = 'EuRepoC_Receiver_dataset_1.1.csv';

/** The rows of one file of the release, read here with the project's CSV reader. */
function fileRows(dir: string, name: string): Record<string, string>[] {
  const [header = [], ...cells] = parseCsv(fs.readFileSync(path.join(dir, name), 'utf8'));
  return cells.map((line) => withHeader(header, line));
}

/** The attribution dataset's columns a statement keeps, by the statement's key. */
const STATEMENT_CELLS: Record<string, string> = {
  attribution_ID: 'id',
  attribution_date: 'date',
  attribution_type: 'type',
  attribution_basis: 'basis',
  attributing_actor: 'by',
  attribution_it_company: 'company',
  attributing_country: 'country',
  attributed_initiator_country: 'initiatorCountry',
  attributed_initiator_category: 'initiatorCategory',
};

/** The sum of a report mapping's counts, or of those whose key starts with `from -> `. */
const mappedCount = (report: ImportReport, field: string, from?: string) =>
  Object.entries(report.mappings[field] ?? {})
    .filter(([k]) => from === undefined || k.startsWith(`${from} -> `))
    .reduce((n, [, c]) => n + c, 0);

/**
 * The three files mapped together, and what became of the attribution and receiver rows, incident by incident, against
 * the files read here: each row counted once in the report; an attribution row naming an initiator kept as a statement
 * of its incident's attribution record, a row naming none that the incident keeps as the statement of its
 * attribution, cell by cell; a receiver's name among its incident's victims; and the columns counted from the file.
 */
async function attributionAndReceiverRows(dir: string) {
  const report = newReport('eurepoc', [GLOBAL, ATTRIBUTIONS, RECEIVERS], false);
  const rows = new EurepocRows();
  for (const f of [GLOBAL, ATTRIBUTIONS, RECEIVERS]) await streamEurepocFile(path.join(dir, f), rows);
  const batch = mapEurepoc(rows, vocabulary, new ReportBuilder(report), tables, sha1);
  const attributions = fileRows(dir, ATTRIBUTIONS);
  const receivers = fileRows(dir, RECEIVERS);
  const incidents = new Map(batch.incidents.map((i) => [i.source.key.slice('eurepoc:'.length), i]));
  const problems: string[] = [];
  // Attribution rows naming an initiator: as many statements on the incident's records as the file has such rows.
  const named = new Map<string, number>();
  for (const a of attributions) if (incidents.has(a.incident_ID?.trim() ?? '') && !isNone(a.attributed_initiator)) named.set(a.incident_ID?.trim() ?? '', (named.get(a.incident_ID?.trim() ?? '') ?? 0) + 1);
  const statements = new Map<string, number>();
  for (const a of batch.attributions) {
    const eid = [...incidents].find(([, i]) => i.id === a.body.subject.id)?.[0] ?? '?';
    statements.set(eid, (statements.get(eid) ?? 0) + (a.body.statements?.length ?? 0));
  }
  for (const [eid, n] of named) if (statements.get(eid) !== n) problems.push(`incident ${eid}: ${n} attribution row(s) name an initiator, ${statements.get(eid) ?? 0} statement(s) kept`);
  // Receiver rows with a name: the name among the incident's victims.
  for (const x of receivers) {
    const i = incidents.get(x.ID?.trim() ?? '');
    const name = x.receiver_name?.trim() ?? '';
    if (!i || isNone(name)) continue;
    if (!i.body.victims.some((v) => v.name === name)) problems.push(`incident ${x.ID}: receiver "${name}" (${x.receiver_country}) is no victim`);
  }
  // Every attribution row kept (naming an initiator, or on the incident only) has its cells in a statement: its
  // record's, or that of the incident's attribution; named by the row's place among its incident's rows.
  const kept = new Map<string, Record<string, string | undefined>>();
  for (const [eid, i] of incidents) for (const a of i.body.attribution) if (a.statement) kept.set(`${eid}|${a.statement.source}`, a.statement);
  for (const a of batch.attributions) {
    const eid = [...incidents].find(([, i]) => i.id === a.body.subject.id)?.[0] ?? '?';
    for (const st of a.body.statements ?? []) kept.set(`${eid}|${st.source}`, st);
  }
  const place = new Map<string, number>();
  for (const a of attributions) {
    const eid = a.incident_ID?.trim() ?? '';
    const n = place.get(eid) ?? 0;
    place.set(eid, n + 1);
    const onIncident = [a.attributing_actor, a.attribution_it_company, a.attributing_country, a.attribution_basis].some((v) => !isNone(v)) && !(isNone(a.attributed_initiator_country) && isNone(a.attribution_type));
    if (!incidents.has(eid) || (isNone(a.attributed_initiator) && !onIncident)) continue;
    const id = isNone(a.attribution_ID) ? '' : ` (attribution_ID ${a.attribution_ID!.trim()})`;
    const st = kept.get(`${eid}|EuRepoC attribution row ${n + 1} of the incident${id}`);
    const lost = Object.entries(STATEMENT_CELLS).filter(([column, key]) => !isNone(a[column]) && st?.[key] === undefined);
    if (lost.length) problems.push(`incident ${eid}: attribution row ${n + 1}${id} keeps no ${lost.map(([c]) => c).join(', ')}`);
  }
  // Where each column went: the report's counts per column = the file's cells holding a value.
  const columns = Object.keys(STATEMENT_CELLS).map((c) => [c, attributions.filter((a) => !isNone(a[c])).length, mappedCount(report, 'attribution columns', c)] as const);
  const regions = receivers.filter((x) => incidents.has(x.ID?.trim() ?? '') && !isNone(x.receiver_region)).length;
  return {
    problems,
    rows: { attribution: [attributions.length, report.types['attribution row'] ?? 0, mappedCount(report, 'attribution row')], receiver: [receivers.length, report.types['receiver row'] ?? 0, mappedCount(report, 'receiver row')] },
    columns,
    regions: [regions, Number(/-> (\d+) row/.exec(Object.keys(report.mappings['columns not imported'] ?? {}).find((k) => k.startsWith('receiver_region (receiver dataset) -> ')) ?? '')?.[1] ?? 0)],
  };
}

describe('EuRepoC attribution and receiver rows: every row accounted for, incident by incident', () => {
  const check = async (dir: string) => {
    const r = await attributionAndReceiverRows(dir);
    expect(r.problems).toEqual([]);
    // Rows in the file = rows the report's types count = rows its mappings say what became of.
    expect(r.rows.attribution[1]).toBe(r.rows.attribution[0]);
    expect(r.rows.attribution[2]).toBe(r.rows.attribution[0]);
    expect(r.rows.receiver[1]).toBe(r.rows.receiver[0]);
    expect(r.rows.receiver[2]).toBe(r.rows.receiver[0]);
    expect(r.columns.filter(([, file, report]) => file !== report)).toEqual([]);
    expect(r.regions[1]).toBe(r.regions[0]);
    return r;
  };

  it('the sample', async () => {
    await check(EUREPOC);
  });

  it.runIf(fullDataset('the full EuRepoC 1.1 release', path.join(FULL_EUREPOC, ATTRIBUTIONS)))('the full release', async () => {
    const r = await check(FULL_EUREPOC);
    expect(r.rows.attribution[0]).toBeGreaterThan(2000);
    expect(r.regions[0]).toBeGreaterThan(0);
  }, 300_000);
});
