// Creates an API token for oneself: a name that says what uses it, and how long it works (every token ends: the
// server allows at most CYBERDIPLO_TOKEN_MAX_DAYS, 90 days unless set).
import { useState, type FormEvent } from 'react';
import type { CreatedToken } from '../account-types';
import { api } from '../api';
import { fieldFailure, formFailure } from '../lib/form-failure';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormErrorSummary } from './form-error-summary';
import { SelectField, TextField } from './form-fields';

const EXPIRY = [
  ['7', '7 days'],
  ['30', '30 days'],
  ['90', '90 days'],
  ['', 'The longest this server allows'],
] as const;

const LABELS = { tokenName: 'Token name', tokenExpiry: 'Expires after' };

export function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const { busy, failure, summary, fail, run, errors } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return fail(fieldFailure('tokenName', 'Give the token a name, such as the script or machine that will use it.'));
    const input = { name: name.trim(), ...(expiry ? { expiresInDays: Number(expiry) } : {}) };
    await run(
      async () => {
        const created = await api.createToken(input);
        setName('');
        onCreated(created);
      },
      (err) => formFailure(err, (path) => (path === 'name' ? 'tokenName' : path === 'expiresInDays' ? 'tokenExpiry' : undefined)),
    );
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={busy}>
      {failure && <FormErrorSummary ref={summary} title="No token was created." failure={failure} labels={LABELS} />}
      <div className="field-row">
        <TextField path="tokenName" label={LABELS.tokenName} required hint="What will use it, e.g. “nightly STIX import”." value={name} onChange={setName} errors={errors} autoComplete="off" />
        <SelectField path="tokenExpiry" label={LABELS.tokenExpiry} value={expiry} onChange={setExpiry} options={EXPIRY} errors={errors} hint="A token that expires is safer if it leaks." />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}
