// The engine against the rankings the papers' wording gives (data/assessment/calibration.yaml), partner by partner and as a
// rank correlation, at renard2014's and renard2016's dates.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { averageRanks, calibrate, parseCalibrationFile, spearman } from './calibration';
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

  it('never scores a partner of a lower tier above one two tiers higher', () => {
    for (const hi of result.rows) {
      for (const lo of result.rows) if (lo.tier >= hi.tier + 2) expect(hi.score, `${hi.partner} over ${lo.partner}`).toBeGreaterThan(lo.score);
    }
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
