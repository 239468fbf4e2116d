// The cyber-sanctions regime's expiry as a plan reads it on its date: a renewal counts from when it was decided, dated
// as precisely as its source dates it (May 2020, May 2022), so a plan made before it reads the expiry then in force.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { sanctionsData } from '../sanctions/sanctions.fixture';
import { planResponse } from './rules';
import { sanctionsAt } from './sanctions';
import { incident, MINISTRY_INTRUSION, toolbox, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

/** The ministry intrusion of the fixture, begun in March 2018, planned on `asOf`. */
function regimeText(asOf: string): string {
  const i = incident(variantOf({ ...MINISTRY_INTRUSION, context: { euDelegationInInitiatorCountry: true } }, { start: '2018-03-01' }));
  const plan = planResponse(i, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: asOf as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });
  return reason(measure(plan, 'restrictive-measures'), 'sanctions-regime-adopted').text;
}

describe('the regime\'s expiry on the plan\'s date, renewals dated by their month', () => {
  it('reads the expiry of 18 May 2022 on 1 March 2022, before the renewal of May 2022 extended it to 2025', () => {
    expect(regimeText('2022-03-01')).toContain('in force until 2022-05-18, as decided in 2021-05-17');
    expect(regimeText('2022-06-01')).toContain('in force until 2025-05-18, as decided in May 2022');
  });

  it('reads the first expiry, 18 May 2020, in January 2020, and the renewal of May 2020 after it', () => {
    expect(regimeText('2020-01-15')).toContain('in force until 2020-05-18, as decided in 2019-05-17');
    expect(regimeText('2020-06-01')).toContain('in force until 2021-05-18, as decided in May 2020');
  });

  it('gives the sanctions page the same expiry on those dates', () => {
    const data = sanctionsData();
    expect(sanctionsAt(data, '2022-03-01' as IsoDate).regime.until).toBe('2022-05-18');
    expect(sanctionsAt(data, '2020-01-15' as IsoDate).regime.until).toBe('2020-05-18');
    expect(sanctionsAt(data, '2022-06-01' as IsoDate).regime.until).toBe('2025-05-18');
  });
});
