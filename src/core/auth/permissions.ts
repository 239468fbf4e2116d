// What each role may do, as reviewed data, and the one evaluator that answers "may this principal do that?" with its reason.
// Record-level rules (may this user change that incident?) are in ../marking; this file decides by role only.
import type { Principal } from './principal';
import { ROLES, type Role } from './roles';

/** Every action the product guards, with what it lets one do. */
export const ACTIONS = {
  'incident.read': 'read incidents, their history and response plans, as far as each record\'s TLP marking allows',
  'incident.create': 'record an incident, owned by one\'s own organisation',
  'incident.update.own-org': 'change incidents owned by one\'s own organisation, including their marking',
  'incident.update.any': 'change any incident one can see, and record incidents owned by another organisation',
  'incident.delete': 'delete an incident one can see (its history and audit entries are kept)',
  'import.run': 'import STIX bundles and datasets into the registry',
  'token.own': 'create, list and revoke one\'s own API tokens',
  'account.manage': 'create, list, change and disable accounts, and revoke anyone\'s API tokens',
  'audit.read': 'read the audit trail and verify its hash chain',
  'kb.propose': 'propose changes to the knowledge base (they are published once another person reviews them)',
  'kb.review': 'approve or reject changes to the knowledge base proposed by someone else',
} as const;
export type Action = keyof typeof ACTIONS;

const VIEWER: Action[] = ['incident.read', 'token.own'];
const ANALYST: Action[] = [...VIEWER, 'incident.create', 'incident.update.own-org', 'kb.propose'];
const EDITOR: Action[] = [...ANALYST, 'incident.update.any', 'incident.delete', 'import.run', 'kb.review'];
const ADMIN: Action[] = [...EDITOR, 'account.manage', 'audit.read'];

/**
 * The grants of each role. Admins get no exemption from TLP: what they see is decided by the marking like
 * everyone else's (OpenCTI's silent admin bypass, its issue #3133, is what we avoid).
 */
export const ROLE_GRANTS: Readonly<Record<Role, readonly Action[]>> = { viewer: VIEWER, analyst: ANALYST, editor: EDITOR, admin: ADMIN };

/** Anyone, signed in or not, may read the public knowledge base and CLEAR records. */
const ANONYMOUS_GRANTS: readonly Action[] = ['incident.read'];
/** The operator at the command line manages accounts, tokens and the audit trail, nothing else. */
const OPERATOR_GRANTS: readonly Action[] = ['account.manage', 'token.own', 'audit.read'];

export interface Decision {
  allowed: boolean;
  /** 401 when signing in could help, 403 when it could not; absent when allowed. */
  status?: 401 | 403;
  reason: string;
}

export function grantsOf(p: Principal): readonly Action[] {
  switch (p.kind) {
    case 'local':
      return Object.keys(ACTIONS) as Action[];
    case 'anonymous':
      return ANONYMOUS_GRANTS;
    case 'operator':
      return OPERATOR_GRANTS;
    case 'user':
      return ROLE_GRANTS[p.role];
  }
}

/** The lowest role that holds an action, for messages; undefined for actions no role holds. */
export function lowestRoleFor(action: Action): Role | undefined {
  return ROLES.find((r) => ROLE_GRANTS[r].includes(action));
}

export function decide(p: Principal, action: Action): Decision {
  if (grantsOf(p).includes(action)) return { allowed: true, reason: `${describe(p)} may ${ACTIONS[action]}` };
  const needed = lowestRoleFor(action);
  const what = `to ${ACTIONS[action]}${needed ? ` needs the role ${needed} or higher` : ''}`;
  if (p.kind === 'anonymous') return { allowed: false, status: 401, reason: `Sign in first: ${what}` };
  return { allowed: false, status: 403, reason: `Not allowed: ${what}; ${describe(p)}` };
}

export function can(p: Principal, action: Action): boolean {
  return grantsOf(p).includes(action);
}

function describe(p: Principal): string {
  switch (p.kind) {
    case 'anonymous':
      return 'an anonymous reader';
    case 'local':
      return 'the local analyst (sign-in is off)';
    case 'operator':
      return 'the operator at the command line';
    case 'user':
      return `${p.username} has the role ${p.role}`;
  }
}

/** Routes open to "any account": refuses the anonymous reader (401), so a service can check again behind its route. */
export function decideSignedIn(p: Principal): Decision {
  if (p.kind === 'anonymous') return { allowed: false, status: 401, reason: 'Sign in first (a session, or an API token as Authorization: Bearer)' };
  return { allowed: true, reason: `${describe(p)} is signed in` };
}
