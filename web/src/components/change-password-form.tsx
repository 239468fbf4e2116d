// Changing one's own password (POST /api/auth/password): the current one, the new one twice. The server's answers
// (wrong current password, too many attempts, a weak or unchanged new one) appear beside the fields they concern.
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api';
import { fieldFailure, formFailure, knownFields } from '../lib/form-failure';
import { useFormSubmit } from '../lib/use-form-submit';
import { useStatus } from '../lib/use-status';
import { FormErrorSummary } from './form-error-summary';
import { TextField } from './form-fields';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'New password again' };

function explain(e: ApiError) {
  return formFailure(e, knownFields('currentPassword', 'newPassword'), (err) => {
    if (err.code === 'too_many_attempts') return `Changing the password is paused after too many wrong attempts: ${err.message.replace(/^[^:]*:\s*/, '')}.`;
    if (err.unavailable) return 'This server cannot change passwords yet: ask an administrator to reset yours.';
    return undefined;
  });
}

/** `onChanged` runs after the server accepted the new password (it may have ended this session too). */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: () => Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, failure, summary, fail, run, errors } = useFormSubmit();
  const done = useStatus();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    done.clear();
    if (!current) return fail(fieldFailure('currentPassword', 'Enter the password you signed in with.'));
    if (!next) return fail(fieldFailure('newPassword', 'Enter a new password.'));
    if (next !== again) return fail(fieldFailure('confirmPassword', 'Does not match the new password: type it again.'));
    const ok = await run(
      () => api.changePassword(current, next),
      (err) => {
        if (err.code === 'invalid_credentials') return fieldFailure('currentPassword', 'This is not your current password.');
        return explain(err);
      },
    );
    setCurrent('');
    if (!ok) return;
    setNext('');
    setAgain('');
    done.announce('Your password has been changed. Use the new one from now on.');
    await onChanged();
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={busy}>
      {failure && <FormErrorSummary ref={summary} title="The password was not changed." failure={failure} labels={LABELS} />}
      {done.text && (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={done.ref}>
          {done.text}
        </p>
      )}
      {/* Tells password managers which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField path="currentPassword" label={LABELS.currentPassword} type="password" autoComplete="current-password" required value={current} onChange={setCurrent} errors={errors} />
      <div className="field-row">
        <TextField
          path="newPassword"
          label={LABELS.newPassword}
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters; a few unrelated words make a strong one that is easy to type."
          value={next}
          onChange={setNext}
          errors={errors}
        />
        <TextField path="confirmPassword" label={LABELS.confirmPassword} type="password" autoComplete="new-password" required value={again} onChange={setAgain} errors={errors} />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
