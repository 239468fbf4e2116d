// A proposed change to the knowledge base: what it targets (partner, kind, record key), what it does (add, update,
// retire), the record as it should read after it, and where it is in review (pending, published, rejected).
import { z } from 'zod';
import { TLP_LEVELS } from '../marking/tlp';

export const CHANGE_KINDS = ['document', 'dialogue', 'meeting', 'agreement', 'position', 'cooperation', 'perception', 'membership', 'partner', 'national-strategy'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_ACTIONS = ['add', 'update', 'retire'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export const CHANGE_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** Markings a comment may carry; RED needs named recipients, which a review queue has none of. */
export const COMMENT_TLP = TLP_LEVELS.filter((l) => l !== 'red');

/** The body of POST /api/kb/changes; `record` is checked against its kind's schema in records.ts. */
export const ProposalInput = z
  .object({
    partner: z.string().min(1).max(20),
    kind: z.enum(CHANGE_KINDS),
    action: z.enum(CHANGE_ACTIONS),
    /** The record as it should read after the change (the fields of the reviewed data files); not for retire. */
    record: z.unknown().optional(),
    /** The key of the record an update or retire changes (its id, or what records.ts names); for add, the record's own. */
    target: z.string().min(1).max(300).optional(),
    comment: z.string().max(4000).optional(),
    /** Marks the comment (TLP); unmarked comments are as public as the knowledge base. */
    commentTlp: z.enum(COMMENT_TLP as [string, ...string[]]).optional(),
  })
  .strict();
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ReviewInput = z.object({ reason: z.string().trim().max(4000).optional() }).strict();
export const RejectInput = z.object({ reason: z.string().trim().min(1, 'a rejection needs a reason').max(4000) }).strict();
export const ReviseInput = z.object({ record: z.unknown().optional(), comment: z.string().max(4000).optional() }).strict();

/** A change as stored: the proposal, resolved to its target, with its review. */
export interface KbChange {
  id: string;
  partner: string;
  kind: ChangeKind;
  action: ChangeAction;
  /** The key of the record changed (records.ts). */
  target: string;
  /** The record after the change; null for retire. */
  record: unknown;
  /** The record as it read when the change was proposed (or last revised); null for add. A target that reads
   *  otherwise now was edited since: the change needs re-review. */
  before: unknown;
  comment: string | null;
  commentTlp: string | null;
  status: ChangeStatus;
  proposedBy: string;
  proposedByOrg: string | null;
  proposedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  /** Order of publication: published changes apply over the baseline in this order. */
  publishedSeq: number | null;
}
