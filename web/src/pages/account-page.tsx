// One account, for administrators: change its role, organisation and name; disable or enable it; reset its password;
// see and revoke its API tokens.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Account } from '../account-types';
import { api } from '../api';
import { AccountDetailsForm } from '../components/account-details-form';
import { AccountPasswordReset } from '../components/account-password-reset';
import { AsyncView } from '../components/async-view';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DetailsList } from '../components/details-list';
import { NotAllowed } from '../components/not-allowed';
import { TeamModeOnly } from '../components/team-mode-only';
import { TokenTable } from '../components/token-table';
import { formatDateTime } from '../lib/format';
import { allowance, isTeamMode } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { useStatus } from '../lib/use-status';
import { useTitle } from '../lib/use-title';

export function AccountPage() {
  const username = useParams().username ?? '';
  useTitle(`Account ${username}`);
  const { me } = useSession();
  const may = allowance(me, 'account.manage');
  if (!isTeamMode(me)) return <TeamModeOnly title="Account" />;
  return (
    <div className="page page-account-admin">
      <p className="breadcrumb">
        <Link to="/accounts">Accounts</Link> / {username}
      </p>
      {may.allowed ? (
        <AccountAdmin username={username} self={me.principal.kind === 'user' && me.principal.username === username} />
      ) : (
        <>
          <h1>Account {username}</h1>
          <NotAllowed allowance={may} />
        </>
      )}
    </div>
  );
}

function AccountAdmin({ username, self }: { username: string; self: boolean }) {
  const loaded = useApi((s) => api.account(username, s), `account:${username}`);
  const status = useStatus();
  const announce = (what: string) => {
    status.announce(what);
    loaded.reload();
  };

  if (loaded.error?.code === 'unknown_account') {
    return (
      <>
        <h1>Account {username}</h1>
        <p className="notice notice-error" role="alert">
          There is no account “{username}”. <Link to="/accounts">See every account</Link>.
        </p>
      </>
    );
  }
  return (
    <AsyncView resource={loaded} what="the account">
      {(account) => {
        return (
          <>
            <header className="page-header">
              <h1>
                Account {account.username}
                {account.disabled && <span className="tag tag-closed account-state">Disabled</span>}
              </h1>
              <DetailsList
                pairs={[
                  ['Full name', account.displayName ?? '—'],
                  ['Role', account.role],
                  ['Organisation', account.org],
                  ['Created', formatDateTime(account.createdAt)],
                  ['Last changed', formatDateTime(account.updatedAt)],
                ]}
              />
            </header>
            <p className="status-line" role="status" tabIndex={-1} ref={status.ref}>
              {status.text}
            </p>
            <div className="account-layout">
              <section className="card" aria-labelledby="details-heading">
                <h2 id="details-heading">Role and organisation</h2>
                <AccountDetailsForm key={account.updatedAt} account={account} self={self} onSaved={(_, what) => announce(what)} />
              </section>
              <section className="card" aria-labelledby="access-heading">
                <h2 id="access-heading">Sign-in</h2>
                <AccountAccess account={account} self={self} onChanged={announce} />
                <h3>Reset the password</h3>
                {self ? (
                  <p className="hint">
                    This is your own account: change your password on <Link to="/account">My account</Link>, which asks for the current one and keeps you signed in.
                  </p>
                ) : (
                  <AccountPasswordReset account={account} onReset={(_, what) => announce(what)} />
                )}
              </section>
            </div>
            <AccountTokens username={account.username} />
          </>
        );
      }}
    </AsyncView>
  );
}

/** Disabling ends the account's sessions and stops its tokens; an admin cannot lock themselves out this way. */
function AccountAccess({ account, self, onChanged }: { account: Account; self: boolean; onChanged: (what: string) => void }) {
  const [asking, setAsking] = useState(false);
  const disable = !account.disabled;
  const toggle = async () => {
    await api.updateAccount(account.username, { disabled: disable });
    setAsking(false);
    onChanged(disable ? `The account ${account.username} is disabled.` : `The account ${account.username} is enabled again.`);
  };
  return (
    <div className="account-access">
      <p>
        {account.disabled
          ? 'This account is disabled: it cannot sign in, and its API tokens are refused.'
          : 'This account can sign in. Disabling it signs it out everywhere and stops its API tokens; it can be enabled again.'}
      </p>
      {self && disable ? (
        <p className="hint">This is your own account: another administrator can disable it.</p>
      ) : (
        <button type="button" className={disable ? 'button button-danger' : 'button'} onClick={() => setAsking(true)}>
          {disable ? 'Disable account' : 'Enable account'}
        </button>
      )}
      <ConfirmDialog
        open={asking}
        title={disable ? `Disable the account ${account.username}?` : `Enable the account ${account.username}?`}
        confirmLabel={disable ? 'Disable account' : 'Enable account'}
        onConfirm={toggle}
        onClose={() => setAsking(false)}
      >
        <p>
          {disable
            ? `${account.username} is signed out at once and cannot sign in again; programs using their API tokens are refused. Their records stay.`
            : `${account.username} can sign in again with their password, and their unexpired, unrevoked API tokens work again.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function AccountTokens({ username }: { username: string }) {
  const tokens = useApi((s) => api.allTokens(s), 'all-tokens');
  const status = useStatus();
  return (
    <section className="card" aria-labelledby="account-tokens-heading">
      <h2 id="account-tokens-heading">API tokens of {username}</h2>
      <p className="status-line" role="status" tabIndex={-1} ref={status.ref}>
        {status.text}
      </p>
      <AsyncView resource={tokens} what="the API tokens">
        {(list) => (
          <TokenTable
            tokens={list.filter((t) => t.username === username)}
            caption={`API tokens of ${username}`}
            empty={`${username} has no API tokens.`}
            onRevoked={(t) => {
              status.announce(`The token “${t.name}” is revoked.`);
              tokens.reload();
            }}
          />
        )}
      </AsyncView>
    </section>
  );
}
