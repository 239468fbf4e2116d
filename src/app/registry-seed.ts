// Seeds the incident registry with the reviewed precedents on a server's start, so that a first start is not empty:
// each precedent under its deterministic id, TLP:CLEAR and owned by no organisation. When the reviewed precedents
// change, a seeded copy nobody else has written (its every write is the seeder's) is brought to them through the
// registry's update path, so its history and the audit trail record it; a copy someone edited or deleted is left as it
// is (analysts' edits and deletions stand) and the report says why it differs from the reviewed data.
import type { ChainedEntry } from '../core/audit/chain';
import { canonicalJson } from '../core/audit/canonical-json';
import type { Actor } from '../core/auth/principal';
import { clearanceOf } from '../core/marking/clearance';
import type { Clearance, RecordMarking } from '../core/marking/clearance';
import { validateIncidentInput, type IncidentInput } from '../core/toolbox/incident';
import { incidentVocabulary, type Toolbox } from '../core/toolbox/load';
import { incidentFromPrecedent, precedentIncidentId } from '../core/toolbox/precedent-incidents';
import type { HistoryEntry, IncidentRepository } from '../store/incident-repository';

/** A seeded copy that differs from the reviewed data and was left as it is, and why. */
export interface KeptSeedCopy {
  id: string;
  precedent: string;
  /** `edited`: someone other than the seeder wrote it since it was seeded; `deleted`: it was deleted. */
  reason: 'edited' | 'deleted';
  /** Its last write. */
  last: { version: number; action: HistoryEntry<unknown>['action']; at: string };
  /** The incident's fields whose stored value is not the reviewed one (none for a deleted copy). */
  fields: string[];
}

export interface RegistrySeedReport {
  /** When the start seeded the registry. */
  at: string;
  /** Ids of the incidents this start created. */
  inserted: string[];
  /** Ids of untouched seeded copies this start brought to the reviewed data. */
  updated: string[];
  /** Ids of copies already equal to the reviewed data: nothing written. */
  current: string[];
  /** Copies that differ from the reviewed data, left as they are. */
  kept: KeptSeedCopy[];
}

/** The audit trail's entries of a record, as AuditLog.list reads them. */
export interface SeedAudit {
  list(c: Clearance, opts: { after?: number; limit?: number; targetType?: string; targetId?: string }): Promise<ChainedEntry[]>;
}

/** How the audit trail names the writer of seeded incidents. */
export const SEED_ACTOR: Actor = { id: 'seed:precedents', org: null };

const CLEAR: RecordMarking = { tlp: 'clear', owner: null, sharedWith: [], recipients: [] };
const EVERYTHING = clearanceOf({ kind: 'local', org: null });
/** Reads of a copy that another process wrote between this start's read and its write, before giving up on it. */
const ATTEMPTS = 5;

export async function seedPrecedentIncidents(toolbox: Toolbox, incidents: IncidentRepository<IncidentInput>, audit: SeedAudit, at: string): Promise<RegistrySeedReport> {
  const report: RegistrySeedReport = { at, inserted: [], updated: [], current: [], kept: [] };
  const vocabulary = incidentVocabulary(toolbox);
  const reviewed = toolbox.precedents.precedents.map((p) => ({ precedent: p.id, id: precedentIncidentId(p.id), incident: validateIncidentInput(incidentFromPrecedent(p), vocabulary) }));
  // One read of every copy: on most starts each equals the reviewed data and nothing more is read.
  const stored = new Map((await incidents.visibleBodies(EVERYTHING, reviewed.map((r) => r.id))).map((s) => [s.id, s]));
  for (const r of reviewed) {
    const copy = stored.get(r.id);
    if (copy && same(copy.incident, r.incident)) report.current.push(r.id);
    else await settle(r, copy, incidents, audit, at, report);
  }
  return report;
}

type Reviewed = { precedent: string; id: string; incident: IncidentInput };
type Copy = { version: number; incident: IncidentInput } | undefined;

