// API tokens in a table (name, created, expires, last used where the server records it, state), each working one with
// "Revoke", which asks first.
import { useState } from 'react';
import type { TokenInfo } from '../account-types';
import { api } from '../api';
import { formatDateTime } from '../lib/format';
import { recordsLastUse, sortTokens, tokenState, tokenStateText } from '../lib/tokens';
import { ConfirmDialog } from './confirm-dialog';

interface Props {
  tokens: TokenInfo[];
  /** Names the table for screen readers, e.g. "Your API tokens". */
  caption: string;
  /** What the empty table says. */
  empty: string;
  onRevoked: (token: TokenInfo) => void;
}

export function TokenTable({ tokens, caption, empty, onRevoked }: Props) {
  const [target, setTarget] = useState<TokenInfo | null>(null);
  const [now] = useState(() => Date.now());
  if (tokens.length === 0) return <p className="muted">{empty}</p>;
  const lastUse = recordsLastUse(tokens);

  const revoke = async () => {
    if (!target) return;
    const revoked = await api.revokeToken(target.id);
    setTarget(null);
    onRevoked(revoked);
  };

  return (
    <>
      <div className="scroll-x">
        <table className="data-table token-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              {lastUse && <th scope="col">Last used</th>}
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortTokens(tokens, now).map((t) => {
              const state = tokenState(t, now);
              return (
                <tr key={t.id} className={state === 'active' ? undefined : 'row-inactive'}>
                  <th scope="row">{t.name}</th>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never (until revoked)'}</td>
                  {lastUse && <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Not yet'}</td>}
                  <td>{tokenStateText(t, now)}</td>
                  <td>
                    {state === 'active' && (
                      <button type="button" className="button button-danger" onClick={() => setTarget(t)}>
                        Revoke<span className="visually-hidden"> the token “{t.name}”</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog open={target !== null} title={`Revoke the token “${target?.name ?? ''}”?`} confirmLabel="Revoke the token" onConfirm={revoke} onClose={() => setTarget(null)}>
        <p>Every program that uses it is refused from then on. This cannot be undone; a new token can be created at any time.</p>
      </ConfirmDialog>
    </>
  );
}
