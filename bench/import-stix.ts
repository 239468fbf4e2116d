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

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'bundle.json');

const uuid = (i: number, salt: number) => {
  const h = (i * 2654435761 + salt * 40503).toString(16).padStart(8, '0').slice(-8);
  return `${h}-${(i % 65536).toString(16).padStart(4, '0')}-4${(salt % 4096).toString(16).padStart(3, '0')}-8${(i % 4096).toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`;
};

function generate() {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `{"type":"bundle","id":"bundle--${uuid(1, 99)}","objects":[\n`);
  const t = '2024-01-01T00:00:00.000Z';
  const amber = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
  let first = true;
  const put = (o: object) => {
    fs.writeSync(out, `${first ? '' : ',\n'}${JSON.stringify(o)}`);
    first = false;
  };
  put({ type: 'location', spec_version: '2.1', id: `location--${uuid(0, 7)}`, created: t, modified: t, name: 'Estonia', country: 'EE' });
  // A realistic mix: a quarter threat actors / intrusion sets, a quarter incidents, half relationships.
  for (let i = 0; i < N / 4; i++) {
    const actor = `intrusion-set--${uuid(i, 1)}`;
    const incident = `incident--${uuid(i, 2)}`;
    put({ type: 'intrusion-set', spec_version: '2.1', id: actor, created: t, modified: t, name: `Set ${i}`, aliases: [`Alias ${i}`], description: 'Generated for the benchmark. '.repeat(4), object_marking_refs: [amber] });
    put({ type: 'incident', spec_version: '2.1', id: incident, created: t, modified: t, name: `Incident ${i}`, description: 'A generated incident with a paragraph of text. '.repeat(6), labels: ['cyber-espionage'], object_marking_refs: [amber] });
    put({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 3)}`, created: t, modified: t, relationship_type: 'targets', source_ref: incident, target_ref: `location--${uuid(0, 7)}` });
    put({ type: 'relationship', spec_version: '2.1', id: `relationship--${uuid(i, 4)}`, created: t, modified: t, relationship_type: 'attributed-to', source_ref: incident, target_ref: actor, confidence: 60 });
  }
  fs.writeSync(out, '\n]}\n');
  fs.closeSync(out);
}

generate();
await runImportBench({ format: 'stix', files: [file], units: N, unit: 'object', jsonTwin: file }, dir);
fs.rmSync(dir, { recursive: true, force: true });
