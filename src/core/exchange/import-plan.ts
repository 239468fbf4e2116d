// What an import does to each record, decided from what is stored before anything is written: create it, check it
// against the stored one, or leave it (unchanged, or older than the stored version). Each record written gets the
// marking an incident written through the API would get: TLP from the source's object_marking_refs, else the
// stored or deployment level, an import option over both; owned by the importer's organisation; RED naming the
// importing user. What cannot be written refuses the whole import, before any write.
import { canonicalJson } from '../audit/canonical-json';
import { orgOf, type Principal } from '../auth/principal';
import { AppError, isAppError } from '../errors';
import { canSee, clearanceOf, type Clearance, type RecordMarking } from '../marking/clearance';
import { resolveMarking } from '../marking/marking';
import { TLP_LEVELS, tlpFromImport, tlpLabel, type TlpLevel } from '../marking/tlp';
import type { ImportBatch, Imported, Marking, RecordKind } from './records';
import type { ImportReport } from './report';
import { compareTimestamps } from './stix-checks';

/** What the store holds for a record id: the link of its last import, whether its row exists, its marking. */
export interface StoredRecord {
  link?: { hash: string; sourceModified: string | null } | undefined;
  exists: boolean;
  /** Kept after a record is deleted, so that its history stays protected. */
  marking?: RecordMarking | undefined;
  /** The kind the stored marking belongs to: an import may change only a record of the kind it brings. */
  kind?: string | undefined;
  /** The row's version (edits here raise it); read for the re-import memo, not by the plan. */
  version?: number | undefined;
}

/** Import options that set the marking of every record written (`--tlp`, `--org`, `--recipients`). */
export interface ImportMarkingOptions {
  tlp?: TlpLevel | undefined;
  owner?: string | undefined;
  recipients?: string[] | undefined;
}

export interface PlanContext {
  principal: Principal;
  defaultTlp: TlpLevel;
  options: ImportMarkingOptions;
  /** The hash an import link keeps: of the record's body (as JSON) and its source marking. */
  hash(bodyJson: string, marking: Marking | null): string;
  /**
   * The hashes of items planned before, for a run that plans the same items twice (after its writes, for the memo):
   * filled by the first plan and read by the second. Kept by the caller, for as long as it holds those items.
   */
  hashes?: ContentHashes | undefined;
}

/** Each item's content hash (`PlanContext.hash`) by the item, as one run's plans work them out. */
export type ContentHashes = Map<Imported<unknown>, string>;

export interface PlannedWrite<T = unknown> {
  kind: RecordKind;
  item: Imported<T>;
  /** The body as JSON, as it is stored. */
  body: string;
  hash: string;
  /** `create`: no row yet. `check`: a row exists; it is written only where its content or marking differs. */
  mode: 'create' | 'check';
  /** False when the source brought nothing new and only the marking is to be settled. */
  content: boolean;
  marking: RecordMarking;
  stored: RecordMarking | undefined;
  /** Whether an import link is stored for the id (the writer inserts a new one without an upsert); unknown if absent. */
  linked?: boolean;
}

export interface ImportPlan {
  writes: PlannedWrite[];
  /** The marking of the import's report: the most restrictive level it touched, the importer's organisation. */
  reportMarking: RecordMarking;
}

/** An ownerless AMBER or a recipientless RED record (written by imports before markings had owners) nobody can see. */
export function isOrphan(m: RecordMarking): boolean {
  return ((m.tlp === 'amber' || m.tlp === 'amber+strict') && m.owner === null) || (m.tlp === 'red' && m.recipients.length === 0);
}

export function sameMarking(a: RecordMarking | undefined, b: RecordMarking | undefined): boolean {
  if (!a || !b) return a === b;
  const list = (xs: string[]) => [...xs].sort().join('\n');
  return a.tlp === b.tlp && a.owner === b.owner && list(a.sharedWith) === list(b.sharedWith) && list(a.recipients) === list(b.recipients);
}

const rank = (l: TlpLevel) => TLP_LEVELS.indexOf(l);

/** The kinds in the order an import plans and writes them (an attribution names its actor, so actors come first). */
export const PLAN_ORDER: readonly RecordKind[] = ['actor', 'incident', 'attribution', 'sighting', 'report'];

/** An item's content hash, and its body's JSON when that was made for the hash. */
interface Hashed {
  body: string | undefined;
  hash: string;
}

/**
 * An item's hash, worked out once when a run plans the same items twice (`PlanContext.hashes`), with the body's JSON
 * when it was made for the hash (`body` undefined: the caller makes it if it needs it). The body's JSON is not kept: a
 * plan that writes needs it only while its part is written. The hashes are the caller's, not a WeakMap of this
 * module's: a weak map of every record of a large import made each garbage collection trace its entries (about a
 * tenth of a 100,000-row CFR dry run). No closure per call (each was a function object, named by the compiler's
 * wrapper, per record planned).
 */
