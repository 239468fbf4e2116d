// The format mappers' answers held fixed: every STIX example, the EuRepoC and CFR samples, the full EuRepoC 1.1 release
// (where present) and synthetic STIX and CFR data in the benchmarks' shape are mapped as an import maps them (read,
// check, map; no database), and a digest of each batch with its report is compared with the digests recorded in
// exchange-mapping.snapshot.json. A faster mapper must give the very same records, problems and counts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stixValidator } from '../../src/app/exchange-service';
import { readConfig } from '../../src/config';
import {
  CFR_COLUMNS,
  CfrMapping,
  ReportBuilder,
  StixImport,
  emptyBatch,
  mapEurepoc,
  EurepocRows,
  newReport,
  parseCfrResponseTable,
  parseExchangeTables,
  type ExchangeTables,
  type ImportBatch,
  type ImportReport,
} from '../../src/core/exchange/index';
import { isAppError } from '../../src/core/errors';
import { incidentVocabulary } from '../../src/core/toolbox/load';
import { readYamlFile } from '../../src/store/dataset-files';
import { streamCsvFile, streamEurepocFile, streamJsonFile } from '../../src/store/exchange-files';
import { readToolbox } from '../../src/store/toolbox-files';
import { EUREPOC, FIXTURES, FULL_EUREPOC, FULL_STIX, STIX, fullDataset, jsonFiles } from './exchange-support';

const SNAPSHOT = path.join(import.meta.dirname, 'exchange-mapping.snapshot.json');
const recorded = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;

