// Accounts (administrators): everyone who may sign in, with role, organisation and whether the account is disabled;
// a new account; each account's own page to change it.
import { Link } from 'react-router-dom';
import { api } from '../api';
import { AccountCreateForm } from '../components/account-create-form';
import { AsyncView } from '../components/async-view';
import { NotAllowed } from '../components/not-allowed';
import { TeamModeOnly } from '../components/team-mode-only';
import { formatDateTime } from '../lib/format';
import { allowance, isTeamMode } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { useStatus } from '../lib/use-status';
import { useTitle } from '../lib/use-title';

export function AccountsPage() {
  useTitle('Accounts');
  const { me } = useSession();
  const may = allowance(me, 'account.manage');
  if (!isTeamMode(me)) return <TeamModeOnly title="Accounts" />;
  return (
    <div className="page page-accounts">
      <header className="page-header">
        <h1>Accounts</h1>
        <p className="lede">Who may sign in to this server, with which role and for which organisation. Disabled accounts cannot sign in and their API tokens stop working.</p>
      </header>
      {may.allowed ? <AccountsAdmin /> : <NotAllowed allowance={may} />}
    </div>
  );
}

function AccountsAdmin() {
  const accounts = useApi((s) => api.accounts(s), 'accounts');
  const status = useStatus();
  // The new account's form comes first and its outcome after its button, so that nothing above the button moves
  // when the list loads, grows by the new account or the outcome is announced.
  return (
    <>
      <section className="card" aria-labelledby="create-heading">
        <h2 id="create-heading">Create an account</h2>
        <AccountCreateForm
          onCreated={(a) => {
            status.announce(`The account ${a.username} (${a.role}, ${a.org}) is created.`);
            accounts.reload();
          }}
        />
        <p className="status-line" role="status" tabIndex={-1} ref={status.ref}>
          {status.text}
        </p>
      </section>
      <AsyncView resource={accounts} what="the accounts">
        {(list) => (
          <section className="card" aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">
              {list.length} {list.length === 1 ? 'account' : 'accounts'}
            </h2>
            <div className="scroll-x">
              <table className="data-table accounts-table">
                <caption className="visually-hidden">Accounts of this server</caption>
                <thead>
                  <tr>
                    <th scope="col">Username</th>
                    <th scope="col">Full name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">State</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id} className={a.disabled ? 'row-inactive' : undefined}>
                      <th scope="row">
                        <Link to={`/accounts/${encodeURIComponent(a.username)}`}>{a.username}</Link>
                      </th>
                      <td>{a.displayName ?? '—'}</td>
                      <td>{a.role}</td>
                      <td>{a.org}</td>
                      <td>{a.disabled ? 'Disabled' : 'Active'}</td>
                      <td>{formatDateTime(a.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </AsyncView>
    </>
  );
}
