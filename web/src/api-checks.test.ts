import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Assessment } from '../../src/contract/assessment';
import { PartnerSummary } from '../../src/contract/knowledge-base';
import * as small from './api-checks';

// The JSON Schema of a schema without its descriptions: what it accepts, as far as JSON Schema can say it.
const shape = (s: z.core.$ZodType) => z.toJSONSchema(s, { metadata: z.registry(), unrepresentable: 'any' });

const partner = { id: 'US', name: 'United States', group: 'strategic-partner', partnershipSince: 2004, cyberDialogueSince: '2014-03-26', isoNumeric: '840' };

/** Answers that differ from a good one in one place each, so that both schemas must say the same of every one. */
const partnerVariants: unknown[] = [
  partner,
  { ...partner, cyberDialogueSince: 2014 },
  { ...partner, cyberDialogueSince: '2014-05' },
  { ...partner, cyberDialogueSince: null, partnershipSince: null },
  { ...partner, cyberDialogueSince: '2014-13' },
  { ...partner, cyberDialogueSince: '2014-02-30' },
  { ...partner, cyberDialogueSince: 1899 },
  { ...partner, cyberDialogueSince: 2014.5 },
  { ...partner, partnershipSince: 2004.5 },
  { ...partner, partnershipSince: '2004' },
  { ...partner, group: 'ally' },
  { ...partner, group: 'cyber-dialogue-partner' },
  { ...partner, isoNumeric: 840 },
  { ...partner, name: undefined },
  { ...partner, extra: true },
  null,
  [],
];

describe("the overview's small checks agree with the API contract", () => {
  it('PartnerSummary: the same JSON Schema and the same verdict on each variant of an answer', () => {
    expect(shape(small.PartnerSummary)).toEqual(shape(PartnerSummary));
    for (const v of partnerVariants) expect(small.PartnerSummary.safeParse(v).success, JSON.stringify(v)).toBe(PartnerSummary.safeParse(v).success);
    expect(partnerVariants.filter((v) => small.PartnerSummary.safeParse(v).success).length).toBe(6);
  });

  it("the assessment's figures: each field the overview checks is the contract's field", () => {
    const contract = shape(Assessment) as { properties: Record<string, unknown>; required: string[] };
    const mine = shape(small.AssessmentFigures) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(mine.properties).length).toBeGreaterThan(0);
    for (const [key, field] of Object.entries(mine.properties)) {
      expect(field, key).toEqual(contract.properties[key]);
      expect(mine.required.includes(key), key).toBe(contract.required.includes(key));
    }
    // The rest of each assessment passes through unchecked, as the overview does not read it.
    expect(small.AssessmentFigures.safeParse({ id: 'US', orientation: 'results-oriented', maturity: 61, purposes: {} }).success).toBe(true);
    expect(small.AssessmentFigures.safeParse({ id: 'US', orientation: 'results-oriented', maturity: '61' }).success).toBe(false);
    expect(small.AssessmentFigures.safeParse({ id: 'US', maturity: 61 }).success).toBe(false);
  });
});
