// Each rule, measure field and attribution need of the toolbox moves an answer: one input changed, the answer the
// sources give for it read. A rule or field that could be dropped or swapped without a test noticing is either
// covered here or corrected in the data with its source.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import type { Relations } from '../kb/relations';
import { planResponse, type MeasureAssessment } from './rules';
import type { PlanContext } from './situation';
import { incident, MINISTRY_INTRUSION, toolbox, variantOf } from './toolbox.fixture';

const base: Record<string, unknown> = { ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } };
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({ asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions, ...over });

const variant = (changes: Record<string, unknown>): Record<string, unknown> => variantOf(base, changes);
function measure(changes: Record<string, unknown>, id: string, context: PlanContext = ctx()): MeasureAssessment {
  const m = planResponse(incident(variant(changes)), toolbox.measures, toolbox.rules, toolbox.severity, context).measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}
const open = (changes: Record<string, unknown>, id: string, context?: PlanContext) => measure(changes, id, context).available;
const reason = (m: MeasureAssessment, rule: string) => m.reasons.find((r) => r.rule === rule);

const none: unknown[] = [];
const technical = [{ kind: 'technical', by: 'BSI', confidence: 'high', public: false }];
const politicalMedium = [{ kind: 'political', by: 'DE government', confidence: 'medium', public: true }];
const politicalHigh = [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }];
const armed = { severity: 'critical', armedAttack: true };

