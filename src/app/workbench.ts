// The composition root: opens the store, seeds it from the reviewed data, and offers the use cases to server and CLI.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { IncidentInput } from '../core/toolbox/index';
import { IncidentRepository } from '../store/incident-repository';
import { readToolbox } from '../store/toolbox-files';
import { readSourceGrader } from '../store/source-grades-file';
import type { SourceGrader } from '../core/sources/grades';
import { ToolboxService, type Clock } from './toolbox-service';
import type { RegistrySeedReport } from './registry-seed';
import { SanctionsService } from './sanctions-service';
import { SanctionsRepository } from '../store/sanctions-repository';
import { readSanctionsFiles } from '../store/sanctions-files';
import { AccountService } from './account-service';
import type { Organisations } from './organisation-problem';
import { CurationService } from './curation-service';
import { AuthService } from './auth-service';
import { VersionReads } from './version-reads';
import { hmacSha256, nodeSecrets } from './secrets';
import { MEMBER_STATE_CODES } from '../core/toolbox/member-states';
import { AccountRepository } from '../store/account-repository';
import { AuditLog, type AuditListOptions } from '../store/audit-log';
import { RateLimits } from '../store/rate-limit';
import { readViewDate, type IsoDate } from '../core/dates';
import { AppError } from '../core/errors';
import { decide } from '../core/auth/permissions';
import type { Principal } from '../core/auth/principal';
import { clearanceOf } from '../core/marking/clearance';
import { enforce } from '../core/marking/marking';
import { queryActors, areasOfResponsibility, strategies } from '../core/kb/actors';
import { queryDialogues, type DialogueQuery } from '../core/kb/dialogues';
import { FACT_KINDS } from '../core/kb/facts';
import { checkFilter } from '../core/kb/filters';
import { instrumentMatrix } from '../core/kb/matrix';
import { relationsWith } from '../core/kb/relations';
import { listPartners, normalisePartnerId } from '../core/kb/partners';
import { allStrategiesAt } from '../core/kb/national-strategies';
import { buildProfile } from '../core/kb/profile';
import { datasetDigest, readRawDataset } from '../store/dataset-files';
import { openDatabase, type Db } from '../store/db';
import { KnowledgeRepository, seedKnowledgeBase, seededSourceDigest, unchangedSeedReport, type SeedReport } from '../store/kb-repository';

/** The longest search text: the length a screened name may have (sanctions NAME_MAX); no phrase of the data is near it. */
export const SEARCH_QUERY_MAX = 300;
/** The most hits one search returns. */
export const SEARCH_LIMIT_MAX = 500;

const systemClock = { now: () => new Date().toISOString() };
const randomIds = { next: () => `inc-${randomUUID().replace(/-/g, '').slice(0, 12)}` };
/** Actor kinds of the knowledge base that are EU bodies an account may belong to. */
const EU_BODY_KINDS = new Set(['eu', 'eu-institution', 'eu-body']);

export class Workbench {
  readonly kb: KnowledgeRepository;
  /** The knowledge base's and the sign-in lookups' versions, read together once per turn of the event loop. */
  readonly versions: VersionReads;
  readonly toolbox: ToolboxService;
  readonly sanctions: SanctionsService;
  readonly audit: AuditLog;
  readonly accounts: AccountService;
  readonly auth: AuthService;
  /** What seeding the registry with the precedents did, when this start did it (openWorkbench's seedRegistry). */
  registrySeed: RegistrySeedReport | undefined;
  readonly curation: CurationService;
  /** The reviewed source grades (data/sources/publishers.yaml), for documents and the CLI's source listings. */
  readonly sourceGrader: SourceGrader;
  /** The organisations an owner or a sharing list may name: the member states and the EU bodies of the knowledge base. */
  readonly organisations: Organisations;
  private readonly clock: Clock;

