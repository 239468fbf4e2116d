// Curated knowledge-base changes in the store: proposals, their review, and the published layer read in order.
import type { ChangeAction, ChangeKind, ChangeStatus, KbChange } from '../core/curation/change';
import type { LayerChange } from '../core/curation/apply';
import type { Db } from './db';
import type { KbChangeTable } from './schema';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

export function changeOf(r: KbChangeTable): KbChange {
  return {
    id: r.id,
    partner: r.partner,
    kind: r.kind as ChangeKind,
    action: r.action as ChangeAction,
    target: r.target,
    record: parse(r.record),
    before: parse(r.before),
    comment: r.comment,
    commentTlp: r.comment_tlp,
    status: r.status as ChangeStatus,
    proposedBy: r.proposed_by,
    proposedByOrg: r.proposed_by_org,
    proposedAt: r.proposed_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewReason: r.review_reason,
    publishedSeq: r.published_seq === null ? null : Number(r.published_seq),
  };
}

export function rowOf(c: KbChange): KbChangeTable {
  return {
    id: c.id,
    partner: c.partner,
    kind: c.kind,
    action: c.action,
    target: c.target,
    record: json(c.record),
    before: json(c.before),
    comment: c.comment,
    comment_tlp: c.commentTlp,
    status: c.status,
    proposed_by: c.proposedBy,
    proposed_by_org: c.proposedByOrg,
    proposed_at: c.proposedAt,
    reviewed_by: c.reviewedBy,
    reviewed_at: c.reviewedAt,
    review_reason: c.reviewReason,
    published_seq: c.publishedSeq,
  };
}

/** The published changes in order of publication: the layer over the seeded files. */
export async function publishedLayer(db: Db): Promise<LayerChange[]> {
  const rows = await db.selectFrom('kb_change').select(['id', 'partner', 'kind', 'action', 'target', 'record']).where('status', '=', 'published').orderBy('published_seq').execute();
  return rows.map((r) => ({ id: r.id, partner: r.partner, kind: r.kind as ChangeKind, action: r.action as ChangeAction, target: r.target, record: parse(r.record) }));
}

export class KbChangeRepository {
  constructor(private readonly db: Db) {}

  async insert(c: KbChange, trx: Db = this.db): Promise<void> {
    await trx.insertInto('kb_change').values(rowOf(c)).execute();
  }

  async get(id: string, trx: Db = this.db): Promise<KbChange | undefined> {
    const r = await trx.selectFrom('kb_change').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? changeOf(r) : undefined;
  }

  async list(filter: { status?: ChangeStatus | undefined; partner?: string | undefined; limit?: number }, trx: Db = this.db): Promise<KbChange[]> {
    let q = trx.selectFrom('kb_change').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.partner) q = q.where('partner', '=', filter.partner);
    const rows = await q.orderBy('proposed_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500).execute();
    return rows.map(changeOf);
  }

  async update(c: KbChange, trx: Db): Promise<void> {
    const { id, ...rest } = rowOf(c);
    await trx.updateTable('kb_change').set(rest).where('id', '=', id).execute();
  }

  async nextSeq(trx: Db): Promise<number> {
    const r = await trx.selectFrom('kb_change').select((eb) => eb.fn.max('published_seq').as('n')).executeTakeFirst();
    return Number(r?.n ?? 0) + 1;
  }
}
