// The engine against the rankings the papers' wording gives (data/assessment/calibration.yaml), pair by pair, partner by
// partner and as a rank correlation, at renard2014's and renard2016's dates.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { averageRanks, calibrate, departures, parseCalibrationFile, spearman, type CalibrationRow } from './calibration';
import { assessAll } from './engine';
import { readYaml, realDataset, realWeights } from './real-data.test-support';

const dataset = realDataset();
const weights = realWeights();
const calibration = parseCalibrationFile(readYaml('assessment/calibration.yaml'), 'data/assessment/calibration.yaml');

describe('rank correlation', () => {
  it('ranks ties at their average rank', () => {
    expect(averageRanks([10, 30, 30, 5])).toEqual([3, 1.5, 1.5, 4]);
    expect(averageRanks([1, 2, 2, 3], false)).toEqual([1, 2.5, 2.5, 4]);
  });

  it('is 1 for the same order, -1 for the reverse, 0 without spread', () => {
    expect(spearman([1, 2, 3], [1, 2, 3])).toBeCloseTo(1);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});

describe.each(calibration.rankings.map((r) => [r.id, r] as const))('calibration %s', (_id, ranking) => {
  const result = calibrate(ranking, assessAll(dataset, ranking.asOf as IsoDate, weights));

  it('places all ten partners, each with the words that place it', () => {
    expect(result.rows).toHaveLength(10);
  });

  it('agrees with the paper as a rank correlation', () => {
    expect(result.spearman).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees partner by partner: no partner more than two places from where the wording puts it', () => {
    for (const r of result.rows) expect(Math.abs(r.paperRank - r.engineRank), `${r.partner}: "${r.words}"`).toBeLessThanOrEqual(2);
  });

  it('scores every partner of a higher tier above every partner of a lower tier, but for the departures the file tolerates', () => {
    const pairs = result.rows.flatMap((hi) => result.rows.filter((lo) => hi.tier < lo.tier).map((lo) => [hi, lo] as const));
    expect(pairs.length).toBeGreaterThan(30);
    const untolerated = result.departures.filter((d) => !d.tolerated).map((d) => `${d.higher.partner} (tier ${d.higher.tier}, ${d.higher.score}) vs ${d.lower.partner} (tier ${d.lower.tier}, ${d.lower.score})`);
    expect(untolerated).toEqual([]);
    for (const [hi, lo] of pairs) {
      const t = ranking.tolerated.find((x) => x.higher === hi.partner && x.lower === lo.partner);
      if (!t) expect(hi.score, `${hi.partner} "${hi.words}" over ${lo.partner} "${lo.words}"`).toBeGreaterThan(lo.score);
      else if (t.allow === 'tie') expect(hi.score, `${hi.partner} at least ${lo.partner}`).toBeGreaterThanOrEqual(lo.score);
    }
  });

  it('tolerates only departures that are there: a tolerance the engine no longer needs is taken out', () => {
    for (const t of ranking.tolerated) {
      expect(result.departures.some((d) => d.higher.partner === t.higher && d.lower.partner === t.lower && d.tolerated), `${t.higher} vs ${t.lower}`).toBe(true);
    }
  });
});

describe('departures', () => {
  const row = (partner: string, tier: number, score: number): CalibrationRow => ({ partner, tier, score, words: 'w', locator: 'l', paperRank: 0, engineRank: 0 });
  const rows = [row('US', 1, 50), row('CA', 2, 20), row('RU', 3, 30), row('MX', 4, 0), row('ZA', 5, 0)];

  it('names each pair of a higher tier scored at or below a lower tier, and only those', () => {
    const found = departures(rows, []).map((d) => `${d.higher.partner}${d.kind === 'tie' ? '=' : '<'}${d.lower.partner}`);
    expect(found).toEqual(['CA<RU', 'MX=ZA']);
  });

  it('a tolerated tie does not excuse a reversal', () => {
    const tie = { allow: 'tie' as const, reason: 'r', locator: 'l' };
    const found = departures(rows, [{ ...tie, higher: 'CA', lower: 'RU' }, { ...tie, higher: 'MX', lower: 'ZA' }]);
    expect(found.map((d) => [d.higher.partner, d.tolerated !== undefined])).toEqual([['CA', false], ['MX', true]]);
  });

  it('refuses a tolerance that names the lower tier first', () => {
    const raw = readYaml('assessment/calibration.yaml') as { rankings: { tolerated?: { higher: string; lower: string }[] }[] };
    const t = raw.rankings[0]!.tolerated![0]!;
    [t.higher, t.lower] = [t.lower, t.higher];
    expect(() => parseCalibrationFile(raw, 'calibration.yaml')).toThrow(/higher-tier one first/);
  });
});

describe('the case that opened the calibration', () => {
  it("scores Japan's functioning cooperation above Russia's little cooperation, in 2014 and 2016", () => {
    for (const asOf of ['2014-06-30', '2016-09-05'] as IsoDate[]) {
      const all = assessAll(dataset, asOf, weights);
      const score = (id: string) => all.find((a) => a.id === id)!.dimensions.cooperation.score;
      expect(score('JP'), asOf).toBeGreaterThan(score('RU') * 2);
    }
  });
});
