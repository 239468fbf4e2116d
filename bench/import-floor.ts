// Benchmark (not a test): the floor of a first import, what goal 3's share of JSON.parse's rate can reach at all when
// the import does no more than read its input and store its records. For the synthetic files of import-cfr.ts and
// import-stix.ts (100,000 CFR rows, 100,000 STIX objects), the records are mapped first, outside the timing, as the
// product maps them; then each variant is timed: JSON.parse of the same data (the goal's baseline) plus the inserts of
// each record's stored text (JSON of its body) into one SQLite table with a primary key, in one transaction, through
// one prepared statement, into a fresh file opened as the product opens it (WAL; the commit copies nothing into the
// file, as a large import's does); then the same with the product's other per-record rows added one at a time: an
// incident's history entry (its first, without a copy of the body), the incident search index (contentless FTS5
// trigram index of the body's search text, as migrations 0070, 0100 and 0101 declare it), the audit entry (the canonical
// JSON of the record's marking and source and of the SHA-256 of its body's canonical JSON, chained by SHA-256 to the
// entry before, as an import's entries are), and the link and marking rows (by record id, as the store keys them: the
// source key, the import's details and the SHA-256 of body and marking; the record's TLP). Making the stored text (JSON.stringify of each
// mapped body) is timed apart and not in the variants. Each variant is run `runs` times in turn; the
// medians are printed with the share of JSON.parse's rate each leaves (JSON.parse's time over the variant's, by wall
// and by CPU time of the process).
// Run: TZ=UTC node --expose-gc --import tsx bench/import-floor.ts [cfr|stix|both] [units=100000] [runs=3]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { stixValidator } from '../src/app/exchange-service';
import { canonicalJson } from '../src/core/audit/canonical-json';
import { CfrMapping, ReportBuilder, StixImport, newReport, type ImportBatch } from '../src/core/exchange/index';
import { streamCsvFile, streamJsonFile } from '../src/store/exchange-files';
import { SEARCH_TEXT_FUNCTION, registerSearchText } from '../src/store/incident-search-text';
import { mappingInputs } from './mapping-inputs';
import { writeCfrCsv, writeStixBundle } from './synthetic';

const args = process.argv.slice(2);
const which = args[0] ?? 'both';
const N = Number(args[1] ?? 100_000);
const RUNS = Number(args[2] ?? 3);
if (!['cfr', 'stix', 'both'].includes(which) || !(N > 0) || !(RUNS > 0)) {
  console.error('Run: node --expose-gc --import tsx bench/import-floor.ts [cfr|stix|both] [units=100000] [runs=3]');
  process.exit(2);
}

const { vocabulary, tables, cfrTable, sha1 } = mappingInputs();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-floor-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** One stored record: its id, kind, stored text (JSON of the body), marking, source. */
interface Rec {
  id: string;
  kind: string;
  text: string;
  body: unknown;
  details: string | null;
  incident: boolean;
  marking: unknown;
  source: { format: string; key: string };
}

function recordsOf(batch: ImportBatch): Rec[] {
  const out: Rec[] = [];
  for (const [kind, list] of Object.entries(batch) as [string, ImportBatch['incidents']][]) {
    for (const r of list) out.push({ id: r.id, kind: kind.replace(/s$/, ''), text: JSON.stringify(r.body), body: r.body, details: r.details ? JSON.stringify(r.details) : null, incident: kind === 'incidents', marking: r.marking, source: r.source });
  }
  // The product's writer inserts each part's rows sorted by id (store/exchange-writer.ts); here the whole import's.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function cfrRecords(file: string): Promise<Rec[]> {
  const mapping = new CfrMapping(vocabulary, new ReportBuilder(newReport('cfr', ['cfr.csv'], false)), tables, cfrTable, sha1);
  await streamCsvFile(file, (row, line) => mapping.row(line, row));
  return recordsOf(mapping.finish());
}

async function stixRecords(file: string): Promise<Rec[]> {
  const job = new StixImport({ validator: stixValidator(), vocabulary, report: new ReportBuilder(newReport('stix', ['bundle.json'], false)), strict: false, sha1, tables });
  await streamJsonFile(file, { object: (o) => job.add(o), top: (top) => job.envelope(top) });
  return recordsOf(job.finish());
}

/** The variants, each adding one kind of row to the one before. */
const LEVELS = ['record text', '+ history', '+ search index', '+ audit chain', '+ link and marking'] as const;

