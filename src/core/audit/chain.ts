// The audit trail's hash chain: each entry's hash covers the previous entry's hash and the entry's own canonical
// JSON, so that editing, removing or reordering any entry breaks every hash after it. Pure: hashing is a port.
// Anchored with a key (docs/adr/0002-audit-key.md): from `keyedFrom` on, each link is an HMAC under a server secret
// kept outside the database, and the head (last seq, hash, keyedFrom) carries its own MAC, so that someone who can
// write the database but lacks the key can neither recompute the chain after editing it nor cut its tail.
import { canonicalJson } from './canonical-json';

export { canonicalJson };

export interface AuditEntry {
  /** 1, 2, 3, ... without gaps. */
  seq: number;
  at: string;
  /** `user:<username>`, `local`, `operator:<name>`, `bootstrap`, `anonymous`. */
  actor: string;
  actorOrg: string | null;
  /** `<record type>.<verb>`, e.g. incident.update, account.create, token.revoke, auth.login. */
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/**
 * An entry with the text its contents were stored as (null for a NULL column), when its reader has it: the store
 * writes the canonical JSON the link's hash covers, so the link is checked over that text as it stands, without
 * writing the parsed contents out again; a text that is not the canonical one is checked as `chainHash` checks it.
 */
export interface StoredEntry extends ChainedEntry {
  storedText?: { before: string | null; after: string | null };
}

export type Hasher = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(hash: Hasher, prevHash: string, entry: AuditEntry): string {
  const { seq, at, actor, actorOrg, action, targetType, targetId, before, after } = entry;
  return hash(`${prevHash}\n${canonicalJson({ seq, at, actor, actorOrg, action, targetType, targetId, before, after })}`);
}

/**
 * What `chainHash` hashes, built from the canonical JSON of the entry's contents worked out once by the caller (who
 * stores that same text): the entry's keys in canonical order around them. Equal to the text `chainHash` builds
 * for every entry whose scalar fields are defined (the store's are); undefined, it says so by returning undefined.
 */
export function chainInput(prevHash: string, entry: Omit<AuditEntry, 'before' | 'after'>, beforeJson: string, afterJson: string): string | undefined {
  const { seq, at, actor, actorOrg, action, targetType, targetId } = entry;
  if (seq === undefined || at === undefined || actor === undefined || actorOrg === undefined || action === undefined || targetType === undefined || targetId === undefined) return undefined;
  return `${prevHash}\n{"action":${scalar(action)},"actor":${scalar(actor)},"actorOrg":${scalar(actorOrg)},"after":${afterJson},"at":${scalar(at)},"before":${beforeJson},"seq":${scalar(seq)},"targetId":${scalar(targetId)},"targetType":${scalar(targetType)}}`;
}

/** A field's canonical JSON; a string's is its JSON string (the store's fields are strings, one number and a null). */
function scalar(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v);
}

/**
 * Whether an entry's hash is the one its contents give. Over the stored text first: a match means that text is the one
 * hashed when the entry was written, a canonical JSON, which the parsed contents written out again give back unchanged
 * (canonicalJson of the parse of its own output is that output: canonical-json.test.ts), so both checks agree; any
 * other text is checked from the parsed contents, as before.
 */
function linkHolds(hash: Hasher, e: StoredEntry): boolean {
  if (e.storedText) {
    const input = chainInput(e.prevHash, e, e.storedText.before ?? 'null', e.storedText.after ?? 'null');
    if (input !== undefined && hash(input) === e.hash) return true;
  }
  return chainHash(hash, e.prevHash, e) === e.hash;
}

/** The head of the trail as the store records it; `keyedFrom` and `mac` are null while the trail is unkeyed. */
export interface ChainHead {
  seq: number;
  hash: string;
  keyedFrom?: number | null;
  mac?: string | null;
}

/** What the head's MAC covers: distinct from an entry's input, so that no entry's hash can stand in for it. */
export function headMacInput(head: { seq: number; hash: string; keyedFrom: number | null }): string {
  return `cyberdiplo-audit-head\n${head.seq}\n${head.hash}\n${head.keyedFrom ?? ''}`;
}

