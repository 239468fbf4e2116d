// The review queue: changes to the knowledge base proposed by analysts, each with the record before and after side by
// side; an editor or admin other than the proposer approves (publishing it) or rejects it with a reason.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import '../curation.css';
import { ConfirmDialog } from '../components/confirm-dialog';
import { AsyncView } from '../components/async-view';
import { kbChanges, KIND_WORDS, type ChangeStatus, type KbChange } from '../lib/kb-changes';
import { formatDateTime, humanise } from '../lib/format';
import { partnerName } from '../lib/partner-names';
import { useSession } from '../lib/session';
import { toApiError, useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';

const STATUSES: ChangeStatus[] = ['pending', 'published', 'rejected'];

export function ReviewPage() {
  useTitle('Review queue');
  const { me } = useSession();
  const [status, setStatus] = useState<ChangeStatus>('pending');
  const queue = useApi((s) => kbChanges.list({ status }, s), status);
  const signedIn = me.principal.kind !== 'anonymous';
  return (
    <div className="page page-review">
      <header className="page-header">
        <h1>Review queue</h1>
        <p className="lede">Changes to the knowledge base wait here until an editor other than their proposer approves or rejects them. Readers see a change only once it is approved.</p>
        <div className="toolbar" role="group" aria-label="Which changes">
          {STATUSES.map((s) => (
            <button key={s} type="button" className={`button button-quiet${s === status ? ' active' : ''}`} aria-pressed={s === status} onClick={() => setStatus(s)}>
              {humanise(s)}
            </button>
          ))}
        </div>
      </header>
      {me.principal.kind === 'local' && (
        <p className="notice notice-warning">
          Sign-in is off: you are the single analyst, and approval needs a second person. Your proposals wait here until team mode is on (CYBERDIPLO_AUTH=on) and an editor reviews them.
        </p>
      )}
      {!signedIn ? (
        <p>
          <Link to="/signin?next=/review">Sign in</Link> to see the review queue.
        </p>
      ) : (
        <AsyncView resource={queue} what="the review queue">
          {(list) =>
            list.length === 0 ? (
              <p className="muted">No {status} changes.</p>
            ) : (
              <ol className="review-list">
                {list.map((c) => (
                  <ChangeCard key={c.id} change={c} mayReview={me.permissions.includes('kb.review') && me.principal.kind !== 'local'} mine={c.proposedBy === (me.principal.kind === 'user' ? me.principal.username : 'local')} onDone={queue.reload} />
                ))}
              </ol>
            )
          }
        </AsyncView>
      )}
    </div>
  );
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <div className="diff-side">
      <h4>{label}</h4>
      <pre>{value === null || value === undefined ? '(none)' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** The fields whose value differs between before and after, to point the reviewer at them. */
function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

function ChangeCard({ change: c, mayReview, mine, onDone }: { change: KbChange; mayReview: boolean; mine: boolean; onDone: () => void }) {
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [reviseError, setReviseError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const fields = changedFields(c.before, c.record);
  return (
    <li className="card review-card" aria-labelledby={`${c.id}-title`}>
      <h2 id={`${c.id}-title`}>
        {humanise(c.action)} {KIND_WORDS[c.kind]} <code>{c.target}</code> of <Link to={`/partners/${c.partner}`}>{partnerName(c.partner, undefined)}</Link>
      </h2>
      <p className="muted">
        {c.id}: proposed by {c.proposedBy} on {formatDateTime(c.proposedAt)}
        {c.reviewedBy && `; ${c.status} by ${c.reviewedBy} on ${formatDateTime(c.reviewedAt)}`}
        {c.reviewReason && ` (${c.reviewReason})`}
      </p>
      {c.needsReview && (
        <p className="notice notice-warning" role="status">
          Needs re-review: the record was edited since this change was proposed. Its proposer revises it before it can be approved.
        </p>
      )}
      {c.needsReview && mine && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              setReviseError(null);
              try {
                await kbChanges.revise(c.id);
                onDone();
              } catch (e) {
                setReviseError(toApiError(e).message);
              }
            }}
          >
            Keep my change against the record as it reads now
          </button>
          {reviseError && (
            <p className="notice notice-error" role="alert">
              {reviseError}
            </p>
          )}
        </div>
      )}
      {c.comment && <p className="review-comment">“{c.comment}”{c.commentTlp && <span className="tag"> TLP:{c.commentTlp.toUpperCase()}</span>}</p>}
      {c.commentWithheld && <p className="muted">The comment is marked beyond what you may see.</p>}
      {fields.length > 0 && c.action === 'update' && <p>Fields changed: {fields.join(', ')}</p>}
      <div className="diff" aria-label="Before and after">
        <Json value={c.before} label="Before" />
        <Json value={c.record} label="After" />
      </div>
      {c.status === 'pending' && mayReview && mine && <p className="muted">You proposed this change: an editor or admin other than you approves or rejects it.</p>}
      {c.status === 'pending' && mayReview && !mine && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setDialog('reject')}>
            Reject…
          </button>
          <button type="button" className="button button-primary" onClick={() => setDialog('approve')} disabled={c.needsReview}>
            Approve…
          </button>
        </div>
      )}
      <ConfirmDialog
        open={dialog === 'approve'}
        title={`Approve ${c.id}?`}
        confirmLabel="Approve and publish"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          await kbChanges.approve(c.id, reason || undefined);
          setDialog(null);
          onDone();
        }}
      >
        <p>The change is published at once: the partner page, “changes since”, the assessment and the exports show it.</p>
        <label className="field">
          <span>Note (optional)</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'reject'}
        title={`Reject ${c.id}?`}
        confirmLabel="Reject"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          await kbChanges.reject(c.id, reason);
          setDialog(null);
          onDone();
        }}
      >
        <label className="field">
          <span>Reason (required, the proposer sees it)</span>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        </label>
      </ConfirmDialog>
    </li>
  );
}