describe('attribution needs, measure by measure', () => {
  // dig.watch on the 2017 framework: using the toolbox does not require attribution; bendiek2018, "Prevention": a dialogue
  // addresses the state concerned, so the plan asks for an attribution of some kind, a confidential technical one enough.
  it('a cyber dialogue opens on any attribution to the state, a technical one included, and stays closed with none', () => {
    const dialogue = { id: 'cn-cyber-task-force', name: 'EU-China Cyber Task Force', level: 'working', cyberSpecific: true, status: 'active', topics: ['cyber-security'], sources: [{ ref: 'renard2016', locator: 's.5' }] };
    const relations: Relations = { state: 'CN', covered: true, name: 'China', asOf: '2026-06-01' as IsoDate, cyberDialogues: [dialogue], inactiveCyberDialogues: [], criminalJusticeAgreements: [], budapestConvention: null, budapestUnverified: null };
    const china = (attribution: unknown[]) => open({ initiator: { type: 'state-sponsored', country: 'CN', identifiedPersons: [] }, attribution }, 'cyber-dialogue', ctx({ initiatorRelations: relations }));
    expect(china(technical)).toBe(true);
    expect(china(none)).toBe(false);
  });

  // bendiek2018, "Export Controls" and "Due Diligence": tighter controls are the EU's own due diligence, not a retaliation.
  it('export controls need no attribution: due diligence towards a sanctioned state', () => {
    const m = measure({ attribution: none }, 'export-controls');
    expect(m.available).toBe(true);
    expect(m.attribution).toMatchObject({ need: 'none', met: true });
  });

  // bendiek2018, "Stability": the High Representative may react quickly on her own responsibility; naming a state rests
  // on a political attribution, so without one the declaration is made without naming it.
  it('a declaration on the High Representative\'s own responsibility stays open without a political attribution, but does not name the state', () => {
    const urgent = { context: { euDelegationInInitiatorCountry: true, urgent: true, agreementOfAllCannotBeSought: true } };
    const onTechnical = measure({ ...urgent, attribution: technical }, 'hr-declaration-own-responsibility');
    expect(onTechnical.available).toBe(true);
    expect(onTechnical.attribution).toMatchObject({ need: 'political', effect: 'names-state', met: false });
    expect(reason(onTechnical, 'attribution-political')?.text).toContain('Do not name a state yet');
    expect(measure({ ...urgent, attribution: politicalMedium }, 'hr-declaration-own-responsibility').attribution.met).toBe(true);
  });

  // bendiek2018, "Stability": on her own responsibility when a quick reaction is needed and the agreement of all cannot
  // be sought; both must hold.
  it('a declaration on the High Representative\'s own responsibility needs both urgency and no time to agree', () => {
    const withContext = (urgent: boolean, agreementOfAllCannotBeSought: boolean) => open({ context: { euDelegationInInitiatorCountry: true, urgent, agreementOfAllCannotBeSought } }, 'hr-declaration-own-responsibility');
    expect(withContext(true, true)).toBe(true);
    expect(withContext(false, true)).toBe(false);
    expect(withContext(true, false)).toBe(false);
  });

  // The implementing decision gives effect to a position already adopted (Art. 31(2) TEU, third indent); the
  // solidarity clause answers a disaster "irrespective of whether it originates inside or outside" the member state
  // (Decision 2014/415/EU, Art. 2); Art. 42(7) TEU is invoked by the victim, which judges the aggression.
  it('an implementing decision, the solidarity clause and mutual assistance ask for no attribution', () => {
    expect(open({ attribution: none, context: { euDelegationInInitiatorCountry: true, euPositionAdopted: true } }, 'implementing-decision')).toBe(true);
    const overwhelmed = { effects: { severity: 'critical' }, context: { victimCapacitiesOverwhelmed: true, assistanceRequested: true } };
    expect(open({ ...overwhelmed, attribution: none }, 'solidarity-clause')).toBe(true);
    expect(open({ effects: armed, attribution: none }, 'mutual-assistance-clause')).toBe(true);
  });

  // bendiek2018, "First pillar": criminal actors without significant state ties are prosecuted; an investigation is how
  // the perpetrators are found, so it does not wait for an attribution.
  it('the criminal-justice track asks for no attribution', () => {
    const gang = { category: 'cyber-crime', initiator: { type: 'non-state', country: 'US', identifiedPersons: [] } };
    expect(open({ ...gang, attribution: none }, 'criminal-justice-cooperation')).toBe(true);
    expect(measure({ ...gang, attribution: none }, 'criminal-justice-cooperation').attribution).toMatchObject({ need: 'none', met: true });
  });

  // bendiek2018, introduction: self-defence against an armed attack by a state; active defence is its final step.
  it('active defence needs the attack attributable to a state: a legal attribution or a political one with high confidence', () => {
    const ongoingArmed = { ongoing: true, effects: armed };
    expect(open({ ...ongoingArmed, attribution: politicalHigh }, 'active-defence')).toBe(true);
    expect(open({ ...ongoingArmed, attribution: politicalMedium }, 'active-defence')).toBe(false);
    expect(open({ ...ongoingArmed, attribution: [{ kind: 'legal', by: 'DE federal prosecutor', confidence: 'medium', public: true }] }, 'active-defence')).toBe(true);
  });
});

