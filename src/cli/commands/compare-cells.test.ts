// The compare table in words: the comparison keeps codes for --json, the table shows each code as a reader says it.
import { describe, expect, it } from 'vitest';
import { comparePartners } from '../../core/assess/compare';
import { realDataset, realWeights } from '../../core/assess/real-data.test-support';
import type { IsoDate } from '../../core/dates';
import { comparisonCells } from './assessment';

const c = comparePartners(realDataset(), ['US', 'CN', 'RU'], '2016-09-05' as IsoDate, realWeights());
const rows = comparisonCells(c);
const row = (title: string) => rows.find((r) => r[0] === title)!;

describe('the compare table', () => {
  it('writes positions and their stance in words, not as codes (renard2016 s.4: Russia and China lead the opposition to the Budapest Convention)', () => {
    expect(c.rows.find((r) => r.key === 'position:budapest-convention')!.values.RU!.value).toBe('not-signed (opposed)');
    expect(row('Budapest Convention')).toEqual(['Budapest Convention', 'Ratified, in force since 2007-01-01, supportive', 'Not signed (opposed)', 'Not signed (opposed)']);
    expect(row('Internet-governance model').slice(1)).toEqual(['Multi-stakeholder', 'Intergovernmental', 'Intergovernmental']);
  });

  it('keeps the scores as numbers', () => {
    expect(row('Maturity (0-100)').slice(1).every((v) => typeof v === 'number')).toBe(true);
  });

  it('has no cell in the form of a code', () => {
    for (const r of rows) for (const v of r.slice(1)) if (typeof v === 'string') expect(v, String(r[0])).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+\b/);
  });
});
