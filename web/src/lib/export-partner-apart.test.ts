// The partner's CSV says which dialogue's or agreement's status rests only on an unverified entry, and who alone reports it.
import { describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../api-types';
import { partnerTable } from './export-tables';

const low = [{ ref: 'https://news.example/x', locator: 'aggregator', grade: 'low' as const }];
const dialogue = (statusUnverified: boolean) => ({
  id: 'cn-digital',
  name: 'EU-China Digital Dialogue',
  level: 'ministerial',
  status: 'active',
  statusUnverified,
  statusHistory: [{ value: 'active', from: 2023, unverified: true, sources: low }],
  topics: [],
  established: null,
  sources: low,
});
const agreement = (statusUnverified: boolean) => ({
  id: 'us-dp',
  type: 'data-transfer',
  title: 'Data protection agreement',
  status: 'signed',
  statusUnverified,
  year: 2016,
  statusHistory: [
    { value: 'negotiating', from: 2014, sources: [{ ref: 'renard2014', locator: 'x' }] },
    { value: 'signed', from: '2016-06-02', unverified: true, sources: [{ ref: 'https://www.europarl.europa.eu/y', locator: 'z' }] },
  ],
  sources: [],
});
const profile = (unverified: boolean) =>
  ({
    id: 'CN',
    documents: [],
    dialogues: [dialogue(unverified)],
    agreements: [agreement(unverified)],
    positions: { budapestConvention: null, internetGovernance: null, wcit2012: null },
    perception: null,
    membershipDetails: [],
    cooperation: [],
    tensions: [],
    attention: [],
    unVotes: [],
    nationalStrategies: null,
  }) as unknown as PartnerProfile;

describe("the partner's CSV and statuses kept apart", () => {
  it('says a status rests only on an unverified entry, who reports it, and that it is not counted', () => {
    const rows = partnerTable(profile(true), undefined).rows;
    expect(rows[0]?.[2]).toBe('Ministerial; active; unverified: reported active only by news.example (low-grade source); not counted (no verified status)');
    expect(rows[1]?.[2]).toBe('Data transfer: signed; unverified: reported signed only by europarl.europa.eu; not counted (the verified sources give negotiating)');
    const plain = partnerTable(profile(false), undefined).rows;
    expect(plain[0]?.[2]).toBe('Ministerial; active');
    expect(plain[1]?.[2]).toBe('Data transfer: signed');
  });
});
