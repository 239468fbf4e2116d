// Plans read against their sources where earlier readings departed from them: who may list (a legal attribution
// is evidence too), an attempt whose grave effects are only potential, the declaration on behalf of the EU (not a
// Council decision), NATO's Article 5 for an ally outside the Union, countermeasures and retorsion (not in the
// catalogue) and hybrid campaigns (the regime covers cyber-attacks only). Each test changes one input and watches
// the answer move.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import type { Relations } from '../kb/relations';
import { planResponse, type ResponsePlan } from './rules';
import { incident, MINISTRY_INTRUSION, toolbox, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

const base = { ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } };
const planOf = (changes: Record<string, unknown>, initiatorRelations: Relations | null = null): ResponsePlan =>
  planResponse(incident({ ...base, ...changes }), toolbox.measures, toolbox.rules, toolbox.severity, {
    asOf: '2026-06-01' as IsoDate,
    regimes: toolbox.regimes,
    initiatorRelations,
    sanctions: toolbox.sanctions,
  });
const armed = { severity: 'critical', armedAttack: true, physicalDamage: true };

describe('a listing rests on a public political or legal attribution by a member state or the EU (Decision (CFSP) 2019/797)', () => {
  const legal = (over: Record<string, unknown>) => [{ kind: 'legal', by: 'DE Federal Prosecutor', confidence: 'high', public: true, ...over }];
  it('opens on a member state prosecutor\'s public charges, not on confidential ones nor on a third state\'s', () => {
    const pub = measure(planOf({ attribution: legal({}) }), 'restrictive-measures');
    expect(pub.available).toBe(true);
    expect(pub.attribution).toMatchObject({ need: 'political-public-evidence', met: true, restsOn: [expect.stringContaining('legal by DE Federal Prosecutor')] });
    expect(measure(planOf({ attribution: legal({ public: false }) }), 'restrictive-measures').available).toBe(false);
    expect(measure(planOf({ attribution: legal({ by: 'US Department of Justice', byType: 'third-state' }) }), 'restrictive-measures').available).toBe(false);
    // A technical attribution alone still does not do.
    expect(measure(planOf({ attribution: legal({ kind: 'technical', by: 'BSI' }) }), 'restrictive-measures').available).toBe(false);
  });
});

describe('an attempt whose grave effects are only potential opens no armed answer (bendiek2018: armed attack "in grave instances")', () => {
  const answers = ['mutual-assistance-clause', 'nato-collective-defence', 'self-defence', 'active-defence', 'active-defence-hackback'];
  const attack = (attempted: boolean) =>
    planOf({ category: 'cyber-warfare', ongoing: true, victims: [{ country: 'PL', sector: 'energy' }], effects: { ...armed, threatensStateSurvival: true, attempted }, context: { euDelegationInInitiatorCountry: true, otherMeansExhausted: true, victimCapacitiesOverwhelmed: true, assistanceRequested: true } });
  it('closes the clause of Art. 42(7) TEU, NATO defence, self-defence and active defence for an attempt, and keeps sanctions and the solidarity clause', () => {
    const done = attack(false);
    const tried = attack(true);
    for (const id of answers) {
      expect(measure(done, id).available, `${id} carried out`).toBe(true);
      const m = measure(tried, id);
      expect(m.available, `${id} attempted`).toBe(false);
      expect(reason(m, 'armed-attack-not-only-attempted')).toMatchObject({ kind: 'precondition', holds: false, unverified: true });
    }
    expect(reason(measure(tried, 'self-defence'), 'armed-attack-not-only-attempted').text).toContain('potential');
    // Decision (CFSP) 2019/797 Art. 1(1) covers attempts; Decision 2014/415/EU Art. 3 a disaster that "may have" a severe impact.
    expect(measure(tried, 'restrictive-measures').available).toBe(true);
    expect(measure(tried, 'solidarity-clause').available).toBe(true);
  });
});

