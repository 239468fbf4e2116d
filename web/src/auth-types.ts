// Sign-in as the web app reads it: who is asking (GET /api/auth/me), what they may do, and what sign-in returns.
import type { TlpLevel } from './toolbox-types';

export type AuthMode = 'off' | 'on';
export type Role = 'viewer' | 'analyst' | 'editor' | 'admin';

/** The guarded actions the app checks before offering a control (the server decides again on every request). */
export type Action =
  | 'incident.read'
  | 'incident.create'
  | 'incident.update.own-org'
  | 'incident.update.any'
  | 'incident.delete'
  | 'token.own'
  | 'account.manage';

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'editor', 'admin'];

/** Whether the request came with a live session cookie, a cookie of a session that has ended, or none (newer servers). */
export type SessionState = 'active' | 'ended' | 'none';

export type Principal =
  | { kind: 'anonymous' }
  /** Sign-in is off: the one analyst of this server, who may do and see everything. */
  | { kind: 'local'; org: string | null }
  | { kind: 'operator'; org: string | null }
  | { kind: 'user'; username: string; role: Role; org: string; via?: 'session' | 'token' };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export interface Me {
  authMode: AuthMode;
  /** The marking a new record gets when none is chosen (older servers may not say). */
  defaultTlp?: TlpLevel;
  principal: Principal;
  /** The actions this principal's role holds; record-level rules (TLP, owner) come on top. */
  permissions: string[];
  /** Present while a session is signed in: every cookie-authenticated write must send it back. */
  csrfToken: string | null;
  /** Newer servers say whether the browser's session cookie is live, ended (expired, idle or revoked) or absent. */
  session?: SessionState;
}

export interface SignedIn {
  user: Principal;
  csrfToken: string;
  expiresAt: string;
}
