// The header's corner: who is signed in (name, role, organisation) and "Sign out"; "Sign in" for visitors; and with
// sign-in off, a note that this is a single analyst's server.
import { useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { isTeamMode, signInPath } from '../lib/permissions';
import { useSession } from '../lib/session';

export function SessionStatus() {
  const { me, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const p = me.principal;

  if (!isTeamMode(me)) {
    return (
      <p className="session-status mode-note" title="Sign-in is off (CYBERDIPLO_AUTH=off): one analyst sees and changes every record.">
        Single-analyst mode
      </p>
    );
  }
  if (p.kind !== 'user') {
    const here = `${location.pathname}${location.search}`;
    return (
      <div className="session-status">
        <span className="session-who">Not signed in</span>
        {location.pathname !== '/signin' && (
          <Link className="button button-on-dark" to={signInPath(here)}>
            Sign in
          </Link>
        )}
      </div>
    );
  }
  const out = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await signOut();
      navigate('/signin', { state: { signedOut: true } });
    } catch {
      setFailed(true);
    }
    setBusy(false);
  };
  return (
    <div className="session-status">
      <span className="session-who">
        <span className="visually-hidden">Signed in as </span>
        <strong data-testid="signed-in-user">{p.username}</strong>
        <span className="session-meta">
          {p.role} · {p.org}
        </span>
      </span>
      <NavLink to="/account" className={({ isActive }) => (isActive ? 'session-link active' : 'session-link')}>
        My account
      </NavLink>
      <button type="button" className="button button-on-dark" onClick={out} disabled={busy}>
        Sign out
      </button>
      {failed && (
        <span className="session-error" role="alert">
          Could not sign out: the server did not answer. Try again.
        </span>
      )}
    </div>
  );
}
