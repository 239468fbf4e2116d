// NATO's Article 5 for an armed attack by a non-state group: the plan keeps it closed on its sources (the armed answers
// need an attack attributable to a state) and names the Alliance's one invocation, after 11 September 2001, for the
// allies to weigh. Each case moves one input: the initiator's type, the armed-attack flag, the victim's alliance.
import { describe, expect, it } from 'vitest';
import { measureIn as measure, planOn, reasonIn as reason, variantOf } from './toolbox.fixture';

/** An armed cyber attack on a German grid operator by a group acting from abroad, high-confidence German attribution. */
const GROUP_ATTACK = {
  title: 'Armed cyber attack on a grid operator by a group acting from abroad',
  start: '2024-01-10',
  ongoing: false,
  category: 'cyber-terrorism',
  victims: [{ country: 'DE', sector: 'critical-infrastructure' }],
  effects: { severity: 'critical', armedAttack: true, lossOfLife: true },
  initiator: { type: 'non-state', country: 'AF', name: 'Group' },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true, date: '2024-01-12' }],
};

const natoOf = (changes: Record<string, unknown>) => measure(planOn(variantOf(GROUP_ATTACK, changes), '2024-02-01'), 'nato-collective-defence');

describe('Article 5 after an armed attack by a non-state group', () => {
  it('stays closed on the plan\'s sources, and names the invocation of 12 September 2001 for the allies to decide', () => {
    const nato = natoOf({});
    expect(nato.available).toBe(false);
    expect(reason(nato, 'armed-attack-by-state')).toMatchObject({ kind: 'precondition', holds: false });
    const precedent = reason(nato, 'nato-non-state-precedent');
    expect(precedent).toMatchObject({ kind: 'advisory', holds: true, unverified: true });
    expect(precedent.text).toContain('on 12 September 2001');
    expect(precedent.text).toContain('if they were directed from abroad');
    expect(precedent.text).toContain('for the allies to decide in NATO');
    expect(precedent.sources.map((s) => s.ref)).toContain('https://www.nato.int/terrorism/five.htm');
    // What the text points to stays open: Art. 42(7) TEU does not ask who attacked.
    expect(measure(planOn(variantOf(GROUP_ATTACK, {}), '2024-02-01'), 'mutual-assistance-clause').available).toBe(true);
  });

  it('says nothing of 2001 for a state initiator, for an attack below an armed attack, or for a member state outside NATO', () => {
    const state = natoOf({ initiator: { type: 'state', country: 'RU' } });
    expect(state.available).toBe(true);
    expect(reason(state, 'nato-non-state-precedent').holds).toBe(false);
    expect(reason(natoOf({ effects: { armedAttack: false } }), 'nato-non-state-precedent').holds).toBe(false);
    expect(reason(natoOf({ victims: [{ country: 'AT', sector: 'critical-infrastructure' }] }), 'nato-non-state-precedent').holds).toBe(false);
  });
});
