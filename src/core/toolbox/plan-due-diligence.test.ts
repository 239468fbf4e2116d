// A démarche or talks addressed to the third state from whose territory a group acts, with no state recorded behind it,
// ask that state for due diligence (bendiek2018: the UN GGE's report of June 2015, to which the EU has committed).
import { describe, expect, it } from 'vitest';
import { measureIn, MINISTRY_INTRUSION, plan, reasonIn, variantOf } from './toolbox.fixture';

const fromTerritory = (type: string, country: string | null) =>
  plan(variantOf(MINISTRY_INTRUSION, { ongoing: true, initiator: { type, country, name: 'Group X' }, context: { euDelegationInInitiatorCountry: true } }));

describe('the due diligence a démarche asks of the state whose territory is misused', () => {
  it('is named for a non-state or unknown actor acting from a third state, not for a state initiator', () => {
    for (const type of ['non-state', 'unknown']) {
      const p = fromTerritory(type, 'RU');
      for (const id of ['demarche', 'cooperative-talks']) {
        const m = measureIn(p, id);
        expect(m.available, `${id} ${type}`).toBe(true);
        const r = reasonIn(m, 'demarche-due-diligence');
        expect(r).toMatchObject({ kind: 'advisory', holds: true });
        expect(r.text).toContain('not misused for attacks on other states');
        expect(r.text).toContain('June 2015');
        expect(r.sources.map((s) => s.ref)).toContain('bendiek2018');
      }
    }
    for (const type of ['state', 'state-sponsored']) expect(reasonIn(measureIn(fromTerritory(type, 'RU'), 'demarche'), 'demarche-due-diligence').holds).toBe(false);
    // A group acting from a member state is no matter for a démarche to a third state.
    expect(reasonIn(measureIn(fromTerritory('non-state', 'NL'), 'demarche'), 'demarche-due-diligence').holds).toBe(false);
  });
});
