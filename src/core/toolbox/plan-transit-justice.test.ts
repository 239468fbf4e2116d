// What a plan asks of a transit state beyond the sanctions' external threat: under the criminal-justice track, what
// the observatory records with it on the plan's date (the Budapest Convention, the Union's agreements), or plainly that
// only a diplomatic request remains; and a démarche asking it for due diligence, which rests on no attribution (the
// 2015 GGE norms as bendiek2018 and the research notes give them). Each test moves one input: the plan's date around a
// ratification, the transit state, the attribution, the EU delegation, a member state on the path.
import { describe, expect, it } from 'vitest';
import { realDataset } from '../assess/real-data.test-support';
import type { IsoDate } from '../dates';
import { relationsWith } from '../kb/relations';
import { planResponse } from './rules';
import { incident, measureIn, RELAYED_INTRUSION, reasonIn, toolbox, variantOf } from './toolbox.fixture';
import { observatoryIdOf, transitThirdStatesOf } from './transit';

const dataset = realDataset();

/** The plan as the service makes it: the observatory read on the plan's date for each transit state outside the Union. */
function planOf(value: Record<string, unknown>, asOf: string) {
  const i = incident(value);
  const transitRelations = transitThirdStatesOf(i).map((c) => relationsWith(dataset, observatoryIdOf(c), asOf as IsoDate));
  return planResponse(i, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: asOf as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions, transitRelations });
}

// A criminal group whose country is unknown; the attack went on from 1 March 2015, through the states each test names.
const via = (transit: string[], changes: Record<string, unknown> = {}) => variantOf(RELAYED_INTRUSION, { start: '2015-03-01', transit, ...changes });
const justice = (value: Record<string, unknown>, asOf: string) => measureIn(planOf(value, asOf), 'criminal-justice-cooperation');

