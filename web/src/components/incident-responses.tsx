// The incident form's responses already taken, each a measure of the toolbox with its date and author.
import { todayIso } from '../lib/format';
import { emptyResponse, type IncidentForm, type ResponseRow } from '../lib/incident-form-model';
import { Fieldset, SelectField, TextField, type FieldErrors } from './form-fields';

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
  measures: readonly (readonly [string, string])[] | undefined;
}

export function IncidentResponses({ form, set, errors, measures }: Props) {
  const update = (i: number, patch: Partial<ResponseRow>) => set({ responses: form.responses.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Fieldset legend="Responses taken">
      {form.responses.length === 0 && <p className="muted">None yet.</p>}
      {form.responses.map((r, i) => (
        <div className="row-group" key={i} role="group" aria-label={`Response ${i + 1}`}>
          {measures ? (
            <SelectField path={`responses.${i}.measure`} label={`Response ${i + 1}: measure`} value={r.measure} onChange={(measure) => update(i, { measure })} options={[['', '— choose —'], ...measures]} errors={errors} />
          ) : (
            <TextField path={`responses.${i}.measure`} label={`Response ${i + 1}: measure id`} value={r.measure} onChange={(measure) => update(i, { measure })} errors={errors} />
          )}
          <TextField path={`responses.${i}.date`} label="Date" type="date" max={todayIso()} value={r.date} onChange={(date) => update(i, { date })} errors={errors} />
          <TextField path={`responses.${i}.by`} label="By" value={r.by} onChange={(by) => update(i, { by })} errors={errors} />
          <TextField path={`responses.${i}.note`} label="Note" value={r.note} onChange={(note) => update(i, { note })} errors={errors} />
          <button type="button" className="button button-quiet" onClick={() => set({ responses: form.responses.filter((_, j) => j !== i) })}>
            Remove response {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => set({ responses: [...form.responses, emptyResponse()] })}>
        Add a response
      </button>
    </Fieldset>
  );
}
