// The rule the Treaties give for the act on its proposer's proposal, as the API derived it (its legal bases, its
// reasons, where the rule chosen by hand differs), and the answer when a member state pulls the emergency brake.
import { RULES } from '../lib/vote-model';
import type { VoteResult } from '../toolbox-types';
import { SourcesButton } from './sources-button';

type Derivation = NonNullable<VoteResult['derivation']>;
type Brake = NonNullable<VoteResult['emergencyBrake']>;

const ruleWords = (id: string) => RULES.find(([r]) => r === id)?.[1] ?? id;

export function VoteDerivation({ derivation }: { derivation: Derivation }) {
  return (
    <div className="vote-derivation" data-testid="vote-derivation">
      <h3>Rule for this act</h3>
      <p data-testid="derived-rule">
        <strong>{ruleWords(derivation.rule)}</strong> ({derivation.basis}){derivation.unverified ? ', partly unverified' : ''}
        <SourcesButton sources={derivation.sources} label="the rule for this act" />
      </p>
      <ul className="vote-explanation">
        {derivation.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {derivation.note && <p className="muted">{derivation.note}</p>}
      {derivation.contradiction && (
        <p className="notice notice-unavailable" data-testid="rule-contradiction">
          {derivation.contradiction}
        </p>
      )}
    </div>
  );
}

/** No vote is taken: what the declaration does and what follows, in the API's words. */
export function VoteNotTaken({ brake, explanation }: { brake: Brake; explanation: readonly string[] }) {
  return (
    <div className="vote-result">
      <p className="verdict verdict-rejected" role="status" aria-live="polite" data-testid="verdict">
        <span aria-hidden="true">—</span> No vote taken
      </p>
      <div className="notice" data-testid="emergency-brake">
        <h3>Emergency brake</h3>
        <p>{brake.text}</p>
        <p className="muted">
          {brake.basis}
          {brake.unverified ? ', text unverified' : ''}
          <SourcesButton sources={brake.sources} label="the emergency brake" />
        </p>
        {brake.note && <p className="muted">{brake.note}</p>}
      </div>
      <details>
        <summary>The reasoning in full</summary>
        <ul className="vote-explanation">
          {explanation.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
