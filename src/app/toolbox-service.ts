// The response toolbox's use cases for server and CLI: the incident registry, response plans, measures, Council votes.
import { can, decide } from '../core/auth/permissions';
import { ANONYMOUS, actorOf, type Principal } from '../core/auth/principal';
import type { Relations } from '../core/kb/relations';
import { AppError, allowedList } from '../core/errors';
import { clearanceKey, clearanceOf, type Clearance } from '../core/marking/clearance';
import { refuseUnknownOrganisations, type Organisations } from './organisation-problem';
import { MARKING_FIELDS, decideChange, enforce, resolveMarking, splitMarking, type MarkingInput } from '../core/marking/marking';
import type { TlpLevel } from '../core/marking/tlp';
import { readDate, yearOf, yearStart, type IsoDate } from '../core/dates';
import { checkFilter } from '../core/kb/filters';
import { mergePatch } from '../core/merge-patch';
import { ThreatCategory } from '../core/vocabularies';
import {
  incidentSchema,
  incidentVocabulary,
  memberStatesAt,
  observatoryIdOf,
  planResponse,
  planSanctions,
  planToJson,
  populationShares,
  renderPlanMarkdown,
  simulateVote,
  transitThirdStatesOf,
  apiFieldNames,
  cliOptionNames,
  flatApiFieldNames,
  validateIncidentInput,
  type IncidentInput,
  type Toolbox,
  bareContext,
  candidateFromPrecedent,
  rankPrecedents,
} from '../core/toolbox/index';
import type { SanctionsData } from '../core/sanctions/targets';
import type { SourceGrader } from '../core/sources/grades';
import type { IncidentListQuery, IncidentRepository, ShownIncident, StoredIncident } from '../store/incident-repository';
import type { IncidentChange, IncidentFilter } from '../core/toolbox/incident-listing';
import { precedentIncidentId } from '../core/toolbox/precedent-incidents';
import { seedPrecedentIncidents, type RegistrySeedReport, type SeedAudit } from './registry-seed';
import { PrecedentPool } from './precedent-pool';

export const PLAN_FORMATS = ['json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface Clock {
  now(): string;
}
export interface IdGenerator {
  next(): string;
}

/** What markings need beyond the repository: the deployment default, and (team mode) which usernames exist. */
export interface MarkingPolicy {
  defaultTlp: TlpLevel;
  accounts?: { existing(usernames: readonly string[]): Promise<Set<string>> } | undefined;
  /** The organisations an owner or a sharedWith entry may name: the member states and the EU bodies of the knowledge base. */
  organisations: Organisations;
}

const unknownIncident = (id: string) => new AppError('unknown_incident', `No incident with id "${id}"`, [{ path: 'id', message: 'not found' }]);

/** How many registry incidents a plan compares with at most (the most recent first). */
const PRECEDENT_POOL = 5000;

/** What the observatory offers the toolbox: the EU's relations with a state on a date. */
export interface ObservatoryPort {
  relationsWith(state: string, asOf: IsoDate): Promise<Relations>;
}

const VOTE_LISTS = ['for', 'against', 'abstain', 'constructive', 'notParticipating'] as const;

export class ToolboxService {
  /** The registry's incidents as ranking candidates, kept between plans (see precedent-pool.ts). */
  readonly pool: PrecedentPool;

  constructor(
    readonly toolbox: Toolbox,
    private readonly incidents: IncidentRepository<IncidentInput>,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly markings: MarkingPolicy,
    /** The sanctions framework, register and notes, for plans (the register lives in the store). */
    private readonly sanctionsData: () => Promise<SanctionsData>,
    /** The observatory, read by plans for the initiator state's dialogues and agreements. */
    private readonly observatory?: ObservatoryPort,
    /** The reviewed source grades, for the sources the plan's Markdown lists. */
    private readonly grader?: SourceGrader,
  ) {
    this.pool = new PrecedentPool(incidents, PRECEDENT_POOL);
  }