describe('a declaration on behalf of the EU is agreed by all member states, not voted in the Council (bendiek2018, "Stability")', () => {
  it('has no Council vote and so no constructive abstention; an EU position does', () => {
    const p = planOf({});
    const behalf = measure(p, 'hr-declaration-on-behalf-of-eu');
    expect(behalf.decision).toMatchObject({ by: 'high-representative', rule: 'none' });
    const agree = reason(behalf, 'hr-declaration-all-agree');
    expect(agree.text).toContain('not a decision of the Council');
    expect(agree.text).toContain('constructive abstention');
    expect(measure(p, 'council-conclusions').decision).toMatchObject({ by: 'council', rule: 'unanimity' });
    expect(reason(measure(p, 'council-conclusions'), 'eu-position-unanimity').text).toContain('abstaining');
  });
});

describe('NATO collective defence for an ally outside the Union is the Alliance\'s, not this EU plan\'s', () => {
  it('says so when only a third state is hit, and not when a member state is', () => {
    const ally = measure(planOf({ victims: [{ country: 'NO', sector: 'energy' }], effects: armed }), 'nato-collective-defence');
    expect(ally.available).toBe(false);
    expect(reason(ally, 'nato-member').text).not.toContain('The victim member state is not a NATO member');
    const outside = reason(ally, 'nato-ally-outside-union');
    expect(outside).toMatchObject({ kind: 'advisory', holds: true });
    expect(outside.text).toContain('outside the Union');
    expect(outside.text).toContain('collective self-defence');
    const member = measure(planOf({ effects: armed }), 'nato-collective-defence');
    expect(member.available).toBe(true);
    expect(reason(member, 'nato-ally-outside-union').holds).toBe(false);
    // A member state outside NATO: the member-state text still applies.
    expect(reason(measure(planOf({ victims: [{ country: 'AT', sector: 'government' }], effects: armed }), 'nato-collective-defence'), 'nato-member').text).toContain('Austria was not a NATO ally');
  });
});

describe('countermeasures and retorsion are not measures of the catalogue (bendiek2018 names technical counter-measures and hack-backs only)', () => {
  it('says so where self-defence is closed for want of an armed attack, and not where it is open', () => {
    const below = measure(planOf({}), 'self-defence');
    expect(below.available).toBe(false);
    const r = reason(below, 'countermeasures-not-in-catalogue');
    expect(r).toMatchObject({ kind: 'advisory', holds: true });
    expect(r.text).toContain('retorsion');
    expect(r.text).toContain('not measures of this catalogue');
    expect(reason(measure(planOf({ effects: armed }), 'self-defence'), 'countermeasures-not-in-catalogue').holds).toBe(false);
  });
});

describe('a hybrid campaign: the cyber-sanctions regime covers cyber-attacks (Decision (CFSP) 2019/797, Art. 1(3))', () => {
  it('asks for an attack on information systems when the incident is hybrid, not otherwise', () => {
    const hybrid = measure(planOf({ category: 'hybrid', victims: [{ country: 'FR', sector: 'elections' }] }), 'restrictive-measures');
    const r = reason(hybrid, 'sanctions-cyber-attack-only');
    expect(r).toMatchObject({ kind: 'advisory', holds: true });
    expect(r.text).toContain('disinformation');
    expect(reason(hybrid, 'hybrid-threats-regime').text).toContain('2024/2642');
    expect(reason(measure(planOf({}), 'restrictive-measures'), 'sanctions-cyber-attack-only').holds).toBe(false);
  });
});

