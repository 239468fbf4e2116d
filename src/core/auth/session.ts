// When a sign-in session ends: at its absolute expiry, or after a stretch without use (the idle timeout).
// NIST SP 800-63B, section 4.2.3 (AAL2): reauthenticate at least every 12 hours, and after 30 minutes of inactivity.

/**
 * Last use is written at most this often per session (and per API token), so that reads do not each cost a write. A
 * session may therefore end up to this long before a full idle period has passed since its very last request.
 */
export const TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimes {
  expiresAt: string;
  lastUsedAt: string;
}

export type SessionVerdict = { live: true; touch: boolean } | { live: false; reason: 'expired' | 'idle' };

const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();

/** A session last used at or before this instant has been idle too long. */
export function idleCutoff(now: string, idleMinutes: number): string {
  return minus(now, idleMinutes * 60_000);
}

/** A session last used at or before this instant gets its last use refreshed. */
export function touchCutoff(now: string): string {
  return minus(now, TOUCH_INTERVAL_MS);
}

/** Whether a session still signs someone in at `now`, and whether its last use is stale enough to write again. */
export function judgeSession(s: SessionTimes, now: string, idleMinutes: number): SessionVerdict {
  const at = Date.parse(now);
  if (!(Date.parse(s.expiresAt) > at)) return { live: false, reason: 'expired' };
  // An unreadable last use (NaN) fails the comparison, so it ends the session rather than keeping it.
  const lastUsed = Date.parse(s.lastUsedAt);
  if (!(lastUsed > at - idleMinutes * 60_000)) return { live: false, reason: 'idle' };
  return { live: true, touch: lastUsed <= at - TOUCH_INTERVAL_MS };
}

/**
 * What a session read at an earlier request allows at `now`, while the database's auth version is still the one it was
 * read at (migration 0097): everything but its last use is then as stored. Its absolute expiry is trusted. Its last use
 * may be older than the stored one (another server may have recorded a later use since), never newer: a session that
 * looks live is live, but one that looks idle is read again before it is called ended, and one whose write of last use
 * is due gets it and is read again at its next request (so the kept last use never runs ahead of the stored one).
 */
export type KeptSessionUse = 'use' | 'touch' | 'expired' | 'read-again';

export function judgeKeptSession(s: SessionTimes, now: string, idleMinutes: number): KeptSessionUse {
  const verdict = judgeSession(s, now, idleMinutes);
  if (!verdict.live) return verdict.reason === 'expired' ? 'expired' : 'read-again';
  return verdict.touch ? 'touch' : 'use';
}

/**
 * Whether an API token with that expiry (null: none) is still valid at `now`, the store's condition (expires_at > now,
 * compared as text) so that a token read earlier is judged exactly as a fresh read would judge it.
 */
export function tokenUnexpired(expiresAt: string | null, now: string): boolean {
  return expiresAt === null || expiresAt > now;
}

/**
 * Whether an API token's recorded last use (null: never used) is stale enough at `now` to be written again. Tokens
 * have no idle timeout: their last use only tells an admin which tokens are still in use.
 */
export function tokenTouchDue(lastUsedAt: string | null, now: string): boolean {
  return lastUsedAt === null || !(Date.parse(lastUsedAt) > Date.parse(now) - TOUCH_INTERVAL_MS);
}
