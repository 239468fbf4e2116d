// The cyber-sanctions listings' expiry as a plan reads it on its date. The listings are reviewed every 12 months and
// renewed each May, before the 18 May they run to (research notes 2.7); a renewal that no source dates to the day is
// dated by that month, so a plan made earlier in the year reads the expiry then in force, not the one decided later.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { sanctionsData } from '../sanctions/sanctions.fixture';
import { planSanctions, sanctionsAt } from './sanctions';
import { incident, MINISTRY_INTRUSION } from './toolbox.fixture';

/** The listings' expiry in the sanctions part of a plan, made on `asOf`, for the fixture's ministry intrusion. */
function planListingsUntil(asOf: string): string | null {
  return planSanctions(sanctionsData(), incident(MINISTRY_INTRUSION), asOf as IsoDate).listings.until;
}

describe('the listings\' expiry on the plan\'s date, annual renewals dated by their month', () => {
  it('reads the expiry of 18 May 2026 in March 2026, and the renewal to 2027 only from May', () => {
    expect(planListingsUntil('2026-03-01')).toBe('2026-05-18');
    expect(planListingsUntil('2026-06-01')).toBe('2027-05-18');
  });

  it('reads the expiry of 18 May 2024 in March 2024, and the renewal to 2025 only from May', () => {
    expect(planListingsUntil('2024-03-01')).toBe('2024-05-18');
    expect(planListingsUntil('2024-06-01')).toBe('2025-05-18');
  });

  it('reads the first 12-month term, to 18 May 2023, in March 2023, announced with the renewal of May 2022', () => {
    expect(planListingsUntil('2023-03-01')).toBe('2023-05-18');
    expect(planListingsUntil('2023-06-01')).toBe('2024-05-18');
    // Before the 12-month review began, the listings ran with the regime.
    expect(planListingsUntil('2022-03-01')).toBe('2022-05-18');
  });

  it('gives the sanctions page the same expiries, each implied renewal flagged as unverified', () => {
    const data = sanctionsData();
    const on = (d: string) => sanctionsAt(data, d as IsoDate).listings;
    expect(['2023-03-01', '2024-03-01', '2026-03-01'].map((d) => on(d).until)).toEqual(['2023-05-18', '2024-05-18', '2026-05-18']);
    expect(on('2023-03-01').decidedBy?.unverified).toBe(true);
    expect(on('2024-03-01').decidedBy?.unverified).toBe(true);
    // The listings stay in force through the months before each renewal.
    expect(['2023-03-01', '2024-03-01', '2026-03-01'].map((d) => on(d).state)).toEqual(['in-force', 'in-force', 'in-force']);
  });
});
