// Two or three partners side by side.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { comparePartners, parseComparisonIds } from './compare';
import { realDataset, realWeights } from './real-data.test-support';

const dataset = realDataset();
const weights = realWeights();
const RENARD2016 = '2016-09-05' as IsoDate;

describe('comparePartners', () => {
  const c = comparePartners(dataset, ['US', 'CN', 'JP'], RENARD2016, weights);

  it('puts every dimension, purpose, metric and position in a row with a value for each partner', () => {
    const keys = c.rows.map((r) => r.key);
    for (const k of ['orientation', 'maturity', 'dimension:institutionalDensity', 'dimension:legalFramework', 'dimension:alignment', 'dimension:cooperation', 'dimension:trust', 'purpose:reflexive', 'purpose:relational', 'purpose:structural', 'position:budapest-convention', 'position:internet-governance']) {
      expect(keys).toContain(k);
    }
    for (const r of c.rows) expect(Object.keys(r.values).sort()).toEqual(['CN', 'JP', 'US']);
  });

  it('agrees with the single assessments and shows the facts behind each value', () => {
    const row = (key: string) => c.rows.find((r) => r.key === key)!;
    expect(row('orientation').values.CN!.value).toBe('process-oriented');
    expect(row('maturity').values.US!.value).toBe(c.assessments[0]!.maturity);
    expect(row('position:internet-governance').values.CN!.value).toBe('intergovernmental');
    expect(row('dimension:legalFramework').values.JP!.top.map((t) => t.fact.id)).toContain('agreement:jp-mla-2009');
  });
});

describe("the Budapest row", () => {
  const cell = (asOf: string | undefined) => comparePartners(dataset, ['CA', 'RU'], asOf as IsoDate | undefined, weights).rows.find((r) => r.key === 'position:budapest-convention')!.values;

  it("says, as the instrument matrix does, whether a ratification is in force on the date (Canada across 1 November 2015)", () => {
    expect(cell('2015-10-31').CA!.value).toBe('ratified 2015-07-08, not yet in force (from 2015-11-01), supportive');
    expect(cell('2015-11-01').CA!.value).toBe('ratified 2015-07-08, in force since 2015-11-01, supportive');
    expect(cell(undefined).CA!.value).toBe('ratified 2015-07-08, in force from 2015-11-01, supportive');
  });

  it('reads as one phrase for every partner on every first of January: never two parentheses in a row', () => {
    const ids = [...dataset.partners.keys()];
    for (let year = 2001; year <= 2026; year++) {
      for (let i = 0; i < ids.length; i += 3) {
        const values = comparePartners(dataset, ids.slice(i, i + 3), `${year}-01-01` as IsoDate, weights).rows.find((r) => r.key === 'position:budapest-convention')!.values;
        for (const [id, v] of Object.entries(values)) expect(v!.value ?? '', `${id} ${year}`).not.toMatch(/\) \(/);
      }
    }
  });

  it('keeps a position other than a ratification as its code and stance', () => {
    expect(cell('2015-11-01').RU!.value).toBe('not-signed (opposed)');
  });
});

describe('parseComparisonIds', () => {
  it('reads a comma-separated list in any case', () => {
    expect(parseComparisonIds('us, cn')).toEqual(['US', 'CN']);
  });

  it('refuses one partner, four partners, or the same partner twice', () => {
    for (const bad of ['US', 'US,CN,JP,RU', 'US,us', '']) {
      try {
        parseComparisonIds(bad);
        throw new Error(`expected a refusal for "${bad}"`);
      } catch (error) {
        expect(isAppError(error) && error.code, bad).toBe('invalid_filter');
      }
    }
  });

  it('refuses an unknown partner, naming the partners of the dataset', () => {
    expect(() => parseComparisonIds('US,XX', dataset)).toThrow(/BR, CA, CN.*UA, UK, US/);
    expect(() => parseComparisonIds('US,X1')).toThrow(/two-letter/);
  });
});
