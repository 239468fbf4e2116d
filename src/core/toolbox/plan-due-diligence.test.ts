// A démarche or talks addressed to the third state from whose territory a group acts, with no state recorded behind it,
// ask that state for due diligence (bendiek2018: the UN GGE's report of June 2015, to which the EU has committed). The
// report, UN document A/70/174, is of 22 July 2015: only a plan made from that day cites it.
import { describe, expect, it } from 'vitest';
import { measureIn, MINISTRY_INTRUSION, plan, planOn, reasonIn, variantOf } from './toolbox.fixture';

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
        expect(r.sources.map((s) => s.ref)).toContain('bendiek2018');
        const norms = reasonIn(m, 'due-diligence-norms-dated');
        expect(norms.holds).toBe(true);
        expect(norms.text).toContain('UN GGE report of 2015 (A/70/174, of 22 July 2015), to which the EU has committed');
      }
    }
    for (const type of ['state', 'state-sponsored']) expect(reasonIn(measureIn(fromTerritory(type, 'RU'), 'demarche'), 'demarche-due-diligence').holds).toBe(false);
    // A group acting from a member state is no matter for a démarche to a third state.
    expect(reasonIn(measureIn(fromTerritory('non-state', 'NL'), 'demarche'), 'demarche-due-diligence').holds).toBe(false);
  });
});

describe('the UN GGE report of 2015 on the plan\'s date (A/70/174, 22 July 2015)', () => {
  // A group acting from Russia through servers in Ukraine, in 2014: both démarches ask for due diligence.
  const onDay = (asOf: string) =>
    planOn(
      variantOf(MINISTRY_INTRUSION, {
        start: '2014-03-01',
        ongoing: true,
        initiator: { type: 'non-state', country: 'RU', name: 'Group X' },
        transit: ['UA'],
        context: { euDelegationInInitiatorCountry: true, euDelegationInTransitCountry: true },
      }),
      asOf,
    );
  const ASKING = ['demarche-due-diligence', 'transit-due-diligence', 'demarche-transit-without-attribution', 'cooperative-talks-transit-without-attribution'];

  it('asks for due diligence on a plan of 2014 and of 21 July 2015 without citing the report, and cites it from 22 July 2015', () => {
    for (const asOf of ['2014-06-01', '2015-07-21']) {
      const p = onDay(asOf);
      for (const id of ['demarche', 'cooperative-talks']) {
        const m = measureIn(p, id);
        const asking = m.reasons.filter((r) => ASKING.includes(r.rule) && r.holds);
        expect(asking.length, `${asOf} ${id}`).toBeGreaterThan(0);
        for (const r of asking) expect(r.text, `${asOf} ${r.rule}`).toContain('not misused for attacks on other states');
        for (const r of m.reasons) expect(r.text, `${asOf} ${r.rule}`).not.toMatch(/report of June 2015|to which the EU has committed/);
        const norms = reasonIn(m, 'due-diligence-norms-dated');
        expect(norms).toMatchObject({ kind: 'advisory', holds: false, unverified: true });
        expect(norms.text).toContain(`On the plan's date, ${asOf}, the UN GGE report that sets out these norms of due diligence is not yet out`);
      }
    }
    for (const asOf of ['2015-07-22', '2016-01-01']) {
      for (const id of ['demarche', 'cooperative-talks']) {
        const norms = reasonIn(measureIn(onDay(asOf), id), 'due-diligence-norms-dated');
        expect(norms.holds, `${asOf} ${id}`).toBe(true);
        expect(norms.text).toContain(`On the plan's date (${asOf}) the norms these messages invoke stand in the UN GGE report of 2015`);
      }
    }
  });
});
