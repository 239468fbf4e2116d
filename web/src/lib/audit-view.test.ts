import { describe, expect, it } from 'vitest';
import { actorFilter, auditQuery, entryNote, fieldChanges, filtersProblem, NO_FILTERS, shortValue, verdictWords } from './audit-view';

describe('the audit page asks', () => {
  it('for a user as the trail names them', () => {
    expect(actorFilter('erin')).toBe('user:erin');
    expect(actorFilter(' user:erin ')).toBe('user:erin');
    expect(actorFilter('operator:ops')).toBe('operator:ops');
    expect(actorFilter('local')).toBe('local');
    expect(actorFilter('  ')).toBeUndefined();
  });
  it('for a page newest first, with the filters set', () => {
    expect(auditQuery(NO_FILTERS, 50)).toEqual({ order: 'newest', limit: 50, before: undefined, actor: undefined, type: undefined, from: undefined, to: undefined });
    expect(auditQuery({ user: 'erin', type: 'incident', from: '2026-01-01', to: '2026-02-01' }, 20, 41)).toEqual({
      order: 'newest',
      limit: 20,
      before: 41,
      actor: 'user:erin',
      type: 'incident',
      from: '2026-01-01',
      to: '2026-02-01',
    });
  });
  it('nothing when the days are the wrong way round', () => {
    expect(filtersProblem({ ...NO_FILTERS, from: '2026-02-02', to: '2026-02-01' })).toBe('The end day (2026-02-01) is before the start day (2026-02-02).');
    expect(filtersProblem({ ...NO_FILTERS, from: '2026-02-01', to: '2026-02-01' })).toBeUndefined();
  });
});

describe('what an entry changed', () => {
  it('lists the fields that differ, nested ones by path', () => {
    const before = { incident: { title: 'A', ongoing: true, victims: [{ country: 'DE' }] }, marking: { tlp: 'amber' } };
    const after = { incident: { title: 'A', ongoing: false, victims: [{ country: 'DE' }, { country: 'FR' }] }, marking: { tlp: 'amber' } };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'incident.ongoing', before: 'true', after: 'false' },
      { field: 'incident.victims', before: '[{"country":"DE"}]', after: '[{"country":"DE"},{"country":"FR"}]' },
    ]);
  });
  it('lists what a creation wrote and a deletion removed', () => {
    expect(fieldChanges(null, { username: 'erin', role: 'editor' })).toEqual([
      { field: 'username', before: '—', after: 'erin' },
      { field: 'role', before: '—', after: 'editor' },
    ]);
    expect(fieldChanges({ role: 'editor' }, null)).toEqual([{ field: 'role', before: 'editor', after: '—' }]);
  });
  it('cuts long values and says when contents are withheld', () => {
    expect(shortValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(entryNote({ before: null, after: null, redacted: true })).toMatch(/withheld/);
    expect(entryNote({ before: null, after: null, redacted: false })).toBe('No contents recorded.');
    expect(entryNote({ before: null, after: { a: 1 }, redacted: false })).toBeUndefined();
  });
});

describe('the chain verdict in words', () => {
  it('says where the chain breaks', () => {
    expect(verdictWords({ valid: false, entries: 9, seq: 4, reason: 'entry 4 is missing' })).toBe('The chain breaks at entry 4: entry 4 is missing.');
  });
  it('says it is intact, and how far the key vouches', () => {
    const head = 'abcdef0123456789';
    expect(verdictWords({ valid: true, entries: 1, head, keyed: { from: null, checked: false } })).toMatch(/^The chain is intact: 1 entry checked, .*\(abcdef012345…\)\. The trail is not keyed/);
    expect(verdictWords({ valid: true, entries: 7, head, keyed: { from: 3, checked: true } })).toMatch(/7 entries checked.*Keyed from entry 3; the keyed links and the head were checked/);
    expect(verdictWords({ valid: true, entries: 7, head, keyed: { from: 3, checked: false } })).toMatch(/lacks the audit key/);
  });
});
