// Where the votes' record stops and to when a pending agreement status is last reported, read from the reviewed data:
// the answers move with the data (the coverage's last day, a later fact's date, a dated note), not with a constant.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { clone, partnerContent, realRawDataset } from '../assess/real-data.test-support';
import { buildDataset, type RawDataset } from './dataset';
import { buildProfile } from './profile';
import { coverageTags, coverageText, statusAsOfText, voteCoverageText } from './record-coverage-text';

const raw = realRawDataset();
const at = (d: string) => d as IsoDate;
type Coverage = { to: string; partners: string[]; later: { date: string | number; text: string; sources?: { ref: string; locator: string }[] }[] };
type Actors = { actors: { id: string; coverage?: Coverage[] }[] };
const coverageOf = (r: RawDataset) => (r.actors.content as Actors).actors.find((a) => a.id === 'un-general-assembly')!.coverage![0]!;
type Agreement = { id: string; status: { value: string; datedNotes?: { date: string | number }[] }[] };
const agreement = (r: RawDataset, partner: string, id: string) => (partnerContent(r, partner).agreements as Agreement[]).find((a) => a.id === id)!;

describe('where the UN votes recorded stop', () => {
  it('a partner read in 2026 is told its votes are recorded to the end of 2019 only, with what is known after', () => {
    const c = buildProfile(buildDataset(raw), 'IN', at('2026-01-31')).unVoteCoverage!;
    expect(voteCoverageText(c)).toBe('UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the data.');
    expect(c.sources.map((s) => s.ref)).toContain('https://github.com/cran/unvotes');
    expect(c.later.map((l) => l.date)).toEqual([2020, '2024-12-24', '2025-07-18']);
    expect(c.later.find((l) => l.date === '2024-12-24')!.text).toMatch(/79\/243/);
  });

  it('says nothing up to the record\u2019s last day, and each later fact only from its date', () => {
    const ds = buildDataset(raw);
    expect(buildProfile(ds, 'IN', at('2019-12-31')).unVoteCoverage).toBeNull();
    expect(buildProfile(ds, 'IN', at('2020-01-01')).unVoteCoverage).not.toBeNull();
    expect(buildProfile(ds, 'IN', at('2024-12-23')).unVoteCoverage!.later.map((l) => l.date)).toEqual([2020]);
    expect(buildProfile(ds, 'IN', at('2024-12-24')).unVoteCoverage!.later.map((l) => l.date)).toEqual([2020, '2024-12-24']);
  });

  it('follows the data: a later last day moves the words and the first date the coverage is shown', () => {
    const copy = clone(raw);
    coverageOf(copy).to = '2021-12-31';
    const ds = buildDataset(copy);
    expect(buildProfile(ds, 'IN', at('2021-06-30')).unVoteCoverage).toBeNull();
    const c = buildProfile(ds, 'IN', at('2026-01-31')).unVoteCoverage!;
    expect(voteCoverageText(c)).toMatch(/to the end of 2021 only/);
    // A fact dated within the record is not one it misses.
    expect(c.later.map((l) => l.date)).toEqual(['2024-12-24', '2025-07-18']);
  });

  it('a partner whose votes were not read from the data is told none is recorded, not that it cast none', () => {
    const uk = buildProfile(buildDataset(raw), 'UK', at('2026-01-31'));
    expect(uk.unVotes).toEqual([]);
    expect(uk.unVoteCoverage!.partnerCovered).toBe(false);
    expect(voteCoverageText(uk.unVoteCoverage!)).toMatch(/^No UN General Assembly vote of this partner is recorded/);
    const copy = clone(raw);
    coverageOf(copy).partners.push('UK');
    expect(buildProfile(buildDataset(copy), 'UK', at('2026-01-31')).unVoteCoverage!.partnerCovered).toBe(true);
  });

  it('every recorded vote is within the coverage, and the partners covered are those with votes', () => {
    const c = coverageOf(raw);
    const withVotes = [...buildDataset(raw).partners].filter(([, e]) => e.file.positions.unVotes.length > 0).map(([id]) => id);
    expect([...c.partners].sort()).toEqual(withVotes.sort());
    for (const [id, e] of buildDataset(raw).partners) for (const v of e.file.positions.unVotes) expect(v.date <= c.to, `${id} ${v.resolution}`).toBe(true);
  });
});

