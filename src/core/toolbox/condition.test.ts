import { describe, expect, it } from 'vitest';
import { Condition, conditionProblems, describeCondition, evaluateCondition } from './condition';
import { incident, toolbox } from './toolbox.fixture';

const i = incident({
  title: 'Wiper attack on a grid operator',
  start: '2026-01-10',
  category: 'hybrid',
  victims: [
    { country: 'LT', sector: 'critical-infrastructure' },
    { country: 'UA', sector: 'government' },
  ],
  effects: { severity: 'high', disruptsEssentialServices: true },
  initiator: { type: 'state', country: 'BY', identifiedEntities: ['Unit X'] },
});
const holds = (c: unknown) => evaluateCondition(Condition.parse(c), i, toolbox.severity);

describe('the condition language of rules.yaml', () => {
  it('compares facts with is, in, atLeast and nonEmpty', () => {
    expect(holds({ fact: 'effects.disruptsEssentialServices', is: true })).toBe(true);
    expect(holds({ fact: 'initiator.country', is: 'BY' })).toBe(true);
    expect(holds({ fact: 'initiator.thirdState', is: true })).toBe(true);
    expect(holds({ fact: 'category', in: ['hybrid', 'cyber-warfare'] })).toBe(true);
    expect(holds({ fact: 'victims.sectors', in: ['critical-infrastructure'] })).toBe(true);
    expect(holds({ fact: 'victims.countries', in: ['FR'] })).toBe(false);
    expect(holds({ fact: 'effects.severity', atLeast: 'medium' })).toBe(true);
    expect(holds({ fact: 'effects.severity', atLeast: 'high' })).toBe(true);
    expect(holds({ fact: 'effects.severity', atLeast: 'critical' })).toBe(false);
    expect(holds({ fact: 'initiator.identified', nonEmpty: true })).toBe(true);
    expect(holds({ fact: 'attribution.kinds', nonEmpty: true })).toBe(false);
  });

  it('compares dates with before: the start of the incident, and the date of the plan (the start, with no plan context)', () => {
    expect(holds({ fact: 'start', before: '2026-01-11' })).toBe(true);
    expect(holds({ fact: 'start', before: '2026-01-10' })).toBe(false);
    expect(holds({ fact: 'plan.asOf', before: '2026-01-11' })).toBe(true);
    expect(holds({ fact: 'plan.asOf', before: '2017-06-19' })).toBe(false);
    const problems = (c: unknown) => conditionProblems(Condition.parse(c), toolbox.severity, 'c').map((p) => p.message);
    expect(problems({ fact: 'plan.asOf', before: '2022-07-01' })).toEqual([]);
    expect(problems({ fact: 'category', before: '2022-07-01' })).toEqual(['before applies to dates (plan.asOf, start), not category']);
    expect(problems({ fact: 'start', before: '2022-02-30' })).toEqual(['"2022-02-30" is not a calendar date; expected YYYY-MM-DD']);
    expect(problems({ fact: 'start', is: '2022-07-01' })).toEqual(['start is a date; use before']);
    expect(describeCondition(Condition.parse({ not: { fact: 'plan.asOf', before: '2017-06-19' } }))).toBe('not (plan.asOf before 2017-06-19)');
  });

  it('combines with all, any and not', () => {
    expect(holds({ all: [{ always: true }, { fact: 'victims.memberState', is: true }] })).toBe(true);
    expect(holds({ any: [{ fact: 'ongoing', is: true }, { fact: 'victims.euInstitution', is: true }] })).toBe(false);
    expect(holds({ not: { fact: 'ongoing', is: true } })).toBe(true);
  });

  it('refuses unknown facts and operators', () => {
    expect(Condition.safeParse({ fact: 'effects.mood', is: true }).success).toBe(false);
    expect(Condition.safeParse({ fact: 'ongoing', equals: true }).success).toBe(false);
  });

  it('reads back in plain words', () => {
    const c = Condition.parse({ all: [{ fact: 'ongoing', is: true }, { any: [{ fact: 'category', in: ['hybrid'] }, { fact: 'effects.severity', atLeast: 'high' }] }] });
    expect(describeCondition(c)).toBe('ongoing is true and (category in [hybrid] or effects.severity at least high)');
  });
});
