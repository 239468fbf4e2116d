// Records or edits an incident; the server validates, and its messages appear beside the fields they name.
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import type { FieldIssue } from '../api-types';
import { isRecord, listOf, textOf } from '../lib/describe';
import { toInput, type IncidentForm as Form } from '../lib/incident-form-model';
import { toApiError, useApi } from '../lib/use-api';
import { readMemberStates } from '../lib/vote-model';
import type { StoredIncident } from '../toolbox-types';
import { ErrorSummary } from './error-summary';
import { IncidentAttribution } from './incident-attribution';
import { IncidentBasics } from './incident-basics';
import { IncidentContextFields } from './incident-context';
import { IncidentEffects } from './incident-effects';
import { IncidentResponses } from './incident-responses';
import { IncidentVictims } from './incident-victims';

interface Props {
  initial: Form;
  id?: string;
  onSaved: (stored: StoredIncident) => void;
}

/** List items of a field (`initiator.identifiedPersons.2`) show their message on the list's field. */
const fieldOf = (path: string) => path.replace(/^(initiator\.identified(?:Persons|Entities))\.\d+$/, '$1');

function measureOptions(value: unknown): [string, string][] {
  const items = Array.isArray(value) ? value : listOf(value);
  return items.filter(isRecord).map((m) => [String(m.id), textOf(m.title ?? m.id)]);
}

export function IncidentForm({ initial, id, onSaved }: Props) {
  const [form, setForm] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const measures = useApi((s) => api.measures(s), 'measures');
  const states = useApi((s) => api.memberStates(undefined, s), 'member-states');
  const countries = useId();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const errors = new Map((failure?.issues ?? []).map((i) => [fieldOf(i.path), i.message]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const input = toInput(form);
      const stored = id ? await api.updateIncident(id, input) : await api.createIncident(input);
      onSaved(stored);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : toApiError(err);
      setFailure({ message: apiError.unavailable ? 'The incident registry is not available on this server yet.' : apiError.message, issues: apiError.issues });
      setSaving(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  };

  const props = { form, set, errors };
  return (
    <form className="incident-form" onSubmit={submit} noValidate aria-busy={saving}>
      {failure && <ErrorSummary ref={summary} message={failure.message} issues={failure.issues} />}
      <IncidentBasics {...props} />
      <IncidentVictims {...props} countries={countries} />
      <datalist id={countries}>
        {states.data !== undefined && readMemberStates(states.data).map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
        <option value="EU">EU institution</option>
      </datalist>
      <IncidentEffects {...props} />
      <IncidentAttribution {...props} />
      <IncidentResponses {...props} measures={measures.data ? measureOptions(measures.data) : undefined} />
      <IncidentContextFields {...props} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : id ? 'Save changes' : 'Record the incident'}
        </button>
      </div>
    </form>
  );
}