describe('who attributed, and how', () => {
  // bendiek2018: detection is the elucidation and attribution of attacks, where political evaluation is decisive; the
  // plan's needs count a member state's or the EU's political attribution, and for the armed answers a legal one or a
  // political one with high confidence; a third state's attribution alone does not speak for the Union.
  const usHigh = [{ kind: 'political', by: 'US government', byType: 'third-state', confidence: 'high', public: true }];
  const council = [{ kind: 'political', by: 'Council of the EU', confidence: 'medium', public: true }];
  const charges = [{ kind: 'legal', by: 'DE federal prosecutor', confidence: 'medium', public: true }];
  const urgent = { context: { euDelegationInInitiatorCountry: true, urgent: true, agreementOfAllCannotBeSought: true } };
  const names = (attribution: unknown[]) => measure({ ...urgent, attribution }, 'hr-declaration-own-responsibility').attribution.met;
  const dialogueOn = (attribution: unknown[]) => {
    const dialogue = { id: 'cn-cyber-task-force', name: 'EU-China Cyber Task Force', level: 'working', cyberSpecific: true, status: 'active', topics: ['cyber-security'], sources: [{ ref: 'renard2016', locator: 's.5' }] };
    const relations: Relations = { state: 'CN', covered: true, name: 'China', asOf: '2026-06-01' as IsoDate, cyberDialogues: [dialogue], inactiveCyberDialogues: [], criminalJusticeAgreements: [], budapestConvention: null, budapestUnverified: null };
    return open({ initiator: { type: 'state-sponsored', country: 'CN', identifiedPersons: [] }, attribution }, 'cyber-dialogue', ctx({ initiatorRelations: relations }));
  };

  it('a declaration names the state on a member state\'s or the EU\'s political attribution, not on a third state\'s', () => {
    expect(names(politicalMedium)).toBe(true);
    expect(names(council)).toBe(true);
    expect(names(usHigh)).toBe(false);
  });

  // A member state's charges make the attack attributable to a state for active defence (above); a declaration or an EU
  // position resting on them may then name that state too, lower on the same ladder. A third state's charges do neither.
  it('a declaration and an EU position name the state on a member state\'s charges, not on a third state\'s', () => {
    expect(names(charges)).toBe(true);
    const usCharges = [{ ...charges[0], by: 'US Department of Justice', byType: 'third-state' }];
    expect(names(usCharges)).toBe(false);
    const position = (attribution: unknown[]) => measure({ ...urgent, attribution }, 'council-conclusions').attribution;
    expect(position(charges)).toMatchObject({ met: true, restsOn: ['legal by DE federal prosecutor (medium confidence, public)'] });
    expect(position(usCharges).met).toBe(false);
    expect(open({ effects: armed, ongoing: true, attribution: charges }, 'active-defence')).toBe(true);
  });

  it('a dialogue opens on an attribution of any kind: technical, political or legal', () => {
    expect(dialogueOn(technical)).toBe(true);
    expect(dialogueOn(politicalMedium)).toBe(true);
    expect(dialogueOn(charges)).toBe(true);
  });

  it('self-defence rests on a high-confidence political attribution by a member state or the EU, not on a third state\'s', () => {
    expect(open({ effects: armed, attribution: politicalHigh }, 'self-defence')).toBe(true);
    expect(open({ effects: armed, attribution: usHigh }, 'self-defence')).toBe(false);
    expect(open({ effects: armed, attribution: [{ kind: 'political', by: 'Council of the EU', confidence: 'high', public: true }] }, 'self-defence')).toBe(true);
    // A technical finding, however confident, is not the political evaluation that decides.
    expect(open({ effects: armed, attribution: [{ kind: 'technical', by: 'BSI', byType: 'member-state', confidence: 'high', public: true }] }, 'self-defence')).toBe(false);
  });
});

describe('the hack-back keeps every condition of active defence, and its own two', () => {
  // bendiek2018, "Due Diligence, Step by Step": the hack-back is the ultima ratio of a member state's self-defence against
  // an ongoing armed attack with serious consequences threatening its survival, once all other means are exhausted.
  const ready = {
    ongoing: true,
    effects: { ...armed, threatensStateSurvival: true },
    context: { euDelegationInInitiatorCountry: true, otherMeansExhausted: true },
  };
  it('opens only where a member state suffers an armed attack by a state', () => {
    expect(open(ready, 'active-defence-hackback')).toBe(true);
    expect(open({ ...ready, victims: [{ country: 'UA', sector: 'government' }] }, 'active-defence-hackback')).toBe(false);
    expect(open({ ...ready, initiator: { type: 'non-state', country: 'RU', identifiedPersons: ['Officer A'] } }, 'active-defence-hackback')).toBe(false);
    expect(open({ ...ready, effects: { severity: 'critical', armedAttack: false, threatensStateSurvival: true } }, 'active-defence-hackback')).toBe(false);
  });
});