describe('the criminal-justice track towards a transit state', () => {
  it('asks a party to the Budapest Convention for preservation and assistance from the day the observatory records its ratification', () => {
    // Canada: signed in 2001, ratified on 8 July 2015 as data/partnerships/ca.yaml records it.
    const before = reasonIn(justice(via(['CA']), '2015-06-01'), 'criminal-justice-transit-budapest');
    expect(before.holds).toBe(false);
    expect(before.text).toContain('Canada (CA): signed, not ratified (on 2015-06-01)');
    expect(before.text).toContain('binds its parties only');
    const after = reasonIn(justice(via(['CA']), '2016-01-01'), 'criminal-justice-transit-budapest');
    expect(after).toMatchObject({ kind: 'advisory', holds: true });
    expect(after.text).toContain('Canada (CA), ratified on 2015-07-08, in force from 2015-11-01 (derived from the deposit');
    expect(after.text).toContain('as the observatory records it on 2016-01-01');
    for (const article of ['(Art. 29)', '(Art. 30)', '(Art. 25-27)', '24/7 network (Art. 35)']) expect(after.text).toContain(article);
    // The status is cited from the partner file: the ratification's sources after it, the signature's before.
    expect(after.sources.map((s) => s.ref)).toContain('https://www.canada.ca/en/news/archive/2015/07/canada-completes-ratification-convention-cybercrime.html');
    expect(before.sources.map((s) => s.ref)).toContain('http://policylaundering.org/issues/coop/CyberTreaty/treatystatus.html');
    expect(before.sources.map((s) => s.ref)).not.toContain('https://www.canada.ca/en/news/archive/2015/07/canada-completes-ratification-convention-cybercrime.html');
    // Beside a state that is no party, the reason cites the party's status alone, as it names the party alone.
    const withSouthAfrica = reasonIn(justice(via(['CA', 'ZA']), '2016-01-01'), 'criminal-justice-transit-budapest');
    expect(withSouthAfrica.text).not.toContain('South Africa');
    expect(withSouthAfrica.sources.map((s) => s.ref).filter((r) => r.includes('south-african'))).toEqual([]);
  });

  it('calls a state a party from the entry into force for it, not from its deposit, and says which it is between the two', () => {
    // Canada deposited on 8 July 2015; no source in the observatory states its entry into force, so the rule derives
    // 1 November 2015 (the first day of the month following three months after the deposit).
    const pending = justice(via(['CA']), '2015-09-01');
    const budapest = reasonIn(pending, 'criminal-justice-transit-budapest');
    expect(budapest.holds).toBe(false);
    expect(budapest.text).toContain('Canada (CA): ratified on 2015-07-08, in force from 2015-11-01 (derived from the deposit: the first day of the month following three months after it, Art. 36(4) of the Convention, article unverified): not yet bound (on 2015-09-01)');
    const channels = reasonIn(pending, 'criminal-justice-transit-channels').text;
    expect(channels).toContain('Budapest Convention ratified on 2015-07-08, in force from 2015-11-01');
    expect(channels).toContain("until 2015-11-01 the Convention's requests (preservation, mutual assistance, the 24/7 network) cannot go to it; only the Union's agreements in force named here and a diplomatic request can");
    // On the day it enters into force, Canada is a party.
    expect(reasonIn(justice(via(['CA']), '2015-10-31'), 'criminal-justice-transit-budapest').holds).toBe(false);
    expect(reasonIn(justice(via(['CA']), '2015-11-01'), 'criminal-justice-transit-budapest').holds).toBe(true);
    expect(reasonIn(justice(via(['CA']), '2015-11-01'), 'criminal-justice-transit-channels').text).toContain('a party to the Budapest Convention (ratified on 2015-07-08');

    // Japan deposited its acceptance on 3 July 2012; its file states the entry into force, 1 November 2012 (MOFA).
    const japan = (asOf: string) => reasonIn(justice(via(['JP'], { start: '2012-06-01' }), asOf), 'criminal-justice-transit-budapest');
    expect(japan('2012-06-30').text).toContain('Japan (JP): signed, not ratified');
    expect(japan('2012-08-01')).toMatchObject({ holds: false });
    expect(japan('2012-08-01').text).toContain('Japan (JP): ratified on 2012-07-03, in force from 2012-11-01 (as its source states it): not yet bound');
    expect(japan('2012-11-01')).toMatchObject({ holds: true });
    expect(japan('2012-11-01').sources.map((s) => s.locator)).toContain('MOFA Japan page on the Convention on Cybercrime (in force for Japan from 1 November 2012)');

    // Brazil acceded (no signature before): the rule is Art. 37(2)'s, and its decree states the day.
    const brazil = reasonIn(justice(via(['BR'], { start: '2022-12-01' }), '2023-01-15'), 'criminal-justice-transit-channels').text;
    expect(brazil).toContain('Budapest Convention acceded on 2022-11-30, in force from 2023-03-01 (as its source states it): not yet bound');
    expect(brazil).toContain('and no agreement in force binds it, so only a diplomatic request can go to it');
  });

  it("names the Union's agreements with the transit state, and says plainly when only a diplomatic request remains", () => {
    const canada = reasonIn(justice(via(['CA']), '2015-06-01'), 'criminal-justice-transit-channels');
    expect(canada.holds).toBe(true);
    expect(canada.text).toContain('Europol operational');
    expect(canada.text).not.toContain('only a diplomatic request can go to it');
    // South Africa signed and never ratified; the observatory records no criminal-justice agreement with it.
    const southAfrica = reasonIn(justice(via(['ZA'], { start: '2021-01-01' }), '2021-06-01'), 'criminal-justice-transit-channels');
    expect(southAfrica.text).toContain('South Africa (ZA) on 2021-06-01: Budapest Convention signed, not ratified; no MLA, extradition, Europol or Eurojust agreement with the Union is recorded: neither the Convention nor an agreement in force binds it on that day, so only a diplomatic request can go to it');
    // A state the observatory does not cover is unrecorded, not known to have nothing.
    const moldova = reasonIn(justice(via(['MD']), '2016-01-01'), 'criminal-justice-transit-channels');
    expect(moldova.text).toContain('Moldova (MD): the observatory holds no record of this state');
    expect(reasonIn(justice(via(['MD']), '2016-01-01'), 'criminal-justice-transit-budapest').text).toContain('Moldova (MD): the observatory holds no record of its status');
  });

  it('reads the United Kingdom, recorded as GB, in its observatory file (UK) once it is outside the Union', () => {
    // Its file gives the ratification of 2011 as unverified (the research notes did not check it): no party to rely on.
    const uk = reasonIn(justice(via(['GB'], { start: '2021-01-01' }), '2021-06-01'), 'criminal-justice-transit-budapest');
    expect(uk.holds).toBe(false);
    // What is known and what is not: the file's unverified record is said as such, and not relied on.
    expect(uk.text).toContain(
      'United Kingdom (GB): no verified status recorded; only an unverified source records it as ratified on 2011-05-25, in force from 2011-09-01 (as its source states it, unverified), which the plan does not rely on until checked',
    );
    expect(uk.sources.map((s) => s.ref)).toContain('http://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/signatures?p_auth=igXbHmd5');
    expect(reasonIn(justice(via(['GB'], { start: '2021-01-01' }), '2021-06-01'), 'criminal-justice-transit-channels').text).not.toContain('holds no record');
    // On 1 March 2015 it was a member state: the Union's own channels, no request to a third state.
    const member = justice(via(['GB']), '2016-01-01');
    expect(reasonIn(member, 'criminal-justice-transit-budapest').holds).toBe(false);
    expect(reasonIn(member, 'transit-member-state-channels')).toMatchObject({ holds: true });
  });

  it('says when the observatory was not consulted, rather than that nothing exists', () => {
    const i = incident(via(['CA']));
    const bare = planResponse(i, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2016-01-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });
    const r = reasonIn(measureIn(bare, 'criminal-justice-cooperation'), 'criminal-justice-transit-channels');
    expect(r.text).toContain('Canada (CA): the observatory was not consulted for this plan');
    expect(reasonIn(measureIn(bare, 'criminal-justice-cooperation'), 'criminal-justice-transit-budapest').holds).toBe(false);
  });
});

