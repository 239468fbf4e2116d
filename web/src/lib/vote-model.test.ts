// The vote body the page sends has the shape the API document describes: the votes as lists under `votes`.
import { describe, expect, it } from 'vitest';
import { oneOf } from './incident-form-model';
import { readChoices, readVoteOptions, refusedCodes, voteRequest, withoutCodes } from './vote-model';
import { ATTRIBUTION_KINDS, INITIATOR_TYPES } from './vocabulary';

describe('vote request', () => {
  it('lists each state under its choice, leaves out those voting for, and carries the year only when set', () => {
    const choices = new Map([
      ['HU', 'against'],
      ['SK', 'against'],
      ['AT', 'constructive'],
      ['DE', 'for'],
    ] as const);
    expect(voteRequest('unanimity', undefined, new Map(choices))).toEqual({ rule: 'unanimity', votes: { against: ['HU', 'SK'], constructive: ['AT'] } });
    expect(voteRequest('qmv', 2024, new Map([['FR', 'abstain']]))).toEqual({ rule: 'qmv', year: 2024, votes: { abstain: ['FR'] } });
    expect(voteRequest('qmv', undefined, new Map())).toEqual({ rule: 'qmv', votes: {} });
  });

  it('carries the day, defence implications and a request for weighted votes from the address, and leaves out a malformed day', () => {
    const options = readVoteOptions(new URLSearchParams('date=2013-05-02&defence=1&weighted=1'));
    expect(voteRequest('qmv', undefined, new Map([['DE', 'against']]), options)).toEqual({
      rule: 'qmv',
      date: '2013-05-02',
      defenceImplications: true,
      weightedVotesRequested: true,
      votes: { against: ['DE'] },
    });
    expect(readVoteOptions(new URLSearchParams('date=2013-5-2&defence=0'))).toEqual({});
  });
});

describe('a select value as a contract value', () => {
  it('keeps a value the contract allows and falls back on one it does not', () => {
    expect(oneOf(ATTRIBUTION_KINDS, 'political', 'technical')).toBe('political');
    expect(oneOf(ATTRIBUTION_KINDS, 'rumour', 'technical')).toBe('technical');
    expect(oneOf(INITIATOR_TYPES, 'state-sponsored', 'unknown')).toBe('state-sponsored');
  });
});

describe('codes of the address the vote refuses', () => {
  it('names each code by the place the refusal points to, and takes only those out of the address', () => {
    const choices = readChoices(new URLSearchParams('against=DE,XX&abstain=QQ'));
    const issues = [
      { path: 'votes.against.1', message: '"XX" is not a member state in 2025' },
      { path: 'votes.abstain.0', message: '"QQ" is not a member state in 2025' },
    ];
    expect(refusedCodes(choices, issues)).toEqual([
      { code: 'XX', reason: '"XX" is not a member state in 2025' },
      { code: 'QQ', reason: '"QQ" is not a member state in 2025' },
    ]);
    expect(refusedCodes(choices, [{ path: 'year', message: 'no population figures for 1990' }])).toEqual([]);
    const params = new URLSearchParams('rule=qmv&against=DE,XX&abstain=QQ');
    withoutCodes(params, ['XX', 'QQ']);
    expect(params.toString()).toBe('rule=qmv&against=DE');
  });
});
