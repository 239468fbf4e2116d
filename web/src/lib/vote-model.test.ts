// The vote body the page sends has the shape the API document describes: the votes as lists under `votes`.
import { describe, expect, it } from 'vitest';
import { oneOf } from './incident-form-model';
import { voteRequest } from './vote-model';
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
});

describe('a select value as a contract value', () => {
  it('keeps a value the contract allows and falls back on one it does not', () => {
    expect(oneOf(ATTRIBUTION_KINDS, 'political', 'technical')).toBe('political');
    expect(oneOf(ATTRIBUTION_KINDS, 'rumour', 'technical')).toBe('technical');
    expect(oneOf(INITIATOR_TYPES, 'state-sponsored', 'unknown')).toBe('state-sponsored');
  });
});
