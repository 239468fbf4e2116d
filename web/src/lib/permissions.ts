// What the signed-in person may do, read from GET /api/auth/me, with the reason to show beside a control they lack.
// The server decides again on every request; this only spares people buttons that would be refused.
import type { Action, Me, Principal } from '../auth-types';
import type { RecordMarking } from '../toolbox-types';

export type Allowance = { allowed: true } | { allowed: false; reason: string; signIn: boolean };

const VERBS: Record<Action, string> = {
  'incident.read': 'read incidents',
  'incident.create': 'record incidents',
  'incident.update.own-org': "edit your organisation's incidents",
  'incident.update.any': 'edit incidents of other organisations',
  'incident.delete': 'delete incidents',
  'token.own': 'create API tokens',
  'account.manage': 'manage accounts',
  'import.run': 'import files into the registry',
  'audit.read': 'read the audit trail',
};

/** Every grant GET /api/auth/me may list, in the words of "your role lets you …" (src/core/auth/permissions.ts). */
const GRANT_WORDS: Record<string, string> = {
  ...VERBS,
  'incident.read': 'read incidents as far as their marking allows',
  'incident.update.own-org': "change your organisation's incidents and their marking",
  'incident.update.any': 'change any incident you can see, and its owner organisation',
  'token.own': 'create and revoke your own API tokens',
  'account.manage': "create, change and disable accounts, and revoke anyone's API tokens",
  'import.run': 'import STIX bundles and datasets',
};

/** What the role's grants let the person do, in words, for their account page; unknown grants are named as they are. */
export function grantsInWords(permissions: readonly string[]): string[] {
  return permissions.map((a) => GRANT_WORDS[a] ?? a);
}

const ALLOWED: Allowance = { allowed: true };

export const isTeamMode = (me: Me) => me.authMode === 'on';

/** Account screens exist in team mode only: with sign-in off there are no accounts to manage. */
export const managesAccounts = (me: Me) => isTeamMode(me) && me.permissions.includes('account.manage');

/** The name shown for whoever is asking: a username, or what the server calls the single analyst. */
export function whoIs(p: Principal): string {
  switch (p.kind) {
    case 'user':
      return p.username;
    case 'anonymous':
      return 'a visitor who is not signed in';
    case 'local':
      return 'the single analyst';
    case 'operator':
      return 'the operator';
  }
}

function refused(me: Me, verb: string): Allowance {
  const p = me.principal;
  if (p.kind === 'anonymous') return { allowed: false, reason: `Sign in to ${verb}.`, signIn: true };
  const role = p.kind === 'user' ? `Your role (${p.role})` : 'This account';
  return { allowed: false, reason: `${role} does not allow you to ${verb}; an administrator can change it.`, signIn: false };
}

export function allowance(me: Me, action: Action): Allowance {
  return me.permissions.includes(action) ? ALLOWED : refused(me, VERBS[action]);
}

/** Editors change any incident they can see; analysts those their organisation owns. */
export function changeAllowance(me: Me, marking: RecordMarking): Allowance {
  if (me.permissions.includes('incident.update.any')) return ALLOWED;
  const own = allowance(me, 'incident.update.own-org');
  if (!own.allowed) return own;
  const p = me.principal;
  if (p.kind !== 'user' || p.org === marking.owner) return ALLOWED;
  return { allowed: false, reason: `Analysts edit incidents of their own organisation (${p.org}); this one belongs to ${marking.owner ?? 'no organisation'}.`, signIn: false };
}

/** The address of the sign-in page that brings the person back to `next` afterwards. */
export function signInPath(next: string): string {
  return next && next !== '/signin' ? `/signin?next=${encodeURIComponent(next)}` : '/signin';
}

/** Only paths inside this app are followed after sign-in, never another site (`//evil.example`). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/';
}