  constructor(
    readonly db: Db,
    readonly config: Config,
    readonly seedReport: SeedReport | undefined,
    /** Tests pass their own, to move time (session timeouts, expiries) without waiting. */
    clock: Clock = systemClock,
  ) {
    this.clock = clock;
    const { defaultTlp, mode } = config.auth;
    this.kb = new KnowledgeRepository(db);
    this.versions = new VersionReads(db);
    this.audit = new AuditLog(db, nodeSecrets.sha256, defaultTlp, config.auditKey ? hmacSha256(config.auditKey) : undefined);
    const accountRepo = new AccountRepository(db);
    const organisations = {
      memberStates: MEMBER_STATE_CODES,
      euBodies: async () => (await this.kb.dataset()).actors.filter((a) => EU_BODY_KINDS.has(a.kind)).map((a) => a.id),
    };
    this.organisations = organisations;
    this.accounts = new AccountService(db, accountRepo, this.audit, nodeSecrets, clock, organisations, { maxDays: config.auth.tokenMaxDays });
    this.auth = new AuthService(db, accountRepo, this.accounts, new RateLimits(db), this.audit, nodeSecrets, clock, config.auth, this.versions);
    this.curation = new CurationService(db, this.kb, this.audit, clock);
    const toolbox = readToolbox(config.dataDir);
    this.sourceGrader = readSourceGrader(config.dataDir);
    this.sanctions = new SanctionsService(toolbox.sanctions, readSanctionsFiles(config.dataDir), new SanctionsRepository(db), { clock, sha256: nodeSecrets.sha256 });
    this.toolbox = new ToolboxService(
      toolbox,
      new IncidentRepository<IncidentInput>(db, this.audit, defaultTlp),
      clock,
      randomIds,
      { defaultTlp, accounts: mode === 'on' ? accountRepo : undefined, organisations },
      () => this.sanctions.data(),
      { relationsWith: async (state, asOf) => relationsWith(await this.kb.dataset(), state, asOf) },
      this.sourceGrader,
    );
  }

  /** The audit trail as the principal may read it (role checked here as well as at the route). */
  async readAudit(p: Principal, opts: AuditListOptions) {
    enforce(decide(p, 'audit.read'));
    return this.audit.list(clearanceOf(p), opts);
  }

  async verifyAudit(p: Principal) {
    enforce(decide(p, 'audit.read'));
    return this.audit.verify();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Today's date (UTC) by this workbench's clock. */
  today(): IsoDate {
    return this.clock.now().slice(0, 10) as IsoDate;
  }

  /**
   * The date a view of the knowledge base reads its facts at: the one asked for, or today when none is given. "No date"
   * never means "every value known, whatever its date": the data holds values dated after today (a dialogue's status
   * turning unknown in a later year), which a reader of today must not see; a date after today is refused, and one
   * before the observatory's record begins (FIRST_AS_OF) too (readViewDate).
   */
  asOf(raw: string | undefined, field = 'asOf'): IsoDate {
    return readViewDate(raw, this.today(), field);
  }

  async partners(asOf?: string) {
    return listPartners(await this.kb.dataset(), this.asOf(asOf));
  }

  async partner(id: string, asOf?: string) {
    return buildProfile(await this.kb.dataset(), id, this.asOf(asOf));
  }

  async dialogues(query: DialogueQuery, asOf?: string) {
    return queryDialogues(await this.kb.dataset(), query, this.asOf(asOf));
  }

  async matrix(asOf?: string) {
    return instrumentMatrix(await this.kb.dataset(), this.asOf(asOf));
  }

  async actors(kind?: string, asOf?: string) {
    return queryActors(await this.kb.dataset(), kind, this.asOf(asOf));
  }

  async areas() {
    return areasOfResponsibility(await this.kb.dataset());
  }

  async strategies(asOf?: string) {
    return strategies(await this.kb.dataset(), this.asOf(asOf));
  }

  /** Every partner's and the EU's national cybersecurity strategies adopted by the date. */
  async nationalStrategies(asOf?: string) {
    return allStrategiesAt((await this.kb.dataset()).nationalStrategies, this.asOf(asOf));
  }

  async search(q: string | undefined, opts: { asOf?: string; partner?: string; kind?: string; limit?: string }) {
    if (!q || !q.trim()) throw new AppError('invalid_input', 'A search needs a query text (q)', [{ path: 'q', message: 'required' }]);
    if (q.length > SEARCH_QUERY_MAX) {
      throw new AppError('invalid_input', `q is ${q.length} characters long; a search query is at most ${SEARCH_QUERY_MAX} characters`, [
        { path: 'q', message: `at most ${SEARCH_QUERY_MAX} characters` },
      ]);
    }
    const asOf = this.asOf(opts.asOf);
    const partner = opts.partner ? normalisePartnerId(opts.partner, await this.kb.dataset()) : undefined;
    const kind = checkFilter('kind', opts.kind, FACT_KINDS);
    let limit = 50;
    if (opts.limit !== undefined) {
      limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT_MAX) {
        throw new AppError('invalid_filter', `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}, got "${opts.limit}"`, [{ path: 'limit', message: `1..${SEARCH_LIMIT_MAX}` }]);
      }
    }
    return this.kb.search(q, { asOf, partner, kind, limit });
  }
}

