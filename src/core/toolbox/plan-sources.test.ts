// Plans that follow their sources: each test changes one input and watches a measure move (bendiek2018, the
// treaties, Decision (CFSP) 2019/797, Regulation (EU) 2021/821), and the reasons say why.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import type { Relations } from '../kb/relations';
import { renderPlanMarkdown } from './plan-markdown';
import { candidateFromPrecedent, rankPrecedents } from './precedents';
import { planResponse } from './rules';
import type { PlanContext } from './situation';
import { incident, MINISTRY_INTRUSION, toolbox, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

/** The ministry intrusion, with an EU delegation in the initiator's country. */
const base = { ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } };

const variant = (changes: Record<string, unknown>): Record<string, unknown> => variantOf(base, changes);

function ctx(over: Partial<PlanContext> = {}): PlanContext {
  return { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions, ...over };
}

const planOf = (changes: Record<string, unknown>, context: PlanContext = ctx()) => planResponse(incident(variant(changes)), toolbox.measures, toolbox.rules, toolbox.severity, context);

const open = (changes: Record<string, unknown>, id: string, context?: PlanContext) => measure(planOf(changes, context), id).available;

describe('1. attribution decides what is open (bendiek2018: "political evaluation is decisive")', () => {
  const bsi = [{ kind: 'technical', by: 'BSI', confidence: 'high', public: false }];

  it('restrictive measures need a political or legal attribution by a member state or the EU, on evidence that can be stated publicly', () => {
    expect(open({}, 'restrictive-measures')).toBe(true);
    const technical = measure(planOf({ attribution: bsi }), 'restrictive-measures');
    expect(technical.available).toBe(false);
    expect(technical.attribution).toMatchObject({ need: 'political-public-evidence', met: false });
    expect(technical.attribution.missing).toContain('a political or legal attribution by a member state, the EU or the Council');
    expect(technical.attribution.missing).toContain('technical by BSI');
    expect(reason(technical, 'attribution-political-public-evidence')).toMatchObject({ kind: 'precondition', holds: false });
    // Political but confidential: the statement of reasons could not be published.
    const confidential = measure(planOf({ attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: false }] }), 'restrictive-measures');
    expect(confidential.available).toBe(false);
    expect(confidential.attribution.missing).toContain('stated publicly');
    // A third state's attribution alone does not do.
    expect(open({ attribution: [{ kind: 'political', by: 'US government', byType: 'third-state', confidence: 'high', public: true }] }, 'restrictive-measures')).toBe(false);
    // The Council's own attribution does.
    expect(open({ attribution: [{ kind: 'political', by: 'Council of the EU', confidence: 'medium', public: true }] }, 'restrictive-measures')).toBe(true);
  });

  it('declarations stay open but may name a state only after a political attribution', () => {
    for (const id of ['hr-declaration-on-behalf-of-eu', 'council-conclusions']) {
      const technical = measure(planOf({ attribution: bsi }), id);
      expect(technical.available, id).toBe(true);
      expect(technical.attribution).toMatchObject({ need: 'political', effect: 'names-state', met: false });
      expect(reason(technical, 'attribution-political')).toMatchObject({ kind: 'advisory', holds: false });
      expect(reason(technical, 'attribution-political').text).toContain('Do not name a state');
      expect(measure(planOf({}), id).attribution).toMatchObject({ met: true, restsOn: [expect.stringContaining('political by DE government')] });
    }
  });

  it('démarches and talks may proceed on a confidential technical attribution, not on none', () => {
    expect(open({ attribution: [] }, 'demarche')).toBe(false);
    expect(measure(planOf({ attribution: [] }), 'demarche').attribution.missing).toContain('no attribution is recorded');
    expect(open({ attribution: bsi }, 'demarche')).toBe(true);
    expect(open({ attribution: bsi }, 'cooperative-talks')).toBe(true);
  });

  it('self-defence and active defence need the attack attributable to a state: legal, or political with high confidence', () => {
    const attack = { category: 'cyber-warfare', ongoing: true, effects: { severity: 'critical', armedAttack: true, threatensStateSurvival: true }, context: { otherMeansExhausted: true, euDelegationInInitiatorCountry: true } };
    expect(open(attack, 'self-defence')).toBe(true);
    const medium = { ...attack, attribution: [{ kind: 'political', by: 'DE government', confidence: 'medium', public: true }] };
    expect(open(medium, 'self-defence')).toBe(false);
    expect(open(medium, 'active-defence-hackback')).toBe(false);
    expect(measure(planOf(medium), 'self-defence').attribution.missing).toContain('a legal attribution, or a political attribution');
    expect(open({ ...attack, attribution: [{ kind: 'legal', by: 'DE federal prosecutor', confidence: 'medium' }] }, 'self-defence')).toBe(true);
    expect(open({ ...attack, attribution: bsi }, 'nato-collective-defence')).toBe(false);
  });

  it('says, in the Markdown, which attribution each open measure rests on', () => {
    const p = planOf({});
    const md = renderPlanMarkdown(p, incident(variant({})));
    expect(md).toContain('- Attribution: rests on political by DE government');
    expect(md).toContain('- Attribution: none needed');
  });
});

