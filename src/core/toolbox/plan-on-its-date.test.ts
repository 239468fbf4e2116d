// A plan made on an earlier day, read against what existed that day: an undated attribution cannot count before the
// incident was found (or, public, disclosed); the clauses of Art. 222 TFEU and Art. 42(7) TEU exist from the Lisbon
// Treaty (bendiek2018); the acts cited are those in force (the Instrument for Stability before the IcSP, renard2014;
// the 2017 conclusions only from 19 June 2017; Decision 2014/415/EU from 21 July 2014, research notes 4.2; the
// Budapest Convention from 1 July 2004); the 2023 guidelines and Russia's hybrid-threats regime only from their days;
// an incident that ended after the plan's date was still going on that day.
// Each test moves one input, usually the plan's date by a day, and watches the answer move.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { renderPlanMarkdown } from './plan-markdown';
import { planResponse, type ResponsePlan } from './rules';
import { incident, MINISTRY_INTRUSION, planOn, toolbox, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

const base = { ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } };
const planOf = (changes: Record<string, unknown>, asOf: string): ResponsePlan => planOn(variantOf(base, changes), asOf);
const bases = (p: ResponsePlan, id: string) => measure(p, id).legalBasis.map((b) => b.label);
const armed = { severity: 'critical', armedAttack: true, physicalDamage: true };

describe('an undated attribution counts from the earliest day it can have been made (bendiek2018: attribution follows detection)', () => {
  const bsi = [{ kind: 'technical', by: 'BSI', confidence: 'high', public: false }];
  const found = { start: '2015-01-10', detected: '2015-05-01', attribution: bsi };

  it('is not counted before the incident was detected, and is counted, as undated, from that day', () => {
    const before = planOf(found, '2015-04-30');
    expect(measure(before, 'demarche').available).toBe(false);
    expect(reason(measure(before, 'demarche'), 'attribution-any').text).toContain("undated: it cannot have been made before the incident's detection (2015-05-01)");
    expect(before.notCounted).toEqual(["attribution: technical by BSI (high confidence, not public), undated: it cannot have been made before the incident's detection (2015-05-01)"]);
    const from = planOf(found, '2015-05-01');
    expect(measure(from, 'demarche').available).toBe(true);
    expect(from.notCounted).toEqual([]);
    expect(reason(measure(from, 'demarche'), 'attribution-any').text).toContain('Undated: the attribution by BSI has no date');
    // Dated, it counts from its own date and is not called undated.
    const dated = planOf({ ...found, attribution: [{ ...bsi[0], date: '2015-03-01' }] }, '2015-04-30');
    expect(measure(dated, 'demarche').available).toBe(true);
    expect(reason(measure(dated, 'demarche'), 'attribution-any').text).not.toContain('Undated');
    // With no detection recorded, the start bounds it.
    expect(measure(planOf({ ...found, detected: undefined }, '2015-04-30'), 'demarche').available).toBe(true);
  });

  it('public, is not counted before the incident was disclosed, since a public attribution discloses it', () => {
    const pol = [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }];
    const i = { start: '2015-01-10', detected: '2015-05-01', disclosed: '2016-03-01', attribution: pol };
    expect(measure(planOf(i, '2016-02-29'), 'hr-declaration-on-behalf-of-eu').attribution.met).toBe(false);
    expect(measure(planOf(i, '2016-03-01'), 'hr-declaration-on-behalf-of-eu').attribution.met).toBe(true);
    // The same attribution kept confidential is bounded by the detection only.
    expect(measure(planOf({ ...i, attribution: [{ ...pol[0], public: false }] }, '2016-02-29'), 'hr-declaration-on-behalf-of-eu').attribution.met).toBe(true);
  });

  it('is listed in the plan\'s Markdown as not known by the plan\'s date, not as recorded after it', () => {
    const md = renderPlanMarkdown(planOf(found, '2015-04-30'), incident(variantOf(base, found)));
    expect(md).toContain('Not counted in this plan, recorded after its date or, undated, not known by then (2015-04-30):');
  });
});

