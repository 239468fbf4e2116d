// The audit trail's hash chain: each entry's hash covers the previous entry's hash and the entry's own canonical
// JSON, so that editing, removing or reordering any entry breaks every hash after it. Pure: hashing is a port.

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

export type Hasher = (text: string) => string;

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level and no whitespace (the idea of RFC 8785, for our plain data). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(hash: Hasher, prevHash: string, entry: AuditEntry): string {
  const { seq, at, actor, actorOrg, action, targetType, targetId, before, after } = entry;
  return hash(`${prevHash}\n${canonicalJson({ seq, at, actor, actorOrg, action, targetType, targetId, before, after })}`);
}

export type Verdict =
  | { valid: true; entries: number; head: string }
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

  constructor(private readonly hash: Hasher) {}

  add(entries: readonly ChainedEntry[]): boolean {
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
      if (chainHash(this.hash, e.prevHash, e) !== e.hash) {
        this.fail(e.seq, `entry ${e.seq} (${e.action} ${e.targetType} ${e.targetId}, written ${e.at}) does not match its hash: it was changed after it was written`);
        return false;
      }
      this.prev = e.hash;
      this.expectedSeq++;
      this.count++;
    }
    return true;
  }

  /** The verdict, given the head (last seq and hash) the store recorded with the last append. */
  finish(head: { seq: number; hash: string } | undefined): Verdict {
    if (!this.failure && head) {
      if (head.seq !== this.count) this.fail(Math.min(head.seq, this.count + 1), `the trail ends at entry ${this.count} but ${head.seq} were written: entries were removed from the end`);
      else if (head.hash !== this.prev) this.fail(head.seq, `the last entry (${head.seq}) does not match the recorded head hash`);
    }
    if (this.failure) return { valid: false, entries: this.count, ...this.failure };
    return { valid: true, entries: this.count, head: this.prev };
  }

  private fail(seq: number, reason: string) {
    this.failure = { seq, reason };
  }
}
