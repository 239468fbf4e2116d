// The partner CSV says where the records of the votes, of the UN cybercrime convention's signatures and of the Paris
// Call's supporters stop and what is known after them, and the year a pending agreement status was last reported; all
// from the answer, so that a file read in a later year does not pass them for current.
import { describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../api-types';
import { partnerTable } from './export-tables';

const paper = [{ ref: 'renard2016', locator: 's.4 Agreements to facilitate bilateral exchanges' }];
const votes = [{ ref: 'https://github.com/cran/unvotes', locator: 'unvotes 0.3.0' }];
const paris = [{ ref: 'https://github.com/ambanum/pariscall.international', locator: '_supporters' }];
const treaty = [{ ref: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml', locator: 'UN Treaty Collection, XVIII-16' }];

const profile = (over: Partial<PartnerProfile> = {}) =>
  ({
    id: 'IN',
    name: 'India',
    asOf: '2026-01-31',
    documents: [],
    dialogues: [],
    agreements: [
      { id: 'e', type: 'europol-strategic', title: 'Possible Europol-India agreement', euParty: 'europol', status: 'considered', statusUnverified: false, year: 2014, statusReported: true, statusAsOf: { date: '2016-09-05', sources: paper }, signedYear: null, inForceYear: null, statusHistory: [], summary: null, sources: paper },
    ],
    positions: { budapestConvention: null, internetGovernance: null, wcit2012: null, unCybercrimeConvention: null },
    unVotes: [],
    unVoteCoverage: {
      kind: 'un-votes',
      to: '2019-12-31',
      partnerCovered: true,
      note: 'The voting data end with 2019.',
      sources: votes,
      later: [{ date: '2024-12-24', text: 'Res. 79/243 adopted without a vote.', sources: treaty }],
    },
    unCybercrimeCoverage: { kind: 'un-cybercrime-signatures', to: '2025-10-29', partnerCovered: true, note: 'Open for signature until 31 December 2026.', sources: treaty, later: [] },
    parisCallCoverage: { kind: 'paris-call-supporters', to: '2025-12-25', partnerCovered: false, note: 'The supporters list as of 25 December 2025.', sources: paris, later: [] },
    memberships: [],
    membershipDetails: [],
    cooperation: [],
    perception: null,
    tensions: [],
    attention: [],
    nationalStrategies: null,
    ...over,
  }) as unknown as PartnerProfile;

const rows = (p: PartnerProfile) => partnerTable(p, '2026-01-31').rows;

describe('the partner CSV and where the record stops', () => {
  it('has a row saying the votes are recorded to the end of 2019 only, then one per later fact with its date and sources', () => {
    const r = rows(profile());
    const coverage = r.find((x) => x[1] === 'UN General Assembly votes: coverage of the record')!;
    expect(coverage[2]).toBe('UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the data. The voting data end with 2019.');
    expect(coverage.slice(3, 5)).toEqual(['', '2019-12-31']);
    const later = r.find((x) => x[1] === 'UN General Assembly votes: after the record')!;
    expect(later[2]).toBe('2024-12-24: Res. 79/243 adopted without a vote.');
    expect(later[3]).toBe('2024-12-24');
    expect(String(later[5])).toMatch(/XVIII-16/);
  });

  it('follows the answer: another last day, no coverage (a view within the record)', () => {
    const moved = profile();
    moved.unVoteCoverage = { ...moved.unVoteCoverage!, to: '2021-12-31' };
    expect(rows(moved).find((x) => x[1] === 'UN General Assembly votes: coverage of the record')![2]).toMatch(/^UN General Assembly votes recorded to the end of 2021 only/);
    expect(rows(profile({ unVoteCoverage: null })).filter((x) => String(x[1]).startsWith('UN General Assembly votes:'))).toEqual([]);
  });

  it('has a row for the signatures of the UN cybercrime convention under positions, and one for the Paris Call under memberships, each moving with the answer', () => {
    const r = rows(profile());
    const hanoi = r.find((x) => x[1] === 'Signatures of the UN Convention against Cybercrime: coverage of the record')!;
    expect(hanoi[0]).toBe('Positions');
    expect(hanoi[2]).toBe('Signatures of the UN Convention against Cybercrime recorded to 2025-10-29 only: the list of signatories stops there, so later signatures are not in the data. Open for signature until 31 December 2026.');
    expect(hanoi.slice(3, 5)).toEqual(['', '2025-10-29']);
    const paris = r.find((x) => x[1] === 'Paris Call supporters: coverage of the record')!;
    expect(paris[0]).toBe('Memberships');
    expect(paris[2]).toMatch(/^No Paris Call supporter status of this partner is recorded: the list of supporters was read for other partners only \(to 2025-12-25\)\./);
    const moved = profile();
    moved.parisCallCoverage = { ...moved.parisCallCoverage!, to: '2026-11-12', partnerCovered: true, later: [{ date: '2026-11-20', text: 'A later supporter.', sources: moved.parisCallCoverage!.sources }] };
    const mr = rows(moved);
    expect(mr.find((x) => x[1] === 'Paris Call supporters: coverage of the record')![2]).toMatch(/^Paris Call supporters recorded to 2026-11-12 only/);
    expect(mr.find((x) => x[1] === 'Paris Call supporters: after the record')!.slice(2, 4)).toEqual(['2026-11-20: A later supporter.', '2026-11-20']);
    expect(rows(profile({ unCybercrimeCoverage: null, parisCallCoverage: null })).filter((x) => /^(Signatures|Paris Call)/.test(String(x[1])))).toEqual([]);
  });

  it('writes a pending agreement status with the year it was last reported, and a dated one without', () => {
    expect(rows(profile()).find((x) => x[0] === 'Agreements')![2]).toBe('Europol strategic: considered; as of 2016, last reported by Renard (2016)');
    const dated = profile();
    dated.agreements = [{ ...dated.agreements[0]!, statusAsOf: null }];
    expect(rows(dated).find((x) => x[0] === 'Agreements')![2]).toBe('Europol strategic: considered');
  });
});
