// The assessment over time: one reading per year, and the facts that moved maturity between years.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { buildDataset } from '../kb/dataset';
import { assessPartner } from './engine';
import { assessHistory, parseHistoryYear } from './history';
import { partnerContent, realDataset, realRawDataset, realWeights } from './real-data.test-support';
import type { IsoDate } from '../dates';

const dataset = realDataset();
const weights = realWeights();

describe('assessHistory', () => {
  it('gives one reading per year, each the assessment at the end of that year', () => {
    const h = assessHistory(dataset, 'jp', 2010, 2016, weights);
    expect(h.id).toBe('JP');
    expect(h.years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    const y2014 = h.years.find((y) => y.year === 2014)!;
    const direct = assessPartner(dataset, 'JP', '2014-12-31' as IsoDate, weights);
    expect(y2014.maturity).toBe(direct.maturity);
    expect(y2014.orientation).toBe(direct.orientation);
    expect(y2014.asOf).toBe('2014-12-31');
  });

  it('names the facts that moved maturity: the MLA agreement enters in 2011, the cyber dialogue in 2014', () => {
    const h = assessHistory(dataset, 'JP', 2010, 2026, weights);
    const moved = (year: number) => h.years.find((y) => y.year === year)!.moved.map((m) => m.fact.id);
    expect(moved(2011)).toContain('agreement:jp-mla-2009');
    expect(moved(2014)).toContain('dialogue:jp-cyber-dialogue');
    // The Security and Defence Partnership of 1 November 2024 moves 2024; in 2023 the summit reported again (13 July) moves
    // it, and a position confirmed that year moves nothing.
    expect(moved(2024)).toContain('document:jp-security-defence-partnership-2024');
    expect(moved(2023)).toEqual(['dialogue:jp-summit']);
    // The moves of a year account for the change of maturity (up to rounding of each fact and of the score).
    for (const [i, y] of h.years.entries()) {
      if (i === 0) continue;
      const sum = y.moved.reduce((s, m) => s + m.change, 0);
      expect(Math.abs(sum - (y.maturity - h.years[i - 1]!.maturity)), String(y.year)).toBeLessThan(2 + y.moved.length * 0.05);
    }
  });

  it('moves when a fact changes: a cyber dialogue with South Africa from 2012 raises 2012 and names the dialogue', () => {
    const raw = realRawDataset();
    const za = partnerContent(raw, 'ZA');
    za.dialogues = [
      ...(za.dialogues ?? []),
      { id: 'za-test-cyber', name: 'Hypothetical EU-South Africa cyber dialogue', partners: ['ZA'], level: 'senior-officials', frequency: 'annual', topics: ['cyber-security'], cyberSpecific: true, established: 2012, status: [{ value: 'active', from: 2012, sources: [{ ref: 'renard2016', locator: 'hypothetical' }] }], sources: [{ ref: 'renard2016', locator: 'hypothetical' }] } as never,
    ];
    const before = assessHistory(dataset, 'ZA', 2011, 2013, weights).years;
    const after = assessHistory(buildDataset(raw), 'ZA', 2011, 2013, weights).years;
    expect(after[0]!.maturity).toBe(before[0]!.maturity);
    expect(after[1]!.maturity).toBeGreaterThan(before[1]!.maturity);
    expect(after[1]!.moved.map((m) => m.fact.id)).toContain('dialogue:za-test-cyber');
  });

  it('says what the sources report of a fact that moved: Russia\u2019s channels suspended and ended in March 2022, a dialogue unreported', () => {
    const year = (h: ReturnType<typeof assessHistory>, y: number) => h.years.find((r) => r.year === y)!;
    const move = (h: ReturnType<typeof assessHistory>, y: number, id: string) => year(h, y).moved.find((m) => m.fact.id === id);
    const h = assessHistory(dataset, 'RU', 2019, 2023, weights);
    const europol = move(h, 2022, 'agreement:ru-europol-strategic-2003')!;
    expect(europol.because).toBe('suspended in March 2022');
    expect(europol.fact.title).toBe('Cooperation Agreement between the Russian Federation and Europol (strategic) (suspended in March 2022)');
    expect(move(h, 2022, 'cooperation:ru-ec3-operational-cooperation')?.because).toBe('ended in March 2022');
    expect(move(h, 2020, 'dialogue:ru-information-society-dialogue')?.because).toBe('status unknown from 2020: no source reports it for three full years');
    // Nothing reported of a fact that moves for another reason: a new entry says nothing more than its title.
    for (const r of h.years) for (const m of r.moved.filter((x) => x.how === 'entered')) expect(m.because, m.fact.id).toBeUndefined();
    // Ukraine's dialogue is reported after its last verified round (September 2022) only by low-grade aggregators.
    const ua = assessHistory(dataset, 'UA', 2025, 2026, weights);
    expect(move(ua, 2026, 'dialogue:ua-cyber-dialogue')?.because).toBe(
      'status unknown from 2026: no verified source reports it for three full years (later reports unverified, not counted)',
    );
    // The words follow the data: without the suspension the agreement still counts in 2022 and says nothing of it.
    const raw = realRawDataset();
    const ru = partnerContent(raw, 'RU');
    const agreements = ru.agreements as { id: string; status: { value: string }[] }[];
    const strategic = agreements.find((a) => a.id === 'ru-europol-strategic-2003')!;
    strategic.status = strategic.status.filter((e) => e.value !== 'suspended');
    const unsuspended = assessHistory(buildDataset(raw), 'RU', 2021, 2022, weights);
    expect(move(unsuspended, 2022, 'agreement:ru-europol-strategic-2003')).toBeUndefined();
    expect(year(unsuspended, 2022).moved.find((m) => m.fact.id === 'cooperation:ru-ec3-operational-cooperation')?.because).toBe('ended in March 2022');
  });

  it('refuses a span that runs backwards, a year that is not one, and an unknown partner', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'none';
      } catch (error) {
        return isAppError(error) ? error.code : 'other';
      }
    };
    expect(code(() => assessHistory(dataset, 'JP', 2016, 2010, weights))).toBe('invalid_filter');
    expect(code(() => assessHistory(dataset, 'JP', 1990, 2100, weights))).toBe('invalid_filter');
    expect(code(() => parseHistoryYear('from', '14', 2010))).toBe('invalid_filter');
    expect(code(() => assessHistory(dataset, 'XX', 2010, 2011, weights))).toBe('unknown_partner');
    expect(parseHistoryYear('to', undefined, 2026)).toBe(2026);
  });
});
