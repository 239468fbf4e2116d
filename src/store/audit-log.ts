// The audit trail in the store: appends inside the caller's transaction (so an entry exists exactly when its write
// committed), reads for admins with record contents redacted by TLP, and verification of the whole chain.
import { CompiledQuery, sql } from 'kysely';
import { ChainVerifier, canonicalJson, chainHash, chainInput, headMacInput, type AuditEntry, type ChainHead, type ChainedEntry, type Hasher, type StoredEntry, type Verdict } from '../core/audit/chain';
import type { Actor } from '../core/auth/principal';
import { canSee, type Clearance, type RecordMarking } from '../core/marking/clearance';
import { TLP_LEVELS, type TlpLevel } from '../core/marking/tlp';
import { auditedBodies, withBody } from './audit-stored-bodies';
import { insertRows, rowsPerStatement } from './bulk-insert';
import { dialectOf, type Db } from './db';
import type { AuditLogTable } from './schema';
import { markingJoins, visibleCondition } from './visibility';

export interface AuditWrite {
  actor: Actor;
  at: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Record types whose audit entries carry marked content (imports mark actors, attributions and their reports too). */
/** What a read of the trail narrows to; every filter is optional. */
export interface AuditListOptions {
  after?: number;
  before?: number;
  limit?: number;
  newestFirst?: boolean;
  targetType?: string;
  targetId?: string;
  actor?: string;
  atFrom?: string;
  atUntil?: string;
}

const MARKED_TYPES = ['incident', 'actor', 'attribution', 'sighting', 'report', 'import_report'];

const AUDIT_COLUMNS = ['seq', 'at', 'actor', 'actor_org', 'action', 'target_type', 'target_id', 'before', 'after', 'prev_hash', 'hash'] as const;

const toJson = (v: unknown) => (v === undefined || v === null ? null : canonicalJson(v));
const fromJson = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/**
 * The head's two statements, written out: an import appends once per part of 100 records, and building them with the
 * query builder each time cost about as much as running them. `?` stands for each value, numbered for PostgreSQL.
 */
function headQuery(db: Db, text: string, params: readonly unknown[]): CompiledQuery {
  let i = 0;
  return CompiledQuery.raw(dialectOf(db) === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text, [...params]);
}

function entryOf(r: AuditLogTable): ChainedEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorOrg: r.actor_org,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: fromJson(r.before),
    after: fromJson(r.after),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Whether an entry's content may be shown under the marking it carries (`{ ..., marking }`), if it carries one. */
function underOwnMarking(c: Clearance, content: unknown): boolean {
  if (content === null || typeof content !== 'object' || !('marking' in content)) return true;
  const m = (content as { marking: unknown }).marking;
  if (m === null || typeof m !== 'object' || !('tlp' in m)) return true;
  const { tlp, owner, sharedWith, recipients } = m as Partial<RecordMarking>;
  if (!tlp || !(TLP_LEVELS as readonly string[]).includes(tlp)) return false;
  return canSee(c, { tlp, owner: owner ?? null, sharedWith: sharedWith ?? [], recipients: recipients ?? [] }).visible;
}

/** Why an entry that refers to the body it created fails: no stored text of the record's first version matches its digest. */
function bodyProblem(e: ChainedEntry): string {
  return `entry ${e.seq} (${e.action} ${e.targetType} ${e.targetId}, written ${e.at}) refers by its digest to the body stored as version 1, and no stored body of that version matches it: the record's stored body was changed or removed after it was written`;
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly hash: Hasher,
    private readonly defaultTlp: TlpLevel,
    /** The HMAC under the audit key (CYBERDIPLO_AUDIT_KEY), when this process has it. */
    private readonly mac?: Hasher | undefined,
  ) {}

