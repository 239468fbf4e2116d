// Username and password, with the server's answer to a wrong password or to too many attempts beside the form.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { useSession } from '../lib/session';
import { toApiError } from '../lib/use-api';

/** What a refused sign-in tells the person; never whether the account exists. */
function messageOf(e: ApiError): string {
  switch (e.code) {
    case 'invalid_credentials':
      return 'Wrong username or password.';
    case 'too_many_attempts':
      return `Sign-in is paused for this account after too many failed attempts. ${e.message.replace(/^[^:]*:\s*/, 'Please ')}.`;
    default:
      return e.message;
  }
}

interface Props {
  onSignedIn: () => void;
  submitLabel?: string;
  /** Who was signed in before, when the session lapsed. */
  initialUsername?: string;
}

export function SignInForm({ onSignedIn, submitLabel = 'Sign in', initialUsername = '' }: Props) {
  const { signIn } = useSession();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // A new object per refusal, so that focus moves to the message even when it repeats the last one.
  const [error, setError] = useState<{ message: string } | null>(null);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await signIn(username, password);
      onSignedIn();
    } catch (err) {
      setError({ message: messageOf(toApiError(err)) });
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={submit} aria-busy={busy}>
      {error && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={alert} id={`${id}-error`}>
          <strong>Sign-in failed.</strong>
          <p>{error.message}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-username`}>Username</label>
        <input id={`${id}-username`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
