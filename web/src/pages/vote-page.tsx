// Council vote: say what is decided (the kind of act, its proposer) or choose the rule, set each member state's vote,
// and see at once the rule, whether the act passes and why.
import { useId } from 'react';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { MemberStateVotes } from '../components/member-state-votes';
import { Segmented } from '../components/segmented';
import { VoteDecisionFields } from '../components/vote-decision-fields';
import { VoteDerivation, VoteNotTaken } from '../components/vote-derivation';
import { VoteResult } from '../components/vote-result';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { useUrlQuery } from '../lib/use-url-query';
import { fieldId } from '../lib/incident-form-model';
import { chooseAct, chosenRule, fieldMessages, readDecision, type DecisionField } from '../lib/vote-decision';
import { readChoices, readMemberStates, readVoteOptions, refusedCodes, RULES, voteRequest, withoutCodes, writeChoices } from '../lib/vote-model';
import type { VoteChoice } from '../toolbox-types';

export function VotePage() {
  useTitle('Council vote');
  const yearId = useId();
  const dateId = useId();
  const weightedId = useId();
  const ruleId = useId();
  const [params, update] = useUrlQuery();
  const decision = readDecision(params);
  // Without a rule chosen by hand, the API derives it from the act and its proposer.
  const rule = chosenRule(params, decision);
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const choices = readChoices(params);
  const options = readVoteOptions(params);
  // The day fixes the year: the year field is sent only without a day.
  const body = { ...decision, ...voteRequest(rule, options.date === undefined ? year : undefined, choices, options) };
  const statesYear = options.date !== undefined ? Number(options.date.slice(0, 4)) : year;
  const flag = (key: string, on: boolean) => update((p) => (on ? p.set(key, '1') : p.delete(key)));

  const states = useApi((s) => api.memberStates(statesYear, s), `states-${statesYear ?? ''}`);
  const result = useApi((s) => api.vote(body, s), JSON.stringify(body));
  // Who may propose each act, as the API takes the pairs (data/council/voting-rules.yaml).
  const acts = useApi((s) => api.voteActs(s), 'vote-acts');
  // A code in the address that the year's Council does not have (?against=XX): say which, and offer to take it out.
  const refused = result.error?.code === 'invalid_vote' ? refusedCodes(choices, result.error.issues) : [];
  // A refusal naming a field of the page (the act, the proposer, the brake...) is shown beneath that field.
  const fieldErrors = result.error?.code === 'invalid_vote' ? fieldMessages(result.error.issues) : new Map<DecisionField, string>();
  const answer = result.error ? undefined : result.data;
  const rules = decision.act === undefined ? RULES : ([['derived', 'As the Treaties give it'], ...RULES] as const);
  // The weighted votes are asked for on a qualified majority, chosen or derived.
  const counted = rule ?? answer?.rule;
  const stateRows = states.data === undefined ? [] : readMemberStates(states.data);
  const target: Record<DecisionField, string> = {
    rule: `${ruleId}-error`,
    act: fieldId('act'),
    proposer: fieldId('proposer'),
    emergencyBrake: fieldId('emergencyBrake'),
    defenceImplications: fieldId('defenceImplications'),
    year: yearId,
    date: dateId,
    weightedVotesRequested: weightedId,
  };
  /** The toolbar's controls point at the message beneath them. */
  const described = (f: DecisionField) => (fieldErrors.has(f) ? { 'aria-invalid': true, 'aria-describedby': `${target[f]}-error` } : {});

  const setChoice = (code: string, choice: VoteChoice) =>
    update((p) => {
      // Build on the latest state, not this render's, so that quick successive changes all count.
      const next = readChoices(p);
      if (choice === 'for') next.delete(code);
      else next.set(code, choice);
      writeChoices(p, next);
    });

  return (
    <div className="page page-vote">
      <header className="page-header">
        <h1>Council vote</h1>
        <p className="lede">Say what the Council decides and who proposes it, or choose the rule, then set each member state's vote; the rule, the outcome, the thresholds and what would change it update as you go.</p>
        <VoteDecisionFields
          decision={decision}
          acts={acts.data}
          defenceImplications={options.defenceImplications === true}
          states={stateRows}
          errors={fieldErrors}
          onChange={(key, v) => update((p) => (v ? p.set(key, v) : p.delete(key)))}
          onAct={(act) => update((p) => chooseAct(p, act, acts.data))}
          onDefence={(on) => flag('defence', on)}
        />
        <div className="toolbar">
          <div className="field-inline">
            <Segmented legend="Voting rule" value={rule ?? 'derived'} options={rules} onChange={(r) => update((p) => (r === 'derived' ? p.delete('rule') : p.set('rule', r)))} />
            <FieldError id={target.rule} message={fieldErrors.get('rule')} />
          </div>
          <div className="field-inline">
            <label htmlFor={yearId}>Population figures of</label>
            <input
              id={yearId}
              type="number"
              min={2000}
              max={2100}
              placeholder="latest"
              value={yearText}
              disabled={options.date !== undefined}
              {...described('year')}
              onChange={(e) => {
                const v = e.target.value;
                update((p) => (v ? p.set('year', v) : p.delete('year')));
              }}
            />
            <FieldError id={`${yearId}-error`} message={fieldErrors.get('year')} />
          </div>
          <div className="field-inline">
            <label htmlFor={dateId}>Day of the vote</label>
            <input
              id={dateId}
              type="date"
              min="2009-12-01"
              value={options.date ?? ''}
              {...described('date')}
              onChange={(e) => {
                const v = e.target.value;
                update((p) => (v ? p.set('date', v) : p.delete('date')));
              }}
            />
            <FieldError id={`${dateId}-error`} message={fieldErrors.get('date')} />
          </div>
          {(counted === 'qmv' || counted === 'rqmv' || options.weightedVotesRequested === true) && (
            <div className="field-inline">
              <label title="From 1 November 2014 to 31 March 2017 any member could ask for the weighted votes (Protocol No 36, Art. 3(2))">
                <input id={weightedId} type="checkbox" checked={options.weightedVotesRequested === true} {...described('weightedVotesRequested')} onChange={(e) => flag('weighted', e.target.checked)} /> A member asks
                for weighted votes
              </label>
              <FieldError id={`${weightedId}-error`} message={fieldErrors.get('weightedVotesRequested')} />
            </div>
          )}
          <button type="button" className="button button-quiet" onClick={() => update((p) => writeChoices(p, new Map()))} disabled={choices.size === 0}>
            Everyone votes for
          </button>
        </div>
      </header>
      <div className="vote-layout">
        <section className="card" aria-labelledby="states-heading">
          <h2 id="states-heading">Member states</h2>
          <AsyncView resource={states} what="the member states">
            {(raw) => <MemberStateVotes states={readMemberStates(raw)} choices={choices} onChange={setChoice} />}
          </AsyncView>
        </section>
        <section className="card vote-side" aria-labelledby="result-heading">
          <h2 id="result-heading">Result</h2>
          {refused.length > 0 ? (
            <div className="notice notice-error" role="alert" data-testid="vote-refused-codes">
              <strong>The address names {refused.length === 1 ? 'a code' : 'codes'} the vote cannot count.</strong>
              <ul>
                {refused.map((r) => (
                  <li key={r.code}>{r.reason}</li>
                ))}
              </ul>
              <button type="button" className="button" onClick={() => update((p) => withoutCodes(p, refused.map((r) => r.code)))}>
                Take {refused.map((r) => r.code).join(', ')} out of the address
              </button>
            </div>
          ) : fieldErrors.size > 0 ? (
            <div className="notice notice-error" role="alert" data-testid="vote-field-refused">
              <strong>The vote cannot be counted as asked.</strong>
              <ul>
                {[...fieldErrors.keys()].map((f) => (
                  <li key={f}>
                    <a href={`#${target[f]}`}>{FIELD_WORDS[f]}</a>: see the message beneath it.
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <AsyncView resource={result} what="the result">
              {(r) => (
                <>
                  {r.derivation && <VoteDerivation derivation={r.derivation} />}
                  {r.emergencyBrake ? <VoteNotTaken brake={r.emergencyBrake} explanation={r.explanation} /> : <VoteResult result={r} pending={result.loading} />}
                </>
              )}
            </AsyncView>
          )}
        </section>
      </div>
    </div>
  );
}

/** The page's words for each field a refusal may name. */
const FIELD_WORDS: Record<DecisionField, string> = {
  rule: 'Voting rule',
  act: 'Kind of act',
  proposer: 'Proposed by',
  emergencyBrake: 'Emergency brake pulled by',
  defenceImplications: 'Defence implications',
  year: 'Population figures of',
  date: 'Day of the vote',
  weightedVotesRequested: 'A member asks for weighted votes',
};

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}
