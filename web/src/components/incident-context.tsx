// The incident form's context: the circumstances the toolbox's rules ask about.
import type { IncidentForm } from '../lib/incident-form-model';
import { CONTEXT_FLAGS, FLAG_HELP } from '../lib/vocabulary';
import { CheckField, Fieldset, SelectField, type FieldErrors } from './form-fields';

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
}

const NATO = [
  ['auto', 'Work it out from the victims'],
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

export function IncidentContextFields({ form, set, errors }: Props) {
  return (
    <Fieldset legend="Context">
      <div className="check-grid">
        {CONTEXT_FLAGS.map(([k, label]) => (
          <CheckField
            key={k}
            path={`context.${k}`}
            label={label}
            hint={FLAG_HELP[k]}
            checked={form.context[k]}
            onChange={(v) => set({ context: { ...form.context, [k]: v } })}
            errors={errors}
          />
        ))}
      </div>
      <SelectField
        path="context.victimIsNatoMember"
        label="Victim is a NATO member"
        value={form.nato}
        onChange={(v) => set({ nato: v === 'yes' ? 'yes' : v === 'no' ? 'no' : 'auto' })}
        options={NATO}
        errors={errors}
      />
    </Fieldset>
  );
}
