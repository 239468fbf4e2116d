// Scenario tests written from bendiek2018 and the treaty articles: each rule opens and closes its measure
// when one input changes, and the reasons say why.
import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from './plan-markdown';
import { planResponse, planToJson, type MeasureAssessment, type ResponsePlan } from './rules';
import { bareContext } from './situation';
import type { IsoDate } from '../dates';
import { incident, MINISTRY_INTRUSION, plan, toolbox } from './toolbox.fixture';

/** A state-sponsored intrusion into a German ministry from a third state, with an EU delegation there. */
const base = {
  title: 'Intrusion into the federal government network',
  start: '2026-03-01',
  detected: '2026-03-10',
  ongoing: false,
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high' },
  initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: ['Officer A'], identifiedEntities: [] },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }],
  context: { euDelegationInInitiatorCountry: true },
};

type Input = typeof base & Record<string, unknown>;

/** The base incident with some fields replaced; nested objects are merged one level deep. */
function variant(changes: Record<string, unknown>): Input {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
        ? { ...current, ...value }
        : value;
  }
  return out as Input;
}

function measure(p: ResponsePlan, id: string): MeasureAssessment {
  const found = p.measures.find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

function reason(m: MeasureAssessment, rule: string) {
  const found = m.reasons.find((r) => r.rule === rule);
  if (!found) throw new Error(`${m.id} has no reason ${rule}`);
  return found;
}

const open = (changes: Record<string, unknown>, id: string) => measure(plan(variant(changes)), id).available;

/** Shorthand for an incident in which a member state suffers an armed attack. */
const armedAttack = { effects: { severity: 'critical', armedAttack: true }, category: 'cyber-warfare' };

describe('the measures catalogue', () => {
  it('holds every measure the issue names, in the six categories', () => {
    const ids = toolbox.measures.measures.map((m) => m.id);
    for (const id of [
      'cyber-dialogue',
      'confidence-building-measures',
      'capacity-building',
      'demarche',
      'cooperative-talks',
      'council-conclusions',
      'hr-declaration-on-behalf-of-eu',
      'hr-declaration-own-responsibility',
      'restrictive-measures',
      'solidarity-clause',
      'mutual-assistance-clause',
      'self-defence',
      'active-defence-hackback',
      'criminal-justice-cooperation',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(toolbox.measures.measures.map((m) => m.category))).toEqual(
      new Set(['preventive', 'cooperative', 'stabilising', 'restrictive', 'member-state-support', 'criminal-justice']),
    );
  });

  it('gives every reason of every measure at least one source', () => {
    const p = plan(base);
    for (const m of p.measures) {
      expect(m.reasons.length, m.id).toBeGreaterThan(0);
      for (const r of m.reasons) expect(r.sources.length, `${m.id}/${r.rule}`).toBeGreaterThan(0);
    }
  });
});

describe('démarche and cooperative talks (bendiek2018, "Cooperation")', () => {
  it('is open with an EU delegation in the initiator country, on the High Representative instruction', () => {
    const m = measure(plan(base), 'demarche');
    expect(m.available).toBe(true);
    expect(m.decision).toMatchObject({ by: 'high-representative', rule: 'none' });
    expect(reason(m, 'eu-delegation-present')).toMatchObject({ holds: true });
    expect(reason(m, 'hr-instruction').text).toContain('instruction from the High Representative');
    expect(reason(m, 'hr-instruction').sources[0]).toMatchObject({ ref: 'bendiek2018' });
  });

  it('closes when the head of delegation has been recalled', () => {
    const m = measure(plan(variant({ context: { delegationHeadRecalled: true } })), 'demarche');
    expect(m.available).toBe(false);
    expect(reason(m, 'delegation-head-not-recalled')).toMatchObject({ holds: false });
    expect(reason(m, 'delegation-head-not-recalled').text).toContain('recalled');
    expect(open({ context: { delegationHeadRecalled: true } }, 'cooperative-talks')).toBe(false);
  });

  it('closes without an EU delegation, or without a third state to deliver it to', () => {
    expect(open({ context: { euDelegationInInitiatorCountry: false } }, 'demarche')).toBe(false);
    expect(open({ initiator: { country: null } }, 'demarche')).toBe(false);
    const m = measure(plan(variant({ initiator: { country: null } })), 'cooperative-talks');
    expect(reason(m, 'eu-delegation-present')).toMatchObject({ holds: false });
  });
});

describe('EU act or position and its implementation (Art. 31 TEU)', () => {
  it('an EU act or position is always open and needs unanimity', () => {
    const m = measure(plan(base), 'council-conclusions');
    expect(m.available).toBe(true);
    expect(m.decision).toMatchObject({ by: 'council', rule: 'unanimity' });
    expect(m.legalBasis.map((b) => b.label)).toContain('Art. 31(1) TEU');
    expect(reason(m, 'eu-position-unanimity').text).toContain('unanimously');
  });

  it('implementing decisions go by qualified majority once a position exists (Art. 31(2) TEU)', () => {
    expect(open({}, 'implementing-decision')).toBe(false);
    const m = measure(plan(variant({ context: { euPositionAdopted: true } })), 'implementing-decision');
    expect(m.available).toBe(true);
    expect(m.decision.rule).toBe('qmv');
    expect(m.legalBasis.map((b) => b.label)).toContain('Art. 31(2), third indent TEU');
    const closed = measure(plan(base), 'implementing-decision');
    expect(reason(closed, 'implementing-needs-position').text).toContain('must first be adopted unanimously');
  });

  it('military or defence implications change the rule to unanimity (Art. 31(4) TEU); the measure stays open', () => {
    const m = measure(plan(variant({ context: { euPositionAdopted: true, defenceImplications: true } })), 'implementing-decision');
    expect(m.available).toBe(true);
    expect(m.decision.rule).toBe('unanimity');
    expect(m.decision.ruleChange).toMatchObject({ from: 'qmv', to: 'unanimity', rule: 'implementing-no-defence-implications' });
    expect(m.decision.ruleChange?.text).toContain('Art. 31(4) TEU');
    expect(reason(m, 'implementing-no-defence-implications')).toMatchObject({ kind: 'procedure', holds: true });
    // Change the input: without such implications the rule is qualified majority again, and nothing says otherwise.
    const civil = measure(plan(variant({ context: { euPositionAdopted: true, defenceImplications: false } })), 'implementing-decision');
    expect(civil.decision.rule).toBe('qmv');
    expect(civil.decision.ruleChange).toBeUndefined();
    expect(reason(civil, 'implementing-no-defence-implications').holds).toBe(false);
    // A rule change is not a refusal: without a position the measure is closed for that reason only.
    const noPosition = measure(plan(variant({ context: { defenceImplications: true } })), 'implementing-decision');
    expect(noPosition.available).toBe(false);
    expect(noPosition.reasons.filter((r) => r.kind === 'precondition' && !r.holds).map((r) => r.rule)).toEqual(['implementing-needs-position']);
  });

  it('the plan Markdown shows the change of rule', () => {
    const p = plan(variant({ context: { euPositionAdopted: true, defenceImplications: true } }));
    const md = renderPlanMarkdown(p, incident(variant({ context: { euPositionAdopted: true, defenceImplications: true } })));
    expect(md).toMatch(/Decision: Council, unanimity \(instead of qualified majority\)/);
    expect(md).toContain('Rule changed:');
    expect(renderPlanMarkdown(plan(base), incident(base))).not.toContain('Rule changed:');
  });
});

describe('declarations of the High Representative (bendiek2018, "Stability")', () => {
  it('on behalf of the EU needs all member states; own responsibility is closed without urgency', () => {
    const p = plan(base);
    const behalf = measure(p, 'hr-declaration-on-behalf-of-eu');
    expect(behalf.available).toBe(true);
    // Agreed by all beforehand and issued by the High Representative: no Council vote (plan-open-items.test.ts).
    expect(behalf.decision).toMatchObject({ by: 'high-representative', rule: 'none' });
    expect(reason(behalf, 'hr-declaration-all-agree').text).toContain('All member states must agree');
    const own = measure(p, 'hr-declaration-own-responsibility');
    expect(own.available).toBe(false);
    expect(reason(own, 'hr-own-declaration-urgent').holds).toBe(false);
  });

  it('opens a declaration on her own responsibility when a quick reaction is needed and the 27 cannot be asked', () => {
    expect(open({ context: { urgent: true } }, 'hr-declaration-own-responsibility')).toBe(false);
    const p = plan(variant({ context: { urgent: true, agreementOfAllCannotBeSought: true } }));
    const own = measure(p, 'hr-declaration-own-responsibility');
    expect(own.available).toBe(true);
    expect(own.decision).toMatchObject({ by: 'high-representative', rule: 'none' });
    const behalf = measure(p, 'hr-declaration-on-behalf-of-eu');
    expect(behalf.available).toBe(true);
    expect(reason(behalf, 'hr-declaration-no-rush')).toMatchObject({ kind: 'advisory', holds: false });
    expect(reason(behalf, 'hr-declaration-no-rush').text).toContain('own responsibility');
  });
});

describe('restrictive measures (bendiek2018, "Sanctions"; Decision (CFSP) 2019/797)', () => {
  it('are open for a serious external attack on a member state with identified persons', () => {
    const m = measure(plan(base), 'restrictive-measures');
    expect(m.available).toBe(true);
    expect(m.decision).toMatchObject({ by: 'council', rule: 'unanimity' });
    expect(m.legalBasis.map((b) => b.label)).toEqual(expect.arrayContaining(['Art. 24 TEU', 'Art. 1 Decision (CFSP) 2019/797']));
    expect(reason(m, 'sanctions-due-process').text).toContain('statement of reasons');
    expect(reason(m, 'sanctions-unanimity').text).toContain('unanimously');
  });

  it('close without identified persons or entities to target', () => {
    const m = measure(plan(variant({ initiator: { identifiedPersons: [] } })), 'restrictive-measures');
    expect(m.available).toBe(false);
    expect(reason(m, 'sanctions-identified-targets')).toMatchObject({ holds: false });
    expect(open({ initiator: { identifiedPersons: [], identifiedEntities: ['GRU unit'] } }, 'restrictive-measures')).toBe(true);
  });

  it('close when the attack is not serious', () => {
    const m = measure(plan(variant({ effects: { severity: 'medium' } })), 'restrictive-measures');
    expect(m.available).toBe(false);
    expect(reason(m, 'sanctions-significant-effect').text).toContain('None of the factors of significant effect');
    expect(open({ effects: { severity: 'medium', disruptsEssentialServices: true } }, 'restrictive-measures')).toBe(true);
  });

  it('close when no external origin is established', () => {
    expect(open({ initiator: { country: null } }, 'restrictive-measures')).toBe(false);
    expect(open({ initiator: { country: 'FR' } }, 'restrictive-measures')).toBe(false);
  });

  it('must serve CFSP objectives (Art. 24 TEU): a third-state victim needs a stated objective', () => {
    const thirdState = { victims: [{ country: 'UA', sector: 'critical-infrastructure' }] };
    const m = measure(plan(variant(thirdState)), 'restrictive-measures');
    expect(m.available).toBe(false);
    expect(reason(m, 'sanctions-cfsp-objectives').text).toContain('objectives of the CFSP');
    expect(open({ ...thirdState, context: { cfspObjectiveIdentified: true } }, 'restrictive-measures')).toBe(true);
  });
});

describe('attribution (bendiek2018: lawful responses need no unequivocal attribution)', () => {
  it('leaves the measures that need no attribution open without any attribution record', () => {
    const p = plan(variant({ attribution: [] }));
    for (const id of ['council-conclusions', 'hr-declaration-on-behalf-of-eu', 'capacity-building', 'confidence-building-measures']) {
      const m = measure(p, id);
      expect(m.available, id).toBe(true);
      expect(reason(m, 'attribution-not-required')).toMatchObject({ holds: true, kind: 'advisory' });
    }
  });
});

describe('solidarity clause (Art. 222 TFEU)', () => {
  const crisis = {
    effects: { severity: 'critical', disruptsEssentialServices: true },
    context: { victimCapacitiesOverwhelmed: true, assistanceRequested: true },
  };

  it('opens for a serious cyber incident overwhelming a member state, on its request', () => {
    const m = measure(plan(variant(crisis)), 'solidarity-clause');
    expect(m.available).toBe(true);
    expect(m.decision).toMatchObject({ by: 'member-state', rule: 'national' });
    expect(m.legalBasis.map((b) => b.label)).toContain('Art. 222 TFEU');
  });

  it('closes without a request from the member state', () => {
    const m = measure(plan(variant({ ...crisis, context: { victimCapacitiesOverwhelmed: true, assistanceRequested: false } })), 'solidarity-clause');
    expect(m.available).toBe(false);
    expect(reason(m, 'solidarity-request').text).toContain('only at the request');
  });

  it('closes while the member state copes with its own capacities', () => {
    const m = measure(plan(variant({ ...crisis, context: { victimCapacitiesOverwhelmed: false, assistanceRequested: true } })), 'solidarity-clause');
    expect(m.available).toBe(false);
    expect(reason(m, 'solidarity-capacities-overwhelmed').holds).toBe(false);
  });

  it('needs a terrorist attack or a serious incident, and a member state as victim', () => {
    expect(open({ ...crisis, effects: { severity: 'medium' } }, 'solidarity-clause')).toBe(false);
    expect(open({ ...crisis, effects: { severity: 'medium' }, category: 'cyber-terrorism' }, 'solidarity-clause')).toBe(true);
    const m = measure(plan(variant({ ...crisis, victims: [{ country: 'UA', sector: 'government' }] })), 'solidarity-clause');
    expect(m.available).toBe(false);
    expect(reason(m, 'victim-is-member-state').holds).toBe(false);
  });
});

describe('mutual assistance (Art. 42(7) TEU) and NATO Article 5', () => {
  it('opens for armed aggression on a member state and closes without it', () => {
    expect(open(armedAttack, 'mutual-assistance-clause')).toBe(true);
    const m = measure(plan(base), 'mutual-assistance-clause');
    expect(m.available).toBe(false);
    expect(reason(m, 'mutual-assistance-armed-aggression').text).toContain('neither amounts to armed aggression');
  });

  it('tells a NATO member that Article 5 takes precedence, and routes it to NATO', () => {
    const p = plan(variant(armedAttack));
    const eu = measure(p, 'mutual-assistance-clause');
    expect(reason(eu, 'nato-precedence')).toMatchObject({ holds: false, kind: 'advisory' });
    expect(reason(eu, 'nato-precedence').text).toContain('takes precedence');
    expect(measure(p, 'nato-collective-defence').available).toBe(true);
  });

  it('leaves Art. 42(7) as the collective channel of a member state outside NATO', () => {
    const austria = variant({ ...armedAttack, victims: [{ country: 'AT', sector: 'government' }] });
    const p = plan(austria);
    expect(reason(measure(p, 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(true);
    const nato = measure(p, 'nato-collective-defence');
    expect(nato.available).toBe(false);
    expect(reason(nato, 'nato-member').holds).toBe(false);
  });
});

describe('self-defence (Art. 51 UN Charter)', () => {
  it('is a member state sovereign decision, open only for an armed attack', () => {
    const m = measure(plan(variant(armedAttack)), 'self-defence');
    expect(m.available).toBe(true);
    expect(m.decision).toMatchObject({ by: 'member-state', rule: 'national' });
    expect(m.legalBasis.map((b) => b.label)).toEqual(['Art. 51 UN Charter']);
    expect(reason(m, 'self-defence-sovereign').text).toContain('sovereign decision');
    const closed = measure(plan(base), 'self-defence');
    expect(closed.available).toBe(false);
    expect(reason(closed, 'self-defence-armed-attack').text).toContain('no right of self-defence');
  });
});

describe('active defence up to a hack-back (bendiek2018, "Due Diligence, Step by Step")', () => {
  const lastResort = {
    ...armedAttack,
    ongoing: true,
    effects: { severity: 'critical', armedAttack: true, threatensStateSurvival: true },
    context: { otherMeansExhausted: true },
  };

  it('opens only against an ongoing attack threatening survival, once all other means are exhausted', () => {
    const p = plan(variant(lastResort));
    expect(measure(p, 'active-defence-hackback').available).toBe(true);
    expect(p.ladder.at(-1)).toBe('active-defence-hackback');
  });

  it('closes when the attack is over', () => {
    const m = measure(plan(variant({ ...lastResort, ongoing: false })), 'active-defence-hackback');
    expect(m.available).toBe(false);
    expect(reason(m, 'hackback-ongoing').text).toContain('only stop an ongoing attack');
  });

  it('closes when the state survival is not threatened', () => {
    const m = measure(
      plan(variant({ ...lastResort, effects: { severity: 'critical', armedAttack: true, threatensStateSurvival: false } })),
      'active-defence-hackback',
    );
    expect(m.available).toBe(false);
    expect(reason(m, 'hackback-survival-threatened').holds).toBe(false);
  });

  it('closes while other means remain', () => {
    const m = measure(plan(variant({ ...lastResort, context: { otherMeansExhausted: false } })), 'active-defence-hackback');
    expect(m.available).toBe(false);
    expect(reason(m, 'hackback-other-means-exhausted').text).toContain('last resort');
  });
});

describe('criminal-justice track (bendiek2018, "First pillar")', () => {
  it('opens for criminal actors without state ties and closes for state actors', () => {
    const crime = { category: 'cyber-crime', initiator: { type: 'non-state', country: 'RU', identifiedPersons: [] } };
    const m = measure(plan(variant(crime)), 'criminal-justice-cooperation');
    expect(m.available).toBe(true);
    expect(m.legalBasis.map((b) => b.label)).toContain('Directive 2013/40/EU');
    expect(reason(m, 'criminal-no-state-ties').holds).toBe(true);
    const state = measure(plan(base), 'criminal-justice-cooperation');
    expect(state.available).toBe(false);
    expect(reason(state, 'criminal-no-state-ties').text).toContain('state-sponsored');
  });
});

describe('escalation ladder and bodies', () => {
  it('lists the open measures from least to most coercive', () => {
    const p = plan(variant({ context: { urgent: true, euPositionAdopted: true } }));
    const ranks = p.ladder.map((id) => measure(p, id).coercion);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(p.ladder.every((id) => measure(p, id).available)).toBe(true);
    expect(p.ladder.indexOf('demarche')).toBeLessThan(p.ladder.indexOf('restrictive-measures'));
    expect(p.ladder.indexOf('hr-declaration-own-responsibility')).toBeLessThan(p.ladder.indexOf('council-conclusions'));
  });

  it('sends state espionage to the CFSP bodies and crime by non-state actors to Europol and Eurojust', () => {
    const espionage = plan(base).bodies.map((b) => b.area);
    expect(espionage).toEqual(expect.arrayContaining(['cfsp-cyber-diplomacy', 'council-preparation', 'single-market']));
    expect(espionage).not.toContain('peace-security-justice');
    const crime = plan(variant({ category: 'cyber-crime', initiator: { type: 'non-state' } })).bodies;
    expect(crime.map((b) => b.area)).toContain('peace-security-justice');
    expect(crime.find((b) => b.area === 'peace-security-justice')?.euLevel).toContain('Europol (EC3)');
    expect(plan(variant(armedAttack)).bodies.map((b) => b.area)).toContain('csdp-cyber-defence');
  });
});

describe('the response plan document', () => {
  const input = variant({ responses: [{ measure: 'demarche', date: '2026-03-12', by: 'EU delegation' }] });

  it('renders open measures in escalation order, closed ones with reasons, bodies and sources', () => {
    const p = plan(input);
    const md = renderPlanMarkdown(p, incident(input));
    expect(md).toMatch(/^# Response plan: Intrusion into the federal government network/);
    const openPart = md.slice(md.indexOf('## Open measures'), md.indexOf('## Closed measures'));
    // Measures by their titles, never by the catalogue's ids.
    expect(openPart.indexOf('. Démarche by the EU delegation')).toBeGreaterThan(0);
    expect(openPart.indexOf('. Démarche by the EU delegation')).toBeLessThan(openPart.indexOf('. Restrictive measures (cyber sanctions)'));
    expect(md).not.toMatch(/\((demarche|restrictive-measures|self-defence)\)/);
    expect(openPart).toContain('- Decision: Council, unanimity; proposed by member state or High Representative');
    expect(openPart).toContain('- Legal basis: Art. 24 TEU;');
    const closedPart = md.slice(md.indexOf('## Closed measures'), md.indexOf('## Bodies to involve'));
    expect(closedPart).toContain('### Individual or collective self-defence\n');
    expect(closedPart).toContain('- Not met: The activity does not amount to an armed attack');
    expect(md).toContain('| CFSP: cyber diplomacy');
    expect(md).toContain('- 2026-03-12: Démarche by the EU delegation, by EU delegation');
    expect(md).toMatch(/## Sources\n\n1\. bendiek2018: /);
    // Each source is listed once, with the passages used; no internal file names.
    const sourceList = md.slice(md.indexOf('## Sources'));
    expect(sourceList.match(/^\d+\. bendiek2018:/gm)).toHaveLength(1);
    expect(md).not.toMatch(/\.md\b|research notes/);
    expect(md).toContain('(unverified)');
    expect(md.split('No unequivocal attribution is needed').length - 1).toBe(1);
    expect(md).toContain('cyber-espionage; a state is, or sponsors, the initiator |');
  });

  it('is deterministic', () => {
    expect(renderPlanMarkdown(plan(input), incident(input))).toBe(renderPlanMarkdown(plan(input), incident(input)));
  });

  it('has a JSON form with the measures and the ladder of the contract', () => {
    const json = planToJson(plan(input));
    expect(Object.keys(json)).toEqual(['measures', 'ladder', 'bodies', 'asOf', 'observatory', 'notCounted']);
    const demarche = json.measures.find((m) => m.id === 'demarche');
    expect(demarche).toMatchObject({ id: 'demarche', category: 'cooperative', available: true, decision: { by: 'high-representative', rule: 'none' } });
    expect(demarche?.reasons[0]).toEqual({
      rule: 'eu-delegation-present',
      kind: 'precondition',
      holds: true,
      text: expect.any(String),
      sources: [expect.objectContaining({ ref: 'bendiek2018' })],
    });
    expect(demarche?.legalBasis).toContain('Art. 221 TFEU (unverified)');
    expect(demarche?.taken).toEqual([{ date: '2026-03-12', by: 'EU delegation' }]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('what a plan made before some of its records does not count', () => {
  it('lists the attributions and responses dated after the plan, and none when the plan is made after them', () => {
    const i = incident({
      ...MINISTRY_INTRUSION,
      start: '2018-04-13',
      attribution: [
        { kind: 'political', by: 'NL government', confidence: 'high', public: true, date: '2018-10-04' },
        { kind: 'political', by: 'Council of the EU', confidence: 'high', public: true, date: '2020-07-30' },
      ],
      responses: [{ measure: 'restrictive-measures', date: '2020-07-30', by: 'Council of the EU', note: 'Listing of four officers' }],
    });
    const on = (asOf: string) => planResponse(i, toolbox.measures, toolbox.rules, toolbox.severity, { ...bareContext(asOf as IsoDate) });
    expect(on('2020-07-29').notCounted).toEqual([
      'attribution: political by Council of the EU on 2020-07-30 (high confidence, public)',
      'response on 2020-07-30 by Council of the EU: restrictive-measures (Listing of four officers)',
    ]);
    expect(on('2018-10-03').notCounted).toHaveLength(3);
    expect(on('2020-07-30').notCounted).toEqual([]);
    expect(renderPlanMarkdown(on('2020-07-29'), i)).toMatch(/Not counted in this plan, recorded after its date \(2020-07-29\):\n\n- attribution: political by Council of the EU/);
    expect(renderPlanMarkdown(on('2020-07-30'), i)).not.toMatch(/Not counted/);
  });
});
