// My account: who I am on this server (username, role, organisation, what the role allows), my password, my API tokens.
import { useNavigate } from 'react-router-dom';
import { ChangePasswordForm } from '../components/change-password-form';
import { DetailsList } from '../components/details-list';
import { MyTokens } from '../components/my-tokens';
import { NotAllowed } from '../components/not-allowed';
import { TeamModeOnly } from '../components/team-mode-only';
import { grantsInWords, isTeamMode, signInPath } from '../lib/permissions';
import { useSession, type SignInState } from '../lib/session';
import { useTitle } from '../lib/use-title';

export function MyAccountPage() {
  useTitle('My account');
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const p = me.principal;

  if (!isTeamMode(me)) return <TeamModeOnly title="My account" />;
  if (p.kind !== 'user') {
    return (
      <div className="page page-account">
        <h1>My account</h1>
        <NotAllowed allowance={{ allowed: false, reason: 'Sign in to see your account, change your password and manage your API tokens.', signIn: true }} />
      </div>
    );
  }

  // A server may end every session of the account when its password changes, this one included.
  const afterPasswordChange = async () => {
    const now = await refresh();
    if (now.principal.kind !== 'user') {
      const state: SignInState = { passwordChanged: true };
      navigate(signInPath('/account'), { state });
    }
  };

  return (
    <div className="page page-account">
      <header className="page-header">
        <h1>My account</h1>
        <p className="lede">Who you are on this server, your password, and the API tokens that act as you.</p>
      </header>
      <div className="account-layout">
        <section className="card" aria-labelledby="who-heading">
          <h2 id="who-heading">Your account</h2>
          <DetailsList
            pairs={[
              ['Username', <span data-testid="account-username">{p.username}</span>],
              ['Role', p.role],
              ['Organisation', p.org],
            ]}
          />
          <h3>Your role lets you</h3>
          <ul className="grant-list">
            {grantsInWords(me.permissions).map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
          <p className="hint">An administrator sets your role and organisation.</p>
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <ChangePasswordForm username={p.username} onChanged={afterPasswordChange} />
        </section>
      </div>
      {me.permissions.includes('token.own') && <MyTokens />}
    </div>
  );
}
