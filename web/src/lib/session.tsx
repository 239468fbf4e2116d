// Who is using the app: asked of GET /api/auth/me at start and again on each move to another page while someone is
// signed in, kept for every page, changed by signing in and out. A write the server refuses for want of sign-in marks
// the session as lapsed, so that the app can offer to sign in without leaving the page (and losing what was typed);
// a session found ended anywhere else sends the person to the sign-in page, and back to where they were afterwards.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, onSessionEnded, onUnauthenticated, setCsrfToken, type ApiError } from '../api';
import type { Me } from '../auth-types';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { firstMeAnswered, loadMe, takeFirstMe } from './load-me';
import { sessionKnown } from './overview-reads';
import { signInPath } from './permissions';
import { asVisitor, forgetSignedIn, rememberSession, sessionHasEnded } from './session-memory';
import { toApiError } from './use-api';

/** Why a write was refused: nobody is signed in (`signed-out`), or the session behind the cookie has ended. */
export type Lapse = 'signed-out' | 'ended';

export interface Session {
  me: Me;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** A write was refused with 401: the page should offer to sign in again. */
  lapsed: Lapse | null;
  /** The person chose not to sign in again: forget the lapse and learn who they are now. */
  dismissLapse(): void;
  /** Asks the server again who is signed in (after a change that may end the session) and returns the answer. */
  refresh(): Promise<Me>;
}

/** What the sign-in page is told by the page that sent the person there. */
export interface SignInState {
  signedOut?: boolean;
  sessionEnded?: boolean;
  passwordChanged?: boolean;
}

const SessionContext = createContext<Session | null>(null);

const sameMe = (a: Me, b: Me | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The entry's answer, if it has come and the session has not ended, draws the app at once; the first effect below
  // takes it all the same (adopting the same answer changes nothing on screen).
  const [me, setMe] = useState<Me | undefined>(() => {
    const m = firstMeAnswered();
    return m && !sessionHasEnded(m) ? m : undefined;
  });
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [lapsed, setLapsed] = useState<Lapse | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The latest answer, for listeners called from outside React; set at once when the session ends, so that several
  // refused requests at the same moment send the person to the sign-in page only once.
  const current = useRef<Me | undefined>(undefined);
  // useNavigate's function changes with the location; the listeners below must not.
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  const adopt = useCallback((m: Me) => {
    current.current = m;
    rememberSession(m);
    setMe(m);
  }, []);

  /** Clears the dead cookie, treats the person as a visitor, and sends them to sign in, to come back here after. */
  const endSession = useCallback(
    (m: Me) => {
      const visitor = asVisitor(m);
      current.current = visitor;
      forgetSignedIn();
      // Sent while the CSRF token is still set, in case the server holds the session for live after all.
      const forgotten = api.dropEndedSession();
      setCsrfToken(null);
      setMe(visitor);
      const here = `${window.location.pathname}${window.location.search}`;
      const state: SignInState = { sessionEnded: true };
      navigateRef.current(window.location.pathname === '/signin' ? here : signInPath(here), { replace: window.location.pathname === '/signin', state });
      void forgotten
        .then(() => loadMe())
        .then((fresh) => {
          if (current.current === visitor) adopt(fresh.principal.kind === 'user' ? fresh : { ...fresh, session: 'none' });
        })
        .catch(() => undefined);
    },
    [adopt],
  );

  useEffect(() => {
    let live = true;
    // The first answer is the one the entry asked for before the app loaded (main.tsx); a retry asks again.
    (takeFirstMe() ?? loadMe())
      .then((m) => {
        if (!live) return;
        if (sessionHasEnded(m)) endSession(m);
        else {
          sessionKnown();
          adopt(m);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(toApiError(e));
      });
    return () => {
      live = false;
    };
  }, [attempt, adopt, endSession]);

  // Moving to another page asks again, so that a session that ended while the tab sat idle is noticed there, and a
  // role an administrator changed shows at once; the server decides on every request either way.
  useEffect(() => {
    if (current.current?.principal.kind !== 'user') return;
    const controller = new AbortController();
    loadMe(controller.signal)
      .then((m) => {
        if (controller.signal.aborted || current.current?.principal.kind !== 'user') return;
        if (sessionHasEnded(m)) endSession(m);
        else if (!sameMe(m, current.current)) adopt(m);
      })
      .catch(() => undefined); // the page's own requests report a server that cannot be reached
    return () => controller.abort();
  }, [pathname, adopt, endSession]);

  useEffect(() => onUnauthenticated(() => setLapsed((l) => l ?? 'signed-out')), []);
  useEffect(
    () =>
      onSessionEnded((write) => {
        const m = current.current;
        if (write) setLapsed('ended');
        else if (m?.principal.kind === 'user') endSession(m);
      }),
    [endSession],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const signed = await api.signIn(username, password);
      setCsrfToken(signed.csrfToken);
      adopt(await loadMe());
      setLapsed(null);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await api.signOut();
    setCsrfToken(null);
    forgetSignedIn();
    adopt(await loadMe());
  }, [adopt]);

  const refresh = useCallback(async () => {
    const m = await loadMe();
    adopt(m);
    return m;
  }, [adopt]);

  const dismissLapse = useCallback(() => {
    const ended = lapsed === 'ended';
    setLapsed(null);
    // Not signing in again after the session ended: drop its cookie, so that the person goes on as a visitor.
    (ended ? api.dropEndedSession() : Promise.resolve())
      .then(() => loadMe())
      .then((m) => adopt(m.principal.kind === 'user' ? m : { ...m, session: 'none' }), (e: unknown) => setError(toApiError(e)));
  }, [lapsed, adopt]);

  const retry = () => {
    setError(undefined);
    setAttempt((n) => n + 1);
  };

  const session = useMemo(() => (me ? { me, signIn, signOut, lapsed, dismissLapse, refresh } : null), [me, signIn, signOut, lapsed, dismissLapse, refresh]);

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