describe('a dialogue needs a third state to talk to', () => {
  // bendiek2018, "Prevention": dialogues with third states. The United Kingdom was a member state until 31 January 2020
  // (Withdrawal Agreement, Art. 185); an incident it began in 2019 has no third state behind it, whatever the observatory
  // records of a dialogue with it now.
  const dialogue = { id: 'uk-cyber-dialogue', name: 'EU-UK cyber dialogue', level: 'working', cyberSpecific: true, status: 'active', topics: ['cyber-security'], sources: [{ ref: 'renard2016', locator: 's.5' }] };
  const relations: Relations = { state: 'GB', covered: true, name: 'United Kingdom', asOf: '2026-06-01' as IsoDate, cyberDialogues: [dialogue], inactiveCyberDialogues: [], criminalJusticeAgreements: [], budapestConvention: null, budapestUnverified: null };
  const uk = (start: string) => open({ start, initiator: { type: 'state-sponsored', country: 'GB', identifiedPersons: [] } }, 'cyber-dialogue', ctx({ initiatorRelations: relations }));
  it('is closed for an initiator that was a member state when the incident began', () => {
    expect(uk('2020-03-01')).toBe(true);
    expect(uk('2019-03-01')).toBe(false);
  });
});

describe('export controls follow the restrictive measures in force against the state on the plan\'s date', () => {
  // bendiek2018, "Export Controls": exports of dual-use goods to states under sanction are subject to tighter controls.
  // The regimes and their first days are general knowledge of the Council's acts (UNVERIFIED in
  // data/toolbox/restrictive-regimes.yaml); each row is one regime that reaches dual-use items.
  const REGIMES: [state: string, act: string, from: string][] = [
    ['RU', 'Council Decision 2014/512/CFSP', '2014-07-31'],
    ['BY', 'Council Decision (CFSP) 2021/1031', '2021-06-24'],
    ['IR', 'Council Decision 2010/413/CFSP', '2010-07-26'],
    ['KP', 'Common Position 2006/795/CFSP', '2006-11-20'],
    ['SY', 'Council Decision 2011/273/CFSP', '2011-05-09'],
    ['MM', 'Council Decision 2013/184/CFSP', '2013-04-22'],
    ['VE', 'Council Decision (CFSP) 2017/2074', '2017-11-13'],
  ];
  const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const onDay = (country: string, asOf: string) =>
    measure({ start: '2005-01-01', initiator: { type: 'state', country, identifiedPersons: [] } }, 'export-controls', ctx({ asOf: asOf as IsoDate }));
  it.each(REGIMES)('%s: open from the first day of %s (%s), closed the day before', (country, _act, from) => {
    expect(onDay(country, from).available).toBe(true);
    expect(onDay(country, dayBefore(from)).available).toBe(false);
  });
  it('China: the arms embargo of 1989 does not reach dual-use items, so export controls stay closed, and the plan says why', () => {
    const china = onDay('CN', '2026-06-01');
    expect(china.available).toBe(false);
    const text = (m: MeasureAssessment) => reason(m, 'export-controls-sanctioned-state')?.text ?? '';
    expect(text(china)).toContain('Arms embargo of the European Council declaration of June 1989 (European Council declaration, Madrid, 27 June 1989, since 1989-06-27) does not reach them');
    expect(text(onDay('CN', '1989-06-26'))).not.toContain('Arms embargo');
  });
});

describe('NATO\'s precedence reads the incident\'s own record of the victim', () => {
  // bendiek2018: NATO's Article 5 takes precedence for its members. An incident that records the member state hit as
  // outside NATO is read so (as NATO defence is closed for it), though the accession dates show an ally.
  it('says Art. 42(7) TEU is the collective channel when the incident records the victim outside NATO', () => {
    const precedence = (victimIsNatoMember: boolean) => reason(measure({ effects: armed, context: { euDelegationInInitiatorCountry: true, victimIsNatoMember } }, 'mutual-assistance-clause'), 'nato-precedence')?.holds;
    expect(precedence(false)).toBe(true);
    expect(precedence(true)).toBe(false);
  });
});