const dataDir = readConfig({}).dataDir;
const vocabulary = incidentVocabulary(readToolbox(dataDir));
const yaml = (name: string) => readYamlFile(path.join(dataDir, 'exchange', name), dataDir).content;
const tables: ExchangeTables = parseExchangeTables({ sectors: yaml('sectors.yaml'), victims: yaml('victims.yaml'), eurepocResponses: yaml('eurepoc-responses.yaml') }, vocabulary.measureIds ?? []);
const cfrTable = parseCfrResponseTable(yaml('cfr-responses.yaml'), vocabulary.measureIds ?? []);
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The mapped batch and its report as one digest (the report's files and the record order included). */
function digest(batch: ImportBatch, report: ImportReport): string {
  return createHash('sha256').update(JSON.stringify({ batch, report })).digest('hex');
}

/** As the STIX import reads files: a bundle's envelope and objects, a lone object as a bundle of one; a file that is not JSON is refused. */
async function mapStix(files: string[], strict = false): Promise<string> {
  try {
    return await mapStixFiles(files, strict);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return `refused: ${error.code}: ${error.message}`;
  }
}

async function mapStixFiles(files: string[], strict: boolean): Promise<string> {
  const report = newReport('stix', files.map((f) => path.basename(f)), false);
  const job = new StixImport({ validator: stixValidator(), vocabulary, report: new ReportBuilder(report), strict, sha1, tables });
  for (const file of files) await streamJsonFile(file, job.fileSink());
  return digest(job.finish(), report);
}

/** As the EuRepoC import reads its three files, told apart by their header rows. */
async function mapEurepocFiles(files: string[]): Promise<string> {
  const report = newReport('eurepoc', files.map((f) => path.basename(f)), false);
  const builder = new ReportBuilder(report);
  const rows = new EurepocRows();
  for (const file of files) await streamEurepocFile(file, rows);
  const batch = builder.errors.length ? emptyBatch() : mapEurepoc(rows, vocabulary, builder, tables);
  return digest(batch, report);
}

/** As the CFR import reads a file: each row mapped as it is read. */
async function mapCfrFile(file: string): Promise<string> {
  const report = newReport('cfr', [path.basename(file)], false);
  const mapping = new CfrMapping(vocabulary, new ReportBuilder(report), tables, cfrTable);
  await streamCsvFile(file, (row, line) => mapping.row(line, row));
  return digest(mapping.finish(), report);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-mapping-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const t = '2024-01-01T00:00:00.000Z';
const uuid = (i: number, salt: number) => `${(i * 2654435761 + salt * 40503).toString(16).padStart(8, '0').slice(-8)}-${(i % 65536).toString(16).padStart(4, '0')}-4${(salt % 4096).toString(16).padStart(3, '0')}-8${(i % 4096).toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`;
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length] as T;

/**
 * A bundle in the benchmark's shape, varied so that every branch of the mapping runs: actors of three kinds with
 * countries, tools, nation-state sponsors and TLP levels, incidents with targets, labels and authors, sightings,
 * reports, unmapped relationships, duplicate and newer versions, and a `tweak` to show that the digest moves.
 */
function syntheticStix(n: number, tweak = ''): string {
  const file = path.join(tmp, `bundle${tweak ? '-tweaked' : ''}.json`);
  const objects: Record<string, unknown>[] = [];
  const TLP = ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'];
  const COUNTRIES = ['EE', 'de', 'RU', 'CN', 'XX', 'KP'];
  const LOCATIONS = COUNTRIES.map((c, i) => `location--${uuid(i, 7)}`);
  COUNTRIES.forEach((c, i) => objects.push({ type: 'location', spec_version: '2.1', id: LOCATIONS[i], created: t, modified: t, name: `Place ${c}`, country: c }));
  const author = `identity--${uuid(1, 8)}`;
  objects.push({ type: 'identity', spec_version: '2.1', id: author, created: t, modified: t, name: 'A national CERT', identity_class: 'organization' });
  const sponsor = `threat-actor--${uuid(1, 9)}`;
  objects.push({ type: 'threat-actor', spec_version: '2.1', id: sponsor, created: t, modified: t, name: 'A state service', threat_actor_types: ['nation-state'], object_marking_refs: [TLP[1]] });
  objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(1, 10)}`, created: t, modified: t, relationship_type: 'located-at', source_ref: sponsor, target_ref: LOCATIONS[2] });
  const tool = `malware--${uuid(1, 11)}`;
  objects.push({ type: 'malware', spec_version: '2.1', id: tool, created: t, modified: t, name: 'A wiper', is_family: true, malware_types: ['wiper'] });
  const victimIdentity = `identity--${uuid(2, 8)}`;
  objects.push({ type: 'identity', spec_version: '2.1', id: victimIdentity, created: t, modified: t, name: 'Ministry of Foreign Affairs of Estonia', identity_class: 'organization', sectors: ['government-national'] });
  const ACTOR_TYPES = ['intrusion-set', 'threat-actor', 'campaign'];
  const LABELS = [['cyber-espionage'], ['severity:high'], [], ['hybrid', 'severity:medium'], ['unknown-label']];
  for (let i = 0; i < n; i++) {
    const kind = pick(ACTOR_TYPES, i);
    const actor = `${kind}--${uuid(i, 1)}`;
    const incident = `incident--${uuid(i, 2)}`;
    const marks = i % 3 === 0 ? [] : [pick(TLP, i)];
    objects.push({ type: kind, spec_version: '2.1', id: actor, created: t, modified: t, name: `Set ${i}${tweak}`, ...(kind === 'campaign' ? {} : { aliases: [`Alias ${i}`, `Set ${i}`] }), description: 'Generated. '.repeat(2), ...(kind === 'threat-actor' ? { threat_actor_types: [pick(['crime-syndicate', 'activist', 'spy', 'nation-state'], i)], primary_motivation: pick(['personal-gain', 'ideology', 'organizational-gain'], i) } : {}), object_marking_refs: marks });
    objects.push({ type: 'incident', spec_version: '2.1', id: incident, created: `202${i % 4}-0${(i % 9) + 1}-1${i % 10}T00:00:00.000Z`, modified: t, name: `Incident ${i}`, ...(i % 4 ? { description: 'A generated incident. '.repeat(3) } : {}), labels: pick(LABELS, i), ...(i % 5 === 0 ? { created_by_ref: author } : {}), object_marking_refs: [pick(TLP, i + 1)] });
    objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 3)}`, created: t, modified: t, relationship_type: 'targets', source_ref: incident, target_ref: i % 7 === 3 ? victimIdentity : pick(LOCATIONS, i) });
    if (i % 6 !== 5) objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 4)}`, created: t, modified: t, start_time: i % 2 ? '2021-01-01T00:00:00.000Z' : undefined, relationship_type: 'attributed-to', source_ref: incident, target_ref: actor, confidence: (i * 13) % 101, ...(i % 4 === 1 ? { created_by_ref: author } : {}) });
    if (i % 4 === 2) objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 5)}`, created: t, modified: t, relationship_type: 'attributed-to', source_ref: actor, target_ref: sponsor });
    if (i % 5 === 1) objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 6)}`, created: t, modified: t, relationship_type: 'originates-from', source_ref: actor, target_ref: pick(LOCATIONS, i + 2) });
    if (i % 3 === 1) objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 12)}`, created: t, modified: t, relationship_type: 'uses', source_ref: actor, target_ref: tool });
    if (i % 8 === 0) objects.push({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 13)}`, created: t, modified: t, relationship_type: 'related-to', source_ref: actor, target_ref: incident });
    if (i % 9 === 4) objects.push({ type: 'sighting', spec_version: '2.1', id: `sighting--${uuid(i, 14)}`, created: t, modified: t, sighting_of_ref: actor, first_seen: t, count: i, where_sighted_refs: [author] });
    if (i % 10 === 7) objects.push({ type: 'report', spec_version: '2.1', id: `report--${uuid(i, 15)}`, created: t, modified: t, name: `Report ${i}`, published: t, report_types: ['threat-report'], object_refs: [incident, actor], object_marking_refs: [pick(TLP, i)] });
    if (i % 11 === 0) objects.push({ type: 'incident', spec_version: '2.1', id: incident, created: t, modified: t, name: `Incident ${i} again` });
    if (i % 13 === 0) objects.push({ type: 'intrusion-set', spec_version: '2.1', id: `intrusion-set--${uuid(i, 16)}`, created: t, modified: '2024-02-01T00:00:00.000Z', name: `Newer ${i}` }, { type: 'intrusion-set', spec_version: '2.1', id: `intrusion-set--${uuid(i, 16)}`, created: t, modified: t, name: `Older ${i}` });
  }
  fs.writeFileSync(file, JSON.stringify({ type: 'bundle', id: `bundle--${uuid(1, 99)}`, objects }));
  return file;
}

/** A CFR export in the benchmark's shape (bench/import-cfr.ts), with a `tweak` to show that the digest moves. */
function syntheticCfr(n: number, tweak = ''): string {
  const file = path.join(tmp, `cfr${tweak ? '-tweaked' : ''}.csv`);
  const VICTIMS = ['The Bundestag (German parliament)', 'Ukrainian power distribution companies', "The United Kingdom's National Health Service", 'Government of France', 'Estonian government and banks', 'Ministry of Foreign Affairs of Poland', 'Banks in South Korea', 'Servers in the Netherlands', 'Human rights activists', 'Albanian government networks', 'NATO and EU institutions', ''];
  const SPONSORS = ['Russian Federation', 'China', "Korea (Democratic People's Republic of)", 'Iran (Islamic Republic of)', 'Unknown', '', 'Russian Federation, Belarus'];
  const TYPES = ['Espionage', 'Sabotage', 'Data destruction', 'Denial of service', 'Defacement', 'Doxing', 'Financial theft', 'Hack back'];
  const CATEGORIES = ['Government', 'Private sector', 'Civil society', 'Military', 'Government, Private sector', ''];
  const RESPONSES = ['', '', '', 'Denouncement https://example.org/statement', 'Sanctions https://example.org/sanctions', 'Criminal charges https://example.org/charges', 'Denouncement, Sanctions'];
  const AFFILIATIONS = ['APT 28, Fancy Bear', 'Sandworm', 'Lazarus Group', 'APT 10', ''];
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [CFR_COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    const date = i % 97 === 5 ? 'sometime' : `${(i % 12) + 1}/${(i % 28) + 1}/${2005 + (i % 18)}`;
    const row = [`Operation ${i}: intrusion number ${i}${tweak}`, date, pick(AFFILIATIONS, i), 'Intruders took data from networks of the victim over several months.', pick(RESPONSES, i * 7), pick(VICTIMS, i * 3), pick(SPONSORS, i * 5), pick(TYPES, i), pick(CATEGORIES, i * 11), `https://example.org/source/${i % 50}`, i % 3 ? '' : 'https://www.gov.uk/news', ''];
    lines.push(row.map(cell).join(','));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const RELEASE = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'];
