// The bodies a plan names are those that existed on its date: the Horizontal Working Party on Cyber Issues from 2015
// (bendiek2018, The EU's Cyber-Foreign and Cyber-Security Policy) and CERT-EU from 2011 (renard2014, The challenge of
// implementation); a plan made earlier leaves them out and says why.
import { describe, expect, it } from 'vitest';
import { planOn } from './toolbox.fixture';

const INTRUSION = {
  title: 'Intrusion into a ministry',
  start: '2010-03-01',
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high' },
  initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: ['Officer A'] },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }],
};

function area(asOf: string, id: string) {
  const found = planOn(INTRUSION, asOf).bodies.find((b) => b.area === id);
  if (!found) throw new Error(`no area ${id} on ${asOf}`);
  return found;
}

describe('the bodies named on the plan\'s date', () => {
  it('names the Horizontal Working Party on Cyber Issues from 2015, when bendiek2018 says it was created, not before', () => {
    expect(area('2014-12-31', 'council-preparation').euLevel).toEqual(['Political and Security Committee']);
    expect(area('2014-12-31', 'council-preparation').why).toContain('not yet set up in 2014: Horizontal Working Party on Cyber Issues (from 2015)');
    expect(area('2014-12-31', 'council-preparation').sources.map((s) => s.ref)).toContain('bendiek2018');
    expect(area('2015-01-01', 'council-preparation').euLevel).toEqual(['Horizontal Working Party on Cyber Issues', 'Political and Security Committee']);
    expect(area('2015-01-01', 'council-preparation').why).not.toContain('not yet set up');
  });

  it('names CERT-EU from 2011, when renard2014 says it was established, not before', () => {
    expect(area('2010-06-01', 'single-market').euLevel).not.toContain('CERT-EU');
    expect(area('2010-06-01', 'single-market').sources.map((s) => s.ref)).toContain('renard2014');
    expect(area('2011-06-01', 'single-market').euLevel).toContain('CERT-EU');
  });
});
