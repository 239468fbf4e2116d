// Sign-in as the web app reads it: who is asking (GET /api/auth/me), what they may do, and what sign-in returns. The
// types are generated from the OpenAPI document (api/schema.d.ts, `npm run openapi`).
import type * as api from './api/schema';

export type Me = api.Me;
export type SignedIn = api.SignedIn;
export type Principal = api.Principal;
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type Role = api.Role;
export type AuthMode = Me['authMode'];
/** Whether the request came with a live session cookie, a cookie of a session that has ended, or none. */
export type SessionState = api.SessionState;
/** Every grant GET /api/auth/me may list. */
export type Grant = Me['permissions'][number];
/** The guarded actions the app checks before offering a control (the server decides again on every request). */
export type Action = Extract<Grant, 'incident.read' | 'incident.create' | 'incident.update.own-org' | 'incident.update.any' | 'incident.delete' | 'token.own' | 'account.manage' | 'import.run' | 'audit.read'>;

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'editor', 'admin'];
