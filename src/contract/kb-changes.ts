// The curation workflow's contract: a proposed change to the knowledge base, the review queue's entries, a record as
// the data files hold it, and what changed for a partner since a date. Bodies are checked by the curation service.
import { z } from 'zod';
import { CHANGE_ACTIONS, CHANGE_KINDS, CHANGE_STATUSES, ProposalInput, RejectInput, ReviewInput, ReviseInput } from '../core/curation/change';
import { Source } from '../core/provenance';
import { named, query } from './common';

export const ChangeQuery = z.object({
  status: query.text(`Only changes in this state: ${CHANGE_STATUSES.join(', ')}`),
  partner: query.text('Only changes of this partner (its code)'),
});
export const ChangeParams = z.object({ id: z.string().describe('The change id (chg-…)') });
export const SinceQuery = z.object({ since: query.text('The date to list changes from (YYYY-MM-DD); required') });
export const RecordQuery = z.object({
  partner: query.text('The partner code'),
  kind: query.text(`The kind of record: ${CHANGE_KINDS.join(', ')}`),
  target: query.text("The record's key (its id; for rounds dialogue/from/value, for positions instrument/from/value)"),
});

export const ProposalBody = named('KbChangeProposal', ProposalInput, 'A proposed change: the record holds the fields of the reviewed data files and at least one source');
export const ApproveBody = named('KbChangeApproval', ReviewInput);
export const RejectBody = named('KbChangeRejection', RejectInput);
export const ReviseBody = named('KbChangeRevision', ReviseInput);

export const KbChange = named(
  'KbChange',
  z.object({
    id: z.string(),
    partner: z.string(),
    kind: z.enum(CHANGE_KINDS),
    action: z.enum(CHANGE_ACTIONS),
    target: z.string().describe("The key of the record changed"),
    record: z.unknown().describe('The record after the change (null for retire)'),
    before: z.unknown().describe('The record as it read when the change was proposed or last revised (null for add)'),
    comment: z.string().nullable(),
    commentTlp: z.string().nullable(),
    commentWithheld: z.boolean().describe('The comment is marked beyond what the caller may see'),
    status: z.enum(CHANGE_STATUSES),
    needsReview: z.boolean().describe('The target was edited since: approval is refused until the proposer revises the change'),
    proposedBy: z.string(),
    proposedByOrg: z.string().nullable(),
    proposedAt: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewReason: z.string().nullable(),
    publishedSeq: z.number().int().nullable(),
  }),
  'A change to the knowledge base with its review',
);

export const KbRecord = named('KbRecord', z.object({ partner: z.string(), kind: z.enum(CHANGE_KINDS), target: z.string(), record: z.record(z.string(), z.unknown()) }));

export const ChangesSince = named(
  'ChangesSince',
  z.object({
    partner: z.string(),
    since: z.string(),
    facts: z.array(
      z.object({
        date: z.string(),
        precision: z.enum(['day', 'month', 'year']),
        change: z.enum(['added', 'changed', 'ended']),
        kind: z.string(),
        title: z.string(),
        detail: z.string().nullable(),
        fact: z.string(),
        sources: z.array(Source),
        unverified: z.boolean(),
      }),
    ),
    changes: z.array(KbChange).describe('Curated changes published since the date'),
  }),
  'What began, changed or ended for a partner since a date, and the curated changes published since then',
);
