// Benchmark (not a test): the format mappers alone, without the database, timed by CPU time: STIX, the streamed read
// with each object's checks, then finish() (references across the bundle and the mapping); CFR, each row mapped as it
// is read (CfrMapping, as the import does); EuRepoC, the rows read, then mapEurepoc. The data is that of import-stix.ts
// and import-cfr.ts (generated in a temporary folder) or the EuRepoC 1.1 release. Prints CPU seconds, peak RSS and a
// digest of the batch with its report, so that two versions of the mappers can be compared on the same input.
// Run: npx tsx bench/import-mapping.ts stix [objects=100000] | cfr [rows=100000] | eurepoc <folder> [runs=3]   (TZ=UTC)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stixValidator } from '../src/app/exchange-service';
import { CfrMapping, EurepocRows, ReportBuilder, StixImport, mapEurepoc, newReport } from '../src/core/exchange/index';
import { streamCsvFile, streamEurepocFile, streamJsonFile } from '../src/store/exchange-files';
import { mappingInputs } from './mapping-inputs';
import { writeCfrCsv, writeStixBundle } from './synthetic';

const format = process.argv[2] ?? 'stix';
const { vocabulary, tables, cfrTable, sha1 } = mappingInputs();
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
/**
 * The process's peak resident set so far, the kernel's count (as /usr/bin/time reports it), read before the digest is
 * built. A timer sampling memoryUsage() does not fire while a mapping runs synchronously and missed its peak.
 */
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const load = () => os.loadavg()[0]?.toFixed(1);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** The bundle of import-stix.ts. */
function stixBundle(n: number): string {
  const file = path.join(tmp, 'bundle.json');
  writeStixBundle(file, n);
  return file;
}

/** The export of import-cfr.ts. */
function cfrFile(n: number): string {
  const file = path.join(tmp, 'cfr.csv');
  writeCfrCsv(file, n);
  return file;
}

if (format === 'stix') {
  const n = Number(process.argv[3] ?? 100_000);
  const file = stixBundle(n);
  const report = newReport('stix', [path.basename(file)], false);
  const job = new StixImport({ validator: stixValidator(), vocabulary, report: new ReportBuilder(report), strict: false, sha1, tables });
  const c0 = cpu();
  await streamJsonFile(file, { object: (o) => job.add(o), top: (top) => job.envelope(top) });
  const c1 = cpu();
  const batch = job.finish();
  const c2 = cpu();
  console.log(`stix, ${n} objects (load ${load()}): read and check ${(c1 - c0).toFixed(2)} s CPU, finish (references, map) ${(c2 - c1).toFixed(2)} s CPU; peak RSS ${mb(maxRss())}; digest ${digest({ batch, report })}`);
} else if (format === 'cfr') {
  const n = Number(process.argv[3] ?? 100_000);
  const file = cfrFile(n);
  const report = newReport('cfr', [path.basename(file)], false);
  // As the import maps them: each row as it is read, none kept.
  const mapping = new CfrMapping(vocabulary, new ReportBuilder(report), tables, cfrTable, sha1);
  const c0 = cpu();
  await streamCsvFile(file, (row, line) => mapping.row(line, row));
  const batch = mapping.finish();
  const c1 = cpu();
  console.log(`cfr, ${n} rows (load ${load()}): read and map ${(c1 - c0).toFixed(2)} s CPU; peak RSS ${mb(maxRss())}; digest ${digest({ batch, report })}`);
} else if (format === 'eurepoc') {
  const folder = process.argv[3] ?? '';
  const files = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(folder, f));
  if (!files.every((f) => fs.existsSync(f))) {
    console.error('Give the folder holding the three EuRepoC 1.1 files: npx tsx bench/import-mapping.ts eurepoc <folder>');
    process.exit(2);
  }
  const rows = new EurepocRows();
  for (const file of files) await streamEurepocFile(file, rows);
  // The first run is the import's case (a fresh process); later runs show the mapping once compiled.
  for (let k = 0; k < Number(process.argv[4] ?? 3); k++) {
    const report = newReport('eurepoc', files.map((f) => path.basename(f)), false);
    const c0 = cpu();
    const batch = mapEurepoc(rows, vocabulary, new ReportBuilder(report), tables, sha1);
    const c1 = cpu();
    console.log(`eurepoc, ${rows.incidents.length} incidents, run ${k + 1} (load ${load()}): map ${(c1 - c0).toFixed(2)} s CPU; peak RSS ${mb(maxRss())}; digest ${digest({ batch, report })}`);
  }
} else {
  console.error('Name the format: stix, cfr or eurepoc');
  process.exit(2);
}
