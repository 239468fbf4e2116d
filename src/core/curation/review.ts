// Who may review a change: an editor or admin other than its proposer (four eyes). In single-analyst mode (sign-in
// off) the one analyst proposes, and only a second person, once team mode is on, can approve or reject.
import { AppError } from '../errors';
import type { KbChange } from './change';

export interface Reviewer {
  /** As in the audit trail: `user:alice`, `local`... */
  actorId: string;
  /** Sign-in is off: the single analyst, who proposed everything there is. */
  local: boolean;
}

export function checkReviewer(change: Pick<KbChange, 'id' | 'proposedBy' | 'status'>, who: Reviewer): void {
  if (who.local) {
    throw new AppError('own_change', 'Approval needs a second person: with sign-in off the single analyst proposed this change; turn team mode on (CYBERDIPLO_AUTH=on) and have an editor review it');
  }
  if (change.proposedBy === who.actorId) throw new AppError('own_change', `You proposed change ${change.id}: an editor or admin other than its proposer reviews it`);
  checkPending(change);
}

export function checkPending(change: Pick<KbChange, 'id' | 'status'>): void {
  if (change.status !== 'pending') throw new AppError('conflict', `Change ${change.id} is already ${change.status}`);
}

/** Only the proposer revises a pending change (a reviewer who disagrees rejects it with a reason). */
export function checkReviser(change: Pick<KbChange, 'id' | 'proposedBy' | 'status'>, actorId: string): void {
  if (change.proposedBy !== actorId) throw new AppError('forbidden', `Only the proposer of change ${change.id} revises it; reject it with a reason instead`);
  checkPending(change);
}

export const STALE_MESSAGE = (id: string) =>
  `Change ${id} needs re-review: its target was edited since it was proposed (in the reviewed files or by another published change); its proposer revises it against the record as it reads now`;
