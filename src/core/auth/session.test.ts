// The two session timeouts and the once-a-minute refresh of last use, at their boundaries.
import { describe, expect, it } from 'vitest';
import { idleCutoff, judgeSession, tokenTouchDue, touchCutoff } from './session';

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
});
