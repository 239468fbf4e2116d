// Pivotal member states: every state whose own change of vote reverses the outcome, moving with the votes.
import { describe, expect, it } from 'vitest';
import { council } from './council.fixture';
import { MEMBER_STATE_CODES } from './member-states';
import { simulateVote, type VoteResult } from './vote';

const vote = (input: unknown): VoteResult => simulateVote(input, council);
const pivots = (r: VoteResult) => r.pivotal.map((p) => p.state).sort();
const members2025 = () => vote({ rule: 'qmv' }).members;

describe('pivotal member states', () => {
  it('under unanimity every state voting for is pivotal; one objector is the only one; two leave none', () => {
    const all = vote({ rule: 'unanimity' });
    expect(pivots(all)).toEqual([...members2025()].sort());
    expect(all.pivotal[0]).toMatchObject({ state: 'DE', from: 'for', to: 'against', outcome: 'rejected' });
    const one = vote({ rule: 'unanimity', votes: { against: ['HU'] } });
    expect(one.pivotal).toEqual([{ state: 'HU', from: 'against', to: 'for', outcome: 'adopted' }]);
    const two = vote({ rule: 'unanimity', votes: { against: ['HU', 'SK'] } });
    expect(two.pivotal).toEqual([]);
    expect(two.explanation).toContain('No single member state could reverse the outcome by changing its vote alone.');
  });

  it('under qualified majority with DE, FR and IT against, any fourth state would block; with ES too, each of the four would unblock', () => {
    const three = vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'IT'] } });
    expect(three.adopted).toBe(true);
    expect(pivots(three)).toEqual(members2025().filter((c) => !['DE', 'FR', 'IT'].includes(c)).sort());
    expect(three.pivotal[0]).toMatchObject({ state: 'ES', to: 'against' });
    const four = vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'IT', 'ES'] } });
    expect(four.adopted).toBe(false);
    expect(pivots(four)).toEqual(['DE', 'ES', 'FR', 'IT']);
    expect(four.explanation.find((l) => l.startsWith('Pivotal'))).toBe('Pivotal member states (each could reverse the outcome alone by voting for): DE, FR, IT and ES.');
  });

  it('a broad qualified majority has no pivotal state: nobody blocks alone', () => {
    expect(vote({ rule: 'qmv' }).pivotal).toEqual([]);
  });

  it('a state abstaining or not taking part can be pivotal too', () => {
    const r = vote({ rule: 'unanimity', votes: { abstain: ['AT'], notParticipating: ['IE'] } });
    expect(r.adopted).toBe(true);
    expect(r.pivotal.find((p) => p.state === 'AT')).toMatchObject({ from: 'abstain', to: 'against' });
    expect(r.pivotal.find((p) => p.state === 'IE')).toMatchObject({ from: 'notParticipating', to: 'against' });
    expect(r.pivotal).toHaveLength(MEMBER_STATE_CODES.length);
  });
});

describe('constructive abstention explained (Art. 31(1) TEU)', () => {
  it('unanimity says what abstaining constructively means, with Art. 31(1) TEU and Art. 215 TFEU cited; qualified majority does not', () => {
    const r = vote({ rule: 'unanimity', votes: { constructive: ['AT'] } });
    expect(r.constructiveAbstention?.text).toMatch(/does not have to apply the decision/);
    expect(r.constructiveAbstention?.text).toMatch(/commits the\s+Union/);
    expect(r.constructiveAbstention?.text).toMatch(/Art\. 215 TFEU.*binds every member state/s);
    expect(r.constructiveAbstention?.sources.map((s) => s.locator ?? '').join(' ')).toContain('Art. 31(1) TEU');
    expect(r.explanation).toContain(r.constructiveAbstention?.text);
    expect(vote({ rule: 'qmv' }).constructiveAbstention).toBeUndefined();
  });

  it('the condition reads as what adoption needs: met while the qualified abstentions stay below the bar', () => {
    const few = vote({ rule: 'unanimity', votes: { constructive: ['AT'] } }).thresholds.find((t) => t.id === 'constructive-abstention');
    expect(few?.text).toMatch(/^qualified abstentions stay below 1\/3 of all 27 member states \(9\) or below 1\/3 of the Union's population/);
    expect(few?.met).toBe(true);
    const nine = vote({ rule: 'unanimity', votes: { constructive: ['DE', 'FR', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE', 'CZ'] } });
    expect(nine.adopted).toBe(false);
    expect(nine.thresholds.find((t) => t.id === 'constructive-abstention')?.met).toBe(false);
  });
});
