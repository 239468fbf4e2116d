// What the Council decides on: the kind of act, who proposes it, whether it has defence implications and whether a
// member state pulls the emergency brake. The API derives the rule from these; its refusals show beneath the field.
// The proposers offered are those the act takes.
import type { FieldErrors } from './form-fields';
import { CheckField, SelectField } from './form-fields';
import { ACTS, proposerChoices, type ActProposers, type VoteDecision } from '../lib/vote-decision';
import type { MemberStateRow } from '../lib/vote-model';

interface Props {
  decision: VoteDecision;
  /** Who may propose each act, as the API answers it (undefined while it loads: every proposer is offered). */
  acts: ActProposers;
  defenceImplications: boolean;
  /** The member states of the vote's Council, for the emergency brake (none while they load). */
  states: readonly MemberStateRow[];
  errors: FieldErrors;
  /** A proposer or the brake chosen; the act is given to `onAct`, which may take out a proposer the act does not take. */
  onChange: (key: 'proposer' | 'brake', value: string) => void;
  onAct: (act: string) => void;
  onDefence: (on: boolean) => void;
}

export function VoteDecisionFields({ decision, acts, defenceImplications, states, errors, onChange, onAct, onDefence }: Props) {
  const brake = decision.emergencyBrake ?? '';
  // Only the proposers the act takes, as the API checks (a choice the address makes that it does not take stays, marked).
  const proposers = proposerChoices(acts, decision.act, decision.proposer);
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
          onChange={onAct}
        />
        <SelectField
          path="proposer"
          label="Proposed by"
          hint={proposers.why}
          errors={errors}
          value={decision.proposer ?? ''}
          options={[['', 'Not given'], ...proposers.options]}
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
