// A state hit while a member state but gone from the Union by the plan's date (the United Kingdom, a member until 31
// January 2020) is read for Article 5 and active defence as an ally outside the Union is, Norway for one: the catalogue
// lists them as the Union's support to a member state's lawful response (bendiek2018), as it does the clauses
// (clauses-member-on-plan-date). Each test moves the plan's date across the day it left, or swaps the victim.
import { describe, expect, it } from 'vitest';
import type { ResponsePlan } from './rules';
import { MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

const armed = {
  start: '2019-03-01',
  ongoing: true,
  category: 'cyber-warfare',
  effects: { severity: 'critical', armedAttack: true, physicalDamage: true },
  initiator: { type: 'state', country: 'RU' },
  attribution: [{ kind: 'political', by: 'Council of the EU', byType: 'eu', confidence: 'high', public: true }],
  context: { euDelegationInInitiatorCountry: true },
};
const planOf = (victims: string[], asOf: string, changes: Record<string, unknown> = {}): ResponsePlan =>
  planOn(variantOf({ ...MINISTRY_INTRUSION, ...armed, victims: victims.map((country) => ({ country, sector: 'energy' })) }, changes), asOf);
const open = (p: ResponsePlan, id: string) => measure(p, id).available;

describe('Article 5 and active defence for a state hit while a member state, on a plan after it left the Union', () => {
  it('opens them for the United Kingdom on a plan of its last day as a member, and closes them from the next day', () => {
    const member = planOf(['GB'], '2020-01-31');
    const left = planOf(['GB'], '2020-02-01');
    for (const id of ['nato-collective-defence', 'active-defence']) {
      expect(open(member, id), id).toBe(true);
      expect(open(left, id), id).toBe(false);
      expect(reason(measure(left, id), 'member-support-on-plan-date').text, id).toContain('United Kingdom (a member state until 2020-01-31)');
    }
    expect(reason(measure(left, 'nato-collective-defence'), 'nato-member').text).toContain('an ally outside the Union on that date, as Norway is');
    // Self-defence stays open, and is collective for the member states once the state hit has left.
    expect(open(left, 'self-defence')).toBe(true);
    expect(reason(measure(member, 'self-defence'), 'collective-self-defence-only').holds).toBe(true);
    expect(reason(measure(left, 'self-defence'), 'collective-self-defence-only').holds).toBe(false);
  });

  it('answers the United Kingdom hit in 2019 on a plan of 2021 as it answers Norway, an ally never in the Union', () => {
    const uk = planOf(['GB'], '2021-06-01', { ongoing: false, end: '2019-03-20' });
    const norway = planOf(['NO'], '2021-06-01', { ongoing: false, end: '2019-03-20' });
    for (const id of ['nato-collective-defence', 'self-defence', 'active-defence', 'solidarity-clause', 'mutual-assistance-clause']) {
      expect(open(uk, id), id).toBe(open(norway, id));
    }
    expect(open(uk, 'nato-collective-defence')).toBe(false);
    expect(open(uk, 'self-defence')).toBe(true);
    for (const p of [uk, norway]) {
      const advice = reason(measure(p, 'nato-collective-defence'), 'nato-ally-outside-union');
      expect(advice.holds).toBe(true);
      expect(advice.text).toContain('Article 5 is for that ally to invoke and for the allies to decide in NATO');
    }
    expect(reason(measure(uk, 'nato-collective-defence'), 'nato-ally-outside-union').text).toContain('United Kingdom (a member state until 2020-01-31)');
  });

  it('reads Article 5 and the precedence over Art. 42(7) TEU for the member state still hit beside it (Ireland, not an ally)', () => {
    const both = planOf(['GB', 'IE'], '2021-06-01', { context: { mutualAssistanceInvoked: true } });
    expect(open(both, 'nato-collective-defence')).toBe(false);
    expect(reason(measure(both, 'nato-collective-defence'), 'nato-member').holds).toBe(false);
    expect(reason(measure(both, 'nato-collective-defence'), 'member-support-on-plan-date').holds).toBe(true);
    expect(open(both, 'mutual-assistance-clause')).toBe(true);
    expect(reason(measure(both, 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(true);
    // With Germany, an ally still a member, beside the United Kingdom, Article 5 is read for Germany.
    const withGermany = planOf(['GB', 'DE'], '2021-06-01');
    expect(open(withGermany, 'nato-collective-defence')).toBe(true);
    expect(reason(measure(withGermany, 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(false);
  });
});
