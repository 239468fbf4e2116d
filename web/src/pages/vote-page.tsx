// Council vote: set each member state's vote, choose the rule, and see at once whether the act passes and why.
import { useId } from 'react';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { MemberStateVotes } from '../components/member-state-votes';
import { Segmented } from '../components/segmented';
import { VoteResult } from '../components/vote-result';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { useUrlQuery } from '../lib/use-url-query';
import { isRule, readChoices, readMemberStates, readVoteOptions, refusedCodes, RULES, voteRequest, withoutCodes, writeChoices } from '../lib/vote-model';
import type { VoteChoice, VoteRule } from '../toolbox-types';

export function VotePage() {
  useTitle('Council vote');
  const yearId = useId();
  const dateId = useId();
  const [params, update] = useUrlQuery();
  const rawRule = params.get('rule');
  const rule: VoteRule = isRule(rawRule) ? rawRule : 'qmv';
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const choices = readChoices(params);
  const options = readVoteOptions(params);
  // The day fixes the year: the year field is sent only without a day.
  const body = voteRequest(rule, options.date === undefined ? year : undefined, choices, options);
  const statesYear = options.date !== undefined ? Number(options.date.slice(0, 4)) : year;
  const flag = (key: string, on: boolean) => update((p) => (on ? p.set(key, '1') : p.delete(key)));

  const states = useApi((s) => api.memberStates(statesYear, s), `states-${statesYear ?? ''}`);
  const result = useApi((s) => api.vote(body, s), JSON.stringify(body));
  // A code in the address that the year's Council does not have (?against=XX): say which, and offer to take it out.
  const refused = result.error?.code === 'invalid_vote' ? refusedCodes(choices, result.error.issues) : [];

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
        <p className="lede">Set each member state's vote and the rule; the outcome, the thresholds and what would change it update as you go.</p>
        <div className="toolbar">
          <Segmented legend="Voting rule" value={rule} options={RULES} onChange={(r) => update((p) => p.set('rule', r))} />
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
              onChange={(e) => {
                const v = e.target.value;
                update((p) => (v ? p.set('year', v) : p.delete('year')));
              }}
            />
          </div>
          <div className="field-inline">
            <label htmlFor={dateId}>Day of the vote</label>
            <input
              id={dateId}
              type="date"
              min="2009-12-01"
              value={options.date ?? ''}
              onChange={(e) => {
                const v = e.target.value;
                update((p) => (v ? p.set('date', v) : p.delete('date')));
              }}
            />
          </div>
          <label className="field-inline">
            <input type="checkbox" checked={options.defenceImplications === true} onChange={(e) => flag('defence', e.target.checked)} /> Defence implications
          </label>
          {(rule === 'qmv' || rule === 'rqmv') && (
            <label className="field-inline" title="From 1 November 2014 to 31 March 2017 any member could ask for the weighted votes (Protocol No 36, Art. 3(2))">
              <input type="checkbox" checked={options.weightedVotesRequested === true} onChange={(e) => flag('weighted', e.target.checked)} /> A member asks for weighted votes
            </label>
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
          ) : (
            <AsyncView resource={result} what="the result">
              {(r) => <VoteResult result={r} pending={result.loading} />}
            </AsyncView>
          )}
        </section>
      </div>
    </div>
  );
}
