// Benchmark (not a test): the EuRepoC import of release 1.1 (all 1,643 incidents with the attribution and receiver
// files), with the baseline, where the time goes and an unchanged re-import (bench/import-run.ts).
// Run: npx tsx bench/import-eurepoc.ts <folder with the three EuRepoC_*_1.1.csv files>   (TZ=UTC)
// The files are not in the repository (see tests/fixtures/README.md for where to get them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvReader } from '../src/core/exchange/csv';
import { runImportBench } from './import-run';

const folder = process.argv[2];
const NAMES = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'];
const files = folder ? NAMES.map((n) => path.join(folder, n)) : [];
if (!folder || !files.every((f) => fs.existsSync(f))) {
  console.error(`Give the folder holding ${NAMES.join(', ')} (EuRepoC release 1.1): npx tsx bench/import-eurepoc.ts <folder>`);
  process.exit(2);
}

/** Every file's records as JSON arrays of cells, for the JSON.parse baseline over the same data. */
function jsonTwin(dir: string): { file: string; incidents: number } {
  const out: string[][][] = [];
  for (const f of files) {
    const r = new CsvReader();
    out.push([...r.push(fs.readFileSync(f, 'utf8')), ...r.end()].map((x) => x.cells));
  }
  const file = path.join(dir, 'twin.json');
  fs.writeFileSync(file, JSON.stringify(out));
  return { file, incidents: (out[0]?.length ?? 1) - 1 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const twin = jsonTwin(dir);
await runImportBench({ format: 'eurepoc', files, units: twin.incidents, unit: 'incident', jsonTwin: twin.file }, dir);
fs.rmSync(dir, { recursive: true, force: true });
