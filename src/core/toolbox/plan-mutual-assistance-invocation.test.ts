// Art. 42(7) TEU on the plan's date: bendiek2018 dates its first invocation to November 2015 (France, after the Paris
// attacks). A plan made before 17 November 2015 does not speak of that invocation as past; one made from that day names
// it as the practice there is. The test moves the plan's date across the day.
import { describe, expect, it } from 'vitest';
import { MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

// A severe attack on France, not an armed attack, after which France invokes the clause (bendiek2018: the clause can be
// invoked after severe cyber attacks).
const severe = {
  start: '2012-05-01',
  ongoing: true,
  category: 'cyber-warfare',
  victims: [{ country: 'FR', sector: 'energy' }],
  effects: { severity: 'critical' },
  initiator: { type: 'state', country: 'RU' },
  context: { euDelegationInInitiatorCountry: true, mutualAssistanceInvoked: true },
};
const clauseOn = (asOf: string) => measure(planOn(variantOf({ ...MINISTRY_INTRUSION, ...severe }, {}), asOf), 'mutual-assistance-clause');

describe('the mutual assistance clause before and after its first invocation (France, 17 November 2015)', () => {
  it('names no invocation as past on a plan of 2012 or of 16 November 2015', () => {
    for (const asOf of ['2012-06-01', '2015-11-16']) {
      const m = clauseOn(asOf);
      expect(m.available, asOf).toBe(true);
      for (const r of m.reasons) expect(r.text, `${asOf} ${r.rule}`).not.toMatch(/France invoked/);
      const first = reason(m, 'mutual-assistance-first-invocation');
      expect(first).toMatchObject({ kind: 'advisory', holds: false, unverified: true });
      expect(first.text).toContain(`On the plan's date, ${asOf}, the clause has never been invoked`);
      // NATO's precedence for France, an ally, is read without the later invocation.
      expect(reason(m, 'nato-precedence').holds).toBe(false);
    }
  });

  it('names France\'s invocation from 17 November 2015', () => {
    for (const asOf of ['2015-11-17', '2016-03-01']) {
      const first = reason(clauseOn(asOf), 'mutual-assistance-first-invocation');
      expect(first.holds, asOf).toBe(true);
      expect(first.text).toContain('invoked it on 17 November 2015');
      expect(first.text).toContain('agreed with France bilaterally');
    }
  });
});
