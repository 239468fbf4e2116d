// The body an import's audit entry refers to instead of holding a copy. The entry of a record an import creates says
// `{ stored: { version: 1, sha256 }, marking, source }`: the SHA-256 of the body's canonical JSON (the very text the
// entry held before) and the version it was stored as. The store keeps that version's text where its readers find it:
// an incident's first history entry (the view incident_history_read, migration 0103); an imported record's row, or,
// once a later import changed the record, the `before` of that import's entry, which holds the body it replaced.
// Readers of the trail put the body back in its place, so that they answer as the copy did; `audit verify` recomputes
// the digest, so that a stored first version changed or removed outside the application is named (ADR 0002).
import { hash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson, type ChainedEntry } from '../core/audit/chain';
import type { Db } from './db';

/** What an entry carries in place of the body of the record it created. */
export interface StoredRef {
  version: 1;
  sha256: string;
}

/** The reference an entry's `after` carries for the body's canonical JSON (one call, no Hash object per body). */
export function storedRef(canonicalBody: string): StoredRef {
  return { version: 1, sha256: hash('sha256', canonicalBody, 'hex') };
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
  const fields = after as Record<string, unknown>;
  const out: [string, unknown][] = [];
  let placed = false;
  // The default sort orders by UTF-16 code units, as comparing with < does; the body takes its key's place.
  for (const k of Object.keys(fields).sort()) {
    if (!placed && kind <= k) {
      out.push([kind, JSON.parse(canonicalBody) as unknown]);
      placed = true;
    }
    if (k !== 'stored' && k !== kind) out.push([k, fields[k]]);
  }
  if (!placed) out.push([kind, JSON.parse(canonicalBody) as unknown]);
  return Object.fromEntries(out);
}

/** Entries per query: each brings its id at most twice, far below both dialects' limits on bound values. */
const IDS = 500;

/** What the look-up needs of an entry: which record it wrote and what its `after` holds (parsed). */
export type BodyEntry = Pick<ChainedEntry, 'seq' | 'targetType' | 'targetId' | 'after'>;

/**
 * A text that may be the first version, and whether it is already the canonical JSON its digest is taken of (a body
 * written out of a later entry's `before` here): hashed as it is, since writing it out again would give it unchanged
 * (canonical-json.test.ts).
 */
interface Candidate {
  text: string;
  canonical: boolean;
}

/**
 * For each entry that refers to its body: the canonical JSON of the stored text that matches its digest, or
 * undefined when none does (changed or removed). Every text that may be the first version is tried (an incident
 * deleted and created again has two first entries); the digest says which one the entry wrote. One statement per
 * part of IDS entries reads every place the first versions of its records may be kept.
 */
export async function auditedBodies(db: Db, entries: readonly BodyEntry[]): Promise<Map<number, string | undefined>> {
  const out = new Map<number, string | undefined>();
  const refs = entries.flatMap((e) => {
    const ref = storedRefIn(e.after);
    return ref ? [{ e, ref }] : [];
  });
  for (let i = 0; i < refs.length; i += IDS) {
    const part = refs.slice(i, i + IDS);
    const found = await firstVersions(db, part.map(({ e }) => e));
    for (const { e, ref } of part) out.set(e.seq, matching(found.get(e.seq) ?? [], ref));
  }
  return out;
}

/** The canonical JSON of the candidate whose digest is the entry's (two that match are the same text). */
function matching(candidates: readonly Candidate[], ref: StoredRef): string | undefined {
  for (const c of candidates) {
    const canonical = c.canonical ? c.text : canonicalJson(JSON.parse(c.text));
    if (storedRef(canonical).sha256 === ref.sha256) return canonical;
  }
  return undefined;
}

/**
 * Per entry, the texts that may be its record's first version: an incident's first history entries (the view
 * resolves an import's entry left without its copy); an imported record's row, or the body named by the `before` of
 * the first later entry of the same record that replaced it.
 */
async function firstVersions(db: Db, entries: readonly BodyEntry[]): Promise<Map<number, Candidate[]>> {
  const incidents = [...new Set(entries.filter((e) => e.targetType === 'incident').map((e) => e.targetId))];
  const records = entries.filter((e) => e.targetType !== 'incident');
  const ids = [...new Set(records.map((e) => e.targetId))];
  const kinds = [...new Set(records.map((e) => e.targetType))];
  const from = Math.min(...records.map((e) => e.seq));
  const parts = [
    ...(incidents.length ? [sql`SELECT 'h' AS src, incident_id AS id, '' AS kind, seq, after AS text FROM incident_history_read WHERE action = 'create' AND version = 1 AND incident_id IN (${sql.join(incidents)})`] : []),
    ...(ids.length
      ? [
          sql`SELECT 'r' AS src, id, '' AS kind, 0 AS seq, body AS text FROM exchange_record WHERE id IN (${sql.join(ids)})`,
          sql`SELECT 'a' AS src, target_id AS id, target_type AS kind, seq, before AS text FROM audit_log WHERE target_type IN (${sql.join(kinds)}) AND target_id IN (${sql.join(ids)}) AND seq > ${from} AND before IS NOT NULL`,
        ]
      : []),
  ];
  const rows = await sql<{ src: string; id: string; kind: string; seq: number; text: string | null }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);

  const firsts = new Map<string, string[]>();
  const rowBody = new Map<string, string>();
  const changes = new Map<string, Change[]>();
  for (const r of rows.rows) {
    if (r.text === null) continue;
    if (r.src === 'r') rowBody.set(r.id, r.text);
    else if (r.src === 'h') listed(firsts, r.id).push(r.text);
    else listed(changes, `${r.kind}\u0000${r.id}`).push({ seq: Number(r.seq), before: r.text });
  }
  // In the order they were written (the statement does not sort its rows and their texts).
  for (const list of changes.values()) list.sort((a, b) => a.seq - b.seq);
  const out = new Map<number, Candidate[]>();
  for (const e of entries) {
    if (e.targetType === 'incident') {
      out.set(e.seq, (firsts.get(e.targetId) ?? []).map((text) => ({ text, canonical: false })));
      continue;
    }
    // The first later entry that replaced the body names it as its `before`; while none did, the row holds it.
    const next = (changes.get(`${e.targetType}\u0000${e.targetId}`) ?? []).find((c) => c.seq > e.seq && bodyIn(c, e.targetType) !== undefined);
    const text = next ? bodyIn(next, e.targetType) : rowBody.get(e.targetId);
    out.set(e.seq, text === undefined ? [] : [{ text, canonical: next !== undefined }]);
  }
  return out;
}

function listed<T>(m: Map<string, T[]>, key: string): T[] {
  let list = m.get(key);
  if (!list) m.set(key, (list = []));
  return list;
}

/** A later entry of a record with the body its `before` holds, worked out once. */
interface Change {
  seq: number;
  before: string;
  body?: string | undefined;
  read?: boolean;
}

/**
 * The canonical JSON of the body of `kind` a later entry's `before` holds (the canonical JSON of
 * `{ [kind]: body, marking }`), parsed once however many entries of the record ask.
 */
function bodyIn(c: Change, kind: string): string | undefined {
  if (!c.read) {
    const b = JSON.parse(c.before) as Record<string, unknown>;
    c.body = kind in b && b[kind] !== null ? canonicalJson(b[kind]) : undefined;
    c.read = true;
  }
  return c.body;
}
