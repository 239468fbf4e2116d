// Benchmark (not a test): a world-scale knowledge base, and the reads on it at 10, 50 and 193 partners.
// For each size it writes a data folder (the reviewed files, the ten strategic partners, then partner states made
// from them: each a copy of one of the ten's files under a new country code, with its dated records repeated so that
// 193 partners hold ~100,000 dated facts), adds dialogues between partner states (a ring and chords, so the network
// has edges among states and not only with the EU), seeds a fresh database from it and imports a synthetic CFR file
// of incidents whose victims and sponsors are those states (100,000 at 193, in proportion below). Then it times
// each read in process, uncached: a partner profile, the assessment of one partner and of all (each at a new as-of
// date, so that no cached view answers), the instrument matrix, the network with its community detection, search,
// and the incident list with filters; and prints the time per read at each size with the growth from the smallest.
// The generated facts are copies: good for timing, not for reading.
// The incident reads are timed twice: for the single analyst (who sees every record) and for a signed-in user of
// another organisation, whose lists, counts and search are filtered by TLP in SQL; then the list route's kept whole
// answers for both, asked again at the same version and after a write (by another program, and by this process).
//   npx tsx bench/world.ts [--sizes 10,50,193] [--incidents 100000] [--facts 100000] [--db postgres://...] [--keep DIR] [--reuse DIR] [--incidents-only]
// With --db (a PostgreSQL server URL whose role may create databases), each size gets a database of its own, dropped
// at the end; without it, SQLite files in a temporary folder. --keep DIR keeps each size's data folder there (data-N)
// and its database: on SQLite the file DIR/world-N.db (e.g. for bench/reads.ts --db DIR/world-193.db --data
// DIR/data-193), on PostgreSQL the database cyberdiplo_world_N_<DIR's name>, replaced if it exists (for bench/reads.ts
// --db with that database's URL and --data DIR/data-N). --reuse DIR times
// the reads again on what a --keep DIR run left, without seeding or importing (migrations added since then run when
// the database is opened), e.g. to compare two versions of the code on the same data. --incidents-only times the
// incident reads alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import YAML from 'yaml';
import * as service from '../src/app/assessment-service';
import { ExchangeService } from '../src/app/exchange-service';
import { openWorkbench, type Workbench } from '../src/app/workbench';
import { projectRoot, readConfig } from '../src/config';
import { CFR_COLUMNS } from '../src/core/exchange/cfr';
import { countryNameOf } from '../src/core/exchange/country-names';
import { buildDataset } from '../src/core/kb/dataset';
import { listFacts } from '../src/core/kb/facts';
import { ISO_ALPHA2 } from '../src/core/toolbox/countries';
import { MEMBER_STATE_CODES } from '../src/core/toolbox/member-states';
import { readRawDataset } from '../src/store/dataset-files';
import { readSourceGrader } from '../src/store/source-grades-file';
import { withGrades } from '../src/core/sources/grades';
import { incidentPageWriter } from '../src/server/incident-page';
import { KeptPages } from '../src/server/kept-incident-pages';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? def) : def;
};
const SIZES = arg('sizes', '10,50,193').split(',').map(Number);
const WORLD = Math.max(...SIZES);
const INCIDENTS = Number(arg('incidents', '100000'));
const FACTS = Number(arg('facts', '100000'));
const DB = arg('db', '');
const REUSE = arg('reuse', '');
const KEEP = REUSE || arg('keep', '');
const INCIDENTS_ONLY = process.argv.includes('--incidents-only');
/** The name of a kept PostgreSQL database: the size and the keep folder's name. */
const keptName = (n: number) => `cyberdiplo_world_${n}_${path.basename(path.resolve(KEEP)).toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;

const STRATEGIC = ['BR', 'CA', 'CN', 'IN', 'JP', 'MX', 'RU', 'ZA', 'KR', 'US'];
/** Arrays of a partner file whose entries are dated records with ids of their own: what is repeated. */
const REPEATED = ['documents', 'dialogues', 'agreements', 'cooperation', 'tensions'];

type Yaml = Record<string, unknown>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-world-'));
if (KEEP) fs.mkdirSync(KEEP, { recursive: true });
const source = path.join(projectRoot, 'data');

/** Copies share nested objects: written out in full, never as YAML aliases. */
const dump = (value: unknown) => YAML.stringify(value, { aliasDuplicateObjects: false });

function readYaml(file: string): Yaml {
  return YAML.parse(fs.readFileSync(file, 'utf8')) as Yaml;
}

/** Every string equal to the template's id becomes the new id; ids starting with its lower-case code are renamed. */
function rename(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') {
    if (value === from) return to;
    const prefix = `${from.toLowerCase()}-`;
    return value.startsWith(prefix) ? `${to.toLowerCase()}-${value.slice(prefix.length)}` : value;
  }
  if (Array.isArray(value)) return value.map((v) => rename(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, from, to)]));
  return value;
}

/** `copies` more entries of each repeated array, each with `-w<n>` after its id. */
function repeat(file: Yaml, copies: number): Yaml {
  const out = { ...file };
  for (const key of REPEATED) {
    const list = file[key];
    if (!Array.isArray(list)) continue;
    const more: unknown[] = [];
    for (let c = 1; c <= copies; c++) for (const e of list as Yaml[]) more.push({ ...e, id: `${String(e.id)}-w${c}` });
    out[key] = [...list, ...more];
  }
  return out;
}

/** The partner states beyond the ten: non-EU country codes, in a fixed order. */
function stateCodes(taken: Set<string>): string[] {
  const eu = new Set(MEMBER_STATE_CODES);
  return ISO_ALPHA2.filter((c) => !eu.has(c) && !taken.has(c));
}

interface World {
  dataDir: string;
  partners: string[];
  facts: number;
}

/** The data folder of a world of `n` partners, with `copies` repetitions of each partner's dated records. */
function writeWorld(n: number, copies: number): World {
  const dataDir = path.join(dir, `data-${n}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(source, dataDir, { recursive: true });
  const partDir = path.join(dataDir, 'partnerships');
  const templates = new Map<string, Yaml>();
  for (const name of fs.readdirSync(partDir)) {
    if (name === 'shared-dialogues.yaml') continue;
    const file = readYaml(path.join(partDir, name));
    const id = String((file.partner as Yaml).id);
    if (STRATEGIC.includes(id)) templates.set(id, file);
    fs.rmSync(path.join(partDir, name));
  }
  const partners = [...STRATEGIC];
  const usedNumeric = new Set([...templates.values()].map((t) => String((t.partner as Yaml).isoNumeric)));
  for (const [id, file] of templates) fs.writeFileSync(path.join(partDir, `${id.toLowerCase()}.yaml`), dump(repeat(file, copies)));
  const codes = stateCodes(new Set(STRATEGIC));
  let numeric = 100;
  for (let k = 0; partners.length < n; k++) {
    const id = codes[k];
    if (!id) throw new Error(`no country code left for partner ${partners.length + 1}`);
    const tplId = STRATEGIC[k % STRATEGIC.length] as string;
    const file = rename(templates.get(tplId), tplId, id) as Yaml;
    while (usedNumeric.has(String(numeric))) numeric++;
    usedNumeric.add(String(numeric));
    file.partner = { ...(file.partner as Yaml), id, name: `${countryNameOf(id)} (generated)`, group: 'cyber-dialogue-partner', cyberDialogueSince: 2010 + (k % 12), isoNumeric: String(numeric) };
    fs.writeFileSync(path.join(partDir, `${id.toLowerCase()}.yaml`), dump(repeat(file, copies)));
    partners.push(id);
  }
  // Dialogues between partner states: each with the next one (a ring) and with one a third of the way round.
  const shared = readYaml(path.join(partDir, 'shared-dialogues.yaml'));
  const dialogues = ((shared.dialogues as Yaml[]) ?? []).filter((d) => (d.partners as string[]).every((p) => partners.includes(p)));
  const model = dialogues[0];
  if (model && n > STRATEGIC.length) {
    partners.slice(STRATEGIC.length).forEach((a, i, states) => {
      for (const b of [states[(i + 1) % states.length], states[(i + Math.floor(states.length / 3)) % states.length]]) {
        if (!b || b === a) continue;
        dialogues.push({ ...model, id: `world-${a.toLowerCase()}-${b.toLowerCase()}`, name: `Dialogue of ${a} and ${b} with the EU (generated)`, partners: [a, b] });
      }
    });
  }
  fs.writeFileSync(path.join(partDir, 'shared-dialogues.yaml'), dump({ ...shared, dialogues }));
  const facts = listFacts(buildDataset(readRawDataset(dataDir))).length;
  return { dataDir, partners, facts };
}

