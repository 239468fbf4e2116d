// An admin changes an account's role, organisation and full name; only what changed is sent (PATCH /api/users/:name).
import { useId, useState, type FormEvent } from 'react';
import type { Account, AccountChange } from '../account-types';
import { api } from '../api';
import type { Role } from '../auth-types';
import { isRole, organisation, ROLE_HINT, ROLE_OPTIONS } from '../lib/account-form';
import { fieldFailure, formFailure } from '../lib/form-failure';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormErrorSummary } from './form-error-summary';
import { SelectField, TextField } from './form-fields';
import { OrganisationOptions } from './organisation-options';

const FIELDS: Record<string, string> = { role: 'edit.role', org: 'edit.org', displayName: 'edit.displayName' };
const LABELS: Record<string, string> = { 'edit.role': 'Role', 'edit.org': 'Organisation', 'edit.displayName': 'Full name' };

interface Props {
  account: Account;
  /** The signed-in admin is changing their own account. */
  self: boolean;
  onSaved: (a: Account, what: string) => void;
}

export function AccountDetailsForm({ account, self, onSaved }: Props) {
  const [role, setRole] = useState<Role>(account.role);
  const [org, setOrg] = useState(account.org);
  const [displayName, setDisplayName] = useState(account.displayName ?? '');
  const { busy, failure, summary, fail, run, errors } = useFormSubmit();
  const orgs = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const change: AccountChange = {};
    if (role !== account.role) change.role = role;
    if (organisation(org) !== account.org) change.org = organisation(org);
    if (displayName.trim() !== (account.displayName ?? '')) {
      // The API keeps a name once given: it can be changed, not removed.
      if (!displayName.trim()) return fail(fieldFailure('edit.displayName', 'A full name can be changed but not removed.'));
      change.displayName = displayName.trim();
    }
    if (Object.keys(change).length === 0) return fail({ message: 'Nothing has changed: change the role, organisation or full name first.', fields: new Map() });
    await run(
      async () => onSaved(await api.updateAccount(account.username, change), 'The changes are saved.'),
      (err) => formFailure(err, (path) => FIELDS[path.split('.')[0] ?? '']),
    );
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={busy}>
      {failure && <FormErrorSummary ref={summary} title="The account was not changed." failure={failure} labels={LABELS} />}
      <div className="field-row">
        <SelectField
          path="edit.role"
          label="Role"
          hint={self ? `${ROLE_HINT} This is your own account: a lower role takes away your access to this page at once.` : ROLE_HINT}
          value={role}
          onChange={(v) => isRole(v) && setRole(v)}
          options={ROLE_OPTIONS}
          errors={errors}
        />
        <TextField path="edit.org" label="Organisation" list={orgs} hint="A member state code (DE) or an EU body id (eeas, cert-eu). It decides which AMBER records the person sees." value={org} onChange={setOrg} errors={errors} autoComplete="off" />
      </div>
      <OrganisationOptions id={orgs} />
      <TextField path="edit.displayName" label="Full name" value={displayName} onChange={setDisplayName} errors={errors} autoComplete="off" />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