function hashed(item: Imported<unknown>, ctx: PlanContext): Hashed {
  const known = ctx.hashes?.get(item);
  if (known !== undefined) return { body: undefined, hash: known };
  const body = JSON.stringify(item.body);
  const hash = ctx.hash(body, item.marking);
  ctx.hashes?.set(item, hash);
  return { body, hash };
}

/**
 * The plan of an import, made a part at a time (`plan`) so that each part can be written and let go before the next
 * is planned, counting unchanged and stale records into the report. `finish` throws, so that nothing is written
 * (the caller's transaction is rolled back), when records need an owner organisation or a named recipient the
 * import does not have, or when a user's import would overwrite records held here under a marking that user cannot
 * see; its message counts them over every part. Planning the kinds in PLAN_ORDER, each in its batch order, gives the
 * plan of the whole batch at once (`planImport`), part for part.
 */
/** How many of the records an import is refused for are named in its issues. */
const NAMED_MAX = 20;

export class ImportPlanner {
  private readonly clearance: Clearance;
  private readonly lacking = { owner: new Set<TlpLevel>(), ownerCount: 0, recipients: 0 };
  /** The first records (at most NAMED_MAX) of each refusal for their marking, by their source key, for the message. */
  private readonly lackingKeys = { owner: [] as { key: string; level: TlpLevel }[], recipients: [] as string[] };
  private readonly hidden: string[] = [];
  private readonly otherKind: string[] = [];
  private top: TlpLevel | undefined;

  constructor(
    private readonly stored: ReadonlyMap<string, StoredRecord>,
    private readonly ctx: PlanContext,
    private readonly report: ImportReport,
  ) {
    this.clearance = clearanceOf(ctx.principal);
  }

  /** Whether `finish` will refuse the import: what is planned from here on need not be written. */
  get refused(): boolean {
    return this.lacking.ownerCount > 0 || this.lacking.recipients > 0 || this.otherKind.length > 0 || this.hidden.length > 0;
  }

  /** The writes of some records of one kind. */
  plan<T>(kind: RecordKind, items: readonly Imported<T>[]): PlannedWrite[] {
    const writes: PlannedWrite[] = [];
    for (const item of items) {
      const w = this.one(kind, item as Imported<unknown>);
      if (w) writes.push(w);
    }
    return writes;
  }

