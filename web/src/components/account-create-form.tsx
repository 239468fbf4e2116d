// An admin creates an account: username, name, organisation, role and a first password to hand over safely.
import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../account-types';
import { api } from '../api';
import type { Role } from '../auth-types';
import { organisation, isRole, ROLE_HINT, ROLE_OPTIONS } from '../lib/account-form';
import { fieldFailure, formFailure } from '../lib/form-failure';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormErrorSummary } from './form-error-summary';
import { SelectField, TextField } from './form-fields';
import { OrganisationOptions } from './organisation-options';

// Paths carry a prefix so that these fields' ids differ from the other account forms'.
const FIELDS: Record<string, string> = { username: 'new.username', displayName: 'new.displayName', org: 'new.org', role: 'new.role', password: 'new.password' };
const LABELS: Record<string, string> = {
  'new.username': 'Username',
  'new.displayName': 'Full name',
  'new.org': 'Organisation',
  'new.role': 'Role',
  'new.password': 'First password',
};

export function AccountCreateForm({ onCreated }: { onCreated: (a: Account) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [password, setPassword] = useState('');
  const { busy, failure, summary, fail, run, errors } = useFormSubmit();
  const orgs = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim()) return fail(fieldFailure('new.username', 'Enter the username the person will sign in with.'));
    if (!org.trim()) return fail(fieldFailure('new.org', 'Enter the organisation the person works for.'));
    const input = { username: username.trim().toLowerCase(), password, role, org: organisation(org), ...(displayName.trim() ? { displayName: displayName.trim() } : {}) };
    await run(
      async () => {
        const created = await api.createAccount(input);
        setUsername('');
        setDisplayName('');
        setOrg('');
        setPassword('');
        onCreated(created);
      },
      (err) =>
        err.code === 'conflict' ? fieldFailure('new.username', 'An account with this username exists already.') : formFailure(err, (path) => FIELDS[path.split('.')[0] ?? '']),
    );
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={busy}>
      {failure && <FormErrorSummary ref={summary} title="The account was not created." failure={failure} labels={LABELS} />}
      <div className="field-row">
        <TextField path="new.username" label="Username" required autoComplete="off" hint="2–64 lower-case letters, digits, dots, dashes or underscores; it cannot change later." value={username} onChange={setUsername} errors={errors} />
        <TextField path="new.displayName" label="Full name" autoComplete="off" value={displayName} onChange={setDisplayName} errors={errors} />
      </div>
      <div className="field-row">
        <TextField path="new.org" label="Organisation" required list={orgs} hint="A member state code (DE) or an EU body id (eeas, cert-eu)." value={org} onChange={setOrg} errors={errors} autoComplete="off" />
        <SelectField path="new.role" label="Role" required hint={ROLE_HINT} value={role} onChange={(v) => isRole(v) && setRole(v)} options={ROLE_OPTIONS} errors={errors} />
      </div>
      <OrganisationOptions id={orgs} />
      <TextField
        path="new.password"
        label="First password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. Hand it over through a safe channel; the person can change it on their account page."
        value={password}
        onChange={setPassword}
        errors={errors}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create account'}
      </button>
    </form>
  );
}