describe('2. mutual assistance (Art. 42(7) TEU) after severe cyber attacks', () => {
  it('opens for a victim member state that invoked it after a severe attack, without an armed attack', () => {
    expect(open({}, 'mutual-assistance-clause')).toBe(false);
    expect(open({ context: { mutualAssistanceInvoked: true } }, 'mutual-assistance-clause')).toBe(true);
    expect(open({ context: { mutualAssistanceInvoked: true }, effects: { severity: 'medium' } }, 'mutual-assistance-clause')).toBe(false);
    expect(open({ context: { mutualAssistanceInvoked: true }, victims: [{ country: 'UA', sector: 'government' }] }, 'mutual-assistance-clause')).toBe(false);
  });

  it('explains the obligation, the treaty term and NATO as advice, never as a closure', () => {
    const m = measure(planOf({ context: { mutualAssistanceInvoked: true } }), 'mutual-assistance-clause');
    expect(reason(m, 'mutual-assistance-obligation').text).toContain('by all the means in their power');
    expect(reason(m, 'mutual-assistance-armed-aggression').text).toContain("treaty's term");
    expect(reason(m, 'nato-precedence')).toMatchObject({ kind: 'advisory', holds: false });
    expect(m.available).toBe(true);
  });
});

describe('3. the sanctions criteria of Decision (CFSP) 2019/797', () => {
  it('stay open while a factor of significant effect is present, listing the factors and leaving the judgement to the Council', () => {
    const low = { effects: { severity: 'medium' } };
    expect(open(low, 'restrictive-measures')).toBe(false);
    const data = measure(planOf({ effects: { severity: 'medium', dataStolen: true, personsAffected: 120000 } }), 'restrictive-measures');
    expect(data.available).toBe(true);
    const text = reason(data, 'sanctions-significant-effect').text;
    expect(text).toContain('data stolen');
    expect(text).toContain('120,000 persons affected');
    expect(text).toContain('for the Council to judge');
    expect(open({ effects: { severity: 'low', economicLoss: 2_000_000 } }, 'restrictive-measures')).toBe(true);
    expect(open({ effects: { severity: 'low' }, victims: [{ country: 'DE', sector: 'health' }, { country: 'FR', sector: 'health' }] }, 'restrictive-measures')).toBe(true);
  });

  it('cover attempted attacks', () => {
    const m = measure(planOf({ effects: { severity: 'high', attempted: true } }), 'restrictive-measures');
    expect(m.available).toBe(true);
    expect(reason(m, 'sanctions-attempted')).toMatchObject({ holds: true, kind: 'advisory' });
    expect(reason(measure(planOf({}), 'restrictive-measures'), 'sanctions-attempted').holds).toBe(false);
    // An attempt with nothing recorded is closed, and the plan asks for the effects it would potentially have had.
    const bare = measure(planOf({ effects: { severity: 'low', attempted: true } }), 'restrictive-measures');
    expect(bare.available).toBe(false);
    expect(reason(bare, 'sanctions-significant-effect').text).toContain('would potentially have had');
  });

  it('name the targets of Art. 1(4) the victims fall under (elections, health, government CERTs...)', () => {
    const m = measure(planOf({ victims: [{ country: 'DE', sector: 'elections' }, { country: 'DE', sector: 'government-cert' }] }), 'restrictive-measures');
    expect(reason(m, 'sanctions-targets').text).toContain('critical State functions (Art. 1(4)(c))');
    expect(reason(m, 'sanctions-targets').text).toContain('government emergency response teams (Art. 1(4)(e))');
    expect(reason(m, 'sanctions-targets').text).not.toMatch(/critical-state-functions|government-emergency-response/);
    const civil = measure(planOf({ victims: [{ country: 'DE', sector: 'civil-society' }] }), 'restrictive-measures');
    expect(reason(civil, 'sanctions-targets')).toMatchObject({ kind: 'advisory', holds: false });
    expect(civil.available).toBe(true);
  });
});

