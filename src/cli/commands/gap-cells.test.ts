// The gaps table in words: each objective names the strategy it comes from by its title, never by its id.
import { describe, expect, it } from 'vitest';
import { findGaps } from '../../core/assess/gaps';
import { realDataset, realGaps } from '../../core/assess/real-data.test-support';
import type { IsoDate } from '../../core/dates';
import { gapCells } from './assessment';

describe('the gaps table', () => {
  it('names the strategy of each objective by its title (China against the 2015 conclusions and the 2020 strategy)', () => {
    const report = findGaps(realDataset(), 'CN', '2021-06-01' as IsoDate, realGaps());
    const cells = gapCells(report, () => '');
    expect(cells.length).toBe(report.gaps.length);
    for (const [i, gap] of report.gaps.entries()) {
      expect(cells[i]![0]).toBe(`${gap.objective.title} (${gap.objective.strategy.title})`);
      expect(cells[i]![0]).not.toContain(gap.objective.strategy.id);
    }
    expect(cells.map((c) => c[0]).join('\n')).toContain('(Council conclusions on cyber diplomacy)');
  });
});
