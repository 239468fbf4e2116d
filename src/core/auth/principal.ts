// Who is asking: an anonymous reader, a signed-in user, the single analyst of a laptop (auth off), or the operator at the CLI.
import type { TokenScope } from './account';
import type { Role } from './roles';

export type Principal =
  | { kind: 'anonymous' }
  /** CYBERDIPLO_AUTH=off: the one analyst on a laptop, who may do and see everything. */
  | { kind: 'local'; org: string | null }
  /** Someone with database access running account, token and audit commands: no clearance beyond TLP:CLEAR. */
  | { kind: 'operator'; name: string; org: string | null }
  | { kind: 'user'; id: string; username: string; role: Role; org: string; via: 'session' | 'token'; token?: TokenGrant };

/** What the API token a request came with allows (absent for sessions): its scope and when it ends. */
export interface TokenGrant {
  id: string;
  scope: TokenScope;
  expiresAt: string | null;
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** How a principal is named in the audit trail. */
export interface Actor {
  id: string;
  org: string | null;
}

export function actorOf(p: Principal): Actor {
  switch (p.kind) {
    case 'anonymous':
      return { id: 'anonymous', org: null };
    case 'local':
      return { id: 'local', org: p.org };
    case 'operator':
      return { id: `operator:${p.name}`, org: p.org };
    case 'user':
      return { id: `user:${p.username}`, org: p.org };
  }
}

/** The organisation that owns what a principal records, if any. */
export function orgOf(p: Principal): string | null {
  return p.kind === 'anonymous' ? null : p.org;
}
