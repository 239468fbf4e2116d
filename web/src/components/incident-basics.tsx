// The incident form's first part: what happened, when, and of which kind.
import { humanise, todayIso } from '../lib/format';
import { endPatch, type IncidentForm } from '../lib/incident-form-model';
import { CATEGORIES } from '../lib/vocabulary';
import { CheckField, Fieldset, SelectField, TextField, type FieldErrors } from './form-fields';

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
}

export function IncidentBasics({ form, set, errors }: Props) {
  // An incident records what has happened: no date after today (the server refuses one too).
  const today = todayIso();
  return (
    <Fieldset legend="The activity">
      <TextField path="title" label="Title" required value={form.title} onChange={(title) => set({ title })} errors={errors} />
      <TextField path="summary" label="Summary" multiline value={form.summary} onChange={(summary) => set({ summary })} errors={errors} />
      <SelectField
        path="category"
        label="Category"
        required
        value={form.category}
        onChange={(category) => set({ category })}
        options={[['', 'Choose the kind of activity…'] as const, ...CATEGORIES.map((c) => [c, humanise(c)] as const)]}
        errors={errors}
      />
      <div className="field-row">
        <TextField path="start" label="Started" type="date" required max={today} value={form.start} onChange={(start) => set({ start })} errors={errors} />
        <TextField path="detected" label="Detected" type="date" max={today} value={form.detected} onChange={(detected) => set({ detected })} errors={errors} />
        <TextField path="disclosed" label="Disclosed" type="date" max={today} value={form.disclosed} onChange={(disclosed) => set({ disclosed })} errors={errors} />
        <TextField path="end" label="Ended" type="date" max={today} value={form.end} onChange={(end) => set(endPatch(end))} errors={errors} />
      </div>
      <CheckField path="ongoing" label="Still ongoing" checked={form.ongoing} onChange={(ongoing) => set({ ongoing })} errors={errors} />
    </Fieldset>
  );
}
