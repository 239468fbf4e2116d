// The exchange use cases for the CLI and the API: read and stream the files at the edge, check and map them in
// the core, plan and write each import in one transaction (records, markings, audit entries); exports are in
// exchange-exports.ts. An import acts for a principal: it needs the right to import, its records belong to the
// principal's organisation, and the audit trail names who imported what.
import { createHash, hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { decide, decideSignedIn } from '../core/auth/permissions';
import { actorOf, type Principal } from '../core/auth/principal';
import { AppError } from '../core/errors';
import {
  StixImport,
  compileStixSchemas,
  emptyBatch,
  CfrMapping,
  mapEurepoc,
  EurepocRows,
  newReport,
  parseCfrResponseTable,
  ImportPlanner,
  problemIssues,
  rekeyBatch,
  unseenIds,
  ReportBuilder,
  CFR_COLUMNS,
  EUREPOC_COLUMNS,
  type CfrResponseTable,
  type ExchangeTables,
  type ImportBatch,
  type ImportFormat,
  type ImportMarkingOptions,
  type ImportReport,
  type StixBundle,
  type StixSchemaValidator,
} from '../core/exchange/index';
import { clearanceOf } from '../core/marking/clearance';
import { enforce } from '../core/marking/marking';
import { incidentVocabulary, type IncidentVocabulary } from '../core/toolbox/index';
import { AccountRepository } from '../store/account-repository';
import { readYamlFile } from '../store/dataset-files';
import { readCsvHeader, readExchangeTables, readStixSchemas, streamCsvFile, streamEurepocFile, streamJsonFile, type Progress } from '../store/exchange-files';
import { ExchangeRepository, contentHashOfJson, sha256Sink, type ApplyContext, type MemoContext } from '../store/exchange-repository';
import { memoInput, memoScope } from '../core/exchange/import-memo';
import { broughtKey, broughtKeys, reportAbsent } from '../core/exchange/report-absent';
import { ExchangeExports, type ExportOutput } from './exchange-exports';
import { nodeSecrets } from './secrets';
import { refuseUnknownOrganisations } from './organisation-problem';
import type { Workbench } from './workbench';

export type { ExportOutput } from './exchange-exports';

export interface ImportOptions {
  strict?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** The marking of the records written: a TLP level over the source's, an owner organisation, RED recipients. */
  marking?: ImportMarkingOptions | undefined;
  /** The name of the file a request body came from (the web app sends it), kept in the report and its audit entry. */
  fileName?: string | undefined;
  /** Called as bytes are read: (bytes read so far over all files, total bytes). */
  progress?: Progress | undefined;
  /**
   * False: always take the full path (read, check, map, plan), never the answer kept for an unchanged re-import.
   * Tests compare the two.
   */
  memo?: boolean | undefined;
}

type Sources = { name: string; sha256: string }[];

/** A memo's scope and input digest, with the files' digests the input was taken from. */
type FileMemo = MemoContext & { sources: Sources };

/**
 * Record ids are SHA-1 of the source key: node's digest is the core's, several times faster; its one-shot form makes
 * no Hash object per id (about a third of the CPU of createHash for a key of 60 characters).
 */
const sha1 = (text: string) => hash('sha1', text, 'hex');

/** Where the OASIS schemas are: CYBERDIPLO_STIX_SCHEMAS, else the copy the product ships in data/stix-schemas. */
export function stixSchemaDir(env: Record<string, string | undefined> = process.env): string {
  return env.CYBERDIPLO_STIX_SCHEMAS ?? path.join(projectRoot, 'data', 'stix-schemas');
}

const validators = new Map<string, StixSchemaValidator>();

/** Compiling the 57 schemas takes a few hundred milliseconds: once per process and folder. */
export function stixValidator(dir = stixSchemaDir()): StixSchemaValidator {
  let v = validators.get(dir);
  if (!v) {
    v = compileStixSchemas(readStixSchemas(dir));
    validators.set(dir, v);
  }
  return v;
}

/** The error an edge raises for a rejected import: every error with its object and property path. */
export function rejection(report: ImportReport): AppError {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  return new AppError(
    'invalid_import',
    `The ${report.format} import was refused and nothing was written: ${errors.length} error(s)${first ? `, first: ${first.object} ${first.path}: ${first.message}` : ''}`,
    problemIssues(report),
  );
}

function totalSize(files: readonly string[]): number {
  return files.reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/** Runs the per-file reader with a progress callback that counts over all files; collects each file's digest. */
function overall(files: readonly string[], progress: Progress | undefined) {
  const total = totalSize(files);
  let before = 0;
  const sources: Sources = [];
  return {
    sources,
    each: async (fn: (file: string, p: Progress) => Promise<string>) => {
      for (const f of files) {
        sources.push({ name: path.basename(f), sha256: await fn(f, (done) => progress?.(before + done, total)) });
        before += fs.existsSync(f) ? fs.statSync(f).size : 0;
      }
    },
  };
}

export class ExchangeService {
  readonly repo: ExchangeRepository;
  /** How many imports this service answered from a memo (for tests and benchmarks). */
  replayed = 0;
  private readonly exports: ExchangeExports;

  constructor(
    private readonly wb: Workbench,
    private readonly clock: { now(): string } = { now: () => new Date().toISOString() },
  ) {
    this.repo = new ExchangeRepository(wb.db, wb.config.auth.defaultTlp);
    this.exports = new ExchangeExports(wb, this.repo);
  }

  private vocabulary(): IncidentVocabulary {
    return incidentVocabulary(this.wb.toolbox.toolbox);
  }

  /** The reviewed table of CFR Response phrases to measures, read at each CFR import (a small file). */
  private cfrResponses(): CfrResponseTable {
    const dataDir = this.wb.config.dataDir;
    const raw = readYamlFile(path.join(dataDir, 'exchange', 'cfr-responses.yaml'), dataDir).content;
    return parseCfrResponseTable(raw, this.vocabulary().measureIds ?? []);
  }

  /** The reviewed mapping tables of data/exchange (sectors, victims, EuRepoC responses), parsed again only when their files change. */
  private tables(): ExchangeTables {
    return readExchangeTables(this.wb.config.dataDir, this.vocabulary().measureIds ?? []);
  }

  /** Accounts need the role that may import; the operator at the command line holds the database itself. */
  private authorize(p: Principal): void {
    if (p.kind !== 'operator') enforce(decide(p, 'import.run'));
  }

  /**
   * The owner an import's options name is an organisation that exists, as for incidents written through the API: records
   * owned by "XX", or by "de" where accounts say "DE", would reach nobody while the importer believes them shared.
   */
  private async checkOwner(owner: string | undefined): Promise<void> {
    if (owner !== undefined) await refuseUnknownOrganisations(this.wb.organisations, [['owner', owner]], 'Invalid import marking');
  }

  /** In team mode, RED recipients must be accounts (as for incidents written through the API). */
  private async checkRecipients(names: readonly string[] | undefined): Promise<void> {
    if (!names?.length || this.wb.auth.mode !== 'on') return;
    const known = await new AccountRepository(this.wb.db).existing(names);
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length) throw new AppError('invalid_marking', `Invalid import marking: recipients: no account ${unknown.map((u) => `"${u}"`).join(', ')}`, [{ path: 'recipients', message: `unknown: ${unknown.join(', ')}` }]);
  }

  /**
   * Writes the batch unless the report holds an error; a dry run works out what would change. Records needing an
   * owner or a recipient the import lacks, or held here under a marking the importer cannot see, refuse the whole
   * import before anything is written.
   */
  private async finish(p: Principal, batch: ImportBatch, report: ImportReport, opts: ImportOptions, sources: Sources, memo?: FileMemo, reported?: ApplyContext['reported']): Promise<ImportReport> {
    if (report.problems.some((x) => x.severity === 'error')) {
      report.rejected = true;
      return report;
    }
    await this.checkRecipients(opts.marking?.recipients);
    await this.repo.apply(batch, report, { ...this.applyContext(p, report, opts, sources, memo), reported });
    return report;
  }

  /** What `apply` needs besides the records. */
  private applyContext(p: Principal, report: ImportReport, opts: ImportOptions, sources: Sources, memo: FileMemo | undefined): ApplyContext {
    const options = opts.marking ?? {};
    const defaultTlp = this.wb.config.auth.defaultTlp;
    // The memo is kept only for the bytes its input digest was taken from (a file rewritten meanwhile gets none).
    if (memo && JSON.stringify(memo.sources) !== JSON.stringify(sources)) memo = undefined;
    return {
      at: this.clock.now(),
      actor: actorOf(p),
      action: `import.${report.format}`,
      dryRun: opts.dryRun ?? false,
      audit: this.wb.audit,
      sources,
      rekey: (b, stored) => rekeyBatch(b, unseenIds(b, stored, p), p, sha1),
      planner: (stored, into, hashes) => new ImportPlanner(stored, { principal: p, defaultTlp, options, hash: contentHashOfJson, hashes }, into),
      memo,
    };
  }

  /**
   * The scope and input digest of an import of files (import-memo.ts): the files' bytes and names, the options, the
   * deployment's default level and the reviewed tables and vocabulary the mapping reads.
   */
  private memoOf(p: Principal, format: ImportFormat, files: readonly string[], sources: Sources, opts: ImportOptions): FileMemo {
    const dataDir = this.wb.config.dataDir;
    const tables = ['sectors.yaml', 'victims.yaml', 'eurepoc-responses.yaml', ...(format === 'cfr' ? ['cfr-responses.yaml'] : [])].map((name) => {
      const file = path.join(dataDir, 'exchange', name);
      return [name, fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null];
    });
    const settings = {
      strict: opts.strict ?? false,
      marking: opts.marking ?? {},
      defaultTlp: this.wb.config.auth.defaultTlp,
      tables,
      vocabulary: this.vocabulary(),
      // Which schema folder checks the objects, relative to the project so that the memo does not depend on where it lies.
      schemas: format === 'stix' ? path.relative(projectRoot, stixSchemaDir()) : null,
    };
    return { scope: memoScope(p, format, files.map((f) => path.basename(f)), sha256Sink()), input: memoInput({ sources, settings }, sha256Sink()), sources };
  }

  /** The SHA-256 of each file, read once more before an import to look for its memo. */
  private async digests(files: readonly string[]): Promise<Sources> {
    const out: Sources = [];
    for (const f of files) {
      const h = createHash('sha256');
      for await (const chunk of fs.createReadStream(f, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
      out.push({ name: path.basename(f), sha256: h.digest('hex') });
    }
    return out;
  }

  async importFiles(p: Principal, format: ImportFormat, files: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
    this.authorize(p);
    await this.checkOwner(opts.marking?.owner);
    if (!files.length) throw new AppError('invalid_input', 'Name at least one file to import', [{ path: 'files', message: 'required' }]);
    for (const f of files) if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new AppError('invalid_input', `Cannot read file "${f}"`, [{ path: 'files', message: 'not found' }]);
    // An unchanged re-import is answered from the memo of the run before it when nothing it covers has changed.
    let memo: FileMemo | undefined;
    if (!opts.dryRun && opts.memo !== false) {
      const sources = await this.digests(files);
      memo = this.memoOf(p, format, files, sources, opts);
      // The recipients are checked as the full path checks them before it writes (the memo's run had no errors).
      if (await this.repo.hasMemo(memo)) await this.checkRecipients(opts.marking?.recipients);
      const replayed = await this.repo.replay({ at: this.clock.now(), actor: actorOf(p), action: `import.${format}`, audit: this.wb.audit, sources, memo });
      if (replayed) {
        this.replayed++;
        opts.progress?.(totalSize(files), totalSize(files));
        return replayed;
      }
    }
    if (format === 'stix') return this.importStixFiles(p, files, opts, memo);
    if (format === 'eurepoc') return this.importEurepocFiles(p, files, opts, memo);
    return this.importCfrFiles(p, files, opts, memo);
  }

  private async importStixFiles(p: Principal, files: readonly string[], opts: ImportOptions, memo?: FileMemo): Promise<ImportReport> {
    const report = newReport('stix', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const job = new StixImport({ validator: stixValidator(), vocabulary: this.vocabulary(), report: builder, strict: opts.strict ?? false, sha1, tables: this.tables() });
    const run = overall(files, opts.progress);
    await run.each(async (file, progress) => streamJsonFile(file, job.fileSink(), progress));
    return this.finish(p, job.finish(), report, opts, run.sources, memo);
  }

  /** A bundle (or one object) sent as a request body, already parsed. */
  async importStixBody(p: Principal, body: unknown, opts: ImportOptions = {}): Promise<ImportReport> {
    this.authorize(p);
    await this.checkOwner(opts.marking?.owner);
    const report = newReport('stix', opts.fileName ? [opts.fileName] : [], opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const job = new StixImport({ validator: stixValidator(), vocabulary: this.vocabulary(), report: builder, strict: opts.strict ?? false, sha1, tables: this.tables() });
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new AppError('invalid_import', 'Send a STIX 2.1 bundle (or one STIX object) as a JSON object', [{ path: '(root)', message: 'expected a JSON object' }]);
    }
    const top = body as Record<string, unknown>;
    if (top.type === 'bundle' || 'objects' in top) {
      const { objects, ...rest } = top;
      job.envelope(rest);
      if (!Array.isArray(objects)) builder.error('bundle', 'objects', 'must be a list of STIX objects');
      else for (const o of objects) job.add(o);
    } else job.add(top);
    return this.finish(p, job.finish(), report, opts, [{ name: opts.fileName ?? '(request body)', sha256: nodeSecrets.sha256(JSON.stringify(body)) }]);
  }

  /** The three CSV files of EuRepoC release 1.1, told apart by their header rows. */
  private async importEurepocFiles(p: Principal, files: readonly string[], opts: ImportOptions, memo?: FileMemo): Promise<ImportReport> {
    const report = newReport('eurepoc', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const rows = new EurepocRows();
    const kinds: string[] = [];
    const run = overall(files, opts.progress);
    await run.each(async (file, progress) => {
      const { kind: k, header, sha256 } = await streamEurepocFile(file, rows, progress);
      if (!k) {
        builder.error(path.basename(file), '(header)', `not an EuRepoC 1.1 file: expected the columns of the global database (${EUREPOC_COLUMNS.incidents.slice(0, 4).join(', ')} …), the attribution or the receiver dataset`);
        return sha256;
      }
      const missing = EUREPOC_COLUMNS[k].filter((c) => !header.includes(c));
      if (missing.length) builder.error(path.basename(file), '(header)', `the ${k} file lacks the columns ${missing.join(', ')}`);
      kinds.push(k);
      return sha256;
    });
    if (!kinds.includes('incidents')) builder.error('files', '(files)', 'the global database file (EuRepoC_Global_Database_1.1.csv) is needed');
    for (const [k, name] of [
      ['attributions', 'EuRepoC_Attribution_dataset_1.1.csv'],
      ['receivers', 'EuRepoC_Receiver_dataset_1.1.csv'],
    ] as const) {
      if (!kinds.includes(k)) builder.warn('files', '(files)', `no ${k} file (${name}); the list-valued cells of the global database are used instead`);
    }
    const batch = builder.errors.length ? emptyBatch() : mapEurepoc(rows, this.vocabulary(), builder, this.tables(), sha1);
    // The rows are mapped: let them go before the write.
    rows.clear();
    // A release is the whole dataset: what an earlier import of it made and these files no longer hold is named, once
    // the report's marking is known, of the records every reader of the report may see.
    const stored = builder.errors.length ? [] : await this.repo.sourceKeys('eurepoc', this.wb.config.auth.defaultTlp);
    return this.finish(p, batch, report, opts, run.sources, memo, (marking) => reportAbsent(builder, 'eurepoc', stored, broughtKeys(batch), marking));
  }

  private async importCfrFiles(p: Principal, files: readonly string[], opts: ImportOptions, memo?: FileMemo): Promise<ImportReport> {
    const report = newReport('cfr', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    // Every file's header first: a file lacking a column refuses the import before any row is mapped.
    for (const file of files) {
      const header = await readCsvHeader(file);
      const missing = header ? CFR_COLUMNS.filter((c) => !header.includes(c)) : [];
      if (missing.length) builder.error(path.basename(file), '(header)', `not a CFR Cyber Operations Tracker export: the columns ${missing.join(', ')} are missing`);
    }
    // Then each row is mapped as it is read, and no row is kept.
    const mapping = builder.errors.length ? undefined : new CfrMapping(this.vocabulary(), builder, this.tables(), this.cfrResponses(), sha1);
    // The tracker's export is the whole dataset, as a EuRepoC release is: what an earlier CFR import made and these
    // files no longer hold is counted and named once the report's marking is known, of the records every reader of
    // the report may see (report-absent.ts), and kept.
    const stored = mapping ? await this.repo.sourceKeys('cfr', this.wb.config.auth.defaultTlp) : [];
    const run = overall(files, opts.progress);
    if (!mapping || !this.repo.streamCfr) {
      await run.each(async (file, progress) => (await streamCsvFile(file, (row, line) => mapping?.row(line, row), progress)).sha256);
      const batch = mapping?.finish() ?? emptyBatch();
      return this.finish(p, batch, report, opts, run.sources, memo, (marking) => reportAbsent(builder, 'cfr', stored, broughtKeys(batch), marking));
    }
    // The incidents are written a part at a time as they are mapped, in the import's one transaction (applyStream):
    // the batch of every row is never held, only each incident's source key, for the account of the absent ones.
    await this.checkRecipients(opts.marking?.recipients);
    const ctx = this.applyContext(p, report, opts, run.sources, undefined);
    const brought = new Set<string>();
    ctx.reported = (marking) => reportAbsent(builder, 'cfr', stored, brought, marking);
    // Kept while the files are read; dropped at the end unless they were the bytes the memo's digest was taken from.
    ctx.memo = memo;
    const size = this.repo.partSize;
    await this.repo.applyStream(report, ctx, async (put) => {
      // Each full part is written before more rows are mapped, while its objects are still young.
      const flush = async (all: boolean) => {
        while (mapping.pending >= size || (all && mapping.pending > 0)) {
          const part = mapping.take(size);
          for (const i of part) brought.add(broughtKey('incident', i.source.key));
          await put(part);
        }
      };
      const after = { every: size, run: () => flush(false) };
      await run.each(async (file, progress) => (await streamCsvFile(file, (row, line) => mapping.row(line, row), progress, after)).sha256);
      await flush(true);
      mapping.finish();
      // The sources are known once every file is read: the memo is kept for those bytes only.
      ctx.memo = memo && JSON.stringify(memo.sources) === JSON.stringify(run.sources) ? memo : undefined;
    });
    return report;
  }

  /** A bundle of every incident, actor and attribution the principal may see, or of one incident with its actors. */
  async exportStix(p: Principal, incidentId?: string): Promise<StixBundle> {
    enforce(decideSignedIn(p));
    return this.exports.stix(p, incidentId);
  }

  /** Every list the API serves, as CSV or JSON (and STIX for incidents), holding what the principal may see. */
  async exportView(p: Principal, viewRaw: string | undefined, q: { format?: string; asOf?: string; incident?: string }): Promise<ExportOutput> {
    enforce(decideSignedIn(p));
    return this.exports.view(p, viewRaw, q);
  }

  /** Reports of past imports the principal may see: each is marked like the most restrictive record it touched. */
  async reports(p: Principal, limit = 20) {
    enforce(decideSignedIn(p));
    return (await this.repo.reports(clearanceOf(p), limit)).map((r) => ({ id: r.id, format: r.format, at: r.at, by: r.by, tlp: r.tlp, report: JSON.parse(r.report) as ImportReport }));
  }
}