const coverageOn = (r: RawDataset, actor: string) => (r.actors.content as Actors).actors.find((a) => a.id === actor)!.coverage![0]!;
type Membership = { id: string };

describe('where the UN Convention against Cybercrime signatures and the Paris Call supporters recorded stop', () => {
  it('a partner read in 2026 is told the signatures stop at 29 October 2025 and the supporters at 25 December 2025', () => {
    const p = buildProfile(buildDataset(raw), 'BR', at('2026-12-07'));
    expect(coverageText(p.unCybercrimeCoverage!)).toBe(
      'Signatures of the UN Convention against Cybercrime recorded to 2025-10-29 only: the list of signatories stops there, so later signatures are not in the data.',
    );
    expect(p.unCybercrimeCoverage!.note).toMatch(/open for signature at UN headquarters to the end of 2026/);
    expect(p.unCybercrimeCoverage!.sources.map((s) => s.ref)).toContain('https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml');
    expect(coverageText(p.parisCallCoverage!)).toBe('Paris Call supporters recorded to 2025-12-25 only: the list of supporters stops there, so later supporters are not in the data.');
    expect(coverageTags(p.parisCallCoverage!)).toEqual(['later supporters not in the data']);
    expect(p.parisCallCoverage!.sources.map((s) => s.ref)).toEqual(['https://github.com/ambanum/pariscall.international']);
  });

  it('says nothing up to each record\u2019s last day, and moves when the data move it', () => {
    const ds = buildDataset(raw);
    expect(buildProfile(ds, 'BR', at('2025-10-29')).unCybercrimeCoverage).toBeNull();
    expect(buildProfile(ds, 'BR', at('2025-10-30')).unCybercrimeCoverage).not.toBeNull();
    expect(buildProfile(ds, 'BR', at('2025-12-25')).parisCallCoverage).toBeNull();
    expect(buildProfile(ds, 'BR', at('2025-12-26')).parisCallCoverage).not.toBeNull();
    const copy = clone(raw);
    coverageOn(copy, 'un-ad-hoc-committee-cybercrime').to = '2026-06-30';
    coverageOn(copy, 'paris-call').to = '2026-11-12';
    const moved = buildDataset(copy);
    expect(buildProfile(moved, 'BR', at('2026-06-30')).unCybercrimeCoverage).toBeNull();
    expect(coverageText(buildProfile(moved, 'BR', at('2026-12-07')).unCybercrimeCoverage!)).toMatch(/recorded to 2026-06-30 only/);
    expect(buildProfile(moved, 'BR', at('2026-11-12')).parisCallCoverage).toBeNull();
    expect(coverageText(buildProfile(moved, 'BR', at('2026-12-07')).parisCallCoverage!)).toMatch(/^Paris Call supporters recorded to 2026-11-12 only/);
    // A later fact the data give is shown from its date, under it.
    coverageOn(copy, 'paris-call').later = [{ date: '2026-11-20', text: 'A later supporter.', sources: [{ ref: 'https://github.com/ambanum/pariscall.international', locator: 'x' }] }];
    expect(buildProfile(buildDataset(copy), 'BR', at('2026-11-19')).parisCallCoverage!.later).toEqual([]);
    expect(buildProfile(buildDataset(copy), 'BR', at('2026-12-07')).parisCallCoverage!.later.map((l) => l.date)).toEqual(['2026-11-20']);
  });

  it('a partner the lists were not read for is told no status is recorded, not that it did not sign or support', () => {
    const ds = buildDataset(raw);
    const kr = buildProfile(ds, 'KR', at('2026-12-07')).unCybercrimeCoverage!;
    expect(kr.partnerCovered).toBe(false);
    expect(coverageText(kr)).toBe('No signature status of this partner is recorded for the UN Convention against Cybercrime: the list of signatories was read for other partners only (to 2025-10-29).');
    const uk = buildProfile(ds, 'UK', at('2026-12-07')).parisCallCoverage!;
    expect(uk.partnerCovered).toBe(false);
    expect(coverageText(uk)).toMatch(/^No Paris Call supporter status of this partner is recorded/);
    expect(coverageTags(uk)).toEqual(['later supporters not in the data', 'no supporter status of this partner recorded']);
    const copy = clone(raw);
    coverageOn(copy, 'un-ad-hoc-committee-cybercrime').partners.push('KR');
    expect(buildProfile(buildDataset(copy), 'KR', at('2026-12-07')).unCybercrimeCoverage!.partnerCovered).toBe(true);
  });

  it('the partners covered are those the data hold a signature status or a Paris Call entry for, each dated within the record', () => {
    const partners = [...buildDataset(raw).partners];
    const signed = partners.filter(([, e]) => (e.file.positions.unCybercrimeConvention ?? []).length > 0);
    expect([...coverageOn(raw, 'un-ad-hoc-committee-cybercrime').partners].sort()).toEqual(signed.map(([id]) => id).sort());
    for (const [id, e] of signed) for (const v of e.file.positions.unCybercrimeConvention!) expect(String(v.from) <= '2025-10-29', id).toBe(true);
    const paris = partners.filter(([, e]) => (e.file.memberships as Membership[]).some((m) => m.id === 'paris-call'));
    expect([...coverageOn(raw, 'paris-call').partners].sort()).toEqual(paris.map(([id]) => id).sort());
  });
});

