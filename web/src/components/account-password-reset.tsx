// An admin sets a new password for an account (PATCH /api/users/:name with `password`), which ends its sessions.
import { useState, type FormEvent } from 'react';
import type { Account } from '../account-types';
import { api } from '../api';
import { fieldFailure, formFailure } from '../lib/form-failure';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormErrorSummary } from './form-error-summary';
import { TextField } from './form-fields';

const LABELS = { 'reset.password': 'New password', 'reset.confirm': 'New password again' };

export function AccountPasswordReset({ account, onReset }: { account: Account; onReset: (a: Account, what: string) => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { busy, failure, summary, fail, run, errors } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) return fail(fieldFailure('reset.password', 'Enter the new password.'));
    if (password !== again) return fail(fieldFailure('reset.confirm', 'Does not match the new password: type it again.'));
    await run(
      async () => {
        const updated = await api.updateAccount(account.username, { password });
        setPassword('');
        setAgain('');
        onReset(updated, `The password of ${account.username} is reset, and their sessions are ended. Give them the new password through a safe channel.`);
      },
      (err) => formFailure(err, (path) => (path === 'password' ? 'reset.password' : undefined)),
    );
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={busy}>
      {failure && <FormErrorSummary ref={summary} title="The password was not reset." failure={failure} labels={LABELS} />}
      <input type="text" name="username" autoComplete="username" value={account.username} readOnly hidden />
      <div className="field-row">
        <TextField path="reset.password" label={LABELS['reset.password']} type="password" autoComplete="new-password" hint="At least 12 characters." value={password} onChange={setPassword} errors={errors} />
        <TextField path="reset.confirm" label={LABELS['reset.confirm']} type="password" autoComplete="new-password" value={again} onChange={setAgain} errors={errors} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Resetting…' : 'Reset password'}
      </button>
    </form>
  );
}
