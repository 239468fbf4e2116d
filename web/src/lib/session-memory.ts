// Telling "your session has ended" from "you never signed in". Newer servers say so themselves (GET /api/auth/me
// answers `session: "ended"`); besides, this tab notes while someone is signed in, so that finding itself anonymous
// later, without having signed out here, means the session behind the cookie has ended.
import type { Me } from '../auth-types';

const KEY = 'cyberdiplo:signed-in';

function read(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null; // storage refused (privacy settings): fall back to the server's word alone
  }
}

function write(username: string | null): void {
  try {
    if (username) window.sessionStorage.setItem(KEY, username);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // as above
  }
}

/** Keeps the note in step with who the server says is signed in. */
export function rememberSession(me: Me): void {
  write(me.principal.kind === 'user' ? me.principal.username : null);
}

export function forgetSignedIn(): void {
  write(null);
}

/**
 * Did a session this tab had end without the person signing out here? The server says `ended` only to the first
 * request that carries the dead cookie (it clears the cookie in that answer), and that may have been another request
 * of the page; the tab's note covers that case, and servers that do not say at all.
 */
export function sessionHasEnded(me: Me): boolean {
  if (me.authMode !== 'on' || me.principal.kind === 'user') return false;
  return me.session === 'ended' || read() !== null;
}

/** Who the server takes the browser for once the session has ended: a visitor, who reads public records only. */
export function asVisitor(me: Me): Me {
  return { ...me, principal: { kind: 'anonymous' }, permissions: me.permissions.filter((a) => a === 'incident.read'), csrfToken: null, session: 'none' };
}
