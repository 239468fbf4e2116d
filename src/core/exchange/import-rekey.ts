// An import must not tell its user that a record they may not see exists (security review, finding 10). When a
// record of the batch carries the id of a record held here under a marking that does not include the importing
// user, the imported record moves to an id of the user's own organisation, derived from the id and the
// organisation (so that a re-import finds it again), and every reference inside the batch follows it. The import
// then goes on exactly as it would if the hidden record did not exist. ADR 0005 says what this leaves visible.
import { orgOf, type Principal } from '../auth/principal';
import { canSee, clearanceOf } from '../marking/clearance';
import { recordId, sha1Hex } from './hash';
import { isOrphan, type StoredRecord } from './import-plan';
import type { ImportBatch, Imported } from './records';

type Prefix = Parameters<typeof recordId>[0];
const PREFIXES: readonly Prefix[] = ['inc', 'act', 'atr', 'sgt', 'rpt'];

/** The id an organisation's import uses for `id` when `id` is held here out of its sight. */
export function scopedRecordId(id: string, scope: string, sha1: (text: string) => string = sha1Hex): string {
  const prefix = PREFIXES.find((p) => id.startsWith(`${p}-`)) ?? 'inc';
  return recordId(prefix, `${id}\u0000scope:${scope}`, sha1);
}

/** The ids of the batch that name a record the importing user cannot see. */
export function unseenIds(batch: ImportBatch, stored: ReadonlyMap<string, StoredRecord>, p: Principal): Set<string> {
  const out = new Set<string>();
  if (p.kind !== 'user') return out;
  const clearance = clearanceOf(p);
  const all = [...batch.incidents, ...batch.actors, ...batch.attributions, ...batch.sightings, ...batch.reports];
  for (const item of all) {
    const m = stored.get(item.id)?.marking;
    if (m && !isOrphan(m) && !canSee(clearance, m).visible) out.add(item.id);
  }
  return out;
}

/**
 * The batch with every id in `unseen` moved to the importer's scoped id, references included. Returns the same
 * batch object when nothing moves.
 */
export function rekeyBatch(batch: ImportBatch, unseen: ReadonlySet<string>, p: Principal, sha1?: (text: string) => string): ImportBatch {
  if (!unseen.size) return batch;
  const scope = orgOf(p) ?? (p.kind === 'user' ? `user:${p.username}` : 'operator');
  const moved = new Map<string, string>();
  for (const id of unseen) moved.set(id, scopedRecordId(id, scope, sha1));
  const to = (id: string) => moved.get(id) ?? id;
  const item = <T>(x: Imported<T>, body: T): Imported<T> => ({ ...x, id: to(x.id), body });
  return {
    incidents: batch.incidents.map((x) => item(x, x.body)),
    actors: batch.actors.map((x) => item(x, x.body)),
    attributions: batch.attributions.map((x) => item(x, { ...x.body, subject: { ...x.body.subject, id: to(x.body.subject.id) }, target: to(x.body.target) })),
    sightings: batch.sightings.map((x) => item(x, { ...x.body, of: { ...x.body.of, id: to(x.body.of.id) }, incidents: x.body.incidents.map(to) })),
    reports: batch.reports.map((x) => item(x, { ...x.body, refs: x.body.refs.map((r) => ({ ...r, id: to(r.id) })), incidents: x.body.incidents.map(to) })),
  };
}
