// The rows of the audit trail as they are stored: each entry's contents canonicalised once and its link hashed over
// the previous entry's hash. No database here, so that a worker thread can build the rows of an import (audit-worker.ts).
import { canonicalJson, chainHash, chainInput, type AuditEntry, type Hasher } from '../core/audit/chain';
import type { Actor } from '../core/auth/principal';
import type { AuditLogTable } from './schema';

export interface AuditWrite {
  actor: Actor;
  at: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : canonicalJson(v));

/**
 * The row of an entry, its link hashed with `hash` (the plain SHA-256, or the HMAC once the trail is keyed). Its
 * contents are canonicalised once: the stored text is the canonical JSON the link's hash covers (the verifier
 * canonicalises what it parses back, which gives the same text).
 */
export function auditRow(seq: number, prevHash: string, w: AuditWrite, hash: Hasher): AuditLogTable {
  const entry: AuditEntry = {
    seq,
    at: w.at,
    actor: w.actor.id,
    actorOrg: w.actor.org,
    action: w.action,
    targetType: w.targetType,
    targetId: w.targetId,
    before: w.before ?? null,
    after: w.after ?? null,
  };
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const input = chainInput(prevHash, entry, before ?? 'null', after ?? 'null');
  return {
    seq,
    at: entry.at,
    actor: entry.actor,
    actor_org: entry.actorOrg,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before,
    after,
    prev_hash: prevHash,
    hash: input === undefined ? chainHash(hash, prevHash, entry) : hash(input),
  };
}

/** The rows of consecutive entries from `seq` on, chained from `prev`; keyed links (from `keyedFrom`) hashed with `mac`. */
export function auditRows(seq: number, prev: string, writes: readonly AuditWrite[], hashes: { plain: Hasher; mac?: Hasher | undefined; keyedFrom: number | null }): AuditLogTable[] {
  const rows: AuditLogTable[] = [];
  for (const w of writes) {
    const keyed = hashes.mac && hashes.keyedFrom !== null && seq >= hashes.keyedFrom ? hashes.mac : undefined;
    const row = auditRow(seq++, prev, w, keyed ?? hashes.plain);
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}
