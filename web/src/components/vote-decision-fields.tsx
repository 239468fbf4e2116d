// What the Council decides on: the kind of act, who proposes it, whether it has defence implications and whether a
// member state pulls the emergency brake. The API derives the rule from these; its refusals show beneath the field.
import type { FieldErrors } from './form-fields';
import { CheckField, SelectField } from './form-fields';
import { ACTS, PROPOSERS, type VoteDecision } from '../lib/vote-decision';
import type { MemberStateRow } from '../lib/vote-model';

interface Props {
  decision: VoteDecision;
  defenceImplications: boolean;
  /** The member states of the vote's Council, for the emergency brake (none while they load). */
  states: readonly MemberStateRow[];
  errors: FieldErrors;
  onChange: (key: 'act' | 'proposer' | 'brake', value: string) => void;
  onDefence: (on: boolean) => void;
}

export function VoteDecisionFields({ decision, defenceImplications, states, errors, onChange, onDefence }: Props) {
  const brake = decision.emergencyBrake ?? '';
  const byName = [...states].sort((a, b) => a.name.localeCompare(b.name));
  // A code from the address that the list does not hold stays selectable, so that the API's refusal can name it.
  const brakeOptions: [string, string][] = [
    ['', 'No one'],
    ...(brake && !states.some((s) => s.code === brake) ? [[brake, brake] as [string, string]] : []),
    ...byName.map((s): [string, string] => [s.code, s.name]),
  ];
  return (
    <fieldset className="form-section vote-decision">
      <legend>The decision</legend>
      <div className="field-row">
        <SelectField
          path="act"
          label="Kind of act"
          hint="The rule follows from it and from who proposes it; without one, choose the rule by hand."
          errors={errors}
          value={decision.act ?? ''}
          options={[['', 'Not given (choose the rule)'], ...ACTS]}
          onChange={(v) => onChange('act', v)}
        />
        <SelectField
          path="proposer"
          label="Proposed by"
          errors={errors}
          value={decision.proposer ?? ''}
          options={[['', 'Not given'], ...PROPOSERS]}
          onChange={(v) => onChange('proposer', v)}
        />
        <SelectField
          path="emergencyBrake"
          label="Emergency brake pulled by"
          hint="A member state opposing a CFSP qualified-majority decision for vital reasons of national policy (Art. 31(2) TEU)."
          errors={errors}
          value={brake}
          options={brakeOptions}
          onChange={(v) => onChange('brake', v)}
        />
      </div>
      <CheckField path="defenceImplications" label="Defence implications" errors={errors} checked={defenceImplications} onChange={onDefence} />
    </fieldset>
  );
}
