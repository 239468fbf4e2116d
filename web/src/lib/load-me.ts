// "Who is signed in" (GET /api/auth/me) as the app takes it, apart from React so that the entry (main.tsx) can ask it
// before the app's code has loaded; the session (lib/session.tsx) takes that first answer instead of asking again.
import { api, ApiError, setCsrfToken } from '../api';
import type { Me } from '../auth-types';

/** A server without sign-in routes is a single-analyst server from before team mode. */
const SINGLE_ANALYST: Me = { authMode: 'off', defaultTlp: 'green', principal: { kind: 'local', org: null }, permissions: ['incident.read', 'incident.create', 'incident.update.own-org', 'incident.update.any', 'incident.delete'], csrfToken: null, session: 'none' };

/** A server that answers GET /api/auth/me itself with 401 session_ended: a visitor whose session has ended. */
const ENDED: Me = { authMode: 'on', defaultTlp: 'amber', principal: { kind: 'anonymous' }, permissions: ['incident.read'], csrfToken: null, session: 'ended' };

export async function loadMe(signal?: AbortSignal): Promise<Me> {
  try {
    const me = await api.me(signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.unavailable) return SINGLE_ANALYST;
    if (e instanceof ApiError && e.sessionEnded) {
      setCsrfToken(null);
      return ENDED;
    }
    throw e;
  }
}

let first: Promise<Me> | undefined;
let answered: Me | undefined;

/** The app's first question, asked by the entry as soon as it runs. */
export function askFirstMe(): Promise<Me> {
  const pending = loadMe();
  first = pending;
  answered = undefined;
  pending.then((m) => first === pending && (answered = m)).catch(() => undefined); // an error is reported by the session that takes it
  return pending;
}

/** The entry's answer if it has come and is not taken yet, so that the session can draw the app with it at once. */
export const firstMeAnswered = (): Me | undefined => answered;

/** The answer the entry asked for, once; afterwards (or if the entry asked nothing) undefined. */
export function takeFirstMe(): Promise<Me> | undefined {
  const pending = first;
  first = undefined;
  answered = undefined;
  return pending;
}
