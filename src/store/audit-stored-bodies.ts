// The body an import's audit entry refers to instead of holding a copy. The entry of a record an import creates says
// `{ stored: { version: 1, sha256 }, marking, source }`: the SHA-256 of the body's canonical JSON (the very text the
// entry held before) and the version it was stored as. The store keeps that version's text where its readers find it:
// an incident's first history entry (the view incident_history_read, migration 0103); an imported record's row, or,
// once a later import changed the record, the `before` of that import's entry, which holds the body it replaced.
// Readers of the trail put the body back in its place, so that they answer as the copy did; `audit verify` recomputes
// the digest, so that a stored first version changed or removed outside the application is named (ADR 0002).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson, type ChainedEntry } from '../core/audit/chain';
import type { Db } from './db';

/** What an entry carries in place of the body of the record it created. */
export interface StoredRef {
  version: 1;
  sha256: string;
}

/** The reference an entry's `after` carries for the body's canonical JSON. */
export function storedRef(canonicalBody: string): StoredRef {
  return { version: 1, sha256: createHash('sha256').update(canonicalBody).digest('hex') };
}

/** The reference in an entry's `after`, if it carries one. */
export function storedRefIn(after: unknown): StoredRef | undefined {
  if (after === null || typeof after !== 'object' || !('stored' in after)) return undefined;
  const ref = (after as { stored: unknown }).stored;
  if (ref === null || typeof ref !== 'object' || typeof (ref as { sha256?: unknown }).sha256 !== 'string') return undefined;
  return ref as StoredRef;
}

/** `after` with the body in the place of its reference, keys in canonical order as the stored copy read. */
export function withBody(after: object, kind: string, canonicalBody: string): Record<string, unknown> {
  const fields: [string, unknown][] = Object.entries(after).filter(([k]) => k !== 'stored');
  fields.push([kind, JSON.parse(canonicalBody) as unknown]);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(fields);
}

/** Ids per query: far below both dialects' limits on bound values. */
const IDS = 500;

/**
 * For each entry that refers to its body: the canonical JSON of the stored text that matches its digest, or
 * undefined when none does (changed or removed). Every text that may be the first version is tried (an incident
 * deleted and created again has two first entries); the digest says which one the entry wrote.
 */
export async function auditedBodies(db: Db, entries: readonly ChainedEntry[]): Promise<Map<number, string | undefined>> {
  const out = new Map<number, string | undefined>();
  const refs = entries.flatMap((e) => {
    const ref = storedRefIn(e.after);
    return ref ? [{ e, ref }] : [];
  });
  if (!refs.length) return out;
  const texts = new Map<number, string[]>();
  const add = (seq: number, text: string | null | undefined) => {
    if (text === null || text === undefined) return;
    const list = texts.get(seq);
    if (list) list.push(text);
    else texts.set(seq, [text]);
  };

  const incidents = refs.filter(({ e }) => e.targetType === 'incident');
  const firsts = new Map<string, string[]>();
  for (const ids of chunks([...new Set(incidents.map(({ e }) => e.targetId))])) {
    const rows = await sql<{ incident_id: string; after: string | null }>`
      SELECT incident_id, after FROM incident_history_read WHERE action = 'create' AND version = 1 AND incident_id IN (${sql.join(ids)}) ORDER BY seq`.execute(db);
    for (const r of rows.rows) if (r.after !== null) firsts.set(r.incident_id, [...(firsts.get(r.incident_id) ?? []), r.after]);
  }
  for (const { e } of incidents) for (const t of firsts.get(e.targetId) ?? []) add(e.seq, t);

  const records = refs.filter(({ e }) => e.targetType !== 'incident');
  for (const kind of new Set(records.map(({ e }) => e.targetType))) {
    const ofKind = records.filter(({ e }) => e.targetType === kind);
    const from = Math.min(...ofKind.map(({ e }) => e.seq));
    const rowBody = new Map<string, string>();
    const changes = new Map<string, { seq: number; before: string }[]>();
    for (const ids of chunks([...new Set(ofKind.map(({ e }) => e.targetId))])) {
      const rows = await sql<{ id: string; body: string }>`SELECT id, body FROM exchange_record WHERE id IN (${sql.join(ids)})`.execute(db);
      for (const r of rows.rows) rowBody.set(r.id, r.body);
      const later = await sql<{ seq: number; target_id: string; before: string }>`
        SELECT seq, target_id, before FROM audit_log WHERE target_type = ${kind} AND target_id IN (${sql.join(ids)}) AND seq > ${from} AND before IS NOT NULL ORDER BY seq`.execute(db);
      for (const r of later.rows) changes.set(r.target_id, [...(changes.get(r.target_id) ?? []), { seq: Number(r.seq), before: r.before }]);
    }
    for (const { e } of ofKind) {
      // The first later entry that replaced the body names it as its `before`; while none did, the row holds it.
      const next = (changes.get(e.targetId) ?? []).find((c) => c.seq > e.seq && bodyIn(c.before, kind) !== undefined);
      add(e.seq, next ? bodyIn(next.before, kind) : rowBody.get(e.targetId));
    }
  }

  for (const { e, ref } of refs) {
    let found: string | undefined;
    for (const text of texts.get(e.seq) ?? []) {
      const canonical = canonicalJson(JSON.parse(text));
      if (storedRef(canonical).sha256 === ref.sha256) {
        found = canonical;
        break;
      }
    }
    out.set(e.seq, found);
  }
  return out;
}

/** The body of `kind` an entry's `before` holds (the canonical JSON of `{ [kind]: body, marking }`), as JSON. */
function bodyIn(before: string, kind: string): string | undefined {
  const b = JSON.parse(before) as Record<string, unknown>;
  return kind in b && b[kind] !== null ? canonicalJson(b[kind]) : undefined;
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += IDS) out.push(xs.slice(i, i + IDS));
  return out;
}
