// Synthetic import files shared by the import benchmarks (import-stix.ts, import-cfr.ts, import-mapping.ts), so that
// the mapping alone and the whole import are timed on the same data. Generated, not real: good for timing only.
import fs from 'node:fs';
import { CFR_COLUMNS } from '../src/core/exchange/cfr';

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length] as T;

/** A well-formed, deterministic UUID-like id for object `i` of a kind (`salt`). */
export const stixUuid = (i: number, salt: number) => {
  const h = (i * 2654435761 + salt * 40503).toString(16).padStart(8, '0').slice(-8);
  return `${h}-${(i % 65536).toString(16).padStart(4, '0')}-4${(salt % 4096).toString(16).padStart(3, '0')}-8${(i % 4096).toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`;
};

/**
 * Writes a STIX 2.1 bundle of about `n` objects: one location, then a quarter intrusion sets, a quarter incidents
 * (TLP:AMBER) and half relationships (each incident targets the location and is attributed to its set).
 */
export function writeStixBundle(file: string, n: number): void {
  const uuid = stixUuid;
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
  for (let i = 0; i < n / 4; i++) {
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

const VICTIMS = ['The Bundestag (German parliament)', 'Ukrainian power distribution companies', "The United Kingdom's National Health Service", 'Government of France', 'Estonian government and banks', 'Ministry of Foreign Affairs of Poland', 'Banks in South Korea', 'Servers in the Netherlands', 'Human rights activists'];
const SPONSORS = ['Russian Federation', 'China', "Korea (Democratic People's Republic of)", 'Iran (Islamic Republic of)', 'Unknown', ''];
const TYPES = ['Espionage', 'Sabotage', 'Data destruction', 'Denial of service', 'Defacement', 'Doxing', 'Financial theft'];
const CATEGORIES = ['Government', 'Private sector', 'Civil society', 'Military', 'Government, Private sector'];
const RESPONSES = ['', '', '', 'Denouncement https://example.org/statement', 'Sanctions https://example.org/sanctions', 'Criminal charges https://example.org/charges'];
const AFFILIATIONS = ['APT 28, Fancy Bear', 'Sandworm', 'Lazarus Group', 'APT 10', ''];

/** Row `i` of a CFR Cyber Operations Tracker export, in the order of CFR_COLUMNS. */
export function cfrRow(i: number): string[] {
  const date = `${(i % 12) + 1}/${(i % 28) + 1}/${2005 + (i % 18)}`;
  return [`Operation ${i}: intrusion number ${i}`, date, pick(AFFILIATIONS, i), 'Intruders took data from networks of the victim over several months. '.repeat(2).trim(), pick(RESPONSES, i * 7), pick(VICTIMS, i * 3), pick(SPONSORS, i * 5), pick(TYPES, i), pick(CATEGORIES, i * 11), `https://example.org/source/${i}`, '', ''];
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes a CFR export of `n` rows; with `twin`, also the same rows as one JSON array (header first). */
export function writeCfrCsv(file: string, n: number, twin?: string): void {
  const rows: string[][] = [];
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${CFR_COLUMNS.join(',')}\n`);
  for (let i = 0; i < n; i++) {
    const row = cfrRow(i);
    if (twin) rows.push(row);
    fs.writeSync(out, `${row.map(cell).join(',')}\n`);
  }
  fs.closeSync(out);
  if (twin) fs.writeFileSync(twin, JSON.stringify([CFR_COLUMNS, ...rows]));
}
