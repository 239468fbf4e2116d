// NATO's Article 5 for a member state hit, read on the plan's date: the text that closes it speaks of no accession as
// past before it came (Finland joined on 4 April 2023, Sweden on 7 March 2024, member-states.ts). A plan of 2020 for an
// attack on Sweden says what stood then; the test moves the plan's date across Sweden's accession.
import { describe, expect, it } from 'vitest';
import { MINISTRY_INTRUSION, planOn, variantOf, measureIn as measure, reasonIn as reason } from './toolbox.fixture';

// An armed attack on Sweden, its context recording it as an ally.
const attack = {
  start: '2020-03-01',
  ongoing: true,
  victims: [{ country: 'SE', sector: 'energy' }],
  effects: { severity: 'critical', armedAttack: true },
  initiator: { type: 'state', country: 'RU' },
  context: { euDelegationInInitiatorCountry: true, victimIsNatoMember: true },
};
const natoOn = (asOf: string) => reason(measure(planOn(variantOf({ ...MINISTRY_INTRUSION, ...attack }, {}), asOf), 'nato-collective-defence'), 'nato-member');

describe('NATO membership of a member state hit, in the words of a plan made before the later accessions', () => {
  it('speaks of no accession as past on a plan of 2020, and holds for Sweden once it has joined', () => {
    for (const asOf of ['2020-06-01', '2024-03-06']) {
      const member = natoOn(asOf);
      expect(member.holds, asOf).toBe(false);
      expect(member.text).toContain('where the accession dates show none on the plan\'s date does not open it');
      // Sweden's own accession is named as to come, never as past; Finland's is not named.
      expect(member.text).toContain(`Sweden is not a NATO ally on the plan's date (${asOf})`);
      expect(member.text).not.toMatch(/Finland|Sweden in 2024|joined on/);
    }
    expect(natoOn('2024-03-07').holds).toBe(true);
  });
});
