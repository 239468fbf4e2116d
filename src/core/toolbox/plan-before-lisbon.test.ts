// A plan dated before the Lisbon Treaty's entry into force (1 December 2009) cites the treaty articles then in force,
// not the Lisbon numbering bendiek2018 writes in: in 2008 there was no TFEU, and Art. 29 and 31 TEU concerned police and
// judicial cooperation. The same incident planned a day later cites Lisbon's articles.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { planResponse } from './rules';
import { bareContext } from './situation';
import { incident, measureIn, MINISTRY_INTRUSION, reasonIn, toolbox, variantOf } from './toolbox.fixture';

// An intrusion of 2007 into a member state's ministry, planned on two dates around the Lisbon Treaty's entry into force.
const attack = incident(
  variantOf(MINISTRY_INTRUSION, {
    start: '2007-05-01',
    ongoing: true,
    attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true, date: '2007-06-01' }],
    context: { euDelegationInInitiatorCountry: true, euPositionAdopted: true },
  }),
);
const planOn = (asOf: string) => planResponse(attack, toolbox.measures, toolbox.rules, toolbox.severity, bareContext(asOf as IsoDate));
const bases = (asOf: string, id: string) => measureIn(planOn(asOf), id).legalBasis.map((b) => b.label);
const CFSP = ['demarche', 'cooperative-talks', 'hr-declaration-own-responsibility', 'hr-declaration-on-behalf-of-eu', 'council-conclusions', 'implementing-decision'];

describe('the CFSP measures on a date before the Lisbon Treaty', () => {
  it('cite no TFEU article and no Lisbon-numbered TEU article before 1 December 2009, and the Lisbon articles from that day', () => {
    for (const id of [...CFSP, 'restrictive-measures']) {
      for (const label of bases('2009-11-30', id)) {
        expect(label, `${id}: ${label}`).not.toMatch(/\bTFEU\b/);
        expect(label, `${id}: ${label}`).not.toMatch(/^Art\. (24|27\(2\)|29|31\S*)(,[^T]*)? TEU$/);
      }
    }
    expect(bases('2009-11-30', 'council-conclusions')).toEqual(['Art. 15 and Art. 23(1) TEU as in force before the Lisbon Treaty (Amsterdam and Nice numbering)']);
    expect(bases('2009-12-01', 'council-conclusions')).toEqual(['Art. 29 TEU', 'Art. 31(1) TEU']);
    expect(bases('2009-11-30', 'implementing-decision')).toEqual(['Art. 23(2) TEU as in force before the Lisbon Treaty (Amsterdam and Nice numbering)']);
    expect(bases('2009-12-01', 'implementing-decision')).toContain('Art. 31(2), third indent TEU');
    expect(bases('2009-11-30', 'demarche')).toEqual(['Art. 18(1) and (3), Art. 26 TEU as in force before the Lisbon Treaty (Amsterdam and Nice numbering)']);
    expect(bases('2009-12-01', 'demarche')).toEqual(['Art. 27(2) TEU', 'Art. 221 TFEU']);
    // The pre-Lisbon articles are general knowledge, flagged as such.
    expect(measureIn(planOn('2008-06-01'), 'council-conclusions').legalBasis.every((b) => b.unverified)).toBe(true);
  });

  it('say who acted for the Union then: the Presidency, with the Secretary-General as High Representative, and Commission delegations', () => {
    for (const id of CFSP) {
      const before = reasonIn(measureIn(planOn('2008-06-01'), id), 'pre-lisbon-cfsp');
      expect(before).toMatchObject({ kind: 'advisory', holds: false, unverified: true });
      expect(before.text).toContain('the Presidency');
      expect(before.text).toContain('Commission delegations, not EU delegations');
      expect(before.text).toContain('more than a third of the weighted votes');
      expect(reasonIn(measureIn(planOn('2010-06-01'), id), 'pre-lisbon-cfsp').holds).toBe(true);
    }
    // Advice only: what the measures need stays what it was.
    expect(planOn('2008-06-01').ladder).toEqual(expect.arrayContaining(['demarche', 'council-conclusions', 'hr-declaration-on-behalf-of-eu']));
  });
});
