// What an import does to each record, decided from what is stored before anything is written: create it, check it
// against the stored one, or leave it (unchanged, or older than the stored version). Each record written gets the
// marking an incident written through the API would get: TLP from the source's object_marking_refs, else the
// stored or deployment level, an import option over both; owned by the importer's organisation; RED naming the
// importing user. What cannot be written refuses the whole import, before any write.
import { orgOf, type Principal } from '../auth/principal';
import { AppError, isAppError } from '../errors';
import { canSee, clearanceOf, type RecordMarking } from '../marking/clearance';
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
}

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

/** Each item's body as JSON and its hash, worked out once when an import plans the same batch twice. */
const bodies = new WeakMap<Imported<unknown>, { body: string; hash: string; by: PlanContext['hash'] }>();

function hashed(item: Imported<unknown>, hash: PlanContext['hash']): { body: string; hash: string } {
  const known = bodies.get(item);
  if (known && known.by === hash) return known;
  const body = JSON.stringify(item.body);
  const out = { body, hash: hash(body, item.marking), by: hash };
  bodies.set(item, out);
  return out;
}

/**
 * The plan of an import, counting unchanged and stale records into the report. Throws, so that nothing is written,
 * when records need an owner organisation or a named recipient the import does not have, or when a user's import
 * would overwrite records held here under a marking that user cannot see.
 */
export function planImport(batch: ImportBatch, stored: ReadonlyMap<string, StoredRecord>, ctx: PlanContext, report: ImportReport): ImportPlan {
  const { principal: p, options: o } = ctx;
  const clearance = clearanceOf(p);
  const writes: PlannedWrite[] = [];
  const lacking = { owner: new Set<TlpLevel>(), ownerCount: 0, recipients: 0 };
  const hidden: string[] = [];
  const otherKind: string[] = [];
  let top: TlpLevel | undefined;

  const plan = (kind: RecordKind, item: Imported<unknown>) => {
    const s = stored.get(item.id);
    // Ids are scoped by kind: an actor, say, never overwrites the incident (or its marking) that has its id.
    if (s?.kind !== undefined && s.kind !== kind) {
      // A record the importer cannot see is refused as such, never described.
      const unseen = p.kind === 'user' && s.marking !== undefined && !isOrphan(s.marking) && !canSee(clearance, s.marking).visible;
      (unseen ? hidden : otherKind).push(item.source.key);
      return;
    }
    const current = s?.marking;
    const level = o.tlp ?? tlpFromImport(item.marking) ?? current?.tlp ?? ctx.defaultTlp;
    if (top === undefined || rank(level) > rank(top)) top = level;
    // Another organisation's record: the importer may not write it (a user importing can see what it changes).
    if (p.kind === 'user' && current && !isOrphan(current) && !canSee(clearance, current).visible) {
      hidden.push(item.source.key);
      return;
    }
    const { body, hash } = hashed(item, ctx.hash);
    const out = report.written[kind];
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
        report.problems.push({ severity: 'warning', object: item.source.key, path: 'modified', message: 'same version as the one stored but different content; the stored one is kept (STIX 2.1 §3.6)' });
      }
      return;
    }
    const input = { tlp: level, ...(o.owner !== undefined ? { owner: o.owner } : {}), ...(level === 'red' && o.recipients?.length ? { recipients: o.recipients } : {}) };
    let marking: RecordMarking;
    try {
      marking = resolveMarking(input, { principal: p, current: current && !isOrphan(current) ? current : undefined, defaultTlp: ctx.defaultTlp });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'invalid_marking') throw error;
      const paths = error.issues.map((i) => i.path);
      if (paths.includes('owner')) {
        lacking.owner.add(level);
        lacking.ownerCount++;
      } else if (paths.includes('recipients')) lacking.recipients++;
      else throw error;
      return;
    }
    writes.push({ kind, item, body, hash, mode: s?.exists ? 'check' : 'create', content, marking, stored: current });
  };

  for (const item of batch.actors) plan('actor', item);
  for (const item of batch.incidents) plan('incident', item);
  for (const item of batch.attributions) plan('attribution', item);
  for (const item of batch.sightings) plan('sighting', item);
  for (const item of batch.reports) plan('report', item);

  if (lacking.ownerCount) {
    const levels = [...lacking.owner].map(tlpLabel).join(' and ');
    throw new AppError(
      'invalid_marking',
      `Nothing was imported: ${lacking.ownerCount} record(s) marked ${levels} need an owner organisation and this import has none; set CYBERDIPLO_ORG or pass --org ORG (API: ?owner=ORG), or give another level with --tlp`,
      [{ path: 'owner', message: `${lacking.ownerCount} record(s) marked ${levels} need an owner organisation` }],
    );
  }
  if (lacking.recipients) {
    throw new AppError(
      'invalid_marking',
      `Nothing was imported: ${lacking.recipients} record(s) marked TLP:RED need a named recipient and this import is run by no user; import with a user's API token (CYBERDIPLO_TOKEN) or name recipients with --recipients USER (API: ?recipients=USER)`,
      [{ path: 'recipients', message: `${lacking.recipients} TLP:RED record(s) need a named recipient` }],
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
  const level = top ?? ctx.defaultTlp;
  const recipients = level === 'red' ? [...new Set([...(o.recipients ?? []), ...(p.kind === 'user' ? [p.username] : [])])] : [];
  return { writes, reportMarking: { tlp: level, owner: o.owner ?? orgOf(p), sharedWith: [], recipients } };
}

/** What a `check` write changes, given the stored body (JSON) of its row. */
export function settle(w: PlannedWrite, storedBody: string | undefined): { content: boolean; marking: boolean } {
  return { content: w.content && storedBody !== w.body, marking: !sameMarking(w.stored, w.marking) };
}
