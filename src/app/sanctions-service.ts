// The cyber-sanctions use cases for server and CLI: the regime on a date with each target's reasons, incidents and
// registry links; name screening, one name or a batch; and the import of a new annex. The register lives in the
// store; the shipped annex seeds it on first use.
import { parseAsOf, readDate, type IsoDate } from '../core/dates';
import { AppError } from '../core/errors';
import { parseAnnex } from '../core/sanctions/annex';
import { CsvSyntaxError } from '../core/exchange/csv';
import { checkNames, namesFromCsv, namesFromJson } from '../core/sanctions/batch';
import { actorLinks, incidentLinks, type RegistryActor, type RegistryIncident } from '../core/sanctions/links';
import { SCREENING_THRESHOLDS } from '../core/sanctions/screen';
import type { SanctionsData } from '../core/sanctions/targets';
import { countsOverTime, screenAt, sanctionsAt, statedTotalsCheck, type SanctionsFile } from '../core/toolbox/sanctions';
import type { SanctionsFiles } from '../store/sanctions-files';
import type { SanctionsImportResult, SanctionsRepository } from '../store/sanctions-repository';
import type { Clock } from './toolbox-service';

export interface SanctionsPorts {
  clock: Clock;
  sha256(text: string): string;
}

export const BATCH_FORMATS = ['csv', 'json'] as const;

export class SanctionsService {
  constructor(
    private readonly file: SanctionsFile,
    private readonly files: SanctionsFiles,
    private readonly repo: SanctionsRepository,
    private readonly ports: SanctionsPorts,
  ) {}

  private today(): IsoDate {
    return this.ports.clock.now().slice(0, 10) as IsoDate;
  }

  /** The framework, the imported register and the reviewed notes; imports the shipped annex into an empty store. */
  async data(): Promise<SanctionsData> {
    let register = await this.repo.load();
    if (!register) {
      await this.seed();
      register = await this.repo.load();
    }
    if (!register) throw new AppError('corrupt_data', 'The sanctions register could not be seeded');
    return { file: this.file, register, curation: this.files.curation };
  }

  private seeded: Promise<void> | undefined;
  /**
   * Resolves once the store holds a register (the shipped annex imported into an empty one): asked once per process,
   * so that a kept view keyed by the register's version is not keyed by the version before the first seed.
   */
  ready(): Promise<void> {
    this.seeded ??= (async () => {
      if (!(await this.repo.imported())) await this.seed();
    })().catch((error: unknown) => {
      this.seeded = undefined;
      throw error;
    });
    return this.seeded;
  }

  private async seed(): Promise<void> {
    const text = this.files.seedText();
    try {
      await this.repo.apply(parseAnnex(text), { date: this.files.seed.checked as IsoDate, digest: this.ports.sha256(text), now: this.ports.clock.now() });
    } catch (e) {
      // Another process seeded at the same moment: its register is as good as ours.
      if (!(await this.repo.imported())) throw e;
    }
  }

  /** The regime on `asOf` (today by default) with everyone listed, the counts over time, and links to the caller's incidents. */
  async regime(asOfRaw: string | undefined, registry: { incidents?: () => Promise<RegistryIncident[]>; actors?: () => Promise<RegistryActor[]> } = {}) {
    const data = await this.data();
    const asOf = readDate(asOfRaw, this.today());
    const status = sanctionsAt(data, asOf);
    const all = [...status.targets, ...status.delisted];
    const incidents = incidentLinks(all, registry.incidents ? await registry.incidents() : []);
    const actors = actorLinks(all, registry.actors ? await registry.actors() : []);
    const withLinks = <T extends { id: string }>(t: T) => ({ ...t, links: { incidents: incidents.get(t.id) ?? [], actors: actors.get(t.id) ?? [] } });
    return {
      ...status,
      targets: status.targets.map(withLinks),
      delisted: status.delisted.map(withLinks),
      framework: data.file.regime,
      renewals: data.file.renewals,
      listingActs: data.file.listingActs,
      courts: data.file.courts,
      timeline: countsOverTime(data, this.today()),
      statedTotals: statedTotalsCheck(data),
      screening: SCREENING_THRESHOLDS,
    };
  }

  /** Screens one name: `{ query, asOf, matches }`, best first. */
  async screen(q: string | undefined, asOfRaw?: string) {
    const [query] = checkNames(q === undefined ? [] : [q], 'q');
    const asOf = readDate(asOfRaw, this.today());
    const { results, status } = screenAt(await this.data(), [query as string], asOf);
    return { query: query as string, asOf, stale: status.stale, knownUntil: status.knownUntil, matches: results[0]?.matches ?? [] };
  }

  /** Screens a list: the body is `{ names: [...], asOf? }` or a list of names. */
  async screenBatch(body: unknown, asOfRaw?: string) {
    const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    if (obj) {
      const unknown = Object.keys(obj).filter((k) => k !== 'names' && k !== 'asOf');
      if (unknown.length) throw new AppError('invalid_input', `Unknown field "${unknown[0]}": allowed fields are names and asOf`, [{ path: String(unknown[0]), message: 'unknown field' }]);
      if (obj.asOf !== undefined && typeof obj.asOf !== 'string') throw new AppError('invalid_date', 'asOf must be a date in the form YYYY-MM-DD', [{ path: 'asOf', message: 'expected YYYY-MM-DD' }]);
    }
    const names = checkNames(obj ? obj.names : body);
    return this.screenList(names, (obj?.asOf as string | undefined) ?? asOfRaw);
  }

  /** Screens the names of a file's text (CSV, one name a row; or JSON). */
  async screenFile(text: string, format: string | undefined, asOfRaw?: string, field = 'format') {
    const f = format ?? 'csv';
    if (!(BATCH_FORMATS as readonly string[]).includes(f)) throw new AppError('invalid_input', `Unknown ${field} "${f}": use csv or json`, [{ path: field, message: 'csv or json' }]);
    return this.screenList(f === 'json' ? namesFromJson(text) : csvNames(text), asOfRaw);
  }

  private async screenList(names: string[], asOfRaw?: string) {
    const asOf = readDate(asOfRaw, this.today());
    const { results, status } = screenAt(await this.data(), names, asOf);
    return { asOf, stale: status.stale, knownUntil: status.knownUntil, results, strong: results.filter((r) => r.matches.some((m) => m.strong)).length };
  }

  /**
   * Imports a complete annex file as of `date` (today by default): refused whole when malformed, else applied in
   * one transaction. Reports new listings, amended entries and delistings.
   */
  async importAnnex(text: string, opts: { date?: string; dryRun?: boolean } = {}): Promise<SanctionsImportResult> {
    const date = parseAsOf(opts.date, 'date') ?? this.today();
    const annex = parseAnnex(text);
    return this.repo.apply(annex, { date, digest: this.ports.sha256(text), now: this.ports.clock.now(), dryRun: opts.dryRun });
  }
}

/** The names of a CSV file; a file that is not CSV (a quote never closed) is refused with its line, not a 500. */
function csvNames(text: string): string[] {
  try {
    return namesFromCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('invalid_input', `The file is not valid CSV: ${error.message}`, [{ path: `line ${error.line}`, message: error.message }]);
    throw error;
  }
}