const HAS_FULL_EUREPOC = fullDataset('the full EuRepoC 1.1 release', path.join(FULL_EUREPOC, RELEASE[0]!));
const HAS_FULL_STIX = fullDataset('every OASIS STIX example', FULL_STIX);

describe('format mappers give the recorded answers', () => {
  const seen: Record<string, string> = {};
  /** Compares with the recorded digest; CYBERDIPLO_RECORD_MAPPING=1 prints the digests to record instead. */
  const check = (name: string, value: string) => {
    seen[name] = value;
    if (process.env.CYBERDIPLO_RECORD_MAPPING) return;
    expect({ [name]: value }).toEqual({ [name]: recorded[name] });
  };
  afterAll(() => {
    if (process.env.CYBERDIPLO_RECORD_MAPPING) fs.writeFileSync(process.env.CYBERDIPLO_RECORD_MAPPING, `${JSON.stringify(seen, null, 2)}\n`);
  });

  it('every STIX example bundle in the fixtures, one import each and all in one import (lenient and strict)', async () => {
    const files = jsonFiles(STIX);
    expect(files.length).toBeGreaterThan(20);
    const json: string[] = [];
    for (const f of files) {
      const answer = await mapStix([f]);
      check(`stix/${path.relative(STIX, f)}`, answer);
      if (!answer.startsWith('refused')) json.push(f);
    }
    check('stix/(all fixtures)', await mapStix(json));
    check('stix/(all fixtures, strict)', await mapStix(json, true));
  });

  it.runIf(HAS_FULL_STIX)('every OASIS STIX example of the full datasets in one import', async () => {
    const files: string[] = [];
    for (const f of jsonFiles(FULL_STIX).filter((x) => !x.includes(`${path.sep}schemas${path.sep}`))) if (!(await mapStix([f])).startsWith('refused')) files.push(f);
    check('full stix/(all)', await mapStix(files));
  });

  it('synthetic STIX in the benchmark shape, and a change of one name moves the answer', async () => {
    const plain = await mapStix([syntheticStix(600)]);
    check('stix/(synthetic 600)', plain);
    expect(await mapStix([syntheticStix(600, ' x')])).not.toBe(plain);
  });

  it('the EuRepoC sample', async () => {
    check('eurepoc/(sample)', await mapEurepocFiles(RELEASE.map((f) => path.join(EUREPOC, f))));
  });

  it.runIf(HAS_FULL_EUREPOC)('the full EuRepoC 1.1 release, and without its attribution file', async () => {
    check('eurepoc/(full release)', await mapEurepocFiles(RELEASE.map((f) => path.join(FULL_EUREPOC, f))));
    check('eurepoc/(full release, no attribution file)', await mapEurepocFiles([RELEASE[0]!, RELEASE[2]!].map((f) => path.join(FULL_EUREPOC, f))));
  });

  it('the CFR sample and synthetic CFR rows in the benchmark shape; a change of one title moves the answer', async () => {
    check('cfr/(sample)', await mapCfrFile(path.join(FIXTURES, 'cfr-cyber-operations-sample.csv')));
    const plain = await mapCfrFile(syntheticCfr(800));
    check('cfr/(synthetic 800)', plain);
    expect(await mapCfrFile(syntheticCfr(800, ' x'))).not.toBe(plain);
  });
});