describe('4. export controls are due diligence, low on the ladder', () => {
  it('open against a state under EU restrictive measures, and only then', () => {
    expect(open({}, 'export-controls')).toBe(true);
    const m = measure(planOf({}), 'export-controls');
    expect(reason(m, 'export-controls-sanctioned-state').text).toContain('2014/512/CFSP');
    expect(open({}, 'export-controls', ctx({ asOf: '2013-06-01' as IsoDate }))).toBe(false);
    expect(open({ initiator: { country: 'JP' } }, 'export-controls')).toBe(false);
    expect(open({ initiator: { country: 'CN' } }, 'export-controls')).toBe(false);
  });

  it('are never offered against a non-state criminal group', () => {
    expect(open({ initiator: { type: 'non-state', country: 'RU' } }, 'export-controls')).toBe(false);
    expect(open({ initiator: { type: 'unknown', country: 'RU' } }, 'export-controls')).toBe(false);
  });

  it('sit below every cooperative, stabilising and restrictive measure', () => {
    const coercion = (id: string) => toolbox.measures.measures.find((m) => m.id === id)?.coercion ?? -1;
    for (const id of ['cyber-dialogue', 'demarche', 'hr-declaration-on-behalf-of-eu', 'restrictive-measures']) expect(coercion('export-controls')).toBeLessThan(coercion(id));
    expect(toolbox.measures.measures.find((m) => m.id === 'export-controls')?.legalBasis.map((b) => b.act)).toContain('Regulation (EU) 2021/821');
  });
});

describe('5. the plan consults the observatory', () => {
  const relations = (state: string, over: Partial<Relations> = {}): Relations => ({
    state,
    covered: true,
    name: state,
    asOf: '2026-06-01' as IsoDate,
    cyberDialogues: [],
    inactiveCyberDialogues: [],
    criminalJusticeAgreements: [],
    budapestConvention: null,
    budapestUnverified: null,
    ...over,
  });
  const dialogue = { id: 'cn-cyber-task-force', name: 'EU-China Cyber Task Force', level: 'working', cyberSpecific: true, status: 'active', topics: ['cyber-security'], sources: [{ ref: 'renard2016', locator: 's.5' }] };

  it('raises the matter in a cyber dialogue only where one exists with the initiator state', () => {
    expect(open({}, 'cyber-dialogue', ctx({ initiatorRelations: relations('RU') }))).toBe(false);
    const m = measure(planOf({}, ctx({ initiatorRelations: relations('RU') })), 'cyber-dialogue');
    expect(reason(m, 'dialogue-exists').text).toContain('no active cyber-related dialogue');
    expect(open({ initiator: { country: 'CN' } }, 'cyber-dialogue', ctx({ initiatorRelations: relations('CN', { cyberDialogues: [dialogue] }) }))).toBe(true);
    expect(reason(measure(planOf({ initiator: { country: 'CN' } }, ctx({ initiatorRelations: relations('CN', { cyberDialogues: [dialogue] }) })), 'cyber-dialogue'), 'dialogue-exists').text).toContain('EU-China Cyber Task Force');
    expect(open({ initiator: { country: 'IR' } }, 'cyber-dialogue', ctx({ initiatorRelations: relations('IR', { covered: false, name: null }) }))).toBe(false);
  });

  it('names what exists for the criminal-justice track, or that nothing does', () => {
    const criminal = { initiator: { type: 'non-state', country: 'US' } };
    const mla = { id: 'us-mla', type: 'mla', title: 'EU-US Mutual Legal Assistance Agreement', status: 'in-force', usable: true, sources: [{ ref: 'renard2014', locator: 'Appendix' }] };
    const withUs = measure(planOf(criminal, ctx({ initiatorRelations: relations('US', { criminalJusticeAgreements: [mla], budapestConvention: { status: 'ratified', stance: null, inForce: null, bound: true, sources: [] } }) })), 'criminal-justice-cooperation');
    expect(reason(withUs, 'criminal-justice-relations').text).toContain('EU-US Mutual Legal Assistance Agreement (in-force)');
    expect(reason(withUs, 'criminal-justice-relations').text).toContain('Budapest Convention: ratified');
    const none = measure(planOf({ initiator: { type: 'non-state', country: 'RU' } }, ctx({ initiatorRelations: relations('RU') })), 'criminal-justice-cooperation');
    expect(reason(none, 'criminal-justice-relations').text).toContain('no MLA, extradition, Europol or Eurojust agreement with RU');
  });
});