describe('the year a pending agreement status is last reported', () => {
  it('India\u2019s and China\u2019s Europol agreements read considered as of 2016 (Renard 2016), as in 2026', () => {
    const ds = buildDataset(raw);
    for (const [partner, id] of [
      ['IN', 'in-europol-agreement-considered'],
      ['CN', 'cn-europol-agreement-considered'],
    ] as const) {
      const a = buildProfile(ds, partner, at('2026-01-31')).agreements.find((x) => x.id === id)!;
      expect(a.status).toBe('considered');
      expect(statusAsOfText(a.statusAsOf!)).toBe('as of 2016, last reported by Renard (2016)');
    }
  });

  it('moves with the dated notes: without renard2016\u2019s note the status is as of 2014; a view of 2015 does not know the note', () => {
    const copy = clone(raw);
    delete agreement(copy, 'IN', 'in-europol-agreement-considered').status[0]!.datedNotes;
    const without = buildProfile(buildDataset(copy), 'IN', at('2026-01-31')).agreements.find((x) => x.id === 'in-europol-agreement-considered')!;
    expect(statusAsOfText(without.statusAsOf!)).toBe('as of 2014, last reported by Renard (2014), Renard (2016)');
    const early = buildProfile(buildDataset(raw), 'IN', at('2015-06-30')).agreements.find((x) => x.id === 'in-europol-agreement-considered')!;
    expect(early.statusAsOf!.date).toBe(2014);
  });

  it('a dated in-force or suspended status carries none; one only reported does', () => {
    const ds = buildDataset(raw);
    const us = buildProfile(ds, 'US', at('2026-01-31')).agreements;
    expect(us.find((a) => a.id === 'us-mla-2003')!.statusAsOf).toBeNull();
    expect(buildProfile(ds, 'RU', at('2026-01-31')).agreements.find((a) => a.id === 'ru-europol-strategic-2003')!.statusAsOf).toBeNull();
    expect(statusAsOfText(buildProfile(ds, 'JP', at('2026-01-31')).agreements.find((a) => a.id === 'jp-eurojust-liaison-magistrate')!.statusAsOf!)).toBe(
      'as of 2016, last reported by Renard (2016)',
    );
  });
});