  private async checkRecipients(input: MarkingInput): Promise<void> {
    const names = input.recipients ?? [];
    if (!this.markings.accounts || !names.length) return;
    const known = await this.markings.accounts.existing(names);
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length) throw new AppError('invalid_marking', `Invalid marking: recipients: no account ${unknown.map((u) => `"${u}"`).join(', ')}`, [{ path: 'recipients', message: `unknown: ${unknown.join(', ')}` }]);
  }

  /** An owner or a sharing list names organisations that exist, as accounts do. */
  private async checkOrganisations(input: MarkingInput): Promise<void> {
    const named = [...(input.owner !== undefined ? [['owner', input.owner] as const] : []), ...(input.sharedWith ?? []).map((o, i) => [`sharedWith.${i}`, o] as const)];
    await refuseUnknownOrganisations(this.markings.organisations, named, 'Invalid marking');
  }

  /**
   * A write naming a field the incident does not have is refused, naming the allowed ones: a typo such as "TLP"
   * would otherwise be dropped and leave the record less protected than its writer meant.
   */
  private refuseUnknownFields(record: unknown): void {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return;
    const fields = Object.keys(incidentSchema(incidentVocabulary(this.toolbox)).in.shape);
    const unknown = Object.keys(record).filter((k) => !fields.includes(k));
    if (!unknown.length) return;
    const allowed = [...fields, ...MARKING_FIELDS].join(', ');
    throw new AppError('invalid_incident', `Invalid incident: unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; allowed fields are ${allowed}`, unknown.map((k) => ({ path: k, message: `unknown field; allowed: ${allowed}` })));
  }

  /** Validates an incident as of today: its dates may not lie in the future. */
  validate(raw: unknown): IncidentInput {
    return validateIncidentInput(raw, { ...incidentVocabulary(this.toolbox), today: this.today() });
  }

  measures() {
    return this.toolbox.measures.measures;
  }

  /** The kinds of act and who may propose each, as the voting rules' file lists them (the vote page offers these). */
  voteActs() {
    return this.toolbox.votingRules.acts.map((a) => ({ id: a.id, proposers: a.proposers ?? null }));
  }

  memberStates(yearRaw?: string) {
    const years = this.toolbox.population.years.map((y) => y.year);
    const year = yearRaw === undefined || yearRaw === '' ? Math.max(...years) : Number(yearRaw);
    // A year after the data's last figures: that year's Council, with the latest figures, said so (as the vote does).
    const latest = Math.max(...years);
    const carried = Number.isInteger(year) && year > latest && year <= 9999 ? latest : undefined;
    const figures = this.toolbox.population.years.find((y) => y.year === (carried ?? year));
    // A Council from the first day votes are counted (1 December 2009) to the first year of figures: its members, without shares.
    const weighted = this.toolbox.votingRules.weightedVotes;
    if (!figures && Number.isInteger(year) && year >= yearOf(weighted.firstDay) && year < Math.min(...years)) {
      return {
        year,
        sources: weighted.sources,
        unverified: true,
        states: memberStatesAt(yearStart(year)).map((m) => ({ ...m, share: null, population: null })),
      };
    }
    if (!figures) {
      throw new AppError('invalid_filter', `No population figures for year "${yearRaw}": available years are ${allowedList(years.map(String))}`, [
        { path: 'year', message: `must be one of ${years.join(', ')}` },
      ]);
    }
    // The Council of that year: 28 members up to 2020, with the United Kingdom.
    const shares = populationShares(figures);
    return {
      year,
      ...(carried !== undefined ? { figuresYear: carried } : {}),
      sources: figures.sources,
      unverified: figures.unverified || carried !== undefined,
      states: memberStatesAt(yearStart(year)).map((m) => ({
        ...m,
        share: shares.get(m.code) ?? null,
        population: figures.states[m.code]?.population ?? null,
        ...(figures.states[m.code]?.unverified ? { unverified: true } : {}),
      })),
    };
  }

  /**
   * Accepts `{ rule, year, votes: {...} }` or the same lists at the top level; a refusal names each field as the
   * body gave it, or as the CLI's option (`surface` 'cli').
   */
  vote(body: unknown, surface: 'api' | 'cli' = 'api') {
    let input = body;
    let names = surface === 'cli' ? cliOptionNames : apiFieldNames;
    if (body && typeof body === 'object' && !Array.isArray(body) && !('votes' in body)) {
      const { rule, act, proposer, emergencyBrake, year, date, defenceImplications, weightedVotesRequested, populationCheck, ...rest } = body as Record<string, unknown>;
      const votes: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) {
        if (!(VOTE_LISTS as readonly string[]).includes(k)) {
          throw new AppError('invalid_vote', `Unknown field "${k}" in the vote: allowed fields are rule, act, proposer, emergencyBrake, year, date, defenceImplications, weightedVotesRequested, populationCheck, ${VOTE_LISTS.join(', ')}`, [{ path: k, message: 'unknown field' }]);
        }
        votes[k] = v;
      }
      const given = Object.entries({ rule, act, proposer, emergencyBrake, year, date, defenceImplications, weightedVotesRequested, populationCheck }).filter(([, v]) => v !== undefined);
      input = { ...Object.fromEntries(given), votes };
      if (surface === 'api') names = flatApiFieldNames;
    }
    return simulateVote(input, { population: this.toolbox.population, votingRules: this.toolbox.votingRules }, names);
  }

  /** The plan on the incident alone (no observatory record), as exports of many plans use it. */
  plan(incident: IncidentInput) {
    const t = this.toolbox;
    return planResponse(incident, t.measures, t.rules, t.severity, { ...bareContext(this.today()), regimes: t.regimes, sanctions: t.sanctions, weightedVotes: t.votingRules.weightedVotes });
  }

  /** The plan with what the observatory holds on the initiator state, read on the plan's date (today by default). */
  async fullPlan(incident: IncidentInput, asOf: IsoDate = this.today()) {
    const t = this.toolbox;
    const country = incident.initiator.country;
    // The observatory files the United Kingdom as UK, an incident as GB.
    const initiatorRelations = country && this.observatory ? await this.observatory.relationsWith(observatoryIdOf(country), asOf) : null;
    // The transit states outside the Union, read on the same day: what the criminal-justice track can ask of each.
    const observatory = this.observatory;
    const transitRelations = observatory ? await Promise.all(transitThirdStatesOf(incident).map((c) => observatory.relationsWith(observatoryIdOf(c), asOf))) : undefined;
    return planResponse(incident, t.measures, t.rules, t.severity, { asOf, regimes: t.regimes, initiatorRelations, sanctions: t.sanctions, weightedVotes: t.votingRules.weightedVotes, ...(transitRelations ? { transitRelations } : {}) });
  }

  /**
   * The past incidents most like this one: the reviewed precedents and the registry's incidents the principal may
   * see (TLP), with what was done and how long it took.
   */
  async precedents(p: Principal, incident: IncidentInput, selfId?: string, asOf?: IsoDate) {
    const registry = await this.pool.candidates(clearanceOf(p));
    // A seeded precedent is ranked once, as the reviewed record (with its dates' own precision), not again as its
    // registry copy; the plan of that copy leaves the precedent itself out.
    const seeded = new Map(this.toolbox.precedents.precedents.map((x) => [precedentIncidentId(x.id), x.id]));
    const candidates = [
      ...this.toolbox.precedents.precedents.map(candidateFromPrecedent),
      ...registry.filter((i) => !seeded.has(i.id)).map((i) => i.candidate),
    ];
    const self = selfId === undefined ? undefined : (seeded.get(selfId) ?? selfId);
    // A copy: the ranked precedents share lists with the kept candidates, which no caller may change.
    return structuredClone(rankPrecedents(incident, candidates, { limit: 5, ...(self ? { selfId: self } : {}), ...(asOf ? { asOf } : {}) }));
  }

  /**
   * Puts the reviewed precedents into the registry, and brings the copies only the seeder wrote (read in `audit`) to
   * them (see registry-seed.ts); a server does this on start.
   */
  async seedPrecedents(audit: SeedAudit): Promise<RegistrySeedReport> {
    return seedPrecedentIncidents(this.toolbox, this.incidents, audit, this.clock.now());
  }

  /**
   * The plan for an incident, with its identified persons and entities screened against the sanctions listings and
   * its precedents; `principal` decides which registry incidents may serve as precedents.
   */
  async respond(
    incident: IncidentInput,
    format: string | undefined,
    opts: { principal?: Principal; selfId?: string; marking?: TlpLevel; asOf?: string | undefined; asOfField?: string } = {},
  ): Promise<{ format: PlanFormat; body: unknown }> {
    const f = checkFilter('format', format, PLAN_FORMATS) ?? 'json';
    const asOf = this.planDate(incident, opts.asOf, opts.asOfField);
    const plan = await this.fullPlan(incident, asOf);
    const sanctions = planSanctions(await this.sanctionsData(), incident, asOf);
    const precedents = await this.precedents(opts.principal ?? ANONYMOUS, incident, opts.selfId, asOf);
    return f === 'markdown'
      ? { format: f, body: renderPlanMarkdown(plan, incident, sanctions, precedents, opts.marking, this.grader) }
      : { format: f, body: { ...planToJson(plan), sanctions, precedents } };
  }

  /**
   * A plan's date: the one asked for (a calendar date up to today) or today. A plan is made on or after the day the
   * incident began; the rules, the Council, the sanctions listings, the observatory and the precedents are read on it.
   */
  planDate(incident: IncidentInput, raw: string | undefined, field = 'asOf'): IsoDate {
    const date = readDate(raw, this.today(), field);
    if (date < incident.start) {
      throw new AppError('invalid_date', `${field} ${date} is before the incident began (${incident.start}); a plan is made on a date from its start up to today`, [
        { path: field, message: `from ${incident.start} up to ${this.today()}` },
      ]);
    }
    return date;
  }

  private today(): IsoDate {
    return this.clock.now().slice(0, 10) as IsoDate;
  }

  /** Records an incident; marking fields (tlp, owner, sharedWith, recipients) may sit beside the incident's fields. */
  async create(p: Principal, raw: unknown): Promise<StoredIncident<IncidentInput>> {
    enforce(decide(p, 'incident.create'));
    const { record, marking: input } = splitMarking(raw);
    this.refuseUnknownFields(record);
    const incident = this.validate(record);
    await this.checkOrganisations(input);
    const marking = resolveMarking(input, { principal: p, defaultTlp: this.markings.defaultTlp });
    await this.checkRecipients(input);
    return this.incidents.create(actorOf(p), this.ids.next(), incident, marking, this.clock.now());
  }

  /** An incident the principal may see; a hidden one answers exactly like a missing one. */
  async get(p: Principal, id: string): Promise<ShownIncident<IncidentInput>> {
    const found = await this.incidents.get(clearanceOf(p), id);
    if (!found) throw unknownIncident(id);
    return found;
  }

  /** Ids of every incident the principal may see, for exports. */
  async visibleIds(p: Principal): Promise<string[]> {
    return this.incidents.visibleIds(clearanceOf(p));
  }

  async list(p: Principal, q: IncidentsQueryText) {
    return this.incidents.list(clearanceOf(p), listQuery(q));
  }

  /** The page of `list` with each incident's body as the JSON text stored (for the HTTP answer, written without parsing it). */
  async listStored(p: Principal, q: IncidentsQueryText) {
    return this.incidents.listStored(clearanceOf(p), listQuery(q));
  }

  /**
   * What the answer of `list` depends on besides the stored incidents (`incidentVersion`): the reader's clearance and
   * the checked query. Equal keys at one version give equal answers; a query `list` refuses is refused here.
   */
  listKey(p: Principal, q: IncidentsQueryText): string {
    return JSON.stringify([clearanceKey(clearanceOf(p)), listQuery(q)]);
  }

  /** The incident version, moved by every write of incidents, markings, grants and import links (any process's). */
  incidentVersion(): Promise<number> {
    return this.incidents.version();
  }

  /** What of a list's key a write may move: the reader's clearance and the checked filters (see listKey). */
  listScope(p: Principal, q: IncidentsQueryText): { clearance: Clearance; filter: IncidentFilter } {
    const { category, ongoing, q: text } = listQuery(q);
    return { clearance: clearanceOf(p), filter: { category, ongoing, q: text } };
  }

  /** Calls `listener` after each write of one incident this process commits, with the incident before and after it. */
  onIncidentChange(listener: (change: IncidentChange) => void): void {
    this.incidents.changes.listen(listener);
  }

  /** Resolves when no incident write of this process is under way (its carry done), at once if none is. */
  incidentWritesSettled(): Promise<void> {
    return this.incidents.changes.settled();
  }

  /**
   * Replaces an incident (`merge: false`) or applies a JSON merge patch to it; the result is validated whole.
   * The role is checked first (its answer says nothing about the record), then visibility (404), then whether
   * this principal may change this record (403).
   */
  async update(p: Principal, id: string, raw: unknown, opts: { merge: boolean }) {
    if (!can(p, 'incident.update.any')) enforce(decide(p, 'incident.update.own-org'));
    const current = await this.get(p, id);
    enforce(decideChange(p, current.marking));
    const { record, marking: input } = splitMarking(raw);
    this.refuseUnknownFields(record);
    const next = this.validate(opts.merge ? mergePatch(current.incident, record) : record);
    await this.checkOrganisations(input);
    const marking = resolveMarking(input, { principal: p, current: current.marking, defaultTlp: this.markings.defaultTlp });
    await this.checkRecipients(input);
    const updated = await this.incidents.update(actorOf(p), clearanceOf(p), id, next, marking, this.clock.now());
    if (!updated) throw unknownIncident(id);
    return updated;
  }

  async remove(p: Principal, id: string): Promise<void> {
    enforce(decide(p, 'incident.delete'));
    if (!(await this.incidents.delete(actorOf(p), clearanceOf(p), id, this.clock.now()))) throw unknownIncident(id);
  }

  async history(p: Principal, id: string) {
    const entries = await this.incidents.history(clearanceOf(p), id);
    if (entries.length === 0) throw unknownIncident(id);
    return entries;
  }
}

/** The query of an incident list as the route receives it. */
export interface IncidentsQueryText {
  category?: string;
  ongoing?: string;
  q?: string;
  limit?: string;
  offset?: string;
}

/** An incident list's query as sent (text), checked: unknown categories and out-of-range numbers are invalid_filter. */
function listQuery(q: IncidentsQueryText): IncidentListQuery {
  const category = checkFilter('category', q.category, ThreatCategory);
  const ongoing = checkFilter('ongoing', q.ongoing, ['true', 'false'] as const);
  const num = (name: string, v: string | undefined, def: number, max: number) => {
    if (v === undefined || v === '') return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new AppError('invalid_filter', `${name} must be a whole number from 0 to ${max}, got "${v}"`, [{ path: name, message: `0..${max}` }]);
    return n;
  };
  return {
    category,
    ongoing: ongoing === undefined ? undefined : ongoing === 'true',
    q: q.q,
    limit: Math.max(1, num('limit', q.limit, 100, 1000)),
    offset: num('offset', q.offset, 0, 1_000_000),
  };
}
