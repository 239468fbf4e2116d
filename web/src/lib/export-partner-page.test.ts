// The partner page's CSV carries what the page shows: the national strategies (with those counted but not dated), the
// UN cybercrime convention, the UN votes, other sources' disagreements, the attention at the top and the gaps.
import { describe, expect, it } from 'vitest';
import type { Gaps, PartnerProfile } from '../api-types';
import { partnerTable } from './export-tables';

const src = [{ ref: 'renard2014', locator: 'Appendix, EU-South Korea' }];
const kostyuk = [{ ref: 'https://github.com/nadiyakostyuk/National-Cybersecurity-Strategy-Data', locator: 'row KOR' }];
const strategy = (id: string, adopted: string | number, first: boolean) => ({
  id,
  title: `Strategy ${id}`,
  adopted,
  precision: typeof adopted === 'number' ? 'year' : adopted.length === 7 ? 'month' : 'day',
  dateAsGiven: null,
  first,
  unverified: false,
  note: null,
  frameworkStrategy: null,
  sources: kostyuk,
});

function profile(over: Partial<PartnerProfile> = {}): PartnerProfile {
  return {
    id: 'KR',
    name: 'South Korea',
    asOf: null,
    documents: [],
    dialogues: [],
    agreements: [],
    positions: {
      budapestConvention: null,
      internetGovernance: null,
      wcit2012: null,
      unCybercrimeConvention: { value: 'signed', from: '2025-10-25', history: [], sources: src, disagreements: [{ claim: 'not signed', sources: src }] },
    },
    unVotes: [{ resolution: '73/27', date: '2018-12-05', vote: 'no', sources: src, unverified: true }],
    memberships: [],
    membershipDetails: [],
    cooperation: [],
    perception: null,
    tensions: [],
    attention: [{ level: 'summit', year: 2013, note: 'Cyber named at the summit', sources: src }],
    nationalStrategies: {
      partner: 'KR',
      hadStrategy: true,
      first: strategy('kr-2011', '2011-08-02', true),
      strategies: [strategy('kr-2011', '2011-08-02', true), strategy('kr-2019', '2019-04', false)],
      counted: { count: 3, period: '2000-2024', sources: kostyuk },
      undated: { count: 1, note: 'no source held here dates the third', unverified: true },
      datedNotes: [{ date: '2014-06', text: 'Seoul launched a new strategy', sources: src }],
    },
    ...over,
  } as unknown as PartnerProfile;
}

const section = (rows: unknown[][], name: string) => rows.filter((r) => r[0] === name);

describe("the partner page's CSV", () => {
  it('lists the national strategies with their dates, remarks, count and those counted but not dated', () => {
    const rows = section(partnerTable(profile(), undefined).rows, 'National cybersecurity strategies');
    expect(rows.map((r) => r[1])).toEqual(['Strategy kr-2011', 'Strategy kr-2019', 'Remark of Jun 2014', 'Counted by a dataset', 'Counted, not dated (1)']);
    expect(rows[0]![2]).toMatch(/^adopted .*2011; first$/);
    expect(rows[1]![3]).toBe('2019-04');
    expect(rows[3]).toEqual(['National cybersecurity strategies', 'Counted by a dataset', '3 strategies in 2000-2024', '2000', '2024', expect.stringContaining('nadiyakostyuk')]);
    expect(rows[4]![2]).toBe('date unknown: no source held here dates the third; unverified');
  });

  it('moves with the profile: no undated row once every counted strategy is dated, none at all without strategies', () => {
    const p = profile();
    const all = profile({ nationalStrategies: { ...p.nationalStrategies!, undated: null } });
    expect(section(partnerTable(all, undefined).rows, 'National cybersecurity strategies').map((r) => r[1])).not.toContain('Counted, not dated (1)');
    expect(section(partnerTable(profile({ nationalStrategies: null }), undefined).rows, 'National cybersecurity strategies')).toEqual([]);
  });

  it('carries the UN cybercrime convention with the source that disagrees, the UN votes marked unverified and the attention', () => {
    const rows = partnerTable(profile(), undefined).rows;
    const un = rows.find((r) => r[1] === 'UN Convention against Cybercrime');
    expect(un?.slice(0, 4)).toEqual(['Positions', 'UN Convention against Cybercrime', expect.stringMatching(/^Signed; another source says: not signed \(Renard 2014/), '2025-10-25']);
    const vote = rows.find((r) => r[1] === 'UN General Assembly resolution 73/27');
    expect(vote?.slice(2, 4)).toEqual(['No; unverified', '2018-12-05']);
    expect(rows.find((r) => r[0] === 'Attention')?.slice(1, 4)).toEqual(['Summit attention, 2013', 'Cyber named at the summit', '2013']);
  });

  it('carries the gaps the page shows, lacking and already served', () => {
    const item = (id: string) => ({ rule: { id, title: `Rule ${id}`, sources: src }, objective: { id: 'o', title: 'Objective', sources: src, strategy: null }, lacking: 'a cyber dialogue', requirement: '', metBy: [] });
    const gaps = { id: 'KR', name: 'South Korea', asOf: null, gaps: [item('a')], met: [item('b')] } as unknown as Gaps;
    const rows = section(partnerTable(profile(), undefined, undefined, gaps).rows, 'Gaps');
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['Rule a', 'lacking: a cyber dialogue; serves: Objective'],
      ['Rule b', 'already served: Objective'],
    ]);
  });
});
