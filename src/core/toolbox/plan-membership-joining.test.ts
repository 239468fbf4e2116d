// Membership read on the plan's date for a state that joins, as for one that leaves (plan-on-its-date.test.ts): the
// clauses and NATO's Article 5 concern the state's position when it invokes them, so a state hit by an attack still
// going on when it joined the Union or NATO invokes them from its day of accession; one whose attack was over by then
// was hit as a third state, and the plan says so (bendiek2018: the clauses are for member states that "are victims").
// Each test moves the plan's date, or the attack's end, across the day of accession (member-states.ts) by a day.
import { describe, expect, it } from 'vitest';
import { memberState } from './member-states';
import type { ResponsePlan } from './rules';
import { incident, MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

const base = { ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } };
const planOf = (changes: Record<string, unknown>, asOf: string): ResponsePlan => planOn(variantOf(base, changes), asOf);
const open = (changes: Record<string, unknown>, id: string, asOf: string) => measure(planOf(changes, asOf), id).available;

describe('a state that joins the Union while the attack goes on invokes the clauses from its accession (Croatia, 1 July 2013)', () => {
  const joined = memberState('HR')?.memberSince;
  const croatia = {
    start: '2013-05-10',
    ongoing: true,
    victims: [{ country: 'HR', sector: 'energy' }],
    attribution: [{ kind: 'political', by: 'Council of the EU', byType: 'eu', confidence: 'high', public: true }],
    context: { euDelegationInInitiatorCountry: true, assistanceRequested: true, victimCapacitiesOverwhelmed: true },
  };

  it('opens the solidarity clause on a plan of the accession day and after, not on one of the day before', () => {
    expect(joined).toBe('2013-07-01');
    expect(open(croatia, 'solidarity-clause', '2013-06-30')).toBe(false);
    expect(reason(measure(planOf(croatia, '2013-06-30'), 'solidarity-clause'), 'victim-is-member-state').holds).toBe(false);
    expect(open(croatia, 'solidarity-clause', '2013-07-01')).toBe(true);
    expect(open(croatia, 'solidarity-clause', '2013-08-15')).toBe(true);
  });

  it('keeps it closed for an attack that ended the day before the accession, and says the state was hit as a third state', () => {
    const endedBefore = { ...croatia, ongoing: false, end: '2013-06-30' };
    const p = planOf(endedBefore, '2013-08-15');
    expect(measure(p, 'solidarity-clause').available).toBe(false);
    const text = reason(measure(p, 'solidarity-clause'), 'victim-is-member-state').text;
    expect(text).toContain('Croatia (a member state from 2013-07-01) joined the Union after the attack: the attack ended on 2013-06-30, so it was hit as a third state');
    expect(text).toContain('declaration of solidarity');
    // Ended on the accession day, it was still going on when Croatia joined.
    expect(open({ ...endedBefore, end: '2013-07-01' }, 'solidarity-clause', '2013-08-15')).toBe(true);
    expect(reason(measure(planOf({ ...endedBefore, end: '2013-07-01' }, '2013-08-15'), 'solidarity-clause'), 'victim-is-member-state').text).not.toContain('joined the Union after');
  });
});

describe('a member state that joins NATO while an armed attack goes on can invoke Article 5 from its accession (Finland, 4 April 2023)', () => {
  const joined = memberState('FI')?.natoSince;
  const finland = {
    start: '2022-06-01',
    ongoing: true,
    category: 'cyber-warfare',
    victims: [{ country: 'FI', sector: 'energy' }],
    effects: { severity: 'critical', armedAttack: true, physicalDamage: true },
    attribution: [{ kind: 'legal', by: 'Council of the EU', byType: 'eu', confidence: 'high', public: true }],
  };

  it('derives the NATO default from the accession while the attack went on, not from the start date alone', () => {
    expect(joined).toBe('2023-04-04');
    expect(incident(variantOf(base, finland)).context.victimIsNatoMember).toBe(true);
    expect(incident(variantOf(base, { ...finland, ongoing: false, end: '2023-04-03' })).context.victimIsNatoMember).toBe(false);
    expect(incident(variantOf(base, { ...finland, ongoing: false, end: '2023-04-04' })).context.victimIsNatoMember).toBe(true);
  });

  it('opens NATO defence on a plan of the accession day and after, not on one of the day before', () => {
    const before = planOf(finland, '2023-04-03');
    expect(measure(before, 'nato-collective-defence').available).toBe(false);
    expect(reason(measure(before, 'nato-collective-defence'), 'nato-member').text).toContain("Finland is not a NATO ally on the plan's date (2023-04-03): it joins on 2023-04-04");
    const after = planOf(finland, '2023-04-05');
    expect(measure(after, 'nato-collective-defence').available).toBe(true);
    expect(reason(measure(after, 'nato-collective-defence'), 'nato-member').text).toContain('Finland joined NATO on 2023-04-04 while the attack was still going on');
    expect(open(finland, 'nato-collective-defence', '2023-04-04')).toBe(true);
    // NATO's precedence over Art. 42(7) TEU follows the same day.
    expect(reason(measure(before, 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(true);
    expect(reason(measure(after, 'mutual-assistance-clause'), 'nato-precedence').holds).toBe(false);
  });

  it('keeps it closed for an attack that ended before the accession, and says why', () => {
    const ended = (end: string) => ({ ...finland, ongoing: false, end });
    const p = planOf(ended('2023-04-03'), '2023-06-01');
    expect(measure(p, 'nato-collective-defence').available).toBe(false);
    expect(reason(measure(p, 'nato-collective-defence'), 'nato-member').text).toContain('Finland joined NATO on 2023-04-04, after the attack ended (2023-04-03), so it was not an ally while it was attacked');
    expect(open(ended('2023-04-04'), 'nato-collective-defence', '2023-06-01')).toBe(true);
  });
});
