import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError, type AppError } from '../errors';
import { ISO_ALPHA2 } from './countries';
import { validateIncidentInput } from './incident';
import { incidentVocabulary } from './load';
import { MEMBER_STATES, isNatoMemberAt } from './member-states';
import { incident, toolbox } from './toolbox.fixture';

const minimal = {
  title: 'Intrusion into a ministry network',
  start: '2026-03-01',
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'medium' },
};

function refusal(value: unknown): AppError {
  try {
    incident(value);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the incident to be refused');
}

describe('incident input', () => {
  it('fills in defaults for omitted booleans and lists', () => {
    const i = incident(minimal);
    expect(i.ongoing).toBe(false);
    expect(i.effects).toEqual({
      severity: 'medium',
      disruptsEssentialServices: false,
      physicalDamage: false,
      lossOfLife: false,
      threatensStateSurvival: false,
      armedAttack: false,
      attempted: false,
      economicBenefit: false,
      dataStolen: false,
      commerciallySensitiveData: false,
    });
    expect(i.initiator).toEqual({ type: 'unknown', country: null, identifiedPersons: [], identifiedEntities: [] });
    expect(i.attribution).toEqual([]);
    expect(i.responses).toEqual([]);
    expect(i.context.urgent).toBe(false);
    expect(i.context.delegationHeadRecalled).toBe(false);
    expect(i.context.mutualAssistanceInvoked).toBe(false);
    expect(i.context.agreementOfAllCannotBeSought).toBe(false);
  });

  it('refuses an unknown sector and a non-boolean attempted, naming the field and the allowed values', () => {
    const sector = () => incident({ ...minimal, victims: [{ country: 'DE', sector: 'hospitals' }] });
    expect(sector).toThrow(/victims\.0\.sector/);
    expect(sector).toThrow(/drinking-water/);
    const attempted = () => incident({ ...minimal, effects: { severity: 'high', attempted: 'yes' } });
    expect(attempted).toThrow(/effects\.attempted/);
    expect(attempted).toThrow(/effects\.attempted: must be true or false/);
  });

  it('accepts the sectors of Decision (CFSP) 2019/797 and NIS2 beside the first six', () => {
    for (const sector of ['health', 'elections', 'drinking-water', 'financial-market-infrastructure', 'government-cert', 'space', 'government', 'private']) {
      expect(incident({ ...minimal, victims: [{ country: 'DE', sector }] }).victims[0]?.sector).toBe(sector);
    }
  });

  it('reads who attributed from the free text, unless byType says it', () => {
    const i = incident({
      ...minimal,
      attribution: [
        { kind: 'political', by: 'DE government', confidence: 'high' },
        { kind: 'political', by: 'Council of the European Union', confidence: 'high' },
        { kind: 'technical', by: 'BSI', confidence: 'high' },
        { kind: 'political', by: 'Ministry of Foreign Affairs of Estonia', confidence: 'high' },
        { kind: 'political', by: 'US government', confidence: 'high', byType: 'third-state' },
      ],
    });
    expect(i.attribution.map((a) => a.byType)).toEqual(['member-state', 'eu', 'other', 'member-state', 'third-state']);
  });

  it('accepts Greece as GR or EL, in any case, and stores GR', () => {
    const i = incident({ ...minimal, victims: [{ country: 'el', sector: 'government' }, { country: 'GR', sector: 'private' }] });
    expect(i.victims.map((v) => v.country)).toEqual(['GR', 'GR']);
  });

  it('accepts third states and an EU institution as victims', () => {
    const i = incident({
      ...minimal,
      victims: [
        { country: 'UA', sector: 'critical-infrastructure' },
        { country: 'EU', sector: 'eu-institution', name: 'European Commission' },
      ],
    });
    expect(i.victims.map((v) => v.country)).toEqual(['UA', 'EU']);
  });

  it('derives NATO membership of the victims at the start date unless given', () => {
    expect(incident(minimal).context.victimIsNatoMember).toBe(true);
    const austria = { ...minimal, victims: [{ country: 'AT', sector: 'government' }] };
    expect(incident(austria).context.victimIsNatoMember).toBe(false);
    const sweden = (start: string) => ({ ...minimal, start, victims: [{ country: 'SE', sector: 'government' }] });
    expect(incident(sweden('2023-06-01')).context.victimIsNatoMember).toBe(false);
    expect(incident(sweden('2024-06-01')).context.victimIsNatoMember).toBe(true);
    expect(incident({ ...austria, context: { victimIsNatoMember: true } }).context.victimIsNatoMember).toBe(true);
  });

  it('refuses an unknown category, naming the field and the allowed values', () => {
    const e = refusal({ ...minimal, category: 'cyber-vandalism' });
    expect(e.code).toBe('invalid_incident');
    expect(e.issues).toContainEqual({
      path: 'category',
      message: 'must be one of: cyber-crime, cyber-espionage, cyber-terrorism, cyber-warfare, hybrid',
    });
  });

  it('refuses a victim that is not a country code', () => {
    const e = refusal({ ...minimal, victims: [{ country: 'Germany', sector: 'government' }] });
    expect(e.code).toBe('invalid_incident');
    const issue = e.issues.find((i) => i.path === 'victims.0.country');
    expect(issue?.message).toContain('"Germany" is not a country code');
    expect(issue?.message).toContain('AT, BE, BG');
    expect(refusal({ ...minimal, victims: [{ country: 'XX', sector: 'government' }] }).issues[0]?.path).toBe('victims.0.country');
  });

  it('refuses EU as the country of a victim that is not an EU institution', () => {
    const e = refusal({ ...minimal, victims: [{ country: 'EU', sector: 'government' }] });
    expect(e.issues).toEqual([{ path: 'victims.0.country', message: 'EU is only a victim country for sector eu-institution' }]);
  });

  it('refuses an unknown sector and an initiator country that does not exist', () => {
    const e = refusal({ ...minimal, victims: [{ country: 'DE', sector: 'military' }], initiator: { type: 'state', country: 'QQ' } });
    expect(e.issues.map((i) => i.path).sort()).toEqual(['initiator.country', 'victims.0.sector']);
  });

  it('refuses dates out of order, naming the field', () => {
    const detected = refusal({ ...minimal, detected: '2026-02-20' });
    expect(detected.issues).toEqual([{ path: 'detected', message: 'must be on or after start (2026-03-01), got 2026-02-20' }]);
    const disclosed = refusal({ ...minimal, detected: '2026-03-05', disclosed: '2026-03-04' });
    expect(disclosed.issues).toEqual([{ path: 'disclosed', message: 'must be on or after detected (2026-03-05), got 2026-03-04' }]);
    expect(disclosed.message).toContain('disclosed: must be on or after detected');
    expect(refusal({ ...minimal, disclosed: '2026-01-01' }).issues[0]?.path).toBe('disclosed');
    expect(refusal({ ...minimal, end: '2026-02-01' }).issues[0]?.path).toBe('end');
  });

  it('accepts dates in order, equal dates included', () => {
    const i = incident({ ...minimal, detected: '2026-03-01', disclosed: '2026-04-10' });
    expect([i.start, i.detected, i.disclosed]).toEqual(['2026-03-01', '2026-03-01', '2026-04-10']);
  });

  it('refuses a date that is not on the calendar', () => {
    const e = refusal({ ...minimal, start: '2026-02-30' });
    expect(e.issues).toEqual([{ path: 'start', message: '"2026-02-30" is not a calendar date; expected YYYY-MM-DD' }]);
  });

  it('refuses an ongoing incident with an end date', () => {
    expect(refusal({ ...minimal, ongoing: true, end: '2026-03-02' }).issues[0]?.path).toBe('ongoing');
  });

  it('refuses attributions and responses dated before the start', () => {
    const e = refusal({
      ...minimal,
      attribution: [{ kind: 'technical', by: 'CERT', confidence: 'high', date: '2026-01-01' }],
      responses: [{ measure: 'demarche', date: '2026-02-01', by: 'EEAS' }],
    });
    expect(e.issues.map((i) => i.path)).toEqual(['attribution.0.date', 'responses.0.date']);
  });

  it('refuses a severity outside the scale defined in data', () => {
    const e = refusal({ ...minimal, effects: { severity: 'extreme' } });
    expect(e.issues).toEqual([{ path: 'effects.severity', message: 'must be one of: low, medium, high, critical' }]);
  });

  it('refuses a response naming a measure that is not in the catalogue', () => {
    const e = refusal({ ...minimal, responses: [{ measure: 'naval-blockade', date: '2026-03-02', by: 'Council' }] });
    expect(e.issues[0]?.path).toBe('responses.0.measure');
    expect(e.issues[0]?.message).toContain('demarche');
  });

  it('refuses a misspelt context flag or effect instead of ignoring it', () => {
    const e = refusal({ ...minimal, context: { urgnet: true }, effects: { severity: 'low', armedAtack: true } });
    expect(e.issues.map((i) => i.path).sort()).toEqual(['context', 'effects']);
    expect(e.message).toContain('urgnet');
  });

  it('names every bad field at once', () => {
    const e = refusal({ title: '', start: '2026-03-01', category: 'x', victims: [], effects: { severity: 'x' } });
    expect(e.issues.map((i) => i.path).sort()).toEqual(['category', 'effects.severity', 'title', 'victims']);
  });
});

describe('country codes and member states', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, without duplicates', () => {
    expect(ISO_ALPHA2).toHaveLength(249);
    expect(new Set(ISO_ALPHA2).size).toBe(249);
  });

  it('holds the 27 member states, 23 of them in NATO today', () => {
    expect(MEMBER_STATES).toHaveLength(27);
    expect(MEMBER_STATES.every((m) => (ISO_ALPHA2 as readonly string[]).includes(m.code))).toBe(true);
    expect(MEMBER_STATES.filter((m) => m.natoSince !== null)).toHaveLength(23);
    expect(MEMBER_STATES.filter((m) => m.natoSince === null).map((m) => m.code)).toEqual(['AT', 'CY', 'IE', 'MT']);
    expect(MEMBER_STATES.find((m) => m.code === 'GR')?.councilCode).toBe('EL');
    expect(isNatoMemberAt('FI', '2023-04-03')).toBe(false);
    expect(isNatoMemberAt('FI', '2023-04-04')).toBe(true);
  });
});

