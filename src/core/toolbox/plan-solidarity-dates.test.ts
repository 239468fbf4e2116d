// The solidarity clause on the plan's date: Art. 222 TFEU applies from the Lisbon Treaty, but the ground of invocation
// (capacities overwhelmed), the request through the ERCC and the IPCR are the arrangements of Decision 2014/415/EU,
// applicable from 21 July 2014 (bendiek2018: the implementation procedure was defined by Council decision in July 2014).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { planResponse } from './rules';
import { bareContext } from './situation';
import { incident, measureIn, MINISTRY_INTRUSION, reasonIn, toolbox, variantOf } from './toolbox.fixture';

// A critical attack on a member state's ministry in 2012, whose government asks for assistance.
const crisis = (overwhelmed: boolean) =>
  incident(variantOf(MINISTRY_INTRUSION, { start: '2012-03-01', ongoing: true, effects: { severity: 'critical' }, context: { assistanceRequested: true, victimCapacitiesOverwhelmed: overwhelmed } }));
const solidarityOn = (overwhelmed: boolean, asOf: string) =>
  measureIn(planResponse(crisis(overwhelmed), toolbox.measures, toolbox.rules, toolbox.severity, bareContext(asOf as IsoDate)), 'solidarity-clause');

describe('the solidarity clause before and after Decision 2014/415/EU', () => {
  it('asks only for the request before 21 July 2014, and for overwhelmed capacities from that day', () => {
    const before = solidarityOn(false, '2014-07-20');
    expect(before.available).toBe(true);
    expect(reasonIn(before, 'solidarity-capacities-overwhelmed').text).toContain('comes before that Decision applied (21 July 2014)');
    expect(reasonIn(before, 'solidarity-arrangements-dated')).toMatchObject({ kind: 'advisory', holds: false });
    expect(reasonIn(before, 'solidarity-arrangements-dated').text).toContain('asks for the request of the member state\'s political authorities');
    const after = solidarityOn(false, '2014-07-21');
    expect(after.available).toBe(false);
    expect(reasonIn(after, 'solidarity-capacities-overwhelmed')).toMatchObject({ kind: 'precondition', holds: false });
    expect(reasonIn(after, 'solidarity-arrangements-dated').holds).toBe(true);
    expect(solidarityOn(true, '2014-07-21').available).toBe(true);
    // The request stays needed on either date, and the Decision is cited only once it applies.
    const noRequest = incident(variantOf(MINISTRY_INTRUSION, { start: '2012-03-01', effects: { severity: 'critical' } }));
    expect(measureIn(planResponse(noRequest, toolbox.measures, toolbox.rules, toolbox.severity, bareContext('2013-01-01' as IsoDate)), 'solidarity-clause').available).toBe(false);
    expect(before.legalBasis.map((b) => b.label)).toEqual(['Art. 222 TFEU']);
    expect(after.legalBasis.map((b) => b.label)).toContain('Art. 4 Council Decision 2014/415/EU');
  });
});

describe('a member state asking for support below the solidarity clause\'s threshold', () => {
  it('is told what the Union can still do for its lawful response, and the advice moves with the request and the overwhelmed capacities', () => {
    const advice = (context: Record<string, boolean>) =>
      reasonIn(measureIn(planResponse(incident(variantOf(MINISTRY_INTRUSION, { effects: { severity: 'critical' }, context })), toolbox.measures, toolbox.rules, toolbox.severity, bareContext('2026-06-01' as IsoDate)), 'solidarity-clause'), 'support-below-solidarity-threshold');
    const below = advice({ assistanceRequested: true });
    expect(below).toMatchObject({ kind: 'advisory', holds: true });
    expect(below.text).toContain('declare the Union\'s solidarity with it, and the Council can take the diplomatic measures');
    expect(advice({ assistanceRequested: true, victimCapacitiesOverwhelmed: true }).holds).toBe(false);
    expect(advice({}).holds).toBe(false);
  });
});

describe('what the solidarity clause brings, read on the plan\'s date (Decision 2014/415/EU from 21 July 2014)', () => {
  it('gives no threshold to fall below and no IPCR before the Decision applied, the request alone invoking the clause', () => {
    const before = solidarityOn(false, '2014-07-20');
    expect(before.available).toBe(true);
    // The clause itself answers the request: no advice that it is not the channel.
    expect(reasonIn(before, 'support-below-solidarity-threshold').holds).toBe(false);
    expect(reasonIn(before, 'support-below-solidarity-threshold').text).toContain('comes before Decision 2014/415/EU set that threshold');
    const obligation = reasonIn(before, 'solidarity-obligation');
    expect(obligation.holds).toBe(false);
    expect(obligation.text).toContain('Declaration No 37');
    expect(obligation.text).toContain('the IPCR, the Commission\'s and the High Representative\'s proposals and the overwhelmed capacities as ground of invocation come with Decision 2014/415/EU');
    expect(obligation.text).not.toContain('gives political and strategic direction through the IPCR');
    // From the day it applies: the threshold and the Council's direction through the IPCR.
    const after = solidarityOn(false, '2014-07-21');
    expect(reasonIn(after, 'support-below-solidarity-threshold').holds).toBe(true);
    expect(reasonIn(after, 'solidarity-obligation').holds).toBe(true);
    expect(reasonIn(after, 'solidarity-obligation').text).toContain('gives political and strategic direction through the IPCR');
  });
});

// bendiek2018 dates the European Council's solidarity with the United Kingdom to late March 2018, without a day: the
// plan cites it from that month, and a plan made earlier, the advice below the threshold holding, does not.
describe('the European Council\'s declaration of solidarity with the United Kingdom (March 2018), read on the plan\'s date', () => {
  it('is no precedent on a plan of 2016 or of 28 February 2018, and is one from March 2018', () => {
    for (const asOf of ['2016-05-01', '2018-02-28']) {
      const m = solidarityOn(false, asOf);
      expect(reasonIn(m, 'support-below-solidarity-threshold').holds, asOf).toBe(true);
      for (const r of m.reasons) expect(r.text, `${asOf} ${r.rule}`).not.toMatch(/as the European Council did|declared the Union's unequivocal solidarity/);
      const precedent = reasonIn(m, 'solidarity-declaration-precedent');
      expect(precedent).toMatchObject({ kind: 'advisory', holds: false });
      expect(precedent.text).toContain(`On the plan's date, ${asOf}, the plan cannot point to a declaration of the European Council`);
      expect(precedent.text).toContain('came later, in March 2018');
    }
    for (const asOf of ['2018-03-01', '2019-01-15']) {
      const precedent = reasonIn(solidarityOn(false, asOf), 'solidarity-declaration-precedent');
      expect(precedent.holds, asOf).toBe(true);
      expect(precedent.text).toContain(`stands on the plan's date (${asOf}): in March 2018`);
      expect(precedent.text).toContain('declared the Union\'s unequivocal solidarity with it');
    }
  });
});
