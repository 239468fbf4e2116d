// The bodies a plan names are those that existed on its date: the Horizontal Working Party on Cyber Issues from 2015
// (bendiek2018, The EU's Cyber-Foreign and Cyber-Security Policy) and CERT-EU from 2011 (renard2014, The challenge of
// implementation); a plan made earlier leaves them out and says why. A body is named as it was on the plan's date:
// Europol with its EC3 from 2013 (renard2014), EUSPA for the GSA from 2021 (Regulation (EU) 2021/696), the CSIRT
// network from the NIS directive of 2016.
import { describe, expect, it } from 'vitest';
import { InvolvementArea } from './rules';
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

function area(asOf: string, id: string, incident: object = INTRUSION) {
  const found = planOn(incident, asOf).bodies.find((b) => b.area === id);
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

  it('names the GSA before 2021 and EUSPA from 2021, and says why', () => {
    const war = { ...INTRUSION, category: 'cyber-warfare' };
    const before = area('2020-12-31', 'csdp-cyber-defence', war);
    expect(before.euLevel).toEqual(['EDA', 'GSA']);
    expect(before.why).toContain('named as in 2020: GSA (EUSPA only from 2021)');
    const after = area('2021-01-01', 'csdp-cyber-defence', war);
    expect(after.euLevel).toEqual(['EDA', 'EUSPA']);
    expect(after.why).toContain('named as from 2021: EUSPA (GSA before)');
    expect(after.sources.map((s) => s.ref)).toContain('https://eur-lex.europa.eu/eli/reg/2021/696/oj');
  });

  it('names Europol without EC3 before 2013, when renard2014 dates EC3, and Europol (EC3) from 2013', () => {
    const crime = { ...INTRUSION, category: 'cyber-crime', initiator: { type: 'non-state' }, attribution: [] };
    const before = area('2012-12-31', 'peace-security-justice', crime);
    expect(before.euLevel).toEqual(['Europol', 'Eurojust', 'eu-LISA']);
    expect(before.why).toContain('named as in 2012: Europol (Europol (EC3) only from 2013)');
    expect(before.sources.map((s) => s.ref)).toContain('renard2014');
    expect(area('2013-01-01', 'peace-security-justice', crime).euLevel).toEqual(['Europol (EC3)', 'Eurojust', 'eu-LISA']);
  });

  it('names the CSIRT network from 2016, the NIS directive\'s year, not before', () => {
    const before = area('2015-12-31', 'single-market');
    expect(before.euLevel).toEqual(['ENISA', 'CERT-EU']);
    expect(before.why).toContain('not yet set up in 2015: CSIRT network (from 2016)');
    expect(area('2016-01-01', 'single-market').euLevel).toEqual(['ENISA', 'CSIRT network', 'CERT-EU']);
  });

  it('names neither EC3 nor the CSIRT network in texts that hold on plans of any date', () => {
    const through = { ...INTRUSION, category: 'cyber-crime', initiator: { type: 'non-state' }, attribution: [], transit: ['NL'] };
    const p = planOn(through, '2012-06-01');
    const texts = p.measures.flatMap((m) => [m.procedure, ...m.reasons.map((r) => r.text)]);
    expect(texts.filter((t) => t.includes('CSIRT network'))).toEqual([]);
    expect(texts.filter((t) => /Europol \(EC3\)/.test(t))).toEqual([]);
    const justice = p.measures.find((m) => m.id === 'criminal-justice-cooperation');
    expect(justice?.procedure).toContain('Europol (through its EC3 from 2013) and Eurojust');
  });

  it('refuses a dated name for a body the area does not list, or two for one body', () => {
    const area = { id: 'x', domain: 'X', threats: [], euLevel: ['GSA'], nationalLevel: ['Defence agencies'], sources: [{ ref: 'bendiek2018', locator: 'table' }] };
    const name = (body: string) => ({ body, from: 2021, name: 'EUSPA', sources: [{ ref: 'bendiek2018', locator: 'table' }] });
    expect(InvolvementArea.safeParse({ ...area, names: [name('GSA')] }).success).toBe(true);
    expect(InvolvementArea.safeParse({ ...area, names: [name('EUSPA')] }).error?.issues[0]?.message).toBe('"EUSPA" is not one of the area\'s euLevel bodies');
    expect(InvolvementArea.safeParse({ ...area, names: [name('GSA'), name('GSA')] }).error?.issues[0]?.message).toBe('"GSA" has more than one dated name');
  });
});
