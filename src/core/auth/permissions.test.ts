// The role table as documented: each role's grants, inheritance, and the status a refusal answers with.
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLE_GRANTS, decide, type Action } from './permissions';
import type { Principal } from './principal';
import { ROLES, type Role } from './roles';

const user = (role: Role): Principal => ({ kind: 'user', id: `usr-${role}`, username: role, role, org: 'DE', via: 'token' });

// The documented list (README "Roles"), written out independently of the implementation.
const EXPECTED: Record<Role, Action[]> = {
  viewer: ['incident.read', 'token.own'],
  analyst: ['incident.read', 'token.own', 'incident.create', 'incident.update.own-org', 'kb.propose'],
  editor: ['incident.read', 'token.own', 'incident.create', 'incident.update.own-org', 'kb.propose', 'incident.update.any', 'incident.delete', 'import.run', 'kb.review'],
  admin: Object.keys(ACTIONS) as Action[],
};

describe('roles and permissions', () => {
  it.each(ROLES)('%s holds exactly its documented actions', (role) => {
    expect([...ROLE_GRANTS[role]].sort()).toEqual([...EXPECTED[role]].sort());
  });

  it('each role holds everything the role below it holds', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = ROLE_GRANTS[ROLES[i - 1] as Role];
      const higher = ROLE_GRANTS[ROLES[i] as Role];
      expect(lower.every((a) => higher.includes(a))).toBe(true);
    }
  });

  it.each(Object.keys(ACTIONS) as Action[])('%s: refusals say 401 to anonymous, 403 to users, and name the role needed', (action) => {
    const anon = decide({ kind: 'anonymous' }, action);
    if (!anon.allowed) {
      expect(anon.status).toBe(401);
      expect(anon.reason).toMatch(/Sign in/);
    }
    for (const role of ROLES) {
      const d = decide(user(role), action);
      expect(d.allowed).toBe(EXPECTED[role].includes(action));
      if (!d.allowed) {
        expect(d.status).toBe(403);
        expect(d.reason).toMatch(/needs the role (viewer|analyst|editor|admin) or higher/);
      }
    }
  });

  it('the local analyst (sign-in off) may do everything; the operator only accounts, tokens and the audit trail', () => {
    for (const a of Object.keys(ACTIONS) as Action[]) expect(decide({ kind: 'local', org: null }, a).allowed).toBe(true);
    const op: Principal = { kind: 'operator', name: 'root', org: null };
    expect((Object.keys(ACTIONS) as Action[]).filter((a) => decide(op, a).allowed).sort()).toEqual(['account.manage', 'audit.read', 'token.own']);
  });
});
