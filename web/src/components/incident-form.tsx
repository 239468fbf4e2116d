// Records or edits an incident; the server validates, and its messages appear beside the fields they name.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import type { FieldIssue } from '../api-types';
import { isRecord, listOf, textOf } from '../lib/describe';
import { COUNTRY_OPTIONS } from '../lib/countries';
import { todayIso } from '../lib/format';
import { fieldOf, futureDateIssues, missingChoiceIssues, toInput, type IncidentForm as Form } from '../lib/incident-form-model';
import { toMarkingInput, type MarkingForm } from '../lib/marking-form';
import { isTeamMode } from '../lib/permissions';
import { useSession } from '../lib/session';
import { toApiError, useApi } from '../lib/use-api';
import type { StoredIncident } from '../toolbox-types';
import { ErrorSummary } from './error-summary';
import { IncidentAttribution } from './incident-attribution';
import { IncidentBasics } from './incident-basics';
import { IncidentContextFields } from './incident-context';
import { IncidentEffects } from './incident-effects';
import { IncidentMarking } from './incident-marking';
import { IncidentResponses } from './incident-responses';
import { IncidentVictims } from './incident-victims';

interface Props {
  initial: Form;
  initialMarking: MarkingForm;
  /** The owning organisation: the record's, or for a new one the writer's. */
  owner: string | null;
  id?: string;
  onSaved: (stored: StoredIncident) => void;
}

function measureOptions(value: unknown): [string, string][] {
  const items = Array.isArray(value) ? value : listOf(value);
  return items.filter(isRecord).map((m) => [String(m.id), textOf(m.title ?? m.id)]);
}

/** The server's issues, those about a choice left open said in the form's words instead of the server's list of codes. */
function inWords(issues: FieldIssue[], open: FieldIssue[]): FieldIssue[] {
  const said = new Map(open.map((i) => [i.path, i.message]));
  return issues.map((i) => ({ ...i, message: said.get(i.path) ?? i.message }));
}

export function IncidentForm({ initial, initialMarking, owner, id, onSaved }: Props) {
  const { me } = useSession();
  const [form, setForm] = useState(initial);
  const [marking, setMarking] = useState(initialMarking);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  // Focus moves to the summary once it is on the page (each refusal is a new object).
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const measures = useApi((s) => api.measures(s), 'measures');
  const countries = useId();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const errors = new Map((failure?.issues ?? []).map((i) => [fieldOf(i.path), i.message]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const future = futureDateIssues(form, todayIso());
    if (future.length > 0) {
      setFailure({ message: 'An incident records what has happened: a date lies in the future.', issues: future });
      return;
    }
    setSaving(true);
    try {
      const input = { ...toInput(form), ...toMarkingInput(marking) };
      const stored = id ? await api.updateIncident(id, input) : await api.createIncident(input);
      onSaved(stored);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : toApiError(err);
      setFailure({ message: apiError.unavailable ? 'The incident registry is not available on this server yet.' : apiError.message, issues: inWords(apiError.issues, missingChoiceIssues(form)) });
      setSaving(false);
    }
  };

  const props = { form, set, errors };
  return (
    <form className="incident-form" onSubmit={submit} noValidate aria-busy={saving}>
      {failure && <ErrorSummary ref={summary} message={failure.message} issues={failure.issues} />}
      <IncidentBasics {...props} />
      <IncidentVictims {...props} countries={countries} />
      {/* Countries by name (the value), with their code shown beside: picking one fills in the name, sent as its code. */}
      <datalist id={countries}>
        <option value="EU institution">EU</option>
        {COUNTRY_OPTIONS.map((c) => (
          <option key={c.code} value={c.name}>
            {c.code}
          </option>
        ))}
      </datalist>
      <IncidentEffects {...props} countries={countries} />
      <IncidentAttribution {...props} />
      <IncidentResponses {...props} measures={measures.data ? measureOptions(measures.data) : undefined} />
      <IncidentContextFields {...props} />
      <IncidentMarking value={marking} onChange={setMarking} errors={errors} teamMode={isTeamMode(me)} owner={owner} offerDefault={initialMarking.tlp === ''} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : id ? 'Save changes' : 'Record the incident'}
        </button>
      </div>
    </form>
  );
}
