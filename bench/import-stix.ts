// Benchmark (not a test): generates a large STIX 2.1 bundle, then measures JSON.parse of the same file, the
// streamed import (check + map + plan + one transaction writing records, links, markings and an audit entry per
// record) with where its time goes, and a second, unchanged import, with CPU time and peak RSS (bench/import-run.ts).
// Run: npx tsx bench/import-stix.ts [objects=100000]   (TZ=UTC; writes to a temporary folder)
//
// Earlier readings (200,000 objects, 83 MB, 150,000 records, SQLite, 2 shared cores, Node 20):
//   one INSERT/SELECT per record, stream-json:            63.7 s (3,142 objects/s), peak RSS 707 MB; re-import 24.0 s
//   multi-row statements, element-wise JSON.parse, audit:  38.5 s (5,192 objects/s), peak RSS 918 MB; re-import 23.3 s
// Results at 100,000 objects are in bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImportBench } from './import-run';
import { writeStixBundle } from './synthetic';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'bundle.json');

writeStixBundle(file, N);
await runImportBench({ format: 'stix', files: [file], units: N, unit: 'object', jsonTwin: file }, dir);
fs.rmSync(dir, { recursive: true, force: true });