function open(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  registerSearchText(db);
  db.exec(`CREATE TABLE record (id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL);
    CREATE TABLE history (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, after TEXT);
    CREATE VIRTUAL TABLE search USING fts5(title, body, content='', contentless_delete=1, detail=none, tokenize='trigram');
    INSERT INTO search(search, rank) VALUES ('hashsize', 8388608);
    CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target_id TEXT NOT NULL, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE TABLE link (record_id TEXT PRIMARY KEY, format TEXT NOT NULL, source_key TEXT NOT NULL, details TEXT, content_hash TEXT NOT NULL);
    CREATE TABLE marking (record_id TEXT PRIMARY KEY, tlp TEXT NOT NULL);`);
  // A large import's commit copies nothing into the file (store/wal-checkpoint.ts): a worker does after the answer.
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

function store(db: SQLite.Database, recs: readonly Rec[], level: number): void {
  const rec = db.prepare('INSERT INTO record (id, kind, body) VALUES (?, ?, ?)');
  const hist = db.prepare('INSERT INTO history (record_id, version, at, action, after) VALUES (?, 1, ?, ?, NULL)');
  const fts = db.prepare(`INSERT INTO search (rowid, title, body) VALUES (?, ?, ${SEARCH_TEXT_FUNCTION}(?))`);
  const audit = db.prepare('INSERT INTO audit (seq, at, actor, action, target_id, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT INTO link (record_id, format, source_key, details, content_hash) VALUES (?, ?, ?, ?, ?)');
  const mark = db.prepare('INSERT INTO marking (record_id, tlp) VALUES (?, ?)');
  const at = '2026-01-01T00:00:00.000Z';
  let prev = '0'.repeat(64);
  let seq = 0;
  let row = 0;
  db.transaction(() => {
    for (const r of recs) {
      rec.run(r.id, r.kind, r.text);
      if (level >= 1 && r.incident) hist.run(r.id, at, 'import');
      if (level >= 2 && r.incident) fts.run(++row, (r.body as { title?: string }).title ?? '', r.text);
      if (level >= 3) {
        seq++;
        // As an import's entry (store/audit-stored-bodies.ts): the SHA-256 of the body's canonical JSON, not the body.
        const stored = { sha256: sha256(canonicalJson(r.body)), version: 1 };
        const after = canonicalJson({ marking: r.marking, source: r.source, stored });
        const hash = sha256(`${prev}\n{"action":"import","actor":"local","after":${after},"at":"${at}","seq":${seq},"targetId":${JSON.stringify(r.id)}}`);
        audit.run(seq, at, 'local', `${r.kind}.create`, r.id, after, prev, hash);
        prev = hash;
      }
      if (level >= 4) {
        link.run(r.id, r.source.format, r.source.key, r.details, sha256(`{"body":${r.text},"marking":${JSON.stringify(r.marking)}}`));
        mark.run(r.id, 'amber');
      }
    }
  })();
}

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function floor(format: 'cfr' | 'stix'): Promise<void> {
  // JSON.parse is timed first, before the records are mapped: with them held, each collection of the parse's garbage
  // would also walk the records (about 1.5 times the CPU at 100,000 CFR rows), which the import benchmarks' baseline
  // does not carry either.
  const twin = path.join(tmp, format === 'cfr' ? 'cfr.json' : 'bundle.json');
  const csv = path.join(tmp, 'cfr.csv');
  if (format === 'cfr') writeCfrCsv(csv, N, twin);
  else writeStixBundle(twin, N);
  const parse = { s: [] as number[], cpu: [] as number[] };
  for (let run = 0; run < Math.max(RUNS, 5); run++) {
    gc();
    const w0 = performance.now();
    const c0 = cpu();
    JSON.parse(fs.readFileSync(twin, 'utf8'));
    parse.s.push((performance.now() - w0) / 1000);
    parse.cpu.push(cpu() - c0);
  }
  const recs = format === 'cfr' ? await cfrRecords(csv) : await stixRecords(twin);
  const incidents = recs.filter((r) => r.incident).length;
  console.log(`${format}: ${N} ${format === 'cfr' ? 'rows' : 'objects'}, ${recs.length} records (${incidents} incidents), stored text ${(recs.reduce((s, r) => s + r.text.length, 0) / 1e6).toFixed(1)} M characters; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const s0 = cpu();
  for (const r of recs) JSON.stringify(r.body);
  console.log(`making the stored text (JSON.stringify of each body, not in the variants): ${(cpu() - s0).toFixed(2)} s CPU`);
  const levels = LEVELS.map(() => ({ s: [] as number[], cpu: [] as number[], mb: 0 }));
  for (let run = 0; run < RUNS; run++) {
    for (let level = 0; level < LEVELS.length; level++) {
      const file = path.join(tmp, `floor-${level}.db`);
      const db = open(file);
      gc();
      const t0 = performance.now();
      const u0 = cpu();
      store(db, recs, level);
      const t = levels[level]!;
      t.s.push((performance.now() - t0) / 1000);
      t.cpu.push(cpu() - u0);
      t.mb = fs.statSync(`${file}-wal`).size / 1048576;
      db.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
  }
  const p = { s: median(parse.s), cpu: median(parse.cpu) };
  console.log(`JSON.parse of the same data (median of ${parse.s.length}, timed before the mapping): ${p.s.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU`);
  console.log('stored rows                  inserts s (CPU s)   with JSON.parse s (CPU s)   share of JSON.parse\'s rate (by CPU)   WAL');
  LEVELS.forEach((name, level) => {
    const t = levels[level]!;
    const s = median(t.s);
    const c = median(t.cpu);
    const share = (100 * p.s) / (p.s + s);
    const shareCpu = (100 * p.cpu) / (p.cpu + c);
    console.log(`${name.padEnd(28)} ${s.toFixed(2).padStart(6)} (${c.toFixed(2).padStart(5)})     ${(p.s + s).toFixed(2).padStart(6)} (${(p.cpu + c).toFixed(2).padStart(5)})             ${share.toFixed(1).padStart(5)} % (${shareCpu.toFixed(1)} %)                    ${t.mb.toFixed(0)} MB`);
  });
  console.log(`load at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

if (which === 'cfr' || which === 'both') await floor('cfr');
if (which === 'stix' || which === 'both') await floor('stix');