describe('a démarche to a transit state', () => {
  const demarche = (value: Record<string, unknown>) => measureIn(planOf(value, '2015-06-01'), 'demarche');
  const delegation = { context: { euDelegationInTransitCountry: true } };

  it('needs no attribution: it asks for due diligence and names no one', () => {
    const unattributed = demarche(via(['MD'], { ...delegation, attribution: [] }));
    expect(unattributed.available).toBe(true);
    expect(unattributed.attribution).toMatchObject({ need: 'any', effect: 'names-state', met: false });
    expect(reasonIn(unattributed, 'attribution-any')).toMatchObject({ kind: 'advisory', holds: false });
    const why = reasonIn(demarche(via(['MD', 'NL'], { ...delegation, attribution: [] })), 'demarche-transit-without-attribution');
    expect(why).toMatchObject({ kind: 'advisory', holds: true });
    expect(why.text).toContain('a transit state outside the Union (Moldova (MD))');
    expect(why.text).toContain('should answer another state\'s request for assistance');
    expect(why.sources.map((s) => s.ref)).toEqual(['bendiek2018', 'https://dig.watch/cyber-norms']);
    // The report that sets out those norms (A/70/174, 22 July 2015) is not yet out on this plan of 1 June 2015.
    expect(reasonIn(unattributed, 'due-diligence-norms-dated').text).toContain('is not yet out');
    // Without the delegation there, the démarche is closed as before, and the attribution is again a precondition.
    const noDelegation = demarche(via(['MD'], { attribution: [] }));
    expect(noDelegation.available).toBe(false);
    expect(reasonIn(noDelegation, 'attribution-any')).toMatchObject({ kind: 'precondition', holds: false });
    expect(reasonIn(noDelegation, 'demarche-transit-without-attribution').holds).toBe(false);
  });

  it("keeps the attribution for a démarche to the initiator's state", () => {
    const russia = { initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: [] }, context: { euDelegationInInitiatorCountry: true } };
    const closed = demarche(via([], { ...russia, attribution: [] }));
    expect(closed.available).toBe(false);
    expect(reasonIn(closed, 'attribution-any')).toMatchObject({ kind: 'precondition', holds: false });
    const attributed = demarche(via([], russia));
    expect(attributed.available).toBe(true);
    expect(attributed.attribution.effect).toBe('opens');
    // Both addressees: open for the transit state, the initiator's state not to be named until an attribution exists.
    const both = demarche(via(['MD'], { ...russia, context: { euDelegationInInitiatorCountry: true, euDelegationInTransitCountry: true }, attribution: [] }));
    expect(both.available).toBe(true);
    expect(reasonIn(both, 'attribution-any').text).toContain('Do not name a state yet');
  });

  it('goes to no member state on the path: the Union reaches it through its own channels', () => {
    const netherlands = demarche(via(['NL'], { ...delegation, attribution: [] }));
    expect(netherlands.available).toBe(false);
    expect(reasonIn(netherlands, 'demarche-transit-without-attribution').holds).toBe(false);
    const channels = reasonIn(netherlands, 'transit-member-state-channels');
    expect(channels.holds).toBe(true);
    expect(channels.text).toContain('Netherlands (NL), inside the Union');
    expect(channels.text).toContain('Europol and Eurojust');
    expect(reasonIn(demarche(via(['MD'], delegation)), 'transit-member-state-channels').holds).toBe(false);
  });
});

