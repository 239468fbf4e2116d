// Sign in (team mode), then go back to the page that asked for it; with sign-in off, say why there is nothing to do.
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { SignInForm } from '../components/sign-in-form';
import { isTeamMode, safeNext } from '../lib/permissions';
import { useSession, type SignInState } from '../lib/session';
import { useTitle } from '../lib/use-title';

export function SignInPage() {
  useTitle('Sign in');
  const { me } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = (useLocation().state as SignInState | null) ?? {};
  const next = safeNext(params.get('next'));
  const p = me.principal;

  if (!isTeamMode(me)) {
    return (
      <div className="page page-signin">
        <h1>Sign in</h1>
        <p className="notice notice-info">
          Sign-in is off on this server: it runs in single-analyst mode, and you see and change every record without an account.
        </p>
        <p>
          <Link to={next}>Continue</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page-signin">
      <header className="page-header">
        <h1>Sign in</h1>
        <p className="lede">Sign in with the account your administrator gave you. Without it you see public (TLP:CLEAR) records only.</p>
      </header>
      {p.kind === 'anonymous' && (
        <div role="status">
          {state.signedOut && <p className="notice notice-info">You are signed out.</p>}
          {state.sessionEnded && (
            <p className="notice notice-info" data-testid="session-ended">
              Your session has ended — sign in again{next === '/' ? '' : ' to return to the page you were on'}.
            </p>
          )}
          {state.passwordChanged && <p className="notice notice-info">Your password has been changed. Sign in with the new password.</p>}
        </div>
      )}
      {p.kind === 'user' && (
        <p className="notice notice-info">
          You are signed in as {p.username} ({p.role}, {p.org}). Signing in again switches to another account.
        </p>
      )}
      <section className="card sign-in-card" aria-label="Sign-in form">
        <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
      </section>
    </div>
  );
}