describe('the clauses exist from the Lisbon Treaty (bendiek2018: "The Lisbon Treaty introduced the solidarity and mutual-assistance clauses")', () => {
  it('closes Art. 222 TFEU and Art. 42(7) TEU on a plan before 1 December 2009 and opens them from that day', () => {
    const overwhelmed = { start: '2009-11-20', ongoing: true, effects: armed, context: { euDelegationInInitiatorCountry: true, victimCapacitiesOverwhelmed: true, assistanceRequested: true, mutualAssistanceInvoked: true } };
    const eve = planOf(overwhelmed, '2009-11-30');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause']) {
      expect(measure(eve, id).available, id).toBe(false);
      expect(reason(measure(eve, id), 'lisbon-clauses')).toMatchObject({ kind: 'precondition', holds: false });
    }
    expect(bases(eve, 'solidarity-clause')).toEqual(['none in force on 2009-11-30: Art. 222 TFEU applies from 2009-12-01']);
    expect(bases(eve, 'mutual-assistance-clause')).toEqual(['Art. 51 UN Charter']);
    const day = planOf(overwhelmed, '2009-12-01');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause']) expect(measure(day, id).available, id).toBe(true);
    expect(bases(day, 'mutual-assistance-clause')).toContain('Art. 42(7) TEU');
    // Before its implementing decision (research notes 4.2: in force 21 July 2014) the clause stands on the treaty alone.
    expect(bases(day, 'solidarity-clause')).toEqual(['Art. 222 TFEU']);
    expect(bases(planOf(overwhelmed, '2014-07-21'), 'solidarity-clause')).toContain('Art. 4 Council Decision 2014/415/EU');
    expect(bases(planOf(overwhelmed, '2014-07-20'), 'solidarity-clause')).not.toContain('Art. 4 Council Decision 2014/415/EU');
  });

  it('leaves NATO and self-defence to a member state hit in 2007 (the attacks on Estonia)', () => {
    const estonia = planOf({ start: '2007-04-27', victims: [{ country: 'EE', sector: 'government' }], effects: armed, context: { euDelegationInInitiatorCountry: true, mutualAssistanceInvoked: true } }, '2007-05-20');
    expect(measure(estonia, 'mutual-assistance-clause').available).toBe(false);
    expect(measure(estonia, 'nato-collective-defence').available).toBe(true);
    expect(measure(estonia, 'self-defence').available).toBe(true);
  });
});

