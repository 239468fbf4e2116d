// What the record of one kind of fact covers: the last day its source holds, the partners whose facts were taken from
// it, and what is known after that day which the record does not hold (a total without each partner's vote, a
// resolution adopted without a vote). A view after that day says the record stops there, so that no reader takes the
// absence of a later fact for the fact that there was none.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { DatedNote, Sources } from '../provenance';

/**
 * The kinds of fact whose coverage the data state: the partners' recorded votes in the UN General Assembly, their
 * signatures of the UN Convention against Cybercrime (the Hanoi Convention) and whether each supports the Paris Call.
 */
export const CoverageKind = z.enum(['un-votes', 'un-cybercrime-signatures', 'paris-call-supporters']);
export type CoverageKind = z.infer<typeof CoverageKind>;

export const RecordCoverage = z
  .object({
    kind: CoverageKind,
    /** The last day the source covers: no fact of this kind dated after it is in the data. */
    to: z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' }),
    /** The partners whose facts of this kind were taken from the source; for any other, none is recorded. */
    partners: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    note: z.string().min(1),
    sources: Sources,
    /** What the sources say happened after `to` that the record does not hold, each dated. */
    later: z.array(DatedNote).default([]),
  })
  .strict();
export type RecordCoverage = z.infer<typeof RecordCoverage>;
