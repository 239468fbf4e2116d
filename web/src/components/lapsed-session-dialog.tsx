// When the server refuses a change because nobody is signed in (the session ended, or another tab signed out),
// a dialog offers to sign in on the spot, so that the form and what was typed in it stay as they are. (A session
// found ended while reading sends the person to the sign-in page instead: there is nothing typed to keep.)
import { useEffect, useRef } from 'react';
import { useSession } from '../lib/session';
import { SignInForm } from './sign-in-form';

export function LapsedSessionDialog() {
  const { me, lapsed, dismissLapse } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (lapsed && !d.open) d.showModal();
    if (!lapsed && d.open) d.close();
  }, [lapsed]);

  return (
    <dialog ref={dialog} className="sign-in-dialog" aria-labelledby="lapsed-heading" onCancel={dismissLapse}>
      {lapsed && (
        <>
          <h2 id="lapsed-heading">Sign in to continue</h2>
          {lapsed === 'ended' ? (
            <p className="notice notice-info" data-testid="session-ended">
              Your session has ended — sign in again. The server did not accept the change; sign in, then try again. What you entered on the page is kept.
            </p>
          ) : (
            <p>
              The server did not accept the change: you are not signed in, or your session has ended. Sign in, then try again; what you entered on the page is
              kept.
            </p>
          )}
          <SignInForm onSignedIn={() => undefined} submitLabel="Sign in and return" initialUsername={me.principal.kind === 'user' ? me.principal.username : ''} />
          <button type="button" className="link-button dialog-cancel" onClick={dismissLapse}>
            Not now
          </button>
        </>
      )}
    </dialog>
  );
}
