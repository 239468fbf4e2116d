// A transit state: one whose infrastructure the attack went through. Outside the Union it makes the attack an external
// threat (Decision (CFSP) 2019/797, Art. 1(2)(b)) whoever is behind it, and it is asked for due diligence through the EU
// delegation there (bendiek2018: the UN GGE's report of June 2015; a delegation delivers a démarche to its host
// country). Each test moves the transit alone: absent, outside the Union, a member state on the start date.
import { describe, expect, it } from 'vitest';
import { validateImportedIncident } from '../exchange/records';
import { incidentVocabulary } from './load';
import { renderPlanMarkdown } from './plan-markdown';
import { incident, measureIn, MINISTRY_INTRUSION, planOn, reasonIn, toolbox, variantOf } from './toolbox.fixture';

// Persons identified by a German prosecutor's public charges, the group's country unknown: only the path is known.
const unknownBehind = variantOf(MINISTRY_INTRUSION, {
  ongoing: true,
  initiator: { type: 'unknown', country: null, identifiedPersons: ['Person A'] },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'medium', public: true }],
});
const via = (transit: string[] | undefined, changes: Record<string, unknown> = {}) =>
  variantOf(unknownBehind, { ...(transit ? { transit } : {}), ...changes });

describe('an attack carried out through infrastructure outside the Union', () => {
  it('is an external threat for the cyber-sanctions regime whoever is behind it (Art. 1(2)(b))', () => {
    const listing = (value: unknown, asOf = '2026-06-01') => measureIn(planOn(value, asOf), 'restrictive-measures');
    expect(listing(via(undefined)).available).toBe(false);
    expect(reasonIn(listing(via(undefined)), 'sanctions-external-threat').text).toContain('Record the states whose servers or other infrastructure the attack went through as transit states');
    const moldova = listing(via(['MD']));
    expect(moldova.available).toBe(true);
    expect(reasonIn(moldova, 'sanctions-external-threat')).toMatchObject({ holds: true });
    expect(reasonIn(moldova, 'sanctions-external-threat').text).toContain('infrastructure outside the Union, in Moldova (MD) (Art. 1(2)(b))');
    // Infrastructure in a member state is inside the Union.
    expect(listing(via(['NL'])).available).toBe(false);
    // The United Kingdom's on the start date: inside the Union up to 31 January 2020, outside from the next day.
    expect(reasonIn(listing(via(['GB'], { start: '2020-01-31' })), 'sanctions-external-threat').holds).toBe(false);
    expect(reasonIn(listing(via(['GB'], { start: '2020-02-01' })), 'sanctions-external-threat').holds).toBe(true);
  });

  it('opens a démarche to the transit state through the EU delegation there, asking for due diligence', () => {
    const demarche = (value: unknown) => measureIn(planOn(value, '2026-06-01'), 'demarche');
    const noDelegation = demarche(via(['MD']));
    expect(noDelegation.available).toBe(false);
    expect(reasonIn(noDelegation, 'eu-delegation-present').text).toContain('none is recorded in the transit state Moldova (MD)');
    const withDelegation = via(['MD'], { context: { euDelegationInTransitCountry: true } });
    const open = demarche(withDelegation);
    expect(open.available).toBe(true);
    expect(reasonIn(open, 'eu-delegation-present').text).toContain('the EU delegation in the transit state Moldova (MD) can deliver it to that government');
    const diligence = reasonIn(open, 'transit-due-diligence');
    expect(diligence).toMatchObject({ kind: 'advisory', holds: true });
    expect(diligence.text).toContain('not misused for attacks on other states');
    expect(reasonIn(open, 'due-diligence-norms-dated').text).toContain('UN GGE report of 2015');
    expect(diligence.sources.map((s) => s.ref)).toContain('bendiek2018');
    expect(measureIn(planOn(withDelegation, '2026-06-01'), 'cooperative-talks').available).toBe(true);
    // A member state's infrastructure is no matter for a démarche, delegation or not.
    expect(demarche(via(['NL'], { context: { euDelegationInTransitCountry: true } })).available).toBe(false);
    expect(reasonIn(demarche(via(['NL'])), 'transit-due-diligence').holds).toBe(false);
  });

  it('names capacity building for the transit state and the transit state\'s territory for a hack-back', () => {
    const p = (transit: string[] | undefined) => planOn(via(transit), '2026-06-01');
    expect(reasonIn(measureIn(p(['MD']), 'capacity-building'), 'capacity-building-transit').holds).toBe(true);
    expect(reasonIn(measureIn(p(undefined), 'capacity-building'), 'capacity-building-transit').holds).toBe(false);
    const hackback = reasonIn(measureIn(p(['MD']), 'active-defence-hackback'), 'hackback-transit-territory');
    expect(hackback.holds).toBe(true);
    expect(hackback.text).toContain("would act on that state's territory");
    expect(reasonIn(measureIn(p(['NL']), 'active-defence-hackback'), 'hackback-transit-territory').holds).toBe(false);
  });

  it('takes country codes only: Greece as GR, no EU or unknown country, at most 20', () => {
    expect(incident(via(['el', 'md'])).transit).toEqual(['GR', 'MD']);
    expect(incident(via(undefined)).transit).toBeUndefined();
    for (const code of ['EU', 'ZZ', 'XX']) expect(() => incident(via([code])), code).toThrow(/transit\.0/);
    const many = ['AD', 'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AZ', 'BA', 'BB', 'BD', 'BF', 'BH', 'BI', 'BJ', 'BN', 'BO', 'BR', 'BS', 'BT'];
    expect(() => incident(via(many))).toThrow(/at most 20 transit states/);
    expect(() => incident(via(['MD'], { context: { euDelegationInTransitCountry: 'yes' } }))).toThrow(/euDelegationInTransitCountry/);
  });

  it('names the transit states in the Markdown plan, and writes no line without them', () => {
    const md = (transit: string[] | undefined) => renderPlanMarkdown(planOn(via(transit), '2026-06-01'), incident(via(transit)));
    expect(md(['MD', 'TR'])).toContain('- Carried out through infrastructure in: Moldova, Turkey');
    expect(md(undefined)).not.toContain('Carried out through infrastructure');
  });

  it('keeps the transit states of an imported record, as the schema reads them', () => {
    const raw = { ...via(['md']), attribution: [] };
    expect(validateImportedIncident(raw, incidentVocabulary(toolbox)).transit).toEqual(['MD']);
    expect(() => validateImportedIncident({ ...raw, transit: ['EU'] }, incidentVocabulary(toolbox))).toThrow(/transit\.0/);
  });
});
