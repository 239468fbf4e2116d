// The curation workflow for server and CLI: propose a knowledge-base change, list changes, approve (publishing it in
// one transaction with its audit entry and a new knowledge-base version) or reject, revise, and "changes since".
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../core/audit/chain';
import { toEditable, tryChange } from '../core/curation/apply';
import { CHANGE_STATUSES, RejectInput, ReviewInput, ReviseInput, type ChangeStatus, type KbChange } from '../core/curation/change';
import { isCurrent, resolveProposal, resolveTarget, currentRecord } from '../core/curation/proposal';
import { HANDLERS } from '../core/curation/records';
import { checkPending, checkReviewer, checkReviser, STALE_MESSAGE } from '../core/curation/review';
import { factsSince, publishedSince } from '../core/curation/since';
import { CHANGE_KINDS, type ChangeKind } from '../core/curation/change';
import { decide, decideSignedIn } from '../core/auth/permissions';
import { actorOf, type Principal } from '../core/auth/principal';
import { parseAsOf, readDate, type IsoDate } from '../core/dates';
import { AppError, allowedList } from '../core/errors';
import { listFacts } from '../core/kb/facts';
import { normalisePartnerId } from '../core/kb/partners';
import { canSee, clearanceOf } from '../core/marking/clearance';
import { enforce } from '../core/marking/marking';
import type { TlpLevel } from '../core/marking/tlp';
import { parseOrThrow } from '../core/zod-issues';
import type { AuditLog } from '../store/audit-log';
import { dialectOf, type Db } from '../store/db';
import { KbChangeRepository } from '../store/kb-change-repository';
import { moveLayerHead, readPublished, rebuildSearch, SEED_LOCK, type KnowledgeRepository } from '../store/kb-repository';
import type { Clock } from './toolbox-service';
import { withUngradedRecord } from './ungraded';

/** A change as the API shows it: names without the audit prefix, whether it needs re-review, the comment if visible. */
export interface ChangeView extends Omit<KbChange, 'proposedBy' | 'reviewedBy'> {
  proposedBy: string;
  reviewedBy: string | null;
  /** The target was edited since the change was proposed: approval is refused until its proposer revises it. */
  needsReview: boolean;
  /** The comment is marked beyond what the caller may see. */
  commentWithheld: boolean;
}

const shown = (actorId: string | null) => (actorId === null ? null : actorId.replace(/^user:/, ''));

function checkEnum<T extends string>(field: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new AppError('invalid_filter', `${field} must be ${allowedList(allowed)}, got "${raw}"`, [{ path: field, message: `one of ${allowed.join(', ')}` }]);
}

export class CurationService {
  private readonly repo: KbChangeRepository;

  constructor(
    private readonly db: Db,
    private readonly kb: KnowledgeRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.repo = new KbChangeRepository(db);
  }

  private present(p: Principal, c: KbChange, current: boolean): ChangeView {
    let visible = true;
    if (c.commentTlp && c.comment !== null) {
      visible = canSee(clearanceOf(p), { tlp: c.commentTlp as TlpLevel, owner: c.proposedByOrg, sharedWith: [], recipients: [] }).visible;
    }
    return {
      ...c,
      proposedBy: shown(c.proposedBy) ?? '',
      reviewedBy: shown(c.reviewedBy),
      needsReview: c.status === 'pending' && !current,
      comment: visible ? c.comment : null,
      commentWithheld: !visible,
    };
  }

