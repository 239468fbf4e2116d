// The exchange use cases for the CLI and the API: read and stream the files at the edge, check and map them in
// the core, write each import in one transaction; export STIX bundles and every list as CSV or JSON.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import type { Principal } from '../core/auth/principal';
import { AppError } from '../core/errors';
import {
  StixImport,
  compileStixSchemas,
  exportStix,
  flatten,
  mapCfr,
  mapEurepoc,
  markingLabel,
  matrixRows,
  newReport,
  parseTableFormat,
  parseView,
  problemIssues,
  ReportBuilder,
  rowsToCsv,
  CFR_COLUMNS,
  EUREPOC_COLUMNS,
  type ActorRecord,
  type AttributionRecord,
  type ExportInput,
  type ImportBatch,
  type ImportFormat,
  type ImportReport,
  type StixBundle,
  type StixSchemaValidator,
} from '../core/exchange/index';
import { incidentVocabulary, planToJson, type IncidentInput, type IncidentVocabulary } from '../core/toolbox/index';
import { readStixSchemas, streamCsvFile, streamJsonFile, type Progress } from '../store/exchange-files';
import { ExchangeRepository } from '../store/exchange-repository';
import * as assessment from './assessment-service';
import type { Workbench } from './workbench';

export interface ImportOptions {
  strict?: boolean;
  dryRun?: boolean;
  /** Called as bytes are read: (bytes read so far over all files, total bytes). */
  progress?: Progress;
}

export interface ExportOutput {
  contentType: string;
  filename: string;
  body: string;
}

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

/** Runs the per-file reader with a progress callback that counts over all files. */
function overall(files: readonly string[], progress: Progress | undefined) {
  const total = totalSize(files);
  let before = 0;
  return {
    each: async (fn: (file: string, p: Progress) => Promise<void>) => {
      for (const f of files) {
        await fn(f, (done) => progress?.(before + done, total));
        before += fs.existsSync(f) ? fs.statSync(f).size : 0;
      }
    },
  };
}

export class ExchangeService {
  readonly repo: ExchangeRepository;

  constructor(
    private readonly wb: Workbench,
    private readonly clock: { now(): string } = { now: () => new Date().toISOString() },
  ) {
    this.repo = new ExchangeRepository(wb.db);
  }

  private vocabulary(): IncidentVocabulary {
    return incidentVocabulary(this.wb.toolbox.toolbox);
  }

  /** Writes the batch unless the report holds an error or this is a dry run; the report says which. */
  private async finish(batch: ImportBatch, report: ImportReport, dryRun: boolean): Promise<ImportReport> {
    if (report.problems.some((p) => p.severity === 'error')) {
      report.rejected = true;
      return report;
    }
    await this.repo.apply(batch, report, this.clock.now(), dryRun);
    return report;
  }

  async importFiles(format: ImportFormat, files: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
    if (!files.length) throw new AppError('invalid_input', 'Name at least one file to import', [{ path: 'files', message: 'required' }]);
    for (const f of files) if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new AppError('invalid_input', `Cannot read file "${f}"`, [{ path: 'files', message: 'not found' }]);
    if (format === 'stix') return this.importStixFiles(files, opts);
    if (format === 'eurepoc') return this.importEurepocFiles(files, opts);
    return this.importCfrFiles(files, opts);
  }