describe('the criminal-justice track with a host state that has or has not ratified the Budapest Convention (renard2014)', () => {
  const relations = (state: string, status: string | null, bound = status === 'ratified'): Relations => ({
    state,
    covered: true,
    name: state,
    asOf: '2026-06-01' as IsoDate,
    cyberDialogues: [],
    inactiveCyberDialogues: [],
    criminalJusticeAgreements: [],
    budapestConvention: status === null ? null : { status, stance: null, inForce: null, bound, sources: [] },
    budapestUnverified: null,
  });
  const gang = (country: string) => ({ category: 'cyber-crime', initiator: { type: 'non-state', country, name: 'Ransom gang', identifiedPersons: ['Person B'] }, victims: [{ country: 'DE', sector: 'health' }] });
  it('says the Convention is open with a party and binds only its parties otherwise; the track stays open', () => {
    const party = measure(planOf(gang('JP'), relations('JP', 'ratified')), 'criminal-justice-cooperation');
    const signed = measure(planOf(gang('ZA'), relations('ZA', 'signed')), 'criminal-justice-cooperation');
    const outside = measure(planOf(gang('RU'), relations('RU', 'not-signed')), 'criminal-justice-cooperation');
    for (const m of [party, signed, outside]) expect(m.available).toBe(true);
    expect(reason(party, 'criminal-justice-budapest')).toMatchObject({ kind: 'advisory', holds: true });
    expect(reason(party, 'criminal-justice-budapest').text).toContain('The Budapest Convention is in force for the host state (JP)');
    // Ratified, and not yet in force for the state on the plan's date: no party yet.
    const deposited = measure(planOf(gang('JP'), relations('JP', 'ratified', false)), 'criminal-justice-cooperation');
    expect(reason(deposited, 'criminal-justice-budapest').holds).toBe(false);
    expect(reason(deposited, 'criminal-justice-budapest').text).toContain('ratified and not yet in force for it');
    for (const m of [signed, outside]) {
      expect(reason(m, 'criminal-justice-budapest').holds).toBe(false);
      expect(reason(m, 'criminal-justice-budapest').text).toContain('binds its parties only');
    }
  });
});

describe('the toolbox\'s guidelines as revised on 8 June 2023 (Council document 10289/23)', () => {
  it('are named beside the 2017 framework, with the threats they name', () => {
    const r = measure(planOf({}), 'demarche').reasons.find((x) => x.rule === 'toolbox-revised-guidelines');
    expect(r?.holds).toBe(true);
    expect(r?.text).toContain('8 June 2023');
    expect(r?.text).toContain('supply-chain');
    expect(r?.sources.map((x) => x.locator).join(' ')).toContain('10289/23');
  });
});


describe('who attributed, read from the author\'s name: an organisation named after the EU is not the EU', () => {
  it('does not take an independent organisation\'s political attribution for the Union\'s', () => {
    const by = (author: string) => ({ attribution: [{ kind: 'political', by: author, confidence: 'high', public: true }] });
    expect(incident({ ...base, ...by('EU DisinfoLab') }).attribution[0]?.byType).toBe('other');
    expect(measure(planOf(by('EU DisinfoLab')), 'restrictive-measures').available).toBe(false);
    expect(measure(planOf(by('EU Cyber Direct')), 'hr-declaration-on-behalf-of-eu').attribution.met).toBe(false);
    // The Union's own bodies still count.
    expect(measure(planOf(by('EU (High Representative on behalf of the EU)')), 'restrictive-measures').available).toBe(true);
    expect(incident({ ...base, ...by('EEAS') }).attribution[0]?.byType).toBe('eu');
  });
});

describe('Art. 222 TFEU against Art. 42(7) TEU: who invokes, who decides, what each obliges', () => {
  it('says what the solidarity clause obliges as the mutual assistance clause does, and which needs the means exhausted', () => {
    const attack = { effects: armed, context: { euDelegationInInitiatorCountry: true, mutualAssistanceInvoked: true, assistanceRequested: true } };
    const notOverwhelmed = planOf(attack);
    // Art. 42(7) asks no exhaustion of national means; Art. 222 as implemented by Decision 2014/415/EU does.
    expect(measure(notOverwhelmed, 'mutual-assistance-clause').available).toBe(true);
    expect(measure(notOverwhelmed, 'solidarity-clause').available).toBe(false);
    const both = planOf({ ...attack, context: { ...attack.context, victimCapacitiesOverwhelmed: true } });
    const sc = measure(both, 'solidarity-clause');
    expect(sc.available).toBe(true);
    expect(sc.decision).toMatchObject({ by: 'member-state', rule: 'national' });
    const duty = reason(sc, 'solidarity-obligation');
    expect(duty).toMatchObject({ kind: 'advisory', holds: true, unverified: true });
    expect(duty.text).toContain('act jointly');
    expect(duty.text).toContain('Declaration No 37');
    expect(duty.text).toContain('IPCR');
    expect(reason(measure(both, 'mutual-assistance-clause'), 'mutual-assistance-obligation').text).toContain('no Council vote');
  });
});
