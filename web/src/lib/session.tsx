// Who is using the app: asked of GET /api/auth/me once at start, kept for every page, changed by signing in and out.
// A write the server refuses for want of sign-in marks the session as lapsed, so that the app can offer to sign in
// without leaving the page (and losing what was typed).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated, setCsrfToken, type ApiError } from '../api';
import type { Me } from '../auth-types';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { toApiError } from './use-api';

export interface Session {
  me: Me;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** A write was refused with 401: the page should offer to sign in again. */
  lapsed: boolean;
  /** The person chose not to sign in again: forget the lapse and learn who they are now. */
  dismissLapse(): void;
}

const SessionContext = createContext<Session | null>(null);

/** A server without sign-in routes is a single-analyst server from before team mode. */
const SINGLE_ANALYST: Me = { authMode: 'off', defaultTlp: 'green', principal: { kind: 'local', org: null }, permissions: ['incident.read', 'incident.create', 'incident.update.own-org', 'incident.update.any', 'incident.delete'], csrfToken: null };

async function loadMe(): Promise<Me> {
  try {
    const me = await api.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (toApiError(e).unavailable) return SINGLE_ANALYST;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [lapsed, setLapsed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadMe()
      .then((m) => {
        if (live) setMe(m);
      })
      .catch((e: unknown) => {
        if (live) setError(toApiError(e));
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => onUnauthenticated(() => setLapsed(true)), []);

  const signIn = useCallback(async (username: string, password: string) => {
    const signed = await api.signIn(username, password);
    setCsrfToken(signed.csrfToken);
    setMe(await loadMe());
    setLapsed(false);
  }, []);

  const signOut = useCallback(async () => {
    await api.signOut();
    setCsrfToken(null);
    setMe(await loadMe());
  }, []);

  const dismissLapse = useCallback(() => {
    setLapsed(false);
    loadMe().then(setMe, (e: unknown) => setError(toApiError(e)));
  }, []);

  const retry = () => {
    setError(undefined);
    setAttempt((n) => n + 1);
  };

  const session = useMemo(() => (me ? { me, signIn, signOut, lapsed, dismissLapse } : null), [me, signIn, signOut, lapsed, dismissLapse]);

  if (!session) {
    return (
      <main id="main" className="page">
        {error ? <ErrorMessage error={error} what="who you are signed in as" onRetry={retry} /> : <Loading what="the workbench" />}
      </main>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession is used outside SessionProvider');
  return s;
}