/** A CFR export of `rows` operations against the world's partner states, by others of them. */
function writeIncidents(partners: readonly string[], rows: number): string {
  const file = path.join(dir, `cfr-${partners.length}.csv`);
  const out = fs.openSync(file, 'w');
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const types = ['Espionage', 'Sabotage', 'Data destruction', 'Denial of service', 'Defacement', 'Doxing', 'Financial theft'];
  const categories = ['Government', 'Private sector', 'Civil society', 'Military'];
  fs.writeSync(out, `${CFR_COLUMNS.join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    const victim = countryNameOf(partners[i % partners.length] as string);
    const sponsor = countryNameOf(partners[(i * 7 + 3) % partners.length] as string);
    const date = `${(i % 12) + 1}/${(i % 28) + 1}/${2005 + (i % 19)}`;
    const row = [`Operation ${i} against ${victim}`, date, '', `Intrusion number ${i} into networks in ${victim}.`, i % 5 === 0 ? 'Denouncement https://example.org/statement' : '', `Government of ${victim}`, sponsor, types[i % types.length], categories[i % categories.length], `https://example.org/source/${i}`, '', ''];
    fs.writeSync(out, `${row.map((c) => cell(c ?? '')).join(',')}\n`);
  }
  fs.closeSync(out);
  return file;
}