/**
 * Seeds the knowledge base elsewhere and answers what the seed did: the server's start passes one that seeds in a
 * short-lived process (server/seed-process.ts), so that the garbage of parsing and writing the data files is not left
 * in the long-running server's heap. The seed is the same (seedStore); the server then reads the knowledge base back
 * from the store on its first read, as it does on any start that finds the data unchanged.
 */
export type Seeder = () => Promise<SeedReport>;

/** Brings the knowledge base of the database in line with the data files, and closes the database (a Seeder's work). */
export async function seedStore(config: Config): Promise<SeedReport> {
  const db = await openDatabase(config.dbPath);
  try {
    const digest = datasetDigest(config.dataDir);
    return (await seedKnowledgeBase(db, readRawDataset(config.dataDir), digest)).report;
  } finally {
    await db.destroy();
  }
}

/**
 * Opens (creating and migrating when needed) the database and brings the knowledge base in line with the data files
 * (in this process, or through `seeder` when given and the files changed since the last seed);
 * with an audit key, puts the audit trail under it on the first open (AuditLog.adoptKey).
 */
export async function openWorkbench(config: Config, opts: { seed?: boolean; clock?: Clock; seedRegistry?: boolean; seeder?: Seeder } = {}): Promise<Workbench> {
  const wb = await openStore(config, opts);
  try {
    await wb.audit.adoptKey((opts.clock ?? systemClock).now());
    // The server's start (npm start) also puts the reviewed precedents into the incident registry, and brings the
    // copies nobody else wrote to the reviewed data.
    if (opts.seedRegistry) wb.registrySeed = await wb.toolbox.seedPrecedents(wb.audit);
  } catch (error) {
    await wb.close();
    throw error;
  }
  return wb;
}

async function openStore(config: Config, opts: { seed?: boolean; clock?: Clock; seeder?: Seeder }): Promise<Workbench> {
  const db = await openDatabase(config.dbPath);
  try {
    if (opts.seed === false) return new Workbench(db, config, undefined, opts.clock);
    // Parsing and validating the YAML is most of a CLI call's start-up: skip it when the files are those of the last seed.
    const digest = datasetDigest(config.dataDir);
    if (digest !== undefined && digest === (await seededSourceDigest(db))) return new Workbench(db, config, await unchangedSeedReport(db), opts.clock);
    if (opts.seeder) return new Workbench(db, config, await opts.seeder(), opts.clock);
    const seeded = await seedKnowledgeBase(db, readRawDataset(config.dataDir), digest);
    const wb = new Workbench(db, config, seeded.report, opts.clock);
    wb.kb.prime(seeded.version, seeded.dataset);
    return wb;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
