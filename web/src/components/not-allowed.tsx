// In place of a page or form the person's role lacks: the reason, and for visitors a way to sign in and come back.
import { Link, useLocation } from 'react-router-dom';
import { signInPath, type Allowance } from '../lib/permissions';

export function NotAllowed({ allowance: a }: { allowance: Allowance }) {
  const location = useLocation();
  if (a.allowed) return null;
  return (
    <div className="notice notice-info" role="status">
      <p>{a.reason}</p>
      {a.signIn && (
        <Link className="button button-primary" to={signInPath(`${location.pathname}${location.search}`)}>
          Sign in
        </Link>
      )}
    </div>
  );
}
