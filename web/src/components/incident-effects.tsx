// The incident form's effects (with the factors of significant effect the sanctions criteria weigh) and suspected initiator.
import { countryHint } from '../lib/countries';
import { humanise } from '../lib/format';
import { oneOf, type IncidentForm } from '../lib/incident-form-model';
import { EFFECT_FLAGS, FACTOR_FLAGS, FLAG_HELP, INITIATOR_TYPES, SEVERITIES } from '../lib/vocabulary';
import { CheckField, Fieldset, SelectField, TextField, type FieldErrors } from './form-fields';
import '../incident.css';

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
  /** Id of a datalist of countries to suggest, by name. */
  countries?: string;
}

export function IncidentEffects({ form, set, errors, countries }: Props) {
  return (
    <>
      <Fieldset legend="Effects">
        <SelectField
          path="effects.severity"
          label="Severity"
          value={form.severity}
          onChange={(severity) => set({ severity })}
          options={SEVERITIES.map((s) => [s, humanise(s)] as const)}
          errors={errors}
        />
        <div className="check-grid">
          {EFFECT_FLAGS.map(([k, label]) => (
            <CheckField
              key={k}
              path={`effects.${k}`}
              label={label}
              hint={FLAG_HELP[k]}
              checked={form.effects[k]}
              onChange={(v) => set({ effects: { ...form.effects, [k]: v } })}
              errors={errors}
            />
          ))}
        </div>
        <fieldset className="subsection" aria-describedby="factors-help">
          <legend>Factors of significant effect</legend>
          <p id="factors-help" className="hint">
            Decision (CFSP) 2019/797 lists what makes an effect significant: among them the persons affected, the economic loss, the benefit
            to the perpetrator and the data taken. Record what is known; whether the effect is significant is for the Council to judge.
          </p>
          <div className="field-row">
            <TextField
              path="effects.personsAffected"
              label="Persons affected"
              hint="Natural or legal persons; leave empty if not known"
              type="number"
              value={form.personsAffected}
              onChange={(personsAffected) => set({ personsAffected })}
              errors={errors}
            />
            <TextField
              path="effects.economicLoss"
              label="Economic loss in euro"
              hint="Such as funds, economic resources or intellectual property stolen"
              type="number"
              value={form.economicLoss}
              onChange={(economicLoss) => set({ economicLoss })}
              errors={errors}
            />
          </div>
          <div className="check-grid">
            {FACTOR_FLAGS.map(([k, label]) => (
              <CheckField key={k} path={`effects.${k}`} label={label} checked={form.effects[k]} onChange={(v) => set({ effects: { ...form.effects, [k]: v } })} errors={errors} />
            ))}
          </div>
        </fieldset>
      </Fieldset>
      <Fieldset legend="Suspected initiator">
        <div className="field-row">
          <SelectField
            path="initiator.type"
            label="Type"
            value={form.initiatorType}
            onChange={(initiatorType) => set({ initiatorType: oneOf(INITIATOR_TYPES, initiatorType, form.initiatorType) })}
            options={INITIATOR_TYPES.map((t) => [t, humanise(t)] as const)}
            errors={errors}
          />
          <TextField
            path="initiator.country"
            label="Country"
            hint={countryHint(form.initiatorCountry) ?? 'If known: by name (Russia) or code (RU)'}
            value={form.initiatorCountry}
            onChange={(initiatorCountry) => set({ initiatorCountry })}
            errors={errors}
            list={countries}
          />
          <TextField path="initiator.name" label="Name or alias" placeholder="e.g. APT28" value={form.initiatorName} onChange={(initiatorName) => set({ initiatorName })} errors={errors} />
        </div>
        <TextField path="initiator.identifiedPersons" label="Identified persons" hint="Separate names with commas" value={form.persons} onChange={(persons) => set({ persons })} errors={errors} />
        <TextField path="initiator.identifiedEntities" label="Identified entities" hint="Separate names with commas" value={form.entities} onChange={(entities) => set({ entities })} errors={errors} />
        <TextField
          path="transit"
          label="Transit countries"
          hint="States whose servers or other infrastructure the attack went through, if known: names or codes separated by commas (Moldova, TR)"
          value={form.transit}
          onChange={(transit) => set({ transit })}
          errors={errors}
        />
      </Fieldset>
    </>
  );
}
