// The context's NATO flag was written into every stored incident with the default of its day: an incident stored before
// the default read accessions while the attack went on carries an explicit false for Finland hit in 2022, which must not
// keep Article 5 closed once the dated rule opens it. A value that no default gives is the user's and is kept.
import { describe, expect, it } from 'vitest';
import { victimIsNatoMemberOf } from './incident';
import { measureIn, MINISTRY_INTRUSION, planOn, variantOf } from './toolbox.fixture';

const armed = { effects: { severity: 'critical', armedAttack: true }, initiator: { type: 'state', country: 'RU', identifiedPersons: ['Officer A'] } };
const finland = (flag: boolean | undefined) =>
  variantOf(MINISTRY_INTRUSION, {
    ...armed,
    start: '2022-06-01',
    ongoing: true,
    victims: [{ country: 'FI', sector: 'government' }],
    attribution: [{ kind: 'political', by: 'FI government', confidence: 'high', public: true }],
    context: flag === undefined ? {} : { victimIsNatoMember: flag },
  });
const article5 = (value: unknown, asOf: string) => measureIn(planOn(value, asOf), 'nato-collective-defence').available;

describe("a stored NATO flag equal to an earlier default does not shadow the dated rule", () => {
  it('opens Article 5 for Finland from its accession whether the stored flag is absent or the old default false', () => {
    for (const flag of [undefined, false]) {
      expect(article5(finland(flag), '2023-04-03'), `flag ${String(flag)}, day before`).toBe(false);
      expect(article5(finland(flag), '2023-04-04'), `flag ${String(flag)}, accession day`).toBe(true);
    }
  });

  it('reads the United Kingdom hit in 2016 with a stored false (the default of today\'s 27) as the ally it was', () => {
    const uk = variantOf(MINISTRY_INTRUSION, {
      ...armed,
      start: '2016-06-01',
      victims: [{ country: 'GB', sector: 'government' }],
      attribution: [{ kind: 'political', by: 'UK government', confidence: 'high', public: true }],
      context: { victimIsNatoMember: false },
    });
    expect(article5(uk, '2017-06-01')).toBe(true);
  });

  it("keeps a value that no default gives: an ally recorded as outside NATO stays outside", () => {
    const germany = variantOf(MINISTRY_INTRUSION, { ...armed, context: { victimIsNatoMember: false } });
    expect(article5(germany, '2026-06-01')).toBe(false);
    expect(article5(variantOf(germany, { context: { victimIsNatoMember: true } }), '2026-06-01')).toBe(true);
    expect(victimIsNatoMemberOf({ start: '2026-03-01', ongoing: false, victims: [{ country: 'DE' }], context: { victimIsNatoMember: false } })).toBe(false);
  });
});
