// The CLI's partner output says where the records of the UN votes, the UN cybercrime convention's signatures and the
// Paris Call's supporters stop, and the year a pending agreement status was last reported, in words a reader of 2026
// cannot take for current; --json keeps the fields.
import { describe, expect, it } from 'vitest';
import { cliRunner } from './cli-harness';

const cli = cliRunner();

describe('cyberdiplo partner: where the record stops', () => {
  it('India in 2026: votes recorded to the end of 2019 only, the later facts with their sources, the Europol agreement as of 2016', () => {
    const r = cli(['partner', 'IN', '--as-of', '2026-01-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UN General Assembly votes on cyber resolutions');
    expect(r.stdout).toMatch(/2019-12-27\s+74\/247\s+Yes/);
    expect(r.stdout).toContain('UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the data.');
    expect(r.stdout).toMatch(/After the record: 2024-12-24: .*79\/243.*\[https:\/\/treaties\.un\.org/);
    expect(r.stdout).toMatch(/Europol strategic\s+Possible Europol-India agreement \(type not specified\)\s+Considered\s+2014\s+as of 2016, last reported by Renard \(2016\)/);
  });

  it('a view of 2018 has no end of the record to tell; --json carries unVoteCoverage and statusAsOf', () => {
    expect(cli(['partner', 'IN', '--as-of', '2018-12-31']).stdout).not.toContain('votes recorded to the end of 2019');
    const p = JSON.parse(cli(['partner', 'CN', '--as-of', '2026-01-31', '--json']).stdout) as {
      unVoteCoverage: { to: string; partnerCovered: boolean };
      agreements: { id: string; statusAsOf: { date: string | number } | null }[];
    };
    expect(p.unVoteCoverage).toMatchObject({ to: '2019-12-31', partnerCovered: true });
    expect(p.agreements.find((a) => a.id === 'cn-europol-agreement-considered')?.statusAsOf?.date).toBe('2016-09-05');
  });

  it('Brazil in 2026: the signatures recorded to 29 October 2025 and the Paris Call supporters to 25 December 2025; a view of 2025-10-29 tells neither', () => {
    const r = cli(['partner', 'BR', '--as-of', '2026-12-07']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/UN Convention against Cybercrime: signed {2}\[https:\/\/treaties/);
    expect(r.stdout).toMatch(/Signatures of the UN Convention against Cybercrime recorded to 2025-10-29 only: the list of signatories stops there, so later signatures are not in the data\.\s+\[https:\/\/treaties\.un\.org/);
    expect(r.stdout).toMatch(/Paris Call supporters recorded to 2025-12-25 only: the list of supporters stops there, so later supporters are not in the data\.\s+\[https:\/\/github\.com\/ambanum/);
    const before = cli(['partner', 'BR', '--as-of', '2025-10-29']).stdout;
    expect(before).not.toContain('Signatures of the UN Convention against Cybercrime recorded');
    expect(before).not.toContain('Paris Call supporters recorded');
    const kr = JSON.parse(cli(['partner', 'KR', '--as-of', '2026-12-07', '--json']).stdout) as { unCybercrimeCoverage: { to: string; partnerCovered: boolean }; parisCallCoverage: { to: string; partnerCovered: boolean } };
    expect(kr.unCybercrimeCoverage).toMatchObject({ to: '2025-10-29', partnerCovered: false });
    expect(kr.parisCallCoverage).toMatchObject({ to: '2025-12-25', partnerCovered: true });
  });
});
