// The signed-in person's API tokens: the list, a new one (its secret shown once), and revoking one.
import { useEffect, useRef, useState } from 'react';
import type { CreatedToken } from '../account-types';
import { api } from '../api';
import { useApi } from '../lib/use-api';
import { AsyncView } from './async-view';
import { NewTokenForm } from './new-token-form';
import { NewTokenSecret } from './new-token-secret';
import { TokenTable } from './token-table';

export function MyTokens() {
  const tokens = useApi((s) => api.tokens(s), 'my-tokens');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // After revoking a token or hiding a new one, the person lands on the section's heading, above the outcome.
  const [landed, setLanded] = useState(0);
  useEffect(() => {
    if (landed) heading.current?.focus();
  }, [landed]);

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" tabIndex={-1} ref={heading}>
        API tokens
      </h2>
      <p className="hint">For scripts and the command line: a token acts as you, with your role and organisation, until it expires or is revoked.</p>
      {created && (
        <NewTokenSecret
          token={created}
          onDone={() => {
            setCreated(null);
            setLanded((n) => n + 1);
          }}
        />
      )}
      <p className="status-line" role="status">
        {status}
      </p>
      <AsyncView resource={tokens} what="your API tokens">
        {(list) => (
          <TokenTable
            tokens={list}
            caption="Your API tokens"
            empty="You have no API tokens."
            onRevoked={(t) => {
              setStatus(`The token “${t.name}” is revoked.`);
              tokens.reload();
              setLanded((n) => n + 1);
            }}
          />
        )}
      </AsyncView>
      {!created && (
        <>
          <h3>Create a token</h3>
          <NewTokenForm
            onCreated={(t) => {
              setStatus('');
              setCreated(t);
              tokens.reload();
            }}
          />
        </>
      )}
    </section>
  );
}
