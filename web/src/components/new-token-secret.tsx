// A new API token's secret, shown this once: the server keeps only its hash. A copy button, a clear warning, and a
// button to hide it once stored.
import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedToken } from '../account-types';

export function NewTokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const id = useId();

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('Copied to the clipboard.');
    } catch {
      field.current?.select();
      setCopied('Could not copy automatically: the token is selected, press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <section className="token-secret" aria-labelledby={`${id}-heading`} data-testid="new-token">
      <h3 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        Your new token “{token.name}”
      </h3>
      <p className="notice notice-warning">
        <strong>Copy it now: this is the only time it is shown.</strong> The server keeps only a fingerprint of it, so nobody can show it to you again. Keep it
        somewhere safe, such as a password manager; if it is lost or seen by someone else, revoke it and create another.
      </p>
      <div className="field">
        <label htmlFor={`${id}-value`}>New API token</label>
        <div className="token-copy">
          <input id={`${id}-value`} ref={field} className="token-value" readOnly value={token.token} spellCheck={false} autoComplete="off" onFocus={(e) => e.target.select()} aria-describedby={`${id}-use`} />
          <button type="button" className="button button-primary" onClick={copy}>
            Copy
          </button>
        </div>
        <span id={`${id}-use`} className="hint">
          Send it as the header <code>Authorization: Bearer …</code>, or set <code>CYBERDIPLO_TOKEN</code> for the command line.
        </span>
      </div>
      <p className="copy-status" role="status">
        {copied}
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have stored it: hide the token
      </button>
    </section>
  );
}