async function database(n: number): Promise<{ target: string; drop(): Promise<void> }> {
  if (!DB) {
    const target = path.join(KEEP || dir, `world-${n}.db`);
    if (KEEP && !REUSE) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    return { target, drop: async () => {} };
  }
  const name = KEEP ? keptName(n) : `cyberdiplo_world_${n}_${process.pid}`;
  if (!REUSE) {
    const admin = new pg.Client({ connectionString: DB });
    await admin.connect();
    if (KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(DB);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    drop: async () => {
      if (KEEP) return;
      const c = new pg.Client({ connectionString: DB });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** CPU milliseconds of this process per call, beside the wall time, for each read (the machine may be shared). */
const cpuOf = new Map<string, number>();

/**
 * Milliseconds per call over `n` calls (each call may take its index, e.g. for a new as-of date); `prepare`, when
 * given, runs before each call, untimed.
 */
async function perCall(n: number, fn: (i: number) => Promise<unknown>, label?: string, prepare?: () => Promise<unknown>): Promise<number> {
  await prepare?.();
  await fn(0); // warm: loads the dataset and compiles the code paths
  let wall = 0;
  let cpu = 0;
  for (let i = 1; i <= n; i++) {
    await prepare?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await fn(i);
    const c = process.cpuUsage(c0);
    wall += performance.now() - t0;
    cpu += (c.user + c.system) / 1000;
  }
  if (label) cpuOf.set(label, cpu / n);
  return wall / n;
}

/**
 * Moves the incident version as any write of an incident, marking or import link does (migration 0095), so that
 * the next list recounts instead of answering from the kept count; undefined before that migration.
 */
async function versionMover(wb: Workbench): Promise<(() => Promise<unknown>) | undefined> {
  try {
    await sql`SELECT version FROM incident_version`.execute(wb.db);
  } catch {
    return undefined;
  }
  return () => sql`UPDATE incident_version SET version = version + 1 WHERE id = 1`.execute(wb.db);
}

/** The incident the in-process reads record as a write of their own (as bench/reads.ts --write-every does). */
const OWN_WRITE = { title: 'Written during the world reads', start: '2026-03-01', ongoing: true, category: 'hybrid', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high' }, initiator: { type: 'state-sponsored', country: 'RU' }, tlp: 'clear' };

/** A different as-of date for each call (a day apart, from 2020), so that no cached view answers. */
const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

async function reads(wb: Workbench, partners: readonly string[]): Promise<Map<string, number>> {
  const r = new Map<string, number>();
  if (!INCIDENTS_ONLY) await knowledgeBaseReads(wb, partners, r);
  return incidentReads(wb, r);
}

async function knowledgeBaseReads(wb: Workbench, partners: readonly string[], r: Map<string, number>): Promise<void> {
  // The same partner at every size (Mexico, one of the ten): the middle of the list is another partner at each size,
  // whose own records decide the cost (at 193 a copy whose answer is five times Mexico's), not the world's size.
  const one = partners.includes('MX') ? 'MX' : (partners[Math.floor(partners.length / 2)] as string);
  r.set('partner profile', await perCall(20, (i) => wb.partner(partners[i % partners.length] as string, day(i)), 'partner profile'));
  r.set('assessment of one partner', await perCall(20, (i) => service.assess(wb, one, day(i)), 'assessment of one partner'));
  r.set('assessment of all partners', await perCall(3, (i) => service.assess(wb, undefined, day(i)), 'assessment of all partners'));
  r.set('instrument matrix', await perCall(10, (i) => wb.matrix(day(i)), 'instrument matrix'));
  r.set('network (with blocs)', await perCall(3, (i) => service.network(wb, 'json', day(i)), 'network (with blocs)'));
  r.set('search', await perCall(20, (i) => wb.search(i % 2 ? 'cyber dialogue' : 'Budapest Convention', {}), 'search'));
}

async function incidentReads(wb: Workbench, r: Map<string, number>): Promise<Map<string, number>> {
  const local = { kind: 'local', org: null } as const;
  // A signed-in user of another organisation than the importing one: sees CLEAR and GREEN records, not AMBER.
  const user = { kind: 'user', id: 'world-reader', username: 'world-reader', role: 'analyst', org: 'FI', via: 'session' } as const;
  r.set('incident list, filtered', await perCall(20, (i) => wb.toolbox.list(local, { category: i % 2 ? 'cyber-espionage' : 'hybrid', limit: '50', offset: String((i % 10) * 50) }), 'incident list, filtered'));
  // Brazil's name: a word found in the same number of incidents (its victims and sponsors) at every size, where a
  // partner state's might be a bare code of two letters (no trigrams; "IO" is in almost every incident's text).
  const q = countryNameOf('BR');
  r.set('incident search (q)', await perCall(5, () => wb.toolbox.list(local, { q, limit: '50' }), 'incident search (q)'));
  r.set('incident list, filtered, TLP', await perCall(20, (i) => wb.toolbox.list(user, { category: i % 2 ? 'cyber-espionage' : 'hybrid', limit: '50', offset: String((i % 10) * 50) }), 'incident list, filtered, TLP'));
  r.set('incident list, all, TLP', await perCall(10, (i) => wb.toolbox.list(user, { limit: '50', offset: String((i % 10) * 50) }), 'incident list, all, TLP'));
  r.set('incident search (q), TLP', await perCall(5, () => wb.toolbox.list(user, { q, limit: '50' }), 'incident search (q), TLP'));
  // The lists above keep their counts between calls (nothing is written meanwhile): the same reads after a write,
  // which makes them count again.
  const written = await versionMover(wb);
  if (written) {
    r.set('list, filtered, TLP, after write', await perCall(10, (i) => wb.toolbox.list(user, { category: i % 2 ? 'cyber-espionage' : 'hybrid', limit: '50', offset: String((i % 10) * 50) }), 'list, filtered, TLP, after write', written));
    r.set('list, all, TLP, after write', await perCall(10, (i) => wb.toolbox.list(user, { limit: '50', offset: String((i % 10) * 50) }), 'list, all, TLP, after write', written));
    r.set('search (q), TLP, after write', await perCall(5, () => wb.toolbox.list(user, { q, limit: '50' }), 'search (q), TLP, after write', written));
  }
  // The same after a write of this process (a CLEAR hybrid incident recorded through the service), which carries the
  // kept counts and pages it leaves as they were to its version (incident-counts.ts, kept-incident-pages.ts).
  const own = written && (() => wb.toolbox.create(local, OWN_WRITE));
  if (own) {
    // Each count counted once at the version now, as a reader who has been reading finds them.
    for (const f of [{ category: 'cyber-espionage' }, { category: 'hybrid' }, {}, { q }]) await wb.toolbox.list(user, { ...f, limit: '50' });
    r.set('list, filtered, TLP, after own write', await perCall(10, (i) => wb.toolbox.list(user, { category: i % 2 ? 'cyber-espionage' : 'hybrid', limit: '50', offset: String((i % 10) * 50) }), 'list, filtered, TLP, after own write', own));
    r.set('list, all, TLP, after own write', await perCall(10, (i) => wb.toolbox.list(user, { limit: '50', offset: String((i % 10) * 50) }), 'list, all, TLP, after own write', own));
    r.set('search (q), TLP, after own write', await perCall(5, () => wb.toolbox.list(user, { q, limit: '50' }), 'search (q), TLP, after own write', own));
  }
  await keptPageReads(wb, r, written, own);
  return r;
}

/**
 * The list route's whole answers kept per incident version, reader and query (src/server/kept-incident-pages.ts), called
 * as the route calls them, without the HTTP layer: ten pages asked once, then again at the same version (kept), then
 * each after a write (read again: the page written from the stored bodies, its tag, two readings of the version).
 */
async function keptPageReads(wb: Workbench, r: Map<string, number>, written: (() => Promise<unknown>) | undefined, own?: () => Promise<unknown>): Promise<void> {
  const grader = readSourceGrader(wb.config.dataDir);
  const writer = incidentPageWriter(<T,>(v: T): T => withGrades(v, grader));
  const kept = new KeptPages(undefined, () => wb.toolbox.incidentWritesSettled());
  wb.toolbox.onIncidentChange((change) => kept.carry(change));
  const local = { kind: 'local', org: null } as const;
  const user = { kind: 'user', id: 'world-reader', username: 'world-reader', role: 'analyst', org: 'FI', via: 'session' } as const;
  const q = countryNameOf('BR');
  const queries = (i: number) => (i % 3 === 2 ? { q, limit: '50' } : { category: i % 2 ? 'cyber-espionage' : 'hybrid', limit: '50', offset: String((i % 10) * 50) });
  for (const [who, p] of [['single analyst', local], ['TLP', user]] as const) {
    const answer = (i: number) => kept.answer(() => wb.toolbox.incidentVersion(), wb.toolbox.listKey(p, queries(i)), async () => writer.write(await wb.toolbox.listStored(p, queries(i))), wb.toolbox.listScope(p, queries(i)));
    for (let i = 0; i < 10; i++) await answer(i);
    r.set(`kept page, ${who}`, await perCall(100, (i) => answer(i % 10), `kept page, ${who}`));
    if (written) r.set(`kept page, ${who}, after write`, await perCall(10, (i) => answer(i), `kept page, ${who}, after write`, written));
    if (own) for (let i = 0; i < 10; i++) await answer(i);
    if (own) r.set(`kept page, ${who}, after own write`, await perCall(10, (i) => answer(i), `kept page, ${who}, after own write`, own));
  }
}

/** The partners of a world of `n` (as writeWorld chooses them), for timing the reads on a kept one. */
function partnersOf(n: number): string[] {
  return [...STRATEGIC, ...stateCodes(new Set(STRATEGIC)).slice(0, Math.max(0, n - STRATEGIC.length))];
}

/** The reads only, on the databases and data folders of an earlier --keep run. */
async function reuse() {
  console.log(`world (reused from ${KEEP}): ${SIZES.join(', ')} partners; ${DB ? 'PostgreSQL' : 'SQLite'}; ${os.cpus().length} cores (shared), Node ${process.version}`);
  for (const n of SIZES) {
    const db = await database(n);
    const t0 = performance.now();
    const wb = await openWorkbench({ ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dataDir: path.join(KEEP, `data-${n}`), dbPath: db.target });
    console.log(`\n${n} partners (opened in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const r = await reads(wb, partnersOf(n));
    for (const [label, ms] of r) console.log(`  ${label.padEnd(30)} ${ms.toFixed(2).padStart(9)} ms  (CPU of this process ${(cpuOf.get(label) ?? 0).toFixed(2).padStart(9)} ms)`);
    console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    await wb.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  if (REUSE) return reuse();
  // Dated records per partner file at one copy, to choose how many copies give FACTS at the largest size.
  const none = writeWorld(WORLD, 0).facts;
  const perCopy = writeWorld(WORLD, 1).facts - none;
  const copies = Math.max(0, Math.round((FACTS - none) / Math.max(1, perCopy)));
  console.log(`world: ${SIZES.join(', ')} partners; ${copies} repetitions of each partner's dated records; incidents ${INCIDENTS} at ${WORLD} partners, in proportion below; ${DB ? 'PostgreSQL' : 'SQLite'}; ${os.cpus().length} cores (shared), Node ${process.version}`);
  const results = new Map<number, Map<string, number>>();
  for (const n of SIZES) {
    const world = writeWorld(n, copies);
    if (KEEP) fs.cpSync(world.dataDir, path.join(KEEP, `data-${n}`), { recursive: true });
    const db = await database(n);
    try {
      const t0 = performance.now();
      const wb = await openWorkbench({ ...readConfig({ CYBERDIPLO_ORG: 'EE' }), dataDir: world.dataDir, dbPath: db.target });
      const seeded = (performance.now() - t0) / 1000;
      const rows = Math.round((INCIDENTS * n) / WORLD);
      const t1 = performance.now();
      const report = await new ExchangeService(wb).importFiles({ kind: 'local', org: 'EE' }, 'cfr', [writeIncidents(world.partners, rows)]);
      const imported = (performance.now() - t1) / 1000;
      console.log(`\n${n} partners: ${world.facts} dated facts (seeded in ${seeded.toFixed(1)} s), ${report.written.incident.created} incidents (imported in ${imported.toFixed(1)} s)`);
      const r = await reads(wb, world.partners);
      for (const [label, ms] of r) console.log(`  ${label.padEnd(30)} ${ms.toFixed(2).padStart(9)} ms  (CPU of this process ${(cpuOf.get(label) ?? 0).toFixed(2).padStart(9)} ms)`);
      console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
      results.set(n, r);
      console.log(`  RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
      await wb.close();
    } finally {
      await db.drop();
    }
  }
  const small = SIZES[0] as number;
  const base = results.get(small);
  console.log(`\ngrowth of the time per read from ${small} partners (partners grow ${SIZES.map((n) => `${(n / small).toFixed(1)}x`).join(', ')}; linear work grows as much, quadratic work as the square)`);
  console.log(`  ${'read'.padEnd(30)} ${SIZES.map((n) => `${n} partners`.padStart(13)).join('')}`);
  for (const label of base?.keys() ?? []) {
    const b = base?.get(label) ?? 1;
    console.log(`  ${label.padEnd(30)} ${SIZES.map((n) => `${((results.get(n)?.get(label) ?? 0) / b).toFixed(1)}x`.padStart(13)).join('')}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