describe('talks or key messages to a transit state', () => {
  const talks = (value: Record<string, unknown>) => measureIn(planOf(value, '2015-06-01'), 'cooperative-talks');
  // Russia is suspected and Moldova's servers carried the traffic: the two states differ.
  const suspected = { initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: [] } };
  const delegations = { context: { euDelegationInInitiatorCountry: true, euDelegationInTransitCountry: true } };

  it('go to the transit state without an attribution, asking for its cooperation against the traffic; to the suspected state only with one', () => {
    const unattributed = talks(via(['MD'], { ...suspected, ...delegations, attribution: [] }));
    expect(unattributed.available).toBe(true);
    expect(unattributed.attribution).toMatchObject({ need: 'any', effect: 'names-state', met: false });
    expect(reasonIn(unattributed, 'attribution-any')).toMatchObject({ kind: 'advisory', holds: false });
    expect(reasonIn(unattributed, 'attribution-any').text).toContain('Do not name a state yet');
    const why = reasonIn(unattributed, 'cooperative-talks-transit-without-attribution');
    expect(why).toMatchObject({ kind: 'advisory', holds: true });
    expect(why.text).toContain('outside the Union (Moldova (MD))');
    expect(why.text).toContain('should answer another state\'s request for assistance');
    expect(why.sources.map((s) => s.ref)).toEqual(['bendiek2018', 'https://dig.watch/cyber-norms']);
    expect(reasonIn(unattributed, 'due-diligence-norms-dated').text).toContain('is not yet out');
    // With an attribution they are open as before and may name the suspected state.
    const attributed = talks(via(['MD'], { ...suspected, ...delegations }));
    expect(attributed.available).toBe(true);
    expect(attributed.attribution).toMatchObject({ need: 'any', met: true });
    expect(reasonIn(attributed, 'attribution-any').holds).toBe(true);
    expect(reasonIn(attributed, 'attribution-any').text).not.toContain('Do not name a state yet');
    // To the suspected state alone, they still rest on the attribution.
    const initiatorOnly = { context: { euDelegationInInitiatorCountry: true } };
    const closed = talks(via(['MD'], { ...suspected, ...initiatorOnly, attribution: [] }));
    expect(closed.available).toBe(false);
    expect(reasonIn(closed, 'attribution-any')).toMatchObject({ kind: 'precondition', holds: false });
    expect(reasonIn(closed, 'cooperative-talks-transit-without-attribution').holds).toBe(false);
    // A member state on the path is no host of an EU delegation: nothing opens without an attribution.
    expect(talks(via(['NL'], { ...suspected, context: { euDelegationInTransitCountry: true }, attribution: [] })).available).toBe(false);
  });
});