  /**
   * Moves the head by `n` entries, taking its row lock (which orders appends from every process into one chain),
   * and says from which entry on links are keyed. A keyed trail refuses writers without the key: an unkeyed link
   * after keyed ones would break it.
   */
  private async reserve(trx: Db, n: number): Promise<{ first: number; prev: string; keyedFrom: number | null }> {
    const r = await trx.executeQuery<{ seq: number; hash: string; keyed_from: number | null }>(headQuery(trx, 'UPDATE audit_head SET seq = seq + ? WHERE id = 1 RETURNING seq, hash, keyed_from', [n]));
    const head = r.rows[0];
    if (!head) throw new Error('The audit trail has no head row');
    if (head.keyed_from !== null && !this.mac) throw new Error('The audit trail of this database is keyed: start with the CYBERDIPLO_AUDIT_KEY it was written with');
    const first = head.seq - n + 1;
    return { first, prev: head.hash, keyedFrom: head.keyed_from ?? (this.mac ? first : null) };
  }

  private async moveHead(trx: Db, seq: number, hash: string, keyedFrom: number | null): Promise<void> {
    const mac = this.mac && keyedFrom !== null ? this.mac(headMacInput({ seq, hash, keyedFrom })) : null;
    await trx.executeQuery(headQuery(trx, 'UPDATE audit_head SET hash = ?, keyed_from = ?, mac = ? WHERE id = 1', [hash, keyedFrom, mac]));
  }

  /** Appends one entry; `trx` must be the transaction of the write it records. */
  async append(trx: Db, w: AuditWrite): Promise<number> {
    const { first, prev, keyedFrom } = await this.reserve(trx, 1);
    const row = this.row(first, prev, w, keyedFrom);
    await trx.insertInto('audit_log').values(row).execute();
    await this.moveHead(trx, row.seq, row.hash, keyedFrom);
    return row.seq;
  }

  /**
   * Appends many entries, in order, for one write of many records (an import): the head moves once (taking its lock
   * once) and the rows go in inserts of `rowsPerInsert`, built a group at a time. `trx` is a transaction its caller
   * rolls back whole when anything in it fails (bulk-insert.ts, `rolledBackWhole`): a failing insert may leave rows.
   */
  async appendMany(trx: Db, writes: readonly AuditWrite[], rowsPerInsert = rowsPerStatement(AUDIT_COLUMNS.length)): Promise<void> {
    if (!writes.length) return;
    const { first, prev: start, keyedFrom } = await this.reserve(trx, writes.length);
    let seq = first - 1;
    let prev = start;
    for (let i = 0; i < writes.length; i += rowsPerInsert) {
      const rows = writes.slice(i, i + rowsPerInsert).map((w) => {
        const row = this.row(++seq, prev, w, keyedFrom);
        prev = row.hash;
        return row;
      });
      await insertRows(trx, 'audit_log', rows, AUDIT_COLUMNS, { rolledBackWhole: true });
    }
    await this.moveHead(trx, seq, prev, keyedFrom);
  }