describe('refusals in plain words', () => {
  const asOf = (value: unknown, today: string) => {
    try {
      validateIncidentInput(value, { ...incidentVocabulary(toolbox), today: today as IsoDate });
    } catch (error) {
      if (isAppError(error)) return error;
      throw error;
    }
    return undefined;
  };

  it('an empty title asks for at least one character', () => {
    expect(refusal({ ...minimal, title: '  ' }).issues).toContainEqual({ path: 'title', message: 'Enter at least one character' });
  });

  it('a country given by name suggests its code', () => {
    const e = refusal({ ...minimal, victims: [{ country: 'Germany', sector: 'government' }], initiator: { country: 'Russia' } });
    expect(e.issues.find((i) => i.path === 'victims.0.country')?.message).toMatch(/^Germany → did you mean DE\? /);
    expect(e.issues.find((i) => i.path === 'initiator.country')?.message).toMatch(/^Russia → did you mean RU\? /);
    expect(refusal({ ...minimal, victims: [{ country: 'Atlantis', sector: 'government' }] }).issues[0]?.message).toMatch(/^"Atlantis" is not a country code/);
  });

  it('an empty date asks for one', () => {
    expect(refusal({ ...minimal, start: '' }).issues).toContainEqual({ path: 'start', message: 'Enter a date (YYYY-MM-DD)' });
  });

  it('dates after today are refused, each naming today; the same dates pass a day later', () => {
    const future = {
      ...minimal,
      start: '2026-03-01',
      detected: '2026-03-03',
      attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', date: '2026-03-04' }],
    };
    const e = asOf(future, '2026-03-02');
    expect(e?.code).toBe('invalid_incident');
    expect(e?.issues).toEqual([
      { path: 'detected', message: '2026-03-03 is in the future; enter a date up to today (2026-03-02)' },
      { path: 'attribution.0.date', message: '2026-03-04 is in the future; enter a date up to today (2026-03-02)' },
    ]);
    expect(asOf(future, '2026-03-04')).toBeUndefined();
    // Without a today (imports of other datasets), the dates are not judged against the clock.
    expect(() => incident(future)).not.toThrow();
  });
});
