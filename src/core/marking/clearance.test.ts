// TLP 2.0 as a table: who sees a record of each level, owned by DE, shared with FR at AMBER, named for alice at RED.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { canSee, clearanceOf, type RecordMarking } from './clearance';
import { resolveMarking, decideChange, splitMarking } from './marking';
import { TLP_LEVELS, TlpInput, tlpFromImport, type TlpLevel } from './tlp';

const u = (username: string, org: string, role: 'viewer' | 'analyst' | 'editor' | 'admin' = 'analyst'): Principal => ({ kind: 'user', id: `usr-${username}`, username, role, org, via: 'session' });
const marking = (tlp: TlpLevel): RecordMarking => ({ tlp, owner: 'DE', sharedWith: tlp === 'amber' ? ['FR'] : [], recipients: tlp === 'red' ? ['alice'] : [] });

const WHO: Record<string, Principal> = {
  anonymous: { kind: 'anonymous' },
  operator: { kind: 'operator', name: 'root', org: 'DE' },
  'alice (DE, named)': u('alice', 'DE'),
  'bob (DE)': u('bob', 'DE'),
  'admin (DE)': u('root', 'DE', 'admin'),
  'carol (FR, shared)': u('carol', 'FR'),
  'dan (IT)': u('dan', 'IT'),
  'admin (IT)': u('boss', 'IT', 'admin'),
};

// Rows: principals; columns: clear, green, amber, amber+strict, red.
const TABLE: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  anonymous: [true, false, false, false, false],
  operator: [true, false, false, false, false],
  'alice (DE, named)': [true, true, true, true, true],
  'bob (DE)': [true, true, true, true, false],
  'admin (DE)': [true, true, true, true, false],
  'carol (FR, shared)': [true, true, true, false, false],
  'dan (IT)': [true, true, false, false, false],
  'admin (IT)': [true, true, false, false, false],
};

describe('TLP visibility', () => {
  for (const [who, row] of Object.entries(TABLE)) {
    it.each(TLP_LEVELS.map((l, i) => [l, row[i]] as const))(`${who} sees %s: %s`, (level, expected) => {
      const principal = WHO[who] as Principal;
      const v = canSee(clearanceOf(principal), marking(level));
      expect(v.visible).toBe(expected);
      expect(v.reason).toMatch(/TLP:/);
    });
  }

  it('with sign-in off the local analyst sees everything', () => {
    for (const l of TLP_LEVELS) expect(canSee(clearanceOf({ kind: 'local', org: null }), marking(l)).visible).toBe(true);
  });

  it('AMBER without an owner is visible to no one: the rule fails closed', () => {
    expect(canSee(clearanceOf(u('bob', 'DE')), { tlp: 'amber', owner: null, sharedWith: [], recipients: [] }).visible).toBe(false);
  });
});

describe('reading and setting markings', () => {
  it('reads levels as people write them, TLP 1.0 WHITE as CLEAR', () => {
    expect(TlpInput.parse('TLP:AMBER+STRICT')).toBe('amber+strict');
    expect(TlpInput.parse('White')).toBe('clear');
    expect(TlpInput.safeParse('orange').success).toBe(false);
    expect(tlpFromImport({ tlp: { level: 'white' } })).toBe('clear');
    expect(tlpFromImport(null)).toBeUndefined();
  });

  it('splits marking fields from a record and refuses unknown levels', () => {
    expect(splitMarking({ title: 'x', tlp: 'red', recipients: ['alice'] })).toEqual({ record: { title: 'x' }, marking: { tlp: 'red', recipients: ['alice'] } });
    expect(() => splitMarking({ tlp: 'orange' })).toThrow(/tlp/);
  });

  it('defaults to the deployment level and the writer organisation, and adds the writer to RED recipients', () => {
    const bob = u('bob', 'DE');
    expect(resolveMarking({}, { principal: bob, defaultTlp: 'amber' })).toEqual({ tlp: 'amber', owner: 'DE', sharedWith: [], recipients: [] });
    expect(resolveMarking({ tlp: 'red', recipients: ['alice'] }, { principal: bob, defaultTlp: 'amber' }).recipients).toEqual(['alice', 'bob']);
  });

  it('keeps the current marking on update unless told, and drops sharing lists that no longer apply', () => {
    const current = marking('amber');
    expect(resolveMarking({}, { principal: u('bob', 'DE'), current, defaultTlp: 'green' })).toEqual(current);
    expect(resolveMarking({ tlp: 'green' }, { principal: u('bob', 'DE'), current, defaultTlp: 'green' }).sharedWith).toEqual([]);
  });

  it('refuses sharing lists on the wrong level, ownerless AMBER, and analysts giving records to another organisation', () => {
    const bob = u('bob', 'DE');
    expect(() => resolveMarking({ tlp: 'green', sharedWith: ['FR'] }, { principal: bob, defaultTlp: 'amber' })).toThrow(/sharedWith/);
    expect(() => resolveMarking({ tlp: 'amber' }, { principal: { kind: 'local', org: null }, defaultTlp: 'green' })).toThrow(/owner/);
    expect(() => resolveMarking({ owner: 'FR' }, { principal: bob, defaultTlp: 'amber' })).toThrow(/editors/);
    expect(resolveMarking({ owner: 'FR' }, { principal: u('ed', 'DE', 'editor'), defaultTlp: 'amber' }).owner).toBe('FR');
  });

  it('analysts change their own organisation\'s records, editors any they can see, viewers none', () => {
    expect(decideChange(u('bob', 'DE'), marking('green')).allowed).toBe(true);
    expect(decideChange(u('carol', 'FR'), marking('green'))).toMatchObject({ allowed: false, status: 403 });
    expect(decideChange(u('ed', 'IT', 'editor'), marking('green')).allowed).toBe(true);
    expect(decideChange(u('vi', 'DE', 'viewer'), marking('green'))).toMatchObject({ allowed: false, status: 403 });
    expect(decideChange({ kind: 'anonymous' }, marking('clear'))).toMatchObject({ allowed: false, status: 401 });
  });
});