  /**
   * Puts the trail under the audit key, once: on the first open with a key, the head records the first keyed entry
   * and its MAC; over a trail that has entries, an `audit.keyed` entry (itself keyed) says how many earlier entries
   * only the plain chain covers.
   * Does nothing without a key or once the head carries a MAC.
   */
  async adoptKey(at: string): Promise<void> {
    if (!this.mac) return;
    const head = await this.db.selectFrom('audit_head').select(['mac']).where('id', '=', 1).executeTakeFirst();
    if (!head || head.mac) return;
    await this.db.transaction().execute(async (trx) => {
      const locked = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 0) })).where('id', '=', 1).returning(['seq', 'hash', 'mac']).executeTakeFirstOrThrow();
      if (locked.mac) return;
      // An empty trail is keyed from its first entry, with nothing to report.
      if (locked.seq === 0) return this.moveHead(trx, 0, locked.hash, 1);
      await this.append(trx, { actor: { id: 'system', org: null }, at, action: 'audit.keyed', targetType: 'audit', targetId: 'chain', after: { unkeyedEntries: locked.seq } });
    });
  }

  /**
   * The row of an entry. Its contents are canonicalised once: the stored text is the canonical JSON the link's hash
   * covers (the verifier canonicalises what it parses back, which gives the same text).
   */
  private row(seq: number, prevHash: string, w: AuditWrite, keyedFrom: number | null): AuditLogTable {
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
    const keyed = this.mac && keyedFrom !== null && seq >= keyedFrom ? this.mac : undefined;
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
      hash: input === undefined ? chainHash(keyed ?? this.hash, prevHash, entry) : (keyed ?? this.hash)(input),
    };
  }

  /**
   * Entries after `after` (and before `before`), oldest first or newest first. The contents (before, after) of a
   * marked record the reader may not see are withheld; who did what when stays readable. `targetType` with `targetId`
   * (indexed together) narrows to one record; `actor` to one actor's entries; `atFrom` and `atUntil` (ISO text, the
   * first included, the second not) to a span of time.
   */
  async list(c: Clearance, opts: AuditListOptions): Promise<(ChainedEntry & { redacted: boolean })[]> {
    const visible = visibleCondition(c, 'a.target_id', this.defaultTlp);
    const types = sql.join(MARKED_TYPES.map((t) => sql`${t}`));
    const rows = await sql<AuditLogTable & { shown: number }>`
      SELECT a.*, CASE WHEN a.target_type NOT IN (${types}) OR ${visible} THEN 1 ELSE 0 END AS shown
      FROM audit_log a ${markingJoins('a.target_id')}
      WHERE a.seq > ${opts.after ?? 0} ${opts.before !== undefined ? sql`AND a.seq < ${opts.before}` : sql``}
        ${opts.targetId ? sql`AND a.target_id = ${opts.targetId}` : sql``} ${opts.targetType ? sql`AND a.target_type = ${opts.targetType}` : sql``}
        ${opts.actor ? sql`AND a.actor = ${opts.actor}` : sql``}
        ${opts.atFrom ? sql`AND a.at >= ${opts.atFrom}` : sql``} ${opts.atUntil ? sql`AND a.at < ${opts.atUntil}` : sql``}
      ORDER BY a.seq ${opts.newestFirst ? sql`DESC` : sql``} LIMIT ${opts.limit ?? 100}`.execute(this.db);
    const read = rows.rows.map((r) => {
      const e = entryOf(r);
      const shown = Number(r.shown) === 1;
      // Each side's content also keeps the marking it was written under: lowering a record to CLEAR does not
      // publish what it said while it was RED.
      const before = shown && underOwnMarking(c, e.before);
      const after = shown && underOwnMarking(c, e.after);
      return { ...e, before: before ? e.before : null, after: after ? e.after : null, redacted: (e.before !== null && !before) || (e.after !== null && !after) };
    });
    // An import's entry of a record it created refers to the body it stored: the body is read back into its place
    // (audit-stored-bodies.ts); one no stored text matches stays a reference, which `verify` names.
    const bodies = await auditedBodies(this.db, read);
    return read.map((e) => {
      const body = bodies.get(e.seq);
      return body === undefined || e.after === null ? e : { ...e, after: withBody(e.after as object, e.targetType, body) };
    });
  }

  /**
   * Recomputes every hash from the first entry to the recorded head (read first, so that entries appended meanwhile
   * are left for the next run), keyed links and the head's MAC with the audit key.
   */
  async verify(pageSize = 1000): Promise<Verdict> {
    const row = await this.db.selectFrom('audit_head').select(['seq', 'hash', 'keyed_from', 'mac']).where('id', '=', 1).executeTakeFirst();
    const head: ChainHead | undefined = row ? { seq: row.seq, hash: row.hash, keyedFrom: row.keyed_from, mac: row.mac } : undefined;
    const verifier = new ChainVerifier(this.hash, { mac: this.mac, keyedFrom: head?.keyedFrom ?? null });
    let after = 0;
    for (;;) {
      let q = this.db.selectFrom('audit_log').selectAll().where('seq', '>', after);
      if (head) q = q.where('seq', '<=', head.seq);
      const rows = await q.orderBy('seq').limit(pageSize).execute();
      // The texts as stored: each link is checked over its canonical JSON as it stands (chain.ts, linkHolds).
      const entries = rows.map((r): StoredEntry => Object.assign(entryOf(r), { storedText: { before: r.before, after: r.after } }));
      const bodies = await auditedBodies(this.db, entries);
      if (!rows.length || !verifier.add(entries, (e) => (bodies.has(e.seq) && bodies.get(e.seq) === undefined ? bodyProblem(e) : undefined))) break;
      after = rows[rows.length - 1]?.seq ?? after;
    }
    return verifier.finish(head);
  }
}