  private one(kind: RecordKind, item: Imported<unknown>): PlannedWrite | undefined {
    const { principal: p, options: o, defaultTlp } = this.ctx;
    const s = this.stored.get(item.id);
    // Ids are scoped by kind: an actor, say, never overwrites the incident (or its marking) that has its id.
    if (s?.kind !== undefined && s.kind !== kind) {
      // A record the importer cannot see is refused as such, never described.
      const unseen = p.kind === 'user' && s.marking !== undefined && !isOrphan(s.marking) && !canSee(this.clearance, s.marking).visible;
      (unseen ? this.hidden : this.otherKind).push(item.source.key);
      return;
    }
    const current = s?.marking;
    // A record that brought no TLP level (every CFR and EuRepoC row) is not read for one: the reader's refusal of
    // nothing built an error object each time, about 5 µs a record.
    const brought = item.marking?.tlp ? tlpFromImport(item.marking) : undefined;
    const level = o.tlp ?? brought ?? current?.tlp ?? defaultTlp;
    if (this.top === undefined || rank(level) > rank(this.top)) this.top = level;
    // Another organisation's record: the importer may not write it (a user importing can see what it changes).
    if (p.kind === 'user' && current && !isOrphan(current) && !canSee(this.clearance, current).visible) {
      this.hidden.push(item.source.key);
      return;
    }
    const { body, hash } = hashed(item, this.ctx);
    const out = this.report.written[kind];
    let content = true;
    if (s?.link && s.link.hash === hash) {
      // The source says what it said last time: the record stays as it is here (local edits included), unless it
      // is an orphan to adopt or the import's options set a marking it does not have.
      content = false;
      const asked = o.tlp !== undefined || o.owner !== undefined;
      // A record deleted here stays deleted.
      if (!s.exists || (current && !isOrphan(current) && (!asked || (level === current.tlp && (o.owner ?? current.owner) === current.owner)))) {
        out.unchanged++;
        return;
      }
    } else if (s?.link && item.source.modified && s.link.sourceModified && compareTimestamps(item.source.modified, s.link.sourceModified) <= 0) {
      out.stale++;
      if (item.source.modified === s.link.sourceModified) {
        this.report.problems.push({ severity: 'warning', object: item.source.key, path: 'modified', message: 'same version as the one stored but different content; the stored one is kept (STIX 2.1 §3.6)' });
      }
      return;
    }
    const input = { tlp: level, ...(o.owner !== undefined ? { owner: o.owner } : {}), ...(level === 'red' && o.recipients?.length ? { recipients: o.recipients } : {}) };
    let marking: RecordMarking;
    try {
      marking = resolveMarking(input, { principal: p, current: current && !isOrphan(current) ? current : undefined, defaultTlp });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'invalid_marking') throw error;
      const paths = error.issues.map((i) => i.path);
      if (paths.includes('owner')) {
        this.lacking.owner.add(level);
        this.lacking.ownerCount++;
        if (this.lackingKeys.owner.length < NAMED_MAX) this.lackingKeys.owner.push({ key: item.source.key, level });
      } else if (paths.includes('recipients')) {
        this.lacking.recipients++;
        if (this.lackingKeys.recipients.length < NAMED_MAX) this.lackingKeys.recipients.push(item.source.key);
      } else throw error;
      return;
    }
    return { kind, item, body: body ?? JSON.stringify(item.body), hash, mode: s?.exists ? 'check' : 'create', content, marking, stored: current, linked: s?.link !== undefined };
  }

  /** The marking of the import's report, once every part is planned; throws if the import is refused. */
  finish(): RecordMarking {
    const { principal: p, options: o } = this.ctx;
    const { lacking, lackingKeys, otherKind, hidden } = this;
    if (lacking.ownerCount) {
      const levels = [...lacking.owner].map(tlpLabel).join(' and ');
      throw new AppError(
        'invalid_marking',
        `Nothing was imported: ${lacking.ownerCount} record(s) marked ${levels} need an owner organisation and this import has none; set CYBERDIPLO_ORG or pass --org ORG (API: ?owner=ORG), or give another level with --tlp; the first: ${lackingKeys.owner[0]?.key}`,
        [
          { path: 'owner', message: `${lacking.ownerCount} record(s) marked ${levels} need an owner organisation` },
          ...lackingKeys.owner.map(({ key, level }) => ({ path: key, message: `marked ${tlpLabel(level)}, needs an owner organisation` })),
        ],
      );
    }
    if (lacking.recipients) {
      throw new AppError(
        'invalid_marking',
        `Nothing was imported: ${lacking.recipients} record(s) marked TLP:RED need a named recipient and this import is run by no user; import with a user's API token (CYBERDIPLO_TOKEN) or name recipients with --recipients USER (API: ?recipients=USER); the first: ${lackingKeys.recipients[0]}`,
        [
          { path: 'recipients', message: `${lacking.recipients} TLP:RED record(s) need a named recipient` },
          ...lackingKeys.recipients.map((key) => ({ path: key, message: 'marked TLP:RED, needs a named recipient' })),
        ],
      );
    }
    if (otherKind.length) {
      throw new AppError(
        'invalid_import',
        `Nothing was imported: ${otherKind.length} record(s) of this import (first: ${otherKind[0]}) carry the id of a record of another kind; an imported id names a record of its own kind only`,
        otherKind.slice(0, 20).map((key) => ({ path: key, message: 'the id of a record of another kind' })),
      );
    }
    if (hidden.length) {
      throw new AppError(
        'conflict',
        `Nothing was imported: ${hidden.length} record(s) of this import (first: ${hidden[0]}) are already held here under a marking that does not include you; their owner can share them with your organisation`,
        hidden.slice(0, 20).map((key) => ({ path: key, message: 'held here under a marking that does not include you' })),
      );
    }
    const level = this.top ?? this.ctx.defaultTlp;
    const recipients = level === 'red' ? [...new Set([...(o.recipients ?? []), ...(p.kind === 'user' ? [p.username] : [])])] : [];
    return { tlp: level, owner: o.owner ?? orgOf(p), sharedWith: [], recipients };
  }
}

/** The items of a batch of one kind. */
export function itemsOf(batch: ImportBatch, kind: RecordKind): readonly Imported<unknown>[] {
  switch (kind) {
    case 'actor':
      return batch.actors;
    case 'incident':
      return batch.incidents;
    case 'attribution':
      return batch.attributions;
    case 'sighting':
      return batch.sightings;
    case 'report':
      return batch.reports;
  }
}

/** The plan of a whole batch at once (see ImportPlanner). */
export function planImport(batch: ImportBatch, stored: ReadonlyMap<string, StoredRecord>, ctx: PlanContext, report: ImportReport): ImportPlan {
  const planner = new ImportPlanner(stored, ctx, report);
  const writes = PLAN_ORDER.flatMap((kind) => planner.plan(kind, itemsOf(batch, kind)));
  return { writes, reportMarking: planner.finish() };
}

/**
 * What a `check` write changes, given the stored body (JSON) of its row. Bodies are compared by content: a record
 * written here (through the API, or by another format's mapper) holds the same fields in another order than the import
 * writes them, and re-importing its own export must leave it as it is, not make a new version with nothing changed.
 */
export function settle(w: PlannedWrite, storedBody: string | undefined): { content: boolean; marking: boolean } {
  return { content: w.content && !sameBody(storedBody, w.body), marking: !sameMarking(w.stored, w.marking) };
}

function sameBody(stored: string | undefined, body: string): boolean {
  if (stored === undefined) return false;
  if (stored === body) return true;
  return canonicalJson(JSON.parse(stored)) === canonicalJson(JSON.parse(body));
}
