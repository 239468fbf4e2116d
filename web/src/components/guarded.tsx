// A control the person's role may lack: shown as it is when allowed; otherwise a sign-in link for visitors, or the
// control dimmed (but still focusable, so that its reason is heard) with the reason beside it.
import { useId, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { signInPath, type Allowance } from '../lib/permissions';

interface Props {
  allowance: Allowance;
  /** What the control says, for its dimmed stand-in. */
  label: string;
  /** What the sign-in link says for visitors; without it, visitors see nothing. */
  signInLabel?: string;
  /** Where sign-in leads back to; by default the current page. */
  next?: string;
  className?: string;
  children: ReactNode;
}

export function Guarded({ allowance, label, signInLabel, next, className = 'button', children }: Props) {
  const id = useId();
  const location = useLocation();
  if (allowance.allowed) return <>{children}</>;
  if (allowance.signIn) {
    if (!signInLabel) return null;
    return (
      <Link className={className} to={signInPath(next ?? `${location.pathname}${location.search}`)}>
        {signInLabel}
      </Link>
    );
  }
  return (
    <span className="guarded">
      <button type="button" className={`${className} is-disabled`} aria-disabled="true" aria-describedby={id}>
        {label}
      </button>
      <span id={id} className="guarded-reason">
        {allowance.reason}
      </span>
    </span>
  );
}