describe('6. membership follows the incident date (the UK until 31 January 2020)', () => {
  const uk = { victims: [{ country: 'GB', sector: 'government' }], context: { victimCapacitiesOverwhelmed: true, assistanceRequested: true } };
  it('treats the UK as a member state for an incident of 2018 and as a third state for one of 2021', () => {
    // Planned while it was a member state: the clause is invoked by a member state (plan-on-its-date.test.ts).
    expect(open({ ...uk, start: '2018-03-04' }, 'solidarity-clause', ctx({ asOf: '2018-06-01' as IsoDate }))).toBe(true);
    expect(open({ ...uk, start: '2021-03-04' }, 'solidarity-clause')).toBe(false);
    // External threat: a British initiator is inside the Union in 2019, outside it in 2021.
    expect(open({ start: '2019-06-01', initiator: { country: 'GB' } }, 'restrictive-measures')).toBe(false);
    expect(open({ start: '2021-06-01', initiator: { country: 'GB' } }, 'restrictive-measures')).toBe(true);
  });

  // bendiek2018 ("Possible EU support..."): NATO's Article 5 takes precedence for NATO members. A UK victim of 2016 was
  // a member state in NATO on a plan of that year; only a member state of the day counts, so the same victim in 2021
  // opens neither, and a plan made after the UK left reads it as an ally outside the Union (plan-former-member-nato.test.ts).
  it('reads a UK victim of 2016 as a member state in NATO, one of 2021 as neither', () => {
    const armed = { ...uk, start: '2016-05-01', category: 'cyber-warfare', effects: { severity: 'critical', armedAttack: true }, attribution: [{ kind: 'legal', by: 'GB prosecutor', byType: 'member-state', confidence: 'high', public: true }] };
    expect(incident(variant(armed)).context.victimIsNatoMember).toBe(true);
    const in2016 = ctx({ asOf: '2016-06-01' as IsoDate });
    const nato = measure(planOf(armed, in2016), 'nato-collective-defence');
    expect(nato.available).toBe(true);
    expect(reason(nato, 'nato-member').holds).toBe(true);
    expect(reason(measure(planOf(armed, in2016), 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(false);
    expect(measure(planOf(armed), 'nato-collective-defence').available).toBe(false);
    const later = { ...armed, start: '2021-05-01' };
    expect(incident(variant(later)).context.victimIsNatoMember).toBe(false);
    expect(open(later, 'nato-collective-defence')).toBe(false);
  });

  // The reviewed precedents record the UK government as a member state attributing in 2017-2018 (WannaCry, NotPetya)
  // and as a third state in 2022 (Viasat); an attribution the text leaves unclassified is read on its own date.
  it('counts a UK government attribution as a member state\'s up to 31 January 2020, not after', () => {
    const byUk = (date: string) => ({ start: '2017-05-12', attribution: [{ kind: 'political', by: 'UK government', date, confidence: 'high', public: true }] });
    expect(incident(variant(byUk('2017-12-19'))).attribution[0]?.byType).toBe('other');
    const in2017 = measure(planOf(byUk('2017-12-19')), 'restrictive-measures');
    expect(in2017.available).toBe(true);
    expect(in2017.attribution.restsOn).toEqual([expect.stringContaining('political by UK government on 2017-12-19')]);
    expect(open(byUk('2020-02-01'), 'restrictive-measures')).toBe(false);
    // Undated, the attribution is read on the incident's start; by name as well as by code.
    expect(open({ start: '2018-02-15', attribution: [{ kind: 'political', by: 'Government of the United Kingdom', confidence: 'high', public: true }] }, 'restrictive-measures')).toBe(true);
    expect(open({ start: '2021-02-15', attribution: [{ kind: 'political', by: 'Government of the United Kingdom', confidence: 'high', public: true }] }, 'restrictive-measures')).toBe(false);
    // A type given explicitly is kept.
    expect(open({ start: '2018-02-15', attribution: [{ kind: 'political', by: 'UK government', byType: 'third-state', confidence: 'high', public: true }] }, 'restrictive-measures')).toBe(false);
  });

  // The other way round: a state that joined later. Croatia became a member on 1 July 2013, Poland on 1 May 2004; their
  // governments' attributions before then are a third state's, although the check fills in today's reading.
  it('counts an attribution by a state that joined later as a member state\'s only from its accession', () => {
    const by = (author: string, start: string, extra: Record<string, unknown> = {}) => ({ start, attribution: [{ kind: 'political', by: author, confidence: 'high', public: true, ...extra }] });
    expect(incident(variant(by('Government of Croatia', '2012-06-01'))).attribution[0]?.byType).toBe('member-state');
    for (const author of ['Government of Croatia', 'HR government']) {
      const before = measure(planOf(by(author, '2012-06-01')), 'restrictive-measures');
      expect(before.available, author).toBe(false);
      expect(before.attribution.missing, author).toContain('a political or legal attribution by a member state, the EU or the Council');
      expect(open(by(author, '2014-06-01'), 'restrictive-measures'), author).toBe(true);
      // Read on the attribution's own date where it has one: an incident of 2012 attributed in 2013 after accession.
      expect(open(by(author, '2012-06-01', { date: '2013-07-01' }), 'restrictive-measures'), author).toBe(true);
      expect(open(by(author, '2012-06-01', { date: '2013-06-30' }), 'restrictive-measures'), author).toBe(false);
    }
    expect(open(by('Poland', '2003-06-01'), 'restrictive-measures')).toBe(false);
    expect(open(by('Poland', '2004-05-01'), 'restrictive-measures')).toBe(true);
    // A type the text does not give is the analyst's and is kept.
    expect(open(by('Government of Croatia', '2012-06-01', { byType: 'eu' }), 'restrictive-measures')).toBe(true);
  });
});

describe('10. self-defence is individual or collective (bendiek2018, Five Categories of Measures, introduction)', () => {
  const armed = { category: 'cyber-warfare', effects: { severity: 'critical', armedAttack: true } };
  it('stays open for an armed attack on a third state, as collective self-defence only; the clauses stay closed', () => {
    const onUkraine = planOf({ ...armed, victims: [{ country: 'UA', sector: 'energy' }] });
    const m = measure(onUkraine, 'self-defence');
    expect(m.available).toBe(true);
    expect(reason(m, 'self-defence-victim-state').holds).toBe(true);
    expect(reason(m, 'collective-self-defence-only')).toMatchObject({ kind: 'advisory', holds: false, unverified: true });
    expect(reason(m, 'collective-self-defence-only').text).toContain('collective self-defence alongside the third state');
    for (const id of ['solidarity-clause', 'mutual-assistance-clause', 'nato-collective-defence', 'active-defence-hackback']) expect(measure(onUkraine, id).available, id).toBe(false);
    // The same attack on a member state: individual self-defence.
    const onGermany = measure(planOf(armed), 'self-defence');
    expect(onGermany.available).toBe(true);
    expect(reason(onGermany, 'collective-self-defence-only').holds).toBe(true);
  });

  it('closes when no state is hit (an EU institution only, or a country not known), and without an armed attack', () => {
    const institution = measure(planOf({ ...armed, victims: [{ country: 'EU', sector: 'eu-institution' }] }), 'self-defence');
    expect(institution.available).toBe(false);
    expect(reason(institution, 'self-defence-victim-state').holds).toBe(false);
    expect(open({ ...armed, victims: [{ country: 'ZZ', sector: 'government' }] }, 'self-defence')).toBe(false);
    expect(open({ victims: [{ country: 'UA', sector: 'energy' }] }, 'self-defence')).toBe(false);
    // The UK in 2016 is a member state, in 2021 a third state: open both times, individual then collective; the attack
    // of 2016 planned after it left the Union is read as on a third state too.
    const uk = (start: string, asOf = '2026-06-01') => measure(planOf({ ...armed, start, victims: [{ country: 'GB', sector: 'energy' }] }, ctx({ asOf: asOf as IsoDate })), 'self-defence');
    expect(reason(uk('2016-05-01', '2016-06-01'), 'collective-self-defence-only').holds).toBe(true);
    expect(reason(uk('2016-05-01'), 'collective-self-defence-only').holds).toBe(false);
    expect(reason(uk('2021-05-01'), 'collective-self-defence-only').holds).toBe(false);
    expect(uk('2021-05-01').available).toBe(true);
  });
});

describe('11. active defence and the hack-back (bendiek2018, "Due Diligence, Step by Step")', () => {
  const attack = { category: 'cyber-warfare', ongoing: true, effects: { severity: 'critical', armedAttack: true } };
  it('opens active defence against an ongoing armed attack; the hack-back alone waits for survival at stake and other means exhausted', () => {
    const p = planOf(attack);
    expect(measure(p, 'active-defence').available).toBe(true);
    const hackback = measure(p, 'active-defence-hackback');
    expect(hackback.available).toBe(false);
    expect(reason(hackback, 'hackback-survival-threatened').holds).toBe(false);
    expect(reason(hackback, 'hackback-other-means-exhausted').holds).toBe(false);
    expect(measure(p, 'active-defence').reasons.map((r) => r.rule)).not.toContain('hackback-survival-threatened');
    const lastResort = planOf({ ...attack, effects: { severity: 'critical', armedAttack: true, threatensStateSurvival: true }, context: { otherMeansExhausted: true } });
    expect(measure(lastResort, 'active-defence-hackback').available).toBe(true);
    expect(lastResort.ladder.slice(-2)).toEqual(['active-defence', 'active-defence-hackback']);
  });

  it('closes active defence once the attack is over, without an armed attack, or without a member state hit', () => {
    expect(open({ ...attack, ongoing: false, end: '2026-03-05' }, 'active-defence')).toBe(false);
    expect(open({ ...attack, effects: { severity: 'critical' } }, 'active-defence')).toBe(false);
    expect(open({ ...attack, victims: [{ country: 'UA', sector: 'energy' }] }, 'active-defence')).toBe(false);
  });
});

describe('9. the démarche deals with an ongoing incident (bendiek2018, "Cooperation")', () => {
  it('says so while the activity goes on, and points to the stabilising measures once it is over', () => {
    const ongoing = measure(planOf({ ongoing: true }), 'demarche');
    const over = measure(planOf({ ongoing: false, end: '2026-03-05' }), 'demarche');
    expect(reason(ongoing, 'demarche-ongoing-incident')).toMatchObject({ kind: 'advisory', holds: true });
    expect(reason(over, 'demarche-ongoing-incident')).toMatchObject({ kind: 'advisory', holds: false });
    expect(reason(over, 'demarche-ongoing-incident').text).toContain('stabilising measures');
    // Advice only: the source does not forbid a note after the fact.
    expect(over.available).toBe(true);
    expect(ongoing.available).toBe(true);
    expect(reason(over, 'demarche-ongoing-incident').sources).toEqual([expect.objectContaining({ ref: 'bendiek2018' })]);
  });
});

describe('victims whose country is unknown (imports keep them)', () => {
  it('asks for the member state hit, on the measures that need one', () => {
    const unknown = { victims: [{ country: 'ZZ', sector: 'government', region: 'eu-member-states', name: 'Government agencies of EU member states' }] };
    const m = measure(planOf(unknown), 'solidarity-clause');
    expect(m.available).toBe(false);
    expect(reason(m, 'victim-is-member-state').text).toContain('record which one to open these responses');
    expect(reason(m, 'victim-is-member-state').text).toContain('region eu-member-states');
    expect(reason(measure(planOf({ victims: [{ country: 'UA', sector: 'government' }] }), 'solidarity-clause'), 'victim-is-member-state').text).not.toContain('record which one');
  });
});

describe('8. smaller departures', () => {
  it('cite both dates of the toolbox: agreed June 2017, implementing guidelines October 2017', () => {
    const r = reason(measure(planOf({}), 'demarche'), 'toolbox-framework-dates');
    expect(r.text).toContain('19 June 2017');
    expect(r.sources.map((s) => s.ref)).toContain('bendiek2018');
    const guidelines = reason(measure(planOf({}), 'demarche'), 'toolbox-implementing-guidelines');
    expect(guidelines.text).toContain('11 October 2017');
    expect(guidelines.sources.map((s) => s.ref)).toContain('bendiek2018');
  });

  it('give the European Council its role in setting out a position', () => {
    const m = measure(planOf({}), 'council-conclusions');
    expect(m.decision.proposedBy).toContain('european-council');
    expect(reason(m, 'european-council-position').text).toContain('European Council');
  });

  it('flag every rule, need, measure and legal basis whose note says UNVERIFIED', () => {
    const flagged = (x: { note?: string | undefined; unverified: boolean }) => !/UNVERIFIED/.test(x.note ?? '') || x.unverified;
    for (const r of toolbox.rules.rules) expect(flagged(r), r.id).toBe(true);
    for (const n of toolbox.rules.attributionNeeds) expect(flagged(n), n.id).toBe(true);
    for (const m of toolbox.measures.measures) {
      expect(flagged(m), m.id).toBe(true);
      for (const b of m.legalBasis) expect(flagged(b), `${m.id} ${b.act}`).toBe(true);
    }
    for (const r of toolbox.regimes.regimes) expect(flagged(r), r.id).toBe(true);
    for (const p of toolbox.precedents.precedents) expect(flagged(p), p.id).toBe(true);
  });
});

describe('precedents: what did we do last time?', () => {
  const candidates = toolbox.precedents.precedents.map(candidateFromPrecedent);

  it('ranks by a transparent similarity and says why each is comparable', () => {
    const like = incident(variant({ title: 'Intrusion into a parliament', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high', dataStolen: true } }));
    const ranked = rankPrecedents(like, candidates);
    expect(ranked[0]?.id).toBe('bundestag-2015');
    expect(ranked[0]?.why).toEqual(expect.arrayContaining([expect.stringContaining('same category: cyber-espionage'), expect.stringContaining('same initiator state: Russia'), expect.stringContaining('same victim country: Germany')]));
    // Reasons are read by people: countries, sectors, kinds and severities in words, never their codes.
    expect(ranked[0]?.why).toEqual(expect.arrayContaining([expect.stringContaining('victims in the same sector: Government')]));
    for (const why of ranked.flatMap((p) => p.why)) expect(why).not.toMatch(/\b(RU|DE|government|data-theft)\b/);
    expect(ranked[0]?.responses[0]).toMatchObject({ measure: 'restrictive-measures', date: '2020-10-22' });
    expect(ranked.every((p, i) => i === 0 || (ranked[i - 1]?.points ?? 0) >= p.points)).toBe(true);
  });

  it('moves when the initiator changes', () => {
    const chinese = incident(variant({ initiator: { type: 'state-sponsored', country: 'CN' }, victims: [{ country: 'SE', sector: 'ict-service-management' }], effects: { severity: 'high', dataStolen: true } }));
    expect(rankPrecedents(chinese, candidates)[0]?.id).toBe('cloud-hopper');
    const attempt = incident(variant({ victims: [{ country: 'NL', sector: 'external-relations' }], effects: { severity: 'high', attempted: true } }));
    expect(rankPrecedents(attempt, candidates)[0]?.id).toBe('opcw-2018');
  });

  it('measures how long attribution and response took where the days are known', () => {
    const viasat = rankPrecedents(incident(variant({ category: 'cyber-warfare', victims: [{ country: 'DE', sector: 'energy' }], effects: { severity: 'high', disruptsEssentialServices: true } })), candidates).find((p) => p.id === 'viasat-2022');
    expect(viasat).toMatchObject({ daysToAttribution: 75, daysToResponse: 75 });
    const bundestag = rankPrecedents(incident(variant({})), candidates).find((p) => p.id === 'bundestag-2015');
    expect(bundestag?.daysToResponse).toBeNull(); // the start is known to the month only: no invented day
  });

  it('leaves out candidates sharing neither category nor initiator state', () => {
    const unrelated = incident(variant({ category: 'cyber-terrorism', initiator: { type: 'non-state', country: 'BR' }, victims: [{ country: 'PT', sector: 'civil-society' }] }));
    expect(rankPrecedents(unrelated, candidates)).toEqual([]);
    // Sector, victim country and severity alone (3 points against NotPetya here) do not make a wiper comparable to
    // an intrusion of unknown origin; the same category does.
    const unknownOrigin = { initiator: { type: 'unknown', country: null }, attribution: [] };
    expect(rankPrecedents(incident(variant(unknownOrigin)), candidates).map((p) => p.id)).not.toContain('notpetya-2017');
    expect(rankPrecedents(incident(variant({ ...unknownOrigin, category: 'cyber-warfare' })), candidates).map((p) => p.id)).toContain('notpetya-2017');
  });
});

describe('12. constructive abstention and the listing criteria (Art. 31(1) TEU; Decision (CFSP) 2019/797)', () => {
  it('says that qualified abstentions of a third of the states with a third of the population stop the decision, for an EU position and for sanctions', () => {
    const p = planOf({});
    const position = reason(measure(p, 'council-conclusions'), 'eu-position-unanimity').text;
    expect(position).toContain('the decision is not adopted');
    expect(position).not.toContain('need not apply the decision unless');
    const sanctions = reason(measure(p, 'restrictive-measures'), 'sanctions-unanimity');
    expect(sanctions.text).toContain('need not apply the CFSP decision');
    expect(sanctions.text).toContain('Art. 215 TFEU binds every member state');
    expect(sanctions.text).toContain('the decision is not adopted');
    expect(sanctions.sources.map((s) => s.ref)).toContain('https://5dok.net/document/dzx4o2ny-procedures-leading-adoption-decisions-cfsp-area-art-teu.html');
    expect(sanctions.unverified).toBe(true);
  });

  it('names who may be listed: those responsible, those supporting or otherwise involved, and those associated', () => {
    const supporter = measure(planOf({ initiator: { identifiedPersons: [], identifiedEntities: ['Front company providing servers'] } }), 'restrictive-measures');
    expect(supporter.available).toBe(true);
    const holds = reason(supporter, 'sanctions-identified-targets');
    expect(holds.holds).toBe(true);
    for (const words of ['responsible', 'financial, technical or material support', 'otherwise involved', 'associated with them']) expect(holds.text).toContain(words);
    const none = measure(planOf({ initiator: { identifiedPersons: [], identifiedEntities: [] } }), 'restrictive-measures');
    expect(none.available).toBe(false);
    expect(reason(none, 'sanctions-identified-targets').text).toContain('providing support for it or otherwise involved');
  });
});

describe('13. the cyber-sanctions regime on the plan\'s date (Decision (CFSP) 2019/797 of 17 May 2019, its renewals)', () => {
  // An attack of March 2018, planned on the days around the regime's adoption (a plan is made from the incident's start).
  const on = (asOf: string) => measure(planOf({ start: '2018-03-01' }, ctx({ asOf: asOf as IsoDate })), 'restrictive-measures');
  it('has no regime to list under before 17 May 2019, and one from that day', () => {
    const before = on('2019-05-16');
    expect(before.available).toBe(false);
    expect(reason(before, 'sanctions-regime-adopted')).toMatchObject({ kind: 'precondition', holds: false });
    expect(reason(before, 'sanctions-regime-adopted').text).toContain('on 2019-05-16 the Union has no cyber-sanctions regime');
    expect(reason(before, 'sanctions-regime-adopted').text).toContain('Art. 29 TEU');
    expect(on('2018-04-01').available).toBe(false);
    const first = on('2019-05-17');
    expect(first.available).toBe(true);
    expect(reason(first, 'sanctions-regime-adopted').text).toContain('in force until 2020-05-18');
  });

  it('names the renewal in force on the date, and asks for a renewal past the last recorded expiry without closing', () => {
    expect(reason(on('2026-06-01'), 'sanctions-regime-adopted').text).toContain('in force until 2028-05-18, as decided in 2025-05-12');
    expect(reason(on('2021-06-01'), 'sanctions-regime-adopted').text).toContain('in force until 2022-05-18');
    const later = on('2028-06-01');
    expect(later.available).toBe(true);
    expect(reason(later, 'sanctions-regime-adopted').text).toContain('past its last recorded expiry, 2028-05-18');
    // Without the framework (a context that does not consult it), the plan says so and does not close the measure.
    expect(reason(measure(planOf({}, ctx({ sanctions: null })), 'restrictive-measures'), 'sanctions-regime-adopted').text).toContain('not consulted');
  });
});

describe('14. who proposes changes the majority (Art. 238(2) TFEU)', () => {
  it('says that an implementing decision goes by qualified majority on the High Representative\'s proposal and needs a reinforced one on a member state\'s', () => {
    const m = measure(planOf({ context: { euPositionAdopted: true } }), 'implementing-decision');
    expect(m.decision).toMatchObject({ rule: 'qmv', proposedBy: ['high-representative'] });
    const r = reason(m, 'implementing-proposer');
    expect(r).toMatchObject({ kind: 'advisory', holds: true, unverified: true });
    expect(r.text).toContain('72 % of the members (20 of 27)');
    expect(r.text).toContain('55 % of the members, 15 of 27');
    // The thresholds the text gives are the vote simulator's own (data/council/voting-rules.yaml).
    const spec = (id: string) => toolbox.votingRules.rules.find((x) => x.id === id)?.members;
    expect(spec('qmv')).toMatchObject({ atLeastPercent: 55 });
    expect(spec('rqmv')).toMatchObject({ atLeastPercent: 72 });
    // With defence implications the rule is unanimity whoever proposes, and the advice says so instead.
    const defence = measure(planOf({ context: { euPositionAdopted: true, defenceImplications: true } }), 'implementing-decision');
    expect(defence.decision.rule).toBe('unanimity');
    expect(reason(defence, 'implementing-proposer')).toMatchObject({ holds: false });
    expect(reason(defence, 'implementing-proposer').text).toContain('decides unanimously, whoever makes the proposal');
  });
});

describe('15. the armed answers only in grave instances (bendiek2018, Five Categories of Measures)', () => {
  const armed = { category: 'cyber-warfare', ongoing: true, effects: { severity: 'critical', armedAttack: true, threatensStateSurvival: true }, context: { otherMeansExhausted: true, euDelegationInInitiatorCountry: true } };
  const answers = ['mutual-assistance-clause', 'nato-collective-defence', 'self-defence', 'active-defence', 'active-defence-hackback'];
  it('an armed attack recorded below high severity opens none of them; at high it does', () => {
    const at = (severity: string) => planOf({ ...armed, effects: { ...armed.effects, severity } });
    for (const id of answers) {
      expect(measure(at('critical'), id).available, `${id} critical`).toBe(true);
      expect(measure(at('high'), id).available, `${id} high`).toBe(true);
      for (const severity of ['low', 'medium']) {
        const m = measure(at(severity), id);
        expect(m.available, `${id} ${severity}`).toBe(false);
        expect(reason(m, 'armed-attack-grave')).toMatchObject({ kind: 'precondition', holds: false, unverified: true });
      }
    }
    expect(reason(measure(at('low'), 'self-defence'), 'armed-attack-grave').text).toContain('only in grave instances');
    // The ladder of a low-severity incident stops below the clauses, whatever the armed-attack flag says.
    const low = at('low');
    expect(low.ladder.some((id) => answers.includes(id))).toBe(false);
    expect(low.ladder).toContain('council-conclusions');
  });
});

describe('16. the armed answers against a state need a state behind the attack; a group engages due diligence', () => {
  const armed = { category: 'cyber-warfare', ongoing: true, effects: { severity: 'critical', armedAttack: true } };
  const stateAnswers = ['nato-collective-defence', 'self-defence', 'active-defence'];
  it('closes self-defence, NATO defence and active defence for a non-state or unknown initiator, whatever the attribution', () => {
    for (const type of ['state', 'state-sponsored']) {
      const p = planOf({ ...armed, initiator: { type, country: 'RU' } });
      for (const id of stateAnswers) expect(measure(p, id).available, `${id} ${type}`).toBe(true);
    }
    for (const type of ['non-state', 'unknown']) {
      const p = planOf({ ...armed, initiator: { type, country: 'RU', name: 'Group X' } });
      for (const id of stateAnswers) {
        const m = measure(p, id);
        expect(m.available, `${id} ${type}`).toBe(false);
        // The high-confidence political attribution is met; the initiator is what closes it.
        expect(m.attribution.met).toBe(true);
        expect(reason(m, 'armed-attack-by-state')).toMatchObject({ holds: false, unverified: true });
      }
      expect(reason(measure(p, 'self-defence'), 'armed-attack-by-state').text).toContain('due diligence');
      // The clause of Art. 42(7) TEU is not about who attacked (France invoked it after terrorist attacks).
      expect(measure(p, 'mutual-assistance-clause').available).toBe(true);
      // What the EU may ask of the state of the territory stays open: talks and the démarche.
      expect(measure(p, 'demarche').available).toBe(true);
    }
  });
});
