// A declaration on behalf of the EU is agreed beforehand with every member state (bendiek2018, Five Categories of
// Measures, "Stability"); the plan does not put a number on them that is wrong on its date (28 before February 2020).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { memberStatesAt } from './member-states';
import { MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure } from './toolbox.fixture';

describe('the declaration on behalf of the EU speaks for every member state on the plan\'s date', () => {
  it.each(['2005-06-01', '2018-06-01', '2026-06-01'])('names no count of member states other than that of %s', (asOf) => {
    const plan = planOn(variantOf({ ...MINISTRY_INTRUSION }, { start: asOf }), asOf);
    const effect = measure(plan, 'hr-declaration-on-behalf-of-eu').effect;
    const members = memberStatesAt(asOf as IsoDate).length;
    for (const [, n] of effect.matchAll(/\ball (\d+)\b/g)) expect(Number(n)).toBe(members);
    expect(effect).toMatch(/every member state/);
  });
});
