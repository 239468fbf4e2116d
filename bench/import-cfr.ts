// Benchmark (not a test): generates a synthetic CFR Cyber Operations Tracker export (rows varied from realistic
// victims, sponsors, types, categories and responses), then measures the baseline, the import with where its time
// goes and an unchanged re-import (bench/import-run.ts).
// Run: npx tsx bench/import-cfr.ts [rows=100000]   (TZ=UTC; writes to a temporary folder)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImportBench } from './import-run';
import { writeCfrCsv } from './synthetic';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'cfr.csv');
const twin = path.join(dir, 'twin.json');

writeCfrCsv(file, N, twin);
await runImportBench({ format: 'cfr', files: [file], units: N, unit: 'row', jsonTwin: twin }, dir);
fs.rmSync(dir, { recursive: true, force: true });
