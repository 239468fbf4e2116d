// What the store holds for the records an import brings: links, rows and markings, read by chunks of ids inside the
// import's transaction, so that the plan is made from the state it is written over.
import type { StoredRecord } from '../core/exchange/import-plan';
import { RECORD_KINDS, type RecordKind } from '../core/exchange/records';
import { chunked, sharedTables, type ExchangeConn } from './exchange-schema';
import { asTlp, grantsOf } from './marking-store';

/** Ids per `IN (...)` list. */
const IDS_PER_QUERY = 1000;

const rowTable = (kind: RecordKind) => (kind === 'incident' ? 'incident' : 'exchange_record');

export async function storedState(db: ExchangeConn, ids: Record<RecordKind, string[]>): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  const entry = (id: string) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = { exists: false }));
    return s;
  };
  for (const kind of RECORD_KINDS) {
    for (const chunk of chunked(ids[kind], IDS_PER_QUERY)) {
      const rows = await db.selectFrom(rowTable(kind)).select(['id', 'version']).where('id', 'in', chunk).execute();
      for (const r of rows) {
        const e = entry(r.id);
        e.exists = true;
        e.version = r.version;
      }
    }
  }
  for (const chunk of chunked(RECORD_KINDS.flatMap((k) => ids[k]), IDS_PER_QUERY)) {
    const links = await db.selectFrom('exchange_link').select(['record_id', 'hash', 'source_modified']).where('record_id', 'in', chunk).execute();
    for (const l of links) entry(l.record_id).link = { hash: l.hash, sourceModified: l.source_modified };
    const markings = await db.selectFrom('record_marking').select(['record_id', 'record_type', 'tlp', 'owner_org']).where('record_id', 'in', chunk).execute();
    if (!markings.length) continue;
    const grants = await grantsOf(sharedTables(db), markings.map((m) => m.record_id));
    for (const m of markings) {
      const e = entry(m.record_id);
      e.marking = { tlp: asTlp(m.tlp), owner: m.owner_org, ...(grants.get(m.record_id) ?? { sharedWith: [], recipients: [] }) };
      e.kind = m.record_type;
    }
  }
  return out;
}

/** The stored bodies and versions of rows an import may change. */
export async function storedBodies(db: ExchangeConn, kind: RecordKind, ids: readonly string[]): Promise<Map<string, { body: string; version: number }>> {
  const out = new Map<string, { body: string; version: number }>();
  for (const chunk of chunked(ids, IDS_PER_QUERY)) {
    const rows = await db.selectFrom(rowTable(kind)).select(['id', 'body', 'version']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, { body: r.body, version: r.version });
  }
  return out;
}