/** Creates, updates or keeps one copy; another server may write it meanwhile, so a write that finds it moved reads again. */
async function settle(r: Reviewed, first: Copy, incidents: IncidentRepository<IncidentInput>, audit: SeedAudit, at: string, report: RegistrySeedReport): Promise<void> {
  let copy = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) copy = (await incidents.visibleBodies(EVERYTHING, [r.id]))[0];
    if (copy && same(copy.incident, r.incident)) return void report.current.push(r.id);
    const history = await incidents.history(EVERYTHING, r.id);
    const last = history.at(-1);
    if (!copy) {
      if (last) return void report.kept.push({ id: r.id, precedent: r.precedent, reason: 'deleted', last: lastWrite(last), fields: [] });
      try {
        await incidents.create(SEED_ACTOR, r.id, r.incident, CLEAR, at);
        return void report.inserted.push(r.id);
      } catch (error) {
        // Another server on the same database seeded it first: read it again.
        if (!(await incidents.history(EVERYTHING, r.id)).length) throw error;
        continue;
      }
    }
    if (!last || !(await seederOnly(audit, r.id, history.length))) {
      return void report.kept.push({ id: r.id, precedent: r.precedent, reason: 'edited', last: lastWrite(last), fields: differingFields(copy.incident, r.incident) });
    }
    // Written only if still at the version read, so that two servers starting together update it once.
    if (await incidents.update(SEED_ACTOR, EVERYTHING, r.id, r.incident, CLEAR, at, { ifVersion: copy.version })) return void report.updated.push(r.id);
  }
  throw new Error(`the seeded incident ${r.id} (precedent ${r.precedent}) was written by another process at each of ${ATTEMPTS} attempts to bring it to the reviewed data`);
}

/** Whether every write of the incident is the seeder's: one audit entry per version of its history, each by the seeder. */
async function seederOnly(audit: SeedAudit, id: string, versions: number): Promise<boolean> {
  let entries = 0;
  for (let after = 0; ; ) {
    const page = await audit.list(EVERYTHING, { after, limit: 100, targetType: 'incident', targetId: id });
    if (page.some((e) => e.actor !== SEED_ACTOR.id)) return false;
    entries += page.length;
    const end = page.at(-1);
    if (!end || page.length < 100) break;
    after = end.seq;
  }
  return entries === versions;
}

const lastWrite = (h: HistoryEntry<unknown> | undefined): KeptSeedCopy['last'] => (h ? { version: h.version, action: h.action, at: h.at } : { version: 0, action: 'create', at: '' });

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The top-level fields whose values differ (canonical JSON, so the order of keys does not count). */
function differingFields(stored: IncidentInput, reviewed: IncidentInput): string[] {
  const a = stored as unknown as Record<string, unknown>;
  const b = reviewed as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k])).sort();
}

/** One line for the operator on a kept copy: which precedent, why it was kept, and what differs. */
export function keptCopyText(k: KeptSeedCopy): string {
  const head = `incident ${k.id} (precedent ${k.precedent}) differs from the reviewed precedents and is kept as it is`;
  if (k.reason === 'deleted') return `${head}: it was deleted (${k.last.at}); deletions stand`;
  const fields = k.fields.length ? `; fields that differ: ${k.fields.join(', ')}` : '';
  return `${head}: written by someone other than the seeder since it was seeded (version ${k.last.version}, ${k.last.at})${fields}`;
}

/**
 * What this server's start did to the reviewed precedents, as an administrator reads it (GET /api/audit/registry-seed):
 * the report with each kept copy's line for the operator; `seeded` false where the store was opened without seeding.
 */
export function registrySeedView(r: RegistrySeedReport | undefined) {
  if (!r) return { seeded: false, at: null, inserted: [], updated: [], current: [], kept: [] };
  return { seeded: true, ...r, kept: r.kept.map((k) => ({ ...k, text: keptCopyText(k) })) };
}
