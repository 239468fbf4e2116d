// The incident form's TLP marking: five levels with what each means and who sees it, and the sharing list that goes
// with AMBER (organisations) or RED (named people).
import { useId } from 'react';
import { fieldId } from '../lib/incident-form-model';
import { needsOwner, type MarkingForm } from '../lib/marking-form';
import { TLP_LEVELS, TLP_MEANING } from '../lib/tlp';
import type { TlpLevel } from '../toolbox-types';
import { Fieldset, TextField, type FieldErrors } from './form-fields';
import { OrganisationOptions } from './organisation-options';
import { TlpLabel } from './tlp-label';

interface Props {
  value: MarkingForm;
  onChange: (v: MarkingForm) => void;
  errors: FieldErrors;
  /** Team mode: say who sees each level; with sign-in off the one analyst sees everything. */
  teamMode: boolean;
  /** The organisation that owns (or will own) the record. */
  owner: string | null;
  /** Offer "the server's default" as a choice (a new record whose default level the server does not tell). */
  offerDefault: boolean;
  /** Ask for the owner with sign-in off where AMBER needs one; false where the surrounding form has its own field. */
  ownerField?: boolean;
}

const DEFAULT_TEXT = 'The level this server gives new records: AMBER in team mode and GREEN in single-analyst mode, unless the administrator chose another.';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function IncidentMarking({ value, onChange, errors, teamMode, owner, offerDefault, ownerField = true }: Props) {
  const levels: (TlpLevel | '')[] = offerDefault ? ['', ...TLP_LEVELS] : [...TLP_LEVELS];
  // With sign-in off no account names an organisation, so the form asks for the owner that AMBER needs.
  const askOwner = ownerField && !teamMode && needsOwner(value.tlp);
  const problem = errors.get('tlp') ?? (askOwner ? undefined : errors.get('owner'));
  const organisations = useId();
  return (
    <Fieldset legend="Marking (Traffic Light Protocol)" className="marking-section">
      <p className="hint">
        {teamMode
          ? `Decides who may see this incident and its response plan${owner ? `; it is owned by ${owner}` : ''}.`
          : 'Sign-in is off, so you see every record; the level still records how far the information may be shared.'}
      </p>
      <div className={`tlp-options${problem ? ' field-invalid' : ''}`} role="radiogroup" aria-label="TLP level" aria-describedby={problem ? `${fieldId('tlp')}-error` : undefined}>
        {levels.map((level, n) => {
          const id = n === 0 ? fieldId('tlp') : `${fieldId('tlp')}-${level || 'default'}`;
          return (
            <div key={level || 'default'} className="tlp-option">
              <input type="radio" id={id} name="tlp" value={level} checked={value.tlp === level} onChange={() => onChange({ ...value, tlp: level })} aria-describedby={`${id}-text`} />
              <label htmlFor={id}>{level === '' ? <span className="tlp tlp-default">Server default</span> : <TlpLabel level={level} />}</label>
              <span id={`${id}-text`} className="tlp-option-text">
                {level === '' ? DEFAULT_TEXT : `${TLP_MEANING[level].disclosure}${teamMode ? ` Seen by: ${lowerFirst(TLP_MEANING[level].here)}` : ''}`}
              </span>
            </div>
          );
        })}
      </div>
      {problem && (
        <p id={`${fieldId('tlp')}-error`} className="field-error">
          {problem}
        </p>
      )}
      {askOwner && (
        <>
          <TextField
            path="owner"
            label="Owner organisation"
            hint={`${value.tlp === 'amber' ? 'TLP:AMBER' : 'TLP:AMBER+STRICT'} is shared within an organisation, so the record needs one: a member state code (DE) or an EU body id (eeas, cert-eu).${owner ? ` Leave empty to keep ${owner}.` : ''}`}
            placeholder={owner ?? 'e.g. DE'}
            value={value.owner}
            onChange={(o) => onChange({ ...value, owner: o })}
            errors={errors}
            list={organisations}
            required={!owner}
          />
          <OrganisationOptions id={organisations} />
        </>
      )}
      {value.tlp === 'amber' && (
        <TextField
          path="sharedWith"
          label="Shared with organisations"
          hint={`Member state codes (FR) or EU body ids (eeas, cert-eu), separated by commas.${owner ? ` ${owner} always sees it.` : ''}`}
          value={value.sharedWith}
          onChange={(sharedWith) => onChange({ ...value, sharedWith })}
          errors={errors}
        />
      )}
      {value.tlp === 'red' && (
        <TextField
          path="recipients"
          label="Named recipients"
          hint="Usernames, separated by commas. Whoever saves the incident is always one of them."
          value={value.recipients}
          onChange={(recipients) => onChange({ ...value, recipients })}
          errors={errors}
        />
      )}
    </Fieldset>
  );
}
