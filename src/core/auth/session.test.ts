// The two session timeouts and the once-a-minute refresh of last use, at their boundaries.
import { describe, expect, it } from 'vitest';
import { idleCutoff, judgeKeptSession, judgeSession, tokenTouchDue, tokenUnexpired, touchCutoff, type KeptSessionUse } from './session';

const T = '2026-05-01T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();
const session = (lastUsedMinutes: number, expiresMinutes = 12 * 60) => ({ lastUsedAt: at(lastUsedMinutes), expiresAt: at(expiresMinutes) });

describe('session timeouts', () => {
  it('ends a session after the idle period without use, to the millisecond', () => {
    expect(judgeSession(session(0), at(29.99), 30)).toEqual({ live: true, touch: true });
    expect(judgeSession(session(0), at(30), 30)).toEqual({ live: false, reason: 'idle' });
    expect(judgeSession(session(10), at(39), 30)).toMatchObject({ live: true });
  });

  it('ends a session at its absolute expiry however recently it was used', () => {
    expect(judgeSession(session(59.5, 60), at(59.9), 30)).toEqual({ live: true, touch: false });
    expect(judgeSession(session(59.5, 60), at(60), 30)).toEqual({ live: false, reason: 'expired' });
  });

  it('asks for a write of last use only once a minute has passed', () => {
    expect(judgeSession(session(0), at(0), 30)).toEqual({ live: true, touch: false });
    expect(judgeSession(session(0), at(59 / 60), 30)).toEqual({ live: true, touch: false });
    expect(judgeSession(session(0), at(1), 30)).toEqual({ live: true, touch: true });
  });

  it('treats an unreadable last use as idle, never as live', () => {
    expect(judgeSession({ lastUsedAt: '', expiresAt: at(60) }, at(0), 30)).toEqual({ live: false, reason: 'idle' });
  });

  it('gives the cut-offs the store queries with', () => {
    expect(idleCutoff(at(45), 30)).toBe(at(15));
    expect(touchCutoff(at(45))).toBe(at(44));
  });

  it('writes an API token\'s last use when it was never used, or once a minute has passed', () => {
    expect(tokenTouchDue(null, at(0))).toBe(true);
    expect(tokenTouchDue(at(0), at(59 / 60))).toBe(false);
    expect(tokenTouchDue(at(0), at(1))).toBe(true);
    expect(tokenTouchDue('', at(0))).toBe(true);
  });

  // A kept session's last use may lag the stored one (a later use recorded by another server), never lead it; its
  // expiry is as stored. Over a grid of kept and stored last uses, expiries and instants: whatever the kept reading
  // decides without the database must be what a fresh read decides, and where it cannot know it reads again.
  it('trusts a kept session only where a fresh read cannot answer otherwise', () => {
    const minutes = [-200, -31, -30, -29.99, -5, -1, -0.5, 0, 0.5, 1, 10, 29, 30, 31, 61, 119, 120, 121];
    const seen = new Set<KeptSessionUse>();
    for (const kept of minutes) {
      for (const lag of [0, 0.5, 1, 20, 45]) {
        const stored = kept + lag;
        for (const expires of [30, 60, 120]) {
          for (const now of minutes) {
            if (stored > now) continue; // a recorded use is never later than the present
            const use = judgeKeptSession(session(kept, expires), at(now), 30);
            const fresh = judgeSession(session(stored, expires), at(now), 30);
            seen.add(use);
            if (use === 'expired') expect(fresh).toEqual({ live: false, reason: 'expired' });
            if (use === 'use' || use === 'touch') expect(fresh.live).toBe(true);
            if (use === 'use') expect(fresh).toEqual({ live: true, touch: false });
            // Only the last use can look worse when kept: then the kept reading must ask the database.
            if (!fresh.live && fresh.reason === 'idle') expect(use).toBe('read-again');
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['expired', 'read-again', 'touch', 'use']);
  });

  it('reads a session again when it only looks idle, and keeps the boundaries of the fresh verdict', () => {
    expect(judgeKeptSession(session(0), at(29.99), 30)).toBe('touch');
    expect(judgeKeptSession(session(0), at(30), 30)).toBe('read-again');
    expect(judgeKeptSession(session(0), at(0.5), 30)).toBe('use');
    expect(judgeKeptSession(session(59.5, 60), at(60), 30)).toBe('expired');
    expect(judgeKeptSession({ lastUsedAt: '', expiresAt: at(60) }, at(0), 30)).toBe('read-again');
  });

  it('judges a kept token\'s expiry as the store\'s query does (expires_at > now)', () => {
    expect(tokenUnexpired(null, at(0))).toBe(true);
    expect(tokenUnexpired(at(1), at(0))).toBe(true);
    expect(tokenUnexpired(at(0), at(0))).toBe(false);
    expect(tokenUnexpired(at(-1), at(0))).toBe(false);
  });
});
