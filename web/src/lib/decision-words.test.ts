import { describe, expect, it } from 'vitest';
import { decidedBy, decisionCell } from './decision-words';

describe('who decides a measure, in words', () => {
  it('names the body and the rule, not their codes', () => {
    expect(decidedBy({ by: 'member-state', rule: 'national' })).toBe('Decided by the member state, by national decision');
    expect(decidedBy({ by: 'council', rule: 'qmv', ruleChange: { from: 'unanimity' } })).toBe('Decided by the Council, by qualified majority (instead of unanimity)');
    expect(decidedBy({ by: 'commission', rule: 'none' })).toBe('Decided by the Commission, no vote');
    expect(decisionCell({ by: 'member-state', rule: 'national' })).toBe('Member state, national decision');
    expect(decisionCell({ by: 'council', rule: 'rqmv' })).toBe('Council, reinforced qualified majority');
  });
});
