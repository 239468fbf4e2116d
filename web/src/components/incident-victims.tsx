// The incident form's victims: one row per country (or EU institution) and sector.
import { countryHint } from '../lib/countries';
import { humanise } from '../lib/format';
import { emptyVictim, type IncidentForm, type VictimRow } from '../lib/incident-form-model';
import { SECTOR_GROUPS, sectorHelp, sectorLabel } from '../lib/sectors';
import { Fieldset, SelectField, TextField, type FieldErrors } from './form-fields';

const GROUPS = SECTOR_GROUPS.map((g) => ({ label: g.label, options: g.sectors }));

/** A sector the list does not know (recorded through the API before the list was updated) stays selectable. */
const unknownSector = (sector: string) => (sector !== '' && sectorLabel(sector) === undefined ? [[sector, humanise(sector)] as const] : []);
const CHOOSE = ['', 'Choose the sector…'] as const;

interface Props {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
  /** Id of a datalist of countries to suggest, by name. */
  countries?: string;
}

export function IncidentVictims({ form, set, errors, countries }: Props) {
  const update = (i: number, patch: Partial<VictimRow>) => set({ victims: form.victims.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  return (
    <Fieldset legend="Victims">
      {errors.get('victims') && <p className="field-error">{errors.get('victims')}</p>}
      {form.victims.map((v, i) => (
        <div className="row-group" key={i} role="group" aria-label={`Victim ${i + 1}`}>
          <TextField
            path={`victims.${i}.country`}
            label={`Victim ${i + 1}: country`}
            hint={countryHint(v.country) ?? 'A country by name (Germany) or code (DE), or EU for an EU institution'}
            value={v.country}
            onChange={(country) => update(i, { country, region: undefined })}
            errors={errors}
            required
            list={countries}
          />
          <SelectField
            path={`victims.${i}.sector`}
            label={`Victim ${i + 1}: sector`}
            required
            value={v.sector}
            onChange={(sector) => update(i, { sector })}
            hint={sectorHelp(v.sector)}
            options={[CHOOSE, ...unknownSector(v.sector)]}
            groups={GROUPS}
            errors={errors}
          />
          <TextField path={`victims.${i}.name`} label={`Victim ${i + 1}: organisation`} value={v.name} onChange={(name) => update(i, { name })} errors={errors} />
          <button type="button" className="button button-quiet" onClick={() => set({ victims: form.victims.filter((_, j) => j !== i) })} disabled={form.victims.length === 1}>
            Remove victim {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => set({ victims: [...form.victims, emptyVictim()] })}>
        Add a victim
      </button>
    </Fieldset>
  );
}