/** How many entries the key vouches for: `keyedFrom` on, when the key is set and checked; none otherwise. */
export type Verdict =
  | { valid: true; entries: number; head: string; keyed: { from: number | null; checked: boolean } }
  | { valid: false; entries: number; seq: number; reason: string };

/**
 * Checks entries (in seq order, possibly one page of many: pass the state returned for the previous page)
 * and finally the recorded head. Names the first entry that fails and why.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  private count = 0;
  private failure: { seq: number; reason: string } | undefined;

  /**
   * `mac`: the HMAC under the audit key, when this process has it; `keyedFrom`: the first keyed entry as the head
   * records it (its own MAC, checked in finish, vouches for it).
   */
  constructor(
    private readonly hash: Hasher,
    private readonly keyed: { mac?: Hasher | undefined; keyedFrom?: number | null | undefined } = {},
  ) {}

  /**
   * `problemOf`: what else an entry must satisfy once its hash holds (the store checks that the body an entry refers
   * to by its digest is still stored as it was); a reason fails the entry as a broken hash does.
   */
  add(entries: readonly StoredEntry[], problemOf?: (e: ChainedEntry) => string | undefined): boolean {
    const from = this.keyed.keyedFrom ?? null;
    for (const e of entries) {
      if (this.failure) return false;
      if (e.seq !== this.expectedSeq) {
        this.fail(this.expectedSeq, e.seq > this.expectedSeq ? `entry ${this.expectedSeq} is missing (next is ${e.seq})` : `entry ${e.seq} is out of order`);
        return false;
      }
      if (e.prevHash !== this.prev) {
        this.fail(e.seq, `entry ${e.seq} does not point to the hash of entry ${e.seq - 1}: an entry before it was changed or removed`);
        return false;
      }
      const keyed = from !== null && e.seq >= from;
      if (keyed && !this.keyed.mac) {
        this.fail(e.seq, `entry ${e.seq} and those after it are keyed: verify with the server's CYBERDIPLO_AUDIT_KEY`);
        return false;
      }
      if (!linkHolds(keyed && this.keyed.mac ? this.keyed.mac : this.hash, e)) {
        this.fail(e.seq, `entry ${e.seq} (${e.action} ${e.targetType} ${e.targetId}, written ${e.at}) does not match its ${keyed ? 'keyed hash' : 'hash'}: it was changed after it was written${keyed ? ' (or the audit key is not the one it was written with)' : ''}`);
        return false;
      }
      const problem = problemOf?.(e);
      if (problem !== undefined) {
        this.fail(e.seq, problem);
        return false;
      }
      this.prev = e.hash;
      this.expectedSeq++;
      this.count++;
    }
    return true;
  }

  /** The verdict, given the head (last seq and hash, and its MAC once keyed) the store recorded with the last append. */
  finish(head: ChainHead | undefined): Verdict {
    const keyedFrom = head?.keyedFrom ?? null;
    if (!this.failure && head) {
      if (head.seq !== this.count) this.fail(Math.min(head.seq, this.count + 1), `the trail ends at entry ${this.count} but ${head.seq} were written: entries were removed from the end`);
      else if (head.hash !== this.prev) this.fail(head.seq, `the last entry (${head.seq}) does not match the recorded head hash`);
      else if (this.keyed.mac) {
        if (!head.mac) this.fail(head.seq, 'the head carries no MAC although an audit key is set: the trail was never keyed, or its MAC was removed');
        else if (this.keyed.mac(headMacInput({ seq: head.seq, hash: head.hash, keyedFrom })) !== head.mac) {
          this.fail(head.seq, 'the head does not match its MAC: the end of the trail was cut or rewritten (or the audit key is not the one it was written with)');
        }
      }
    }
    if (this.failure) return { valid: false, entries: this.count, ...this.failure };
    return { valid: true, entries: this.count, head: this.prev, keyed: { from: keyedFrom, checked: Boolean(this.keyed.mac) && keyedFrom !== null } };
  }

  private fail(seq: number, reason: string) {
    this.failure = { seq, reason };
  }
}