  private async importStixFiles(files: readonly string[], opts: ImportOptions): Promise<ImportReport> {
    const report = newReport('stix', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const job = new StixImport({ validator: stixValidator(), vocabulary: this.vocabulary(), report: builder, strict: opts.strict ?? false });
    await overall(files, opts.progress).each(async (file, progress) => {
      let objects = 0;
      await streamJsonFile(
        file,
        {
          object: (o) => {
            objects++;
            job.add(o);
          },
          top: (top) => {
            // A lone STIX object (not a bundle) is imported as a bundle of one.
            if (objects === 0 && 'type' in top && top.type !== 'bundle' && !('objects' in top)) job.add(top);
            else job.envelope(top);
          },
        },
        progress,
      );
    });
    return this.finish(job.finish(), report, opts.dryRun ?? false);
  }

  /** A bundle (or one object) sent as a request body, already parsed. */
  async importStixBody(body: unknown, opts: ImportOptions = {}): Promise<ImportReport> {
    const report = newReport('stix', [], opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const job = new StixImport({ validator: stixValidator(), vocabulary: this.vocabulary(), report: builder, strict: opts.strict ?? false });
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
    return this.finish(job.finish(), report, opts.dryRun ?? false);
  }

  /** The three CSV files of EuRepoC release 1.1, told apart by their header rows. */
  private async importEurepocFiles(files: readonly string[], opts: ImportOptions): Promise<ImportReport> {
    const report = newReport('eurepoc', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const incidents: Record<string, string>[] = [];
    const attributions = new Map<string, Record<string, string>[]>();
    const receivers = new Map<string, Record<string, string>[]>();
    const group = (m: Map<string, Record<string, string>[]>, k: string, row: Record<string, string>) => {
      const list = m.get(k);
      if (list) list.push(row);
      else m.set(k, [row]);
    };
    const kinds: string[] = [];
    await overall(files, opts.progress).each(async (file, progress) => {
      let kind: 'incidents' | 'attributions' | 'receivers' | null = null;
      const header = await streamCsvFile(
        file,
        (row) => {
          if (!kind) kind = 'attribution_type' in row && 'incident_ID' in row ? 'attributions' : 'start_date' in row ? 'incidents' : 'receiver_category' in row ? 'receivers' : null;
          if (kind === 'incidents') incidents.push(row);
          else if (kind === 'attributions') group(attributions, (row.incident_ID ?? '').trim(), row);
          else if (kind === 'receivers') group(receivers, (row.ID ?? '').trim(), row);
        },
        progress,
      );
      const k = kind as 'incidents' | 'attributions' | 'receivers' | null;
      if (!k) {
        builder.error(path.basename(file), '(header)', `not an EuRepoC 1.1 file: expected the columns of the global database (${EUREPOC_COLUMNS.incidents.slice(0, 4).join(', ')} …), the attribution or the receiver dataset`);
        return;
      }
      const missing = EUREPOC_COLUMNS[k].filter((c) => !header.includes(c));
      if (missing.length) builder.error(path.basename(file), '(header)', `the ${k} file lacks the columns ${missing.join(', ')}`);
      kinds.push(k);
    });
    if (!kinds.includes('incidents')) builder.error('files', '(files)', 'the global database file (EuRepoC_Global_Database_1.1.csv) is needed');
    for (const [k, name] of [
      ['attributions', 'EuRepoC_Attribution_dataset_1.1.csv'],
      ['receivers', 'EuRepoC_Receiver_dataset_1.1.csv'],
    ] as const) {
      if (!kinds.includes(k)) builder.warn('files', '(files)', `no ${k} file (${name}); the list-valued cells of the global database are used instead`);
    }
    const batch = builder.errors.length ? { incidents: [], actors: [], attributions: [] } : mapEurepoc({ incidents, attributions, receivers }, this.vocabulary(), builder);
    return this.finish(batch, report, opts.dryRun ?? false);
  }

  private async importCfrFiles(files: readonly string[], opts: ImportOptions): Promise<ImportReport> {
    const report = newReport('cfr', files.map((f) => path.basename(f)), opts.dryRun ?? false);
    const builder = new ReportBuilder(report);
    const rows: { line: number; row: Record<string, string> }[] = [];
    await overall(files, opts.progress).each(async (file, progress) => {
      const header = await streamCsvFile(file, (row, line) => rows.push({ line, row }), progress);
      const missing = CFR_COLUMNS.filter((c) => !header.includes(c));
      if (missing.length) builder.error(path.basename(file), '(header)', `not a CFR Cyber Operations Tracker export: the columns ${missing.join(', ')} are missing`);
    });
    const batch = builder.errors.length ? { incidents: [], actors: [], attributions: [] } : mapCfr(rows, this.vocabulary(), builder);
    return this.finish(batch, report, opts.dryRun ?? false);
  }

  /** A bundle of every incident, actor and attribution, or of one incident with the actors it is attributed to. */
  async exportStix(p: Principal, incidentId?: string): Promise<StixBundle> {
    const visible = new Set(await this.visibleIncidents(p, incidentId));
    const incidents = await this.repo.incidentsForExport([...visible]);
    const links = await this.repo.links();
    // An attribution of an incident the reader may not see would name it: it goes with the incident.
    let attributions = (await this.repo.attributions()).filter((a) => a.value.subject.kind !== 'incident' || visible.has(a.value.subject.id));
    if (incidentId !== undefined) attributions = attributions.filter((a) => a.value.subject.kind === 'incident' && a.value.subject.id === incidentId);
    const actorIds = incidentId === undefined ? undefined : [...new Set(attributions.map((a) => a.value.target))];
    const actors = await this.repo.records<ActorRecord>('actor', actorIds);
    const input: ExportInput = {
      incidents,
      actors: actors.map((a) => this.repo.exportRecord(a.id, a.value, a.created_at, a.updated_at, links.get(a.id))),
      attributions: attributions.map((a) => this.repo.exportRecord<AttributionRecord>(a.id, a.value, a.created_at, a.updated_at, links.get(a.id))),
    };
    return exportStix(input);
  }

  /** The incidents an export may hold: those the principal may see (TLP), or the one asked for if visible. */
  private async visibleIncidents(p: Principal, only?: string): Promise<string[]> {
    if (only !== undefined) return [(await this.wb.toolbox.get(p, only)).id];
    return this.wb.toolbox.visibleIds(p);
  }

  async reports(limit = 20) {
    return (await this.repo.reports(limit)).map((r) => ({ id: r.id, format: r.format, at: r.at, report: JSON.parse(r.report) as ImportReport }));
  }

  /** Every list the API serves, as CSV or JSON (and STIX for incidents). */
  async exportView(p: Principal, viewRaw: string | undefined, q: { format?: string; asOf?: string; incident?: string }): Promise<ExportOutput> {
    const view = parseView(viewRaw);
    if (view === 'stix') {
      if (q.format !== undefined && q.format !== 'stix' && q.format !== 'json') throw new AppError('invalid_filter', 'The stix view is a STIX 2.1 bundle (JSON); leave out format', [{ path: 'format', message: 'stix only' }]);
      const bundle = await this.exportStix(p, q.incident);
      return { contentType: 'application/stix+json; charset=utf-8', filename: 'cyberdiplo-stix.json', body: JSON.stringify(bundle, null, 2) };
    }
    const format = parseTableFormat(q.format);
    let data: unknown;
    let rows: () => Record<string, unknown>[];
    switch (view) {
      case 'partners':
        data = await this.wb.partners();
        rows = () => (data as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'dialogues':
        data = await this.wb.dialogues({}, q.asOf);
        rows = () => (data as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'matrix': {
        const m = await this.wb.matrix(q.asOf);
        data = m;
        rows = () => matrixRows(m as Parameters<typeof matrixRows>[0]);
        break;
      }
      case 'assessments':
        data = await assessment.assess(this.wb, undefined, q.asOf);
        rows = () => (data as unknown as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'incidents': {
        const list = await this.incidentRows(p, q.incident);
        data = list.json;
        rows = () => list.csv;
        break;
      }
      case 'plans': {
        const list = await this.planRows(p, q.incident);
        data = list.json;
        rows = () => list.csv;
        break;
      }
      case 'actors': {
        const links = await this.repo.links('actor');
        const actors = await this.repo.actors();
        data = actors.map((a) => ({ id: a.id, ...a.value, marking: links.get(a.id)?.marking ?? null, source: links.get(a.id)?.source ?? null }));
        rows = () => actors.map((a) => ({ id: a.id, ...flatten(a.value), tlp: markingLabel(links.get(a.id)?.marking ?? null), source: links.get(a.id)?.source.key ?? '' }));
        break;
      }
    }
    if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `cyberdiplo-${view}.json`, body: JSON.stringify(data, null, 2) };
    return { contentType: 'text/csv; charset=utf-8', filename: `cyberdiplo-${view}.csv`, body: rowsToCsv(rows() as Parameters<typeof rowsToCsv>[0]) };
  }

  private async incidentRows(p: Principal, only?: string) {
    const list = await this.repo.incidentsForExport(await this.visibleIncidents(p, only));
    const json = list.map((i) => ({ id: i.id, ...i.body, marking: i.marking, source: i.source }));
    const csv = list.map(({ id, body: b, marking, source }) => ({
      id,
      title: b.title,
      start: b.start,
      end: b.end ?? '',
      ongoing: b.ongoing,
      category: b.category,
      severity: b.effects.severity,
      victims: b.victims.map((v) => `${v.country} ${v.sector}${v.name ? ` (${v.name})` : ''}`).join('; '),
      'initiator.type': b.initiator.type,
      'initiator.country': b.initiator.country ?? '',
      'initiator.name': b.initiator.name ?? '',
      attributions: b.attribution.map((a) => `${a.kind} by ${a.by}${a.date ? ` ${a.date}` : ''} (${a.confidence})`).join('; '),
      responses: b.responses.map((r) => `${r.measure} ${r.date} by ${r.by}`).join('; '),
      tlp: markingLabel(marking),
      source: source?.key ?? '',
    }));
    return { json, csv };
  }

  private async planRows(p: Principal, only?: string) {
    const list = await this.repo.incidentsForExport(await this.visibleIncidents(p, only));
    const json: unknown[] = [];
    const csv: Record<string, unknown>[] = [];
    for (const i of list) {
      const plan = planToJson(this.wb.toolbox.plan(i.body as IncidentInput));
      json.push({ incidentId: i.id, title: i.body.title, ...plan });
      for (const m of plan.measures) {
        csv.push({ incident: i.id, title: i.body.title, measure: m.id, category: m.category, available: m.available, coercion: m.coercion, ...flatten({ decision: m.decision, taken: m.taken }), reasons: m.reasons.filter((r) => !r.holds).map((r) => r.text).join('; ') });
      }
    }
    return { json, csv };
  }
}
