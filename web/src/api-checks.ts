// The overview's checks of the API's answers, written with zod/mini: the first page a visitor sees loads these few
// small schemas (a few kilobytes) in parallel with its data, rather than the whole of zod and every schema of the
// contract (src/contract, which api-contract.ts brings to the other pages). Each mirrors its contract schema, or the
// part of it the overview reads; api-checks.test.ts compares them with the contract so that they cannot drift apart.
import * as z from 'zod/mini';
import { isValidIsoDate, isValidIsoMonth } from '../../src/core/dates';

/** A year, a month (2014-05) or a calendar date: src/core/provenance.ts's DateOrYear. */
const DateOrYear = z.union([
  z.number().check(z.int(), z.gte(1900), z.lte(2100)),
  z.string().check(z.refine((v) => isValidIsoDate(v) || isValidIsoMonth(v), { message: 'expected YYYY-MM-DD or YYYY-MM' })),
]);

/** GET /api/partners: the contract's PartnerSummary, whole. */
export const PartnerSummary = z.object({
  id: z.string(),
  name: z.string(),
  group: z.enum(['strategic-partner', 'cyber-dialogue-partner']),
  partnershipSince: z.nullable(z.number().check(z.int())),
  cyberDialogueSince: z.nullable(DateOrYear),
  isoNumeric: z.string(),
});
export const Partners = z.array(PartnerSummary);

/** GET /api/assess as the overview reads it: of each Assessment, the fields its figures and its map show. */
export const AssessmentFigures = z.looseObject({
  id: z.string(),
  orientation: z.string(),
  maturity: z.number(),
});
export const AssessmentsFigures = z.array(AssessmentFigures);
