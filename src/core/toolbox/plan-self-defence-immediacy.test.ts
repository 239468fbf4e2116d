// Self-defence and Article 5 for an armed attack that is over on the plan's date: bendiek2018 ties only active defence
// and the hack-back to an ongoing attack and sets no test of immediacy or necessity for self-defence, nor do the research
// notes, so the plan does not close them on that ground and says that no source settles it (self-defence-no-immediacy-test,
// unverified). Each test moves the attack's end across the plan's date, or the plan's date across its end.
import { describe, expect, it } from 'vitest';
import type { ResponsePlan } from './rules';
import { MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

const armed = {
  start: '2024-05-01',
  ongoing: false,
  end: '2024-05-20',
  category: 'cyber-warfare',
  victims: [{ country: 'PL', sector: 'energy' }],
  effects: { severity: 'critical', armedAttack: true, physicalDamage: true },
  initiator: { type: 'state', country: 'RU' },
  attribution: [{ kind: 'political', by: 'Council of the EU', byType: 'eu', confidence: 'high', public: true }],
  context: { euDelegationInInitiatorCountry: true },
};
const planOf = (changes: Record<string, unknown>, asOf: string): ResponsePlan => planOn(variantOf({ ...MINISTRY_INTRUSION, ...armed }, changes), asOf);

describe('an armed attack over before the plan\'s date: no source sets an immediacy test for self-defence or Article 5', () => {
  it('says so for self-defence and Article 5 once the attack has ended, and keeps both open', () => {
    const weeksAfter = planOf({}, '2024-06-15');
    for (const id of ['self-defence', 'nato-collective-defence']) {
      const m = measure(weeksAfter, id);
      expect(m.available, id).toBe(true);
      const r = reason(m, 'self-defence-no-immediacy-test');
      expect(r).toMatchObject({ kind: 'advisory', holds: true, unverified: true });
      expect(r.text, id).toContain('The attack ended on 2024-05-20, before the plan\'s date (2024-06-15)');
      expect(r.text, id).toContain('set no test of immediacy or necessity');
    }
    // Active defence, which bendiek2018 ties to an ongoing attack, closes on that date.
    expect(measure(weeksAfter, 'active-defence').available).toBe(false);
  });

  it('does not raise it while the attack goes on: ended after the plan\'s date, or marked ongoing', () => {
    const during = planOf({}, '2024-05-10');
    const ongoing = planOf({ end: undefined, ongoing: true }, '2024-06-15');
    for (const p of [during, ongoing]) {
      const r = reason(measure(p, 'self-defence'), 'self-defence-no-immediacy-test');
      expect(r.holds).toBe(false);
      expect(r.text).toContain('under way on the plan\'s date');
      expect(measure(p, 'active-defence').available).toBe(true);
    }
    // Recorded as over with no end date, the text says so.
    const undated = reason(measure(planOf({ end: undefined }, '2024-06-15'), 'self-defence'), 'self-defence-no-immediacy-test');
    expect(undated.holds).toBe(true);
    expect(undated.text).toContain('The attack is recorded as over, with no end date');
  });
});