  async propose(p: Principal, body: unknown): Promise<ChangeView> {
    enforce(decide(p, 'kb.propose'));
    const dataset = await this.kb.dataset();
    const r = resolveProposal(dataset, withUngradedRecord(body));
    const actor = actorOf(p);
    const change: KbChange = {
      id: `chg-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      ...r,
      proposedBy: actor.id,
      proposedByOrg: actor.org,
      proposedAt: this.clock.now(),
      status: 'pending',
      reviewedBy: null,
      reviewedAt: null,
      reviewReason: null,
      publishedSeq: null,
    };
    await this.db.transaction().execute(async (trx) => {
      if (dialectOf(this.db) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
      // The same proposal sent twice (a double click, a script run again) would queue the same review twice.
      const same = (await this.repo.list({ status: 'pending', partner: change.partner, limit: 10_000 }, trx)).find(
        (c) => c.proposedBy === change.proposedBy && c.kind === change.kind && c.action === change.action && c.target === change.target && canonicalJson(c.record ?? null) === canonicalJson(change.record ?? null),
      );
      if (same) throw new AppError('conflict', `You proposed this change already: ${same.id} is pending review (revise it, or wait for its review)`, [{ path: 'record', message: `the same as pending ${same.id}` }]);
      await this.repo.insert(change, trx);
      await this.audit.append(trx, { actor, at: change.proposedAt, action: 'kb.change.propose', targetType: 'kb_change', targetId: change.id, before: change.before, after: { partner: change.partner, kind: change.kind, action: change.action, target: change.target, record: change.record } });
    });
    return this.present(p, change, true);
  }

  /** Changes, newest first, for signed-in users (in single-analyst mode, the one analyst). */
  async list(p: Principal, q: { status?: string | undefined; partner?: string | undefined }): Promise<ChangeView[]> {
    enforce(decideSignedIn(p));
    const status = checkEnum<ChangeStatus>('status', q.status, CHANGE_STATUSES);
    const partner = q.partner ? normalisePartnerId(q.partner) : undefined;
    const changes = await this.repo.list({ status, partner });
    const kb = changes.some((c) => c.status === 'pending') ? toEditable(await this.kb.dataset()) : undefined;
    return changes.map((c) => this.present(p, c, c.status !== 'pending' || !kb || isCurrent(kb, c)));
  }

  async get(p: Principal, id: string): Promise<ChangeView> {
    enforce(decideSignedIn(p));
    const c = await this.require(id);
    return this.present(p, c, c.status !== 'pending' || isCurrent(toEditable(await this.kb.dataset()), c));
  }

  private async require(id: string, trx: Db = this.db): Promise<KbChange> {
    const c = await this.repo.get(id, trx);
    if (!c) throw new AppError('unknown_change', `No knowledge-base change ${id}`);
    return c;
  }

  /** Publishes a pending change: its record joins the layer, the version moves, the search index and audit follow, in one transaction. */
  async approve(p: Principal, id: string, body: unknown): Promise<ChangeView> {
    enforce(decide(p, 'kb.review'));
    const { reason } = parseOrThrow(ReviewInput, body ?? {}, 'invalid_input', 'approval');
    const actor = actorOf(p);
    const at = this.clock.now();
    let published: KbChange | undefined;
    let primed: { version: string; dataset: Awaited<ReturnType<KnowledgeRepository['dataset']>> } | undefined;
    await this.db.transaction().execute(async (trx) => {
      // Publications and seeds one at a time (SQLite's immediate transactions already are).
      if (dialectOf(this.db) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
      const c = await this.require(id, trx);
      checkReviewer(c, { actorId: actor.id, local: p.kind === 'local' });
      const dataset = await readPublished(trx);
      if (!isCurrent(toEditable(dataset), c)) throw new AppError('stale_change', STALE_MESSAGE(c.id));
      const next = tryChange(dataset, c);
      const seq = await this.repo.nextSeq(trx);
      published = { ...c, status: 'published', reviewedBy: actor.id, reviewedAt: at, reviewReason: reason || null, publishedSeq: seq };
      await this.repo.update(published, trx);
      const version = await moveLayerHead(trx, `${seq}:${c.id}`);
      await rebuildSearch(trx, listFacts(next));
      await this.audit.append(trx, { actor, at, action: 'kb.change.approve', targetType: 'kb_change', targetId: c.id, before: c.before, after: { partner: c.partner, kind: c.kind, action: c.action, target: c.target, record: c.record, publishedSeq: seq } });
      primed = { version, dataset: next };
    });
    if (primed) this.kb.prime(primed.version, primed.dataset);
    return this.present(p, published as KbChange, true);
  }

  async reject(p: Principal, id: string, body: unknown): Promise<ChangeView> {
    enforce(decide(p, 'kb.review'));
    const { reason } = parseOrThrow(RejectInput, body ?? {}, 'invalid_input', 'rejection');
    const actor = actorOf(p);
    const at = this.clock.now();
    let rejected: KbChange | undefined;
    await this.db.transaction().execute(async (trx) => {
      const c = await this.require(id, trx);
      checkReviewer(c, { actorId: actor.id, local: p.kind === 'local' });
      rejected = { ...c, status: 'rejected', reviewedBy: actor.id, reviewedAt: at, reviewReason: reason };
      await this.repo.update(rejected, trx);
      await this.audit.append(trx, { actor, at, action: 'kb.change.reject', targetType: 'kb_change', targetId: c.id, after: { reason } });
    });
    return this.present(p, rejected as KbChange, true);
  }

  /** The proposer brings a pending change up to date (a new record, or the same against the target as it reads now). */
  async revise(p: Principal, id: string, body: unknown): Promise<ChangeView> {
    enforce(decide(p, 'kb.propose'));
    const input = parseOrThrow(ReviseInput, withUngradedRecord(body ?? {}), 'invalid_change', 'revision');
    const actor = actorOf(p);
    const c = await this.require(id);
    checkReviser(c, actor.id);
    const dataset = await this.kb.dataset();
    const r = resolveTarget(dataset, { partner: c.partner, kind: c.kind, action: c.action, target: c.target, record: input.record ?? c.record ?? undefined });
    const revised: KbChange = { ...c, ...r, comment: input.comment ?? c.comment };
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      checkPending(await this.require(id, trx));
      await this.repo.update(revised, trx);
      await this.audit.append(trx, { actor, at, action: 'kb.change.revise', targetType: 'kb_change', targetId: c.id, before: { record: c.record, before: c.before }, after: { record: revised.record, before: revised.before } });
    });
    return this.present(p, revised, true);
  }

  /** What began, changed or ended for a partner since a date, and the curated changes published since then (public). */
  async changesSince(p: Principal, partnerRaw: string, sinceRaw: string | undefined) {
    const partner = normalisePartnerId(partnerRaw);
    if (!parseAsOf(sinceRaw, 'since')) throw new AppError('invalid_date', 'since is required: a calendar date in the form YYYY-MM-DD', [{ path: 'since', message: 'required' }]);
    // A date after today has no changes since it yet: refused as every dated read refuses it, not answered empty.
    const since = readDate(sinceRaw, this.clock.now().slice(0, 10) as IsoDate, 'since');
    const dataset = await this.kb.dataset();
    // The same error as every other unknown partner: it names the partners there are.
    normalisePartnerId(partnerRaw, dataset);
    const published = await this.repo.list({ status: 'published', partner, limit: 10_000 });
    return {
      partner,
      since,
      facts: factsSince(dataset, partner, since, this.clock.now().slice(0, 10) as IsoDate),
      // Readers see published changes only; a marked comment stays with those its marking admits.
      changes: publishedSince(published, partner, since).map((c) => this.present(p, c, true)),
    };
  }

  /** A record as the data files hold it, to prefill an update (public, like the knowledge base). */
  async record(q: { partner?: string | undefined; kind?: string | undefined; target?: string | undefined }) {
    if (!q.partner) throw new AppError('invalid_filter', 'partner is required: a partner id such as US or JP', [{ path: 'partner', message: 'required' }]);
    const partner = normalisePartnerId(q.partner);
    const kind = checkEnum<ChangeKind>('kind', q.kind, CHANGE_KINDS);
    if (!kind) throw new AppError('invalid_filter', `kind is required: ${allowedList(CHANGE_KINDS)}`, [{ path: 'kind', message: 'required' }]);
    if (!q.target) throw new AppError('invalid_filter', `target is required (${HANDLERS[kind].keyForm})`, [{ path: 'target', message: 'required' }]);
    const found = currentRecord(toEditable(await this.kb.dataset()), { partner, kind, target: q.target });
    if (!found) throw new AppError('unknown_record', `${partner} has no ${kind} "${q.target}"`, [{ path: 'target', message: 'no such record' }]);
    return { partner, kind, target: q.target, record: found };
  }
}