describe('the acts a plan cites are those in force on its date', () => {
  const start = { start: '2004-01-10' };
  it('capacity building: the Instrument for Stability to 2013 (renard2014), the IcSP from 1 January 2014', () => {
    expect(bases(planOf(start, '2013-12-31'), 'capacity-building')).toContain('Regulation (EC) No 1717/2006 (Instrument for Stability, IfS)');
    expect(bases(planOf(start, '2013-12-31'), 'capacity-building')).not.toContain('Regulation (EU) No 230/2014 (Instrument contributing to Stability and Peace, IcSP)');
    expect(bases(planOf(start, '2014-01-01'), 'capacity-building')).toContain('Regulation (EU) No 230/2014 (Instrument contributing to Stability and Peace, IcSP)');
    expect(bases(planOf(start, '2014-01-01'), 'capacity-building')).not.toContain('Regulation (EC) No 1717/2006 (Instrument for Stability, IfS)');
    expect(measure(planOf(start, '2014-01-01'), 'capacity-building').legalBasis.find((b) => b.act.includes('230/2014'))?.unverified).toBe(true);
  });

  it('the 2017 conclusions only from 19 June 2017, the OSCE measures from 3 December 2013', () => {
    const conclusions = 'Council conclusions on a framework for a joint EU diplomatic response to malicious cyber activities (19 June 2017)';
    for (const id of ['confidence-building-measures', 'cyber-dialogue']) {
      expect(bases(planOf(start, '2017-06-18'), id), id).not.toContain(conclusions);
      expect(bases(planOf(start, '2017-06-19'), id), id).toContain(conclusions);
    }
    expect(bases(planOf(start, '2013-12-02'), 'confidence-building-measures')).toEqual(['none in force on 2013-12-02: OSCE confidence-building measures for cyberspace applies from 2013-12-03']);
    expect(bases(planOf(start, '2013-12-03'), 'confidence-building-measures')).toEqual(['OSCE confidence-building measures for cyberspace']);
  });

  // bendiek2018, "Prevention": confidence-building measures "such as those developed by the OSCE"; the measure raises the
  // incident through their channels, which a plan of 2007 (Estonia) or of 2 December 2013 does not have yet.
  it('opens the confidence-building measures only once the OSCE has agreed them, 3 December 2013', () => {
    const eve = measure(planOf(start, '2013-12-02'), 'confidence-building-measures');
    expect(eve.available).toBe(false);
    expect(reason(eve, 'cbm-osce-agreed')).toMatchObject({ kind: 'precondition', holds: false });
    expect(reason(eve, 'cbm-osce-agreed').text).toContain('On the plan\'s date, 2013-12-02, the OSCE has agreed no confidence-building measures for cyberspace');
    const day = measure(planOf(start, '2013-12-03'), 'confidence-building-measures');
    expect(day.available).toBe(true);
    expect(reason(day, 'cbm-osce-agreed')).toMatchObject({ holds: true, unverified: true });
    // The incident's own start does not decide: an attack of 2007 planned today has the channels.
    expect(measure(planOf({ start: '2007-04-27', end: '2007-05-18' }, '2026-06-01'), 'confidence-building-measures').available).toBe(true);
    expect(measure(planOf({ start: '2007-04-27', end: '2007-05-18' }, '2007-05-20'), 'confidence-building-measures').available).toBe(false);
  });

  // Protocol (No 36) on transitional provisions, Art. 3: the double majority from 1 November 2014, weighted votes before it
  // and on a member's request until 31 March 2017 (data/council/voting-rules.yaml, as the vote simulator counts them).
  it('states the qualified majority the Council counted on the plan\'s date: weighted votes before 1 November 2014', () => {
    const position = { start: '2012-03-01', context: { euDelegationInInitiatorCountry: true, euPositionAdopted: true } };
    const proposer = (p: ResponsePlan) => reason(measure(p, 'implementing-decision'), 'implementing-proposer').text;
    const in2013 = proposer(planOf(position, '2013-05-01'));
    expect(in2013).toContain('255 of the 345 weighted votes, cast by a majority of the members (14 of 27)');
    expect(in2013).toContain('255 of the 345 weighted votes cast by at least two thirds of the members (18 of 27)');
    expect(in2013).not.toContain('55 % of the members');
    const eve = proposer(planOf(position, '2014-10-31'));
    expect(eve).toContain('260 of the 352 weighted votes, cast by a majority of the members (15 of 28)');
    expect(eve).toContain('(19 of 28)');
    const day = proposer(planOf(position, '2014-11-01'));
    expect(day).toContain("55 % of the members, 16 of 28 on the plan's date, representing 65 % of the population; until 2017-03-31 a member may ask");
    expect(day).toContain('72 % of the members (21 of 28)');
    expect(proposer(planOf(position, '2017-04-01'))).not.toContain('weighted votes');
    // The figures are the data's: another threshold in data/council/voting-rules.yaml moves the text.
    const weighted = toolbox.votingRules.weightedVotes;
    const moved = { ...weighted, periods: weighted.periods.map((x) => ({ ...x, threshold: x.threshold - 5 })) };
    const plan = planResponse(incident(variantOf(base, position)), toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2013-05-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions, weightedVotes: moved });
    expect(proposer(plan)).toContain('250 of the 345 weighted votes');
  });

  it('the criminal law on attacks against information systems of the day, and the Budapest Convention from 1 July 2004', () => {
    const crime = { ...start, category: 'cyber-crime', initiator: { type: 'non-state', country: 'RU', identifiedPersons: ['X'] } };
    const on = (d: string) => bases(planOf(crime, d), 'criminal-justice-cooperation');
    expect(on('2004-06-30')).not.toContain('Council of Europe Convention on Cybercrime (Budapest Convention)');
    expect(on('2004-07-01')).toContain('Council of Europe Convention on Cybercrime (Budapest Convention)');
    expect(on('2013-09-02')).not.toContain('Directive 2013/40/EU');
    expect(on('2013-09-03')).toEqual(expect.arrayContaining(['Directive 2013/40/EU', 'Council Framework Decision 2005/222/JHA (attacks against information systems)']));
    expect(on('2015-09-04')).not.toContain('Council Framework Decision 2005/222/JHA (attacks against information systems)');
  });

  it('names no act of a later day in its reasons: a 2007 plan with a host state outside the Budapest Convention cites no 2013 directive', () => {
    const crime = { ...start, start: '2007-04-27', category: 'cyber-crime', initiator: { type: 'non-state', country: 'RU', identifiedPersons: ['X'] } };
    const texts = (d: string) => measure(planOf(crime, d), 'criminal-justice-cooperation').reasons.map((r) => r.text).join(' ');
    for (const d of ['2007-05-20', '2016-01-01']) {
      expect(texts(d), d).toContain("the Union's act on attacks against information systems in force on the plan's date");
      expect(texts(d), d).not.toContain('2013/40');
    }
    expect(bases(planOf(crime, '2007-05-20'), 'criminal-justice-cooperation')).not.toContain('Directive 2013/40/EU');
  });

  it('reaches a member state on the attack\'s path under the act of the plan\'s date, not the 2013 directive on a plan of 2012', () => {
    const through = { start: '2012-03-01', ongoing: true, transit: ['NL'] };
    for (const d of ['2012-06-01', '2016-01-01']) {
      const channels = reason(measure(planOf(through, d), 'demarche'), 'transit-member-state-channels');
      expect(channels.holds, d).toBe(true);
      expect(channels.text).toContain(`under the Union's act on attacks against information systems in force on the plan's date (${d})`);
      expect(channels.text).not.toContain('2013');
    }
  });
});

