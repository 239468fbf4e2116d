import { describe, expect, it } from 'vitest';
import { council } from './council.fixture';
import { PopulationYear, councilMembersOf, populationShares } from './population';

const years = council.population.years;
const year = (y: number) => {
  const found = years.find((x) => x.year === y);
  if (!found) throw new Error(`no ${y}`);
  return found;
};

describe('population figures per year (data/council/population.yaml)', () => {
  it('covers 2014 to 2025, with the United Kingdom in each year up to 2020', () => {
    for (let y = 2014; y <= 2025; y++) {
      const states = Object.keys(year(y).states);
      expect(states, String(y)).toHaveLength(y <= 2020 ? 28 : 27);
      expect(states.includes('GB'), String(y)).toBe(y <= 2020);
      expect(states, String(y)).toContain('HR');
    }
  });

  it('flags every figure not from the research notes, and its year, with a note on what to check', () => {
    for (const y of years) {
      const estimated = Object.entries(y.states).filter(([, f]) => f.unverified);
      if (y.year === 2025) expect(estimated).toHaveLength(0);
      else expect(estimated.length, String(y.year)).toBeGreaterThan(0);
      if (estimated.length > 0) {
        expect(y.unverified).toBe(true);
        expect(y.note).toMatch(/estimate/);
        expect(y.sources.map((s) => s.locator).join(' ')).toContain('demo_pjan');
      }
    }
    // Figures transcribed from the notes (Annex III for 2024) carry no flag.
    expect(year(2024).states.DE).toEqual({ population: 84311244, share: 18.72 });
  });

  it("refuses a year whose states are not that year's Council", () => {
    const base = year(2021);
    const withUk = PopulationYear.safeParse({ ...base, states: { ...base.states, GB: { population: 67000000 } } });
    expect(withUk.success).toBe(false);
    expect(withUk.error?.issues[0]).toMatchObject({ path: ['states', 'GB'] });
    expect(withUk.error?.issues[0]?.message).toContain('not a member state on 1 January 2021');
    const { GB: _gb, ...without } = year(2019).states;
    const missing = PopulationYear.safeParse({ ...year(2019), states: without });
    expect(missing.error?.issues[0]?.message).toBe('missing member states for 2019: GB');
    const unflagged = PopulationYear.safeParse({ ...year(2018), unverified: false });
    expect(unflagged.error?.issues[0]?.path).toEqual(['unverified']);
  });

  it('gives shares computed from the absolute figures where none is published', () => {
    const shares = populationShares(year(2019));
    expect(councilMembersOf(2019)).toHaveLength(28);
    const total = [...shares.values()].reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(total).toBeCloseTo(100, 0);
    expect(shares.get('GB')).toBeGreaterThan(12);
    expect(populationShares(year(2025)).get('DE')).toBe(18.49);
  });
});
