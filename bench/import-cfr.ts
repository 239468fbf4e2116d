// Benchmark (not a test): generates a synthetic CFR Cyber Operations Tracker export (rows varied from realistic
// victims, sponsors, types, categories and responses), then measures the baseline, the import with where its time
// goes and an unchanged re-import (bench/import-run.ts).
// Run: npx tsx bench/import-cfr.ts [rows=100000]   (TZ=UTC; writes to a temporary folder)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CFR_COLUMNS } from '../src/core/exchange/cfr';
import { runImportBench } from './import-run';

const N = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
const file = path.join(dir, 'cfr.csv');
const twin = path.join(dir, 'twin.json');

const VICTIMS = ['The Bundestag (German parliament)', 'Ukrainian power distribution companies', "The United Kingdom's National Health Service", 'Government of France', 'Estonian government and banks', 'Ministry of Foreign Affairs of Poland', 'Banks in South Korea', 'Servers in the Netherlands', 'Human rights activists'];
const SPONSORS = ['Russian Federation', 'China', "Korea (Democratic People's Republic of)", 'Iran (Islamic Republic of)', 'Unknown', ''];
const TYPES = ['Espionage', 'Sabotage', 'Data destruction', 'Denial of service', 'Defacement', 'Doxing', 'Financial theft'];
const CATEGORIES = ['Government', 'Private sector', 'Civil society', 'Military', 'Government, Private sector'];
const RESPONSES = ['', '', '', 'Denouncement https://example.org/statement', 'Sanctions https://example.org/sanctions', 'Criminal charges https://example.org/charges'];
const AFFILIATIONS = ['APT 28, Fancy Bear', 'Sandworm', 'Lazarus Group', 'APT 10', ''];

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length] as T;

function generate() {
  const rows: string[][] = [];
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${CFR_COLUMNS.join(',')}\n`);
  for (let i = 0; i < N; i++) {
    const date = `${(i % 12) + 1}/${(i % 28) + 1}/${2005 + (i % 18)}`;
    const row = [`Operation ${i}: intrusion number ${i}`, date, pick(AFFILIATIONS, i), 'Intruders took data from networks of the victim over several months. '.repeat(2).trim(), pick(RESPONSES, i * 7), pick(VICTIMS, i * 3), pick(SPONSORS, i * 5), pick(TYPES, i), pick(CATEGORIES, i * 11), `https://example.org/source/${i}`, '', ''];
    rows.push(row);
    fs.writeSync(out, `${row.map(cell).join(',')}\n`);
  }
  fs.closeSync(out);
  fs.writeFileSync(twin, JSON.stringify([CFR_COLUMNS, ...rows]));
}

generate();
await runImportBench({ format: 'cfr', files: [file], units: N, unit: 'row', jsonTwin: twin }, dir);
fs.rmSync(dir, { recursive: true, force: true });
