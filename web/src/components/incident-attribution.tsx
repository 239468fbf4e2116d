// The incident form's attribution records: technical, political or legal, by whom, with what confidence.
import { humanise, todayIso } from '../lib/format';
import { attributorReading } from '../lib/attributor-reading';
import { emptyAttribution, oneOf, renameAttributor, type AttributionRow, type IncidentForm } from '../lib/incident-form-model';
import { ATTRIBUTION_KINDS, ATTRIBUTOR_TYPES, CONFIDENCE } from '../lib/vocabulary';
import { CheckField, Fieldset, SelectField, TextField, type FieldErrors } from './form-fields';

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
}

export function IncidentAttribution({ form, set, errors }: Props) {
  const change = (i: number, f: (a: AttributionRow) => AttributionRow) => set({ attribution: form.attribution.map((a, j) => (j === i ? f(a) : a)) });
  const update = (i: number, patch: Partial<AttributionRow>) => change(i, (a) => ({ ...a, ...patch }));
  return (
    <Fieldset legend="Attribution">
      {form.attribution.length === 0 && <p className="muted">No attribution recorded. Measures compliant with international law do not need one.</p>}
      {form.attribution.map((a, i) => (
        <div className="row-group" key={i} role="group" aria-label={`Attribution ${i + 1}`}>
          <SelectField path={`attribution.${i}.kind`} label={`Attribution ${i + 1}: kind`} value={a.kind} onChange={(kind) => update(i, { kind: oneOf(ATTRIBUTION_KINDS, kind, a.kind) })} options={ATTRIBUTION_KINDS.map((k) => [k, humanise(k)] as const)} errors={errors} />
          <TextField path={`attribution.${i}.by`} label="By" placeholder="e.g. a national CERT" value={a.by} onChange={(by) => change(i, (row) => renameAttributor(row, by))} errors={errors} required />
          <SelectField
            path={`attribution.${i}.byType`}
            label="Attributed by (type)"
            hint={[
              'Left to work out, a member state or the EU where “By” names one. Sanctions and naming a state rest on a political attribution by either.',
              attributorReading(a, todayIso()),
            ]
              .filter(Boolean)
              .join(' ')}
            value={a.byType}
            onChange={(byType) => update(i, { byType, byTypeChosen: true })}
            options={ATTRIBUTOR_TYPES}
            errors={errors}
          />
          <TextField path={`attribution.${i}.date`} label="Date" type="date" max={todayIso()} value={a.date} onChange={(date) => update(i, { date })} errors={errors} />
          <SelectField path={`attribution.${i}.confidence`} label="Confidence" value={a.confidence} onChange={(confidence) => update(i, { confidence: oneOf(CONFIDENCE, confidence, a.confidence) })} options={CONFIDENCE.map((c) => [c, humanise(c)] as const)} errors={errors} />
          <CheckField path={`attribution.${i}.public`} label="Made public" checked={a.public} onChange={(v) => update(i, { public: v })} errors={errors} />
          <button type="button" className="button button-quiet" onClick={() => set({ attribution: form.attribution.filter((_, j) => j !== i) })}>
            Remove attribution {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => set({ attribution: [...form.attribution, emptyAttribution()] })}>
        Add an attribution
      </button>
    </Fieldset>
  );
}