describe('an incident that ended after the plan\'s date was going on that day (bendiek2018, "Cooperation" and "Due Diligence, Step by Step")', () => {
  it('opens active defence and reads the démarche as for an ongoing incident on a plan made before the end, not after', () => {
    const ended = { start: '2026-03-01', end: '2026-05-01', category: 'cyber-warfare', effects: armed };
    const april = planOf(ended, '2026-04-01');
    expect(measure(april, 'active-defence').available).toBe(true);
    expect(reason(measure(april, 'active-defence'), 'hackback-ongoing').text).toContain('under way on the plan\'s date (2026-04-01)');
    expect(reason(measure(april, 'demarche'), 'demarche-ongoing-incident').holds).toBe(true);
    const june = planOf(ended, '2026-06-01');
    expect(measure(june, 'active-defence').available).toBe(false);
    expect(reason(measure(june, 'demarche'), 'demarche-ongoing-incident').holds).toBe(false);
    // The day it ended, it is over.
    expect(measure(planOf(ended, '2026-05-01'), 'active-defence').available).toBe(false);
  });
});

describe('later instruments are not read into earlier plans', () => {
  it('names the revised guidelines of 8 June 2023 only from that day', () => {
    const r = (d: string) => reason(measure(planOf({ start: '2019-03-01' }, d), 'demarche'), 'toolbox-revised-guidelines');
    expect(r('2023-06-07')).toMatchObject({ kind: 'advisory', holds: false });
    expect(r('2023-06-07').text).toContain('have not been revised');
    expect(r('2023-06-08').holds).toBe(true);
    expect(r('2023-06-08').text).toContain('supply-chain');
    expect(reason(measure(planOf({ start: '2019-03-01' }, '2019-06-01'), 'demarche'), 'toolbox-framework-dates').text).not.toContain('2023');
  });

  it('names the implementing guidelines of 11 October 2017 only from that day, the framework from 19 June 2017', () => {
    const on = (d: string) => measure(planOf({ start: '2017-05-01' }, d), 'demarche');
    for (const d of ['2017-06-19', '2017-10-10']) {
      expect(reason(on(d), 'toolbox-framework-dates').holds, d).toBe(true);
      for (const r of on(d).reasons) expect(r.text, `${d} ${r.rule}`).not.toMatch(/approved its implementing guidelines on 11 October 2017|dates the toolbox's adoption/);
      expect(reason(on(d), 'toolbox-implementing-guidelines')).toMatchObject({ kind: 'advisory', holds: false });
      expect(reason(on(d), 'toolbox-implementing-guidelines').text).toContain(`On the plan's date, ${d}, the framework's implementing guidelines are not yet approved`);
    }
    expect(reason(on('2017-10-11'), 'toolbox-implementing-guidelines').holds).toBe(true);
    expect(reason(on('2017-10-11'), 'toolbox-implementing-guidelines').text).toContain('approved the framework\'s implementing guidelines on 11 October 2017, by the plan\'s date (2017-10-11)');
  });

  it('points a hybrid campaign from Russia to Regulation (EU) 2024/2642 only from 8 October 2024, and not one from another state', () => {
    const hybrid = { start: '2024-06-01', category: 'hybrid', victims: [{ country: 'FR', sector: 'elections' }] };
    const r = (changes: Record<string, unknown>, d: string) => reason(measure(planOf({ ...hybrid, ...changes }, d), 'restrictive-measures'), 'hybrid-threats-regime');
    expect(r({}, '2024-10-07').holds).toBe(false);
    expect(r({}, '2024-10-08')).toMatchObject({ kind: 'advisory', holds: true });
    expect(r({}, '2024-10-08').text).toContain('2024/2642');
    expect(r({ initiator: { type: 'state', country: 'CN', identifiedPersons: ['X'] } }, '2026-06-01').holds).toBe(false);
    expect(r({ category: 'cyber-espionage' }, '2026-06-01').holds).toBe(false);
    // The regime's own definition of a cyber-attack is still what a hybrid incident is read against.
    expect(reason(measure(planOf(hybrid, '2024-10-07'), 'restrictive-measures'), 'sanctions-cyber-attack-only').text).not.toContain('2024/2642');
  });
});

describe('the armed answers rest on a member state\'s or the EU\'s evaluation (bendiek2018: a sovereign decision; political evaluation is decisive)', () => {
  it('does not open self-defence or NATO defence on charges brought by a third state or on a firm\'s "legal" attribution', () => {
    const attack = (attribution: unknown[]) => planOf({ category: 'cyber-warfare', effects: armed, attribution }, '2026-06-01');
    const legal = (by: string, byType: string) => [{ kind: 'legal', by, byType, confidence: 'high', public: true }];
    for (const [by, byType] of [['US Department of Justice', 'third-state'], ['Mandiant', 'private']] as const) {
      const p = attack(legal(by, byType));
      for (const id of ['self-defence', 'nato-collective-defence']) {
        expect(measure(p, id).available, `${by} ${id}`).toBe(false);
        expect(measure(p, id).attribution.missing, `${by} ${id}`).toContain('by a member state or the EU');
      }
    }
    // A member state's charges, or the EU's, still do.
    expect(measure(attack(legal('DE Federal Prosecutor', 'member-state')), 'self-defence').available).toBe(true);
    expect(measure(attack(legal('Council of the EU', 'eu')), 'nato-collective-defence').available).toBe(true);
  });
});

describe('the clauses are for a state that is a member on the plan\'s date (Art. 42(7) TEU: "the other Member States shall have towards it"; Decision 2014/415/EU: the affected member state invokes)', () => {
  const uk = { start: '2020-01-15', ongoing: true, victims: [{ country: 'GB', sector: 'energy' }], effects: armed, context: { euDelegationInInitiatorCountry: true, victimCapacitiesOverwhelmed: true, assistanceRequested: true, mutualAssistanceInvoked: true } };
  it('opens them for the United Kingdom hit in January 2020 on a plan of that month, not on one after it left on 31 January 2020', () => {
    const january = planOf(uk, '2020-01-31');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause']) expect(measure(january, id).available, id).toBe(true);
    const after = planOf(uk, '2020-02-01');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause']) {
      expect(measure(after, id).available, id).toBe(false);
      expect(reason(measure(after, id), 'clauses-member-on-plan-date').text).toContain('United Kingdom (a member state until 2020-01-31)');
    }
    // A listing for the attack, which hit a member state, stays open; so does self-defence.
    expect(measure(after, 'restrictive-measures').available).toBe(true);
    expect(measure(after, 'self-defence').available).toBe(true);
  });

  it('keeps them open for a member state hit beside it', () => {
    const both = planOf({ ...uk, victims: [{ country: 'GB', sector: 'energy' }, { country: 'IE', sector: 'energy' }] }, '2021-03-01');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause']) expect(measure(both, id).available, id).toBe(true);
  });
});
