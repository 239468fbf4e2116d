// Writes the settled records of an import inside its transaction, a few hundred records at a time, with one
// multi-row statement per table: record rows, incident history, source links, markings and grants. A statement per
// few hundred records instead of four or five per record is what makes large imports fast; building the parts one
// after the other keeps only one part's rows in memory.
import type { PlannedWrite } from '../core/exchange/import-plan';
import type { Marking } from '../core/exchange/records';
import { referencedIds, type ReportRecord, type SightingRecord } from '../core/exchange/source-records';
import type { IncidentInput } from '../core/toolbox/incident';
import { insertRows, rowsPerStatement } from './bulk-insert';
import { chunked, sharedTables, type ExchangeConn, type ExchangeLinkTable, type ExchangeRecordTable, type ExchangeRefTable } from './exchange-schema';
import type { Db } from './db';
import type { IncidentSearchBatch } from './incident-search-batch';
import { granteesOf } from './marking-store';
import type { IncidentHistoryTable, IncidentTable, RecordGrantTable, RecordMarkingTable } from './schema';

/**
 * A marking's JSON, kept per marking object: an import's records share their batch's few marking objects, which were
 * turned into the same text once per record (for the content hash, then for the link row). Markings are not changed
 * once read, so the kept text stays theirs.
 */
const markingTexts = new WeakMap<Marking, string>();
export function markingJson(marking: Marking | null): string {
  if (typeof marking !== 'object' || marking === null) return String(JSON.stringify(marking));
  let text = markingTexts.get(marking);
  if (text === undefined) markingTexts.set(marking, (text = JSON.stringify(marking)));
  return text;
}

/** A planned write with what it changes, once compared with the stored row. */
export interface Settled {
  w: PlannedWrite;
  /** A new row; else an existing one whose content, marking, both or neither (only the link is refreshed) change. */
  create: boolean;
  content: boolean;
  marking: boolean;
  old?: { body: string; version: number } | undefined;
}

/** Records per part: with 11 columns (links), a part binds 5,500 values, far below both dialects' limits. */
const PART = rowsPerStatement(11);

const INCIDENT_COLUMNS = ['id', 'title', 'category', 'start', 'ongoing', 'body', 'version', 'created_at', 'updated_at'] as const;
const HISTORY_COLUMNS = ['incident_id', 'version', 'action', 'at', 'before', 'after', 'marking'] as const;
const RECORD_COLUMNS = ['id', 'kind', 'name', 'body', 'version', 'created_at', 'updated_at'] as const;
const LINK_COLUMNS = ['record_id', 'record_kind', 'format', 'source_key', 'source_created', 'source_modified', 'marking', 'tlp', 'details', 'hash', 'imported_at'] as const;

/** Writes the settled records; with `search`, the incident rows written are noted for the search index instead of its triggers. */
export async function writeSettled(trx: ExchangeConn, settled: readonly Settled[], at: string, search?: IncidentSearchBatch): Promise<void> {
  for (const part of chunked(settled, PART)) await writePart(trx, part, at, search);
}

async function writePart(trx: ExchangeConn, part: readonly Settled[], at: string, search: IncidentSearchBatch | undefined): Promise<void> {
  const db = sharedTables(trx);
  const incidents: Row<IncidentTable>[] = [];
  const history: Omit<IncidentHistoryTable, 'seq'>[] = [];
  const records: Row<ExchangeRecordTable>[] = [];
  const refs: ExchangeRefTable[] = [];
  const rerefs: string[] = [];
  const twice = repeatedIncidents(part);
  for (const s of part) {
    const { kind, item } = s.w;
    // An incident whose marking alone changes gets a new version too, as through the API: its history names the
    // marking of every version (the content stays the stored one, local edits included).
    const remarked = kind === 'incident' && !s.create && !s.content && s.marking && s.old !== undefined;
    if (!s.create && !s.content && !remarked) continue;
    const version = s.create ? 1 : (s.old?.version ?? 0) + 1;
    if (kind === 'incident') {
      const body = remarked ? (s.old?.body ?? s.w.body) : s.w.body;
      const i = (remarked ? JSON.parse(body) : item.body) as IncidentInput;
      incidents.push({ fresh: s.create, row: { id: item.id, title: i.title, category: i.category, start: i.start ?? null, ongoing: i.ongoing ? 1 : 0, body, version, created_at: at, updated_at: at } });
      search?.note(item.id, s.create);
      // A created incident's entry holds no copy of its body: `after` NULL reads as the body as first stored
      // (migration 0103), unless the part brings the id twice, whose last row would replace that body.
      const copy = !s.create || twice.has(item.id);
      history.push({ incident_id: item.id, version, action: s.create ? 'create' : 'update', at, before: s.create ? null : (s.old?.body ?? null), after: copy ? body : null, marking: JSON.stringify(s.w.marking) });
    } else {
      records.push({ fresh: s.create, row: { id: item.id, kind, name: recordName(s.w), body: s.w.body, version, created_at: at, updated_at: at } });
      if (kind === 'sighting' || kind === 'report') {
        rerefs.push(item.id);
        for (const target of referencedIds(kind, item.body as SightingRecord | ReportRecord)) refs.push({ record_id: item.id, target_id: target });
      }
    }
  }
  // Upserts: a new row is inserted; an existing one keeps its created_at and takes the rest.
  await writeRows(db, 'incident', incidents, INCIDENT_COLUMNS, { key: 'id', update: ['title', 'category', 'start', 'ongoing', 'body', 'version', 'updated_at'] });
  await insertRows(db, 'incident_history', history, HISTORY_COLUMNS, WHOLE);
  await writeRows(db, 'exchange_record', records, RECORD_COLUMNS, { key: 'id', update: ['name', 'body', 'version', 'updated_at'] });
  // A sighting or report whose content changed may refer to other records now: its rows are written anew.
  if (rerefs.length) await trx.deleteFrom('exchange_ref').where('record_id', 'in', rerefs).execute();
  await insertRows(db, 'exchange_ref', refs, ['record_id', 'target_id'], WHOLE);

  // A link is known new where the plan saw none stored for the id (`linked`): a deleted record keeps its link.
  const links: Row<ExchangeLinkTable>[] = part.map(({ w }) => ({ fresh: w.linked === false, row: {
    record_id: w.item.id,
    record_kind: w.kind,
    format: w.item.source.format,
    source_key: w.item.source.key,
    source_created: w.item.source.created ?? null,
    source_modified: w.item.source.modified,
    marking: w.item.marking ? markingJson(w.item.marking) : null,
    tlp: w.item.marking?.tlp?.level ?? null,
    details: w.item.details ? JSON.stringify(w.item.details) : null,
    hash: w.hash,
    imported_at: at,
  } }));
  await writeRows(db, 'exchange_link', links, LINK_COLUMNS, { key: 'record_id', update: LINK_COLUMNS.filter((c) => c !== 'record_id') });

  const marked = part.filter((s) => s.marking);
  // A marking outlives its record: it is known new where the plan saw none stored, whatever the record's row.
  const markings: Row<RecordMarkingTable>[] = marked.map(({ w }) => ({ fresh: w.stored === undefined, row: { record_id: w.item.id, record_type: w.kind, tlp: w.marking.tlp, owner_org: w.marking.owner } }));
  await writeRows(db, 'record_marking', markings, ['record_id', 'record_type', 'tlp', 'owner_org'], { key: 'record_id', update: ['record_type', 'tlp', 'owner_org'] });
  const regranted = marked.filter((s) => s.w.stored).map((s) => s.w.item.id);
  if (regranted.length) await trx.deleteFrom('record_grant').where('record_id', 'in', regranted).execute();
  const grants: RecordGrantTable[] = marked.flatMap(({ w }) => granteesOf(w.marking).map((grantee) => ({ record_id: w.item.id, grantee })));
  await insertRows(db, 'record_grant', grants, ['record_id', 'grantee'], WHOLE);
}

/** The ids of incidents a part brings more than once (none, as the plans make them; upserted if it happens). */
function repeatedIncidents(part: readonly Settled[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { w } of part) if (w.kind === 'incident') (seen.has(w.item.id) ? twice : seen).add(w.item.id);
  return twice;
}

/** A row to write, `fresh` when the plan knows its key is not stored in the row's table. */
interface Row<R> {
  fresh: boolean;
  row: R;
}

/** The import's transaction is rolled back whole on any error: a failing statement need not be undone alone. */
const WHOLE = { rolledBackWhole: true } as const;

/**
 * Writes a part's rows of a table keyed by a hashed id, in the key's order: ids are hashes in no order, and a
 * statement whose rows come sorted walks the key's index from page to page instead of jumping between random ones
 * (tables are read by key or through ORDER BY, never in the order rows were put in). Rows the plan knows to be new
 * are plain inserts, without the upsert's conflict handling or a statement journal (`rolledBackWhole`); an id the
 * part brings twice, or one already stored, is upserted, as before.
 */
async function writeRows<R extends object>(db: Db, table: string, rows: readonly Row<R>[], columns: readonly (keyof R & string)[], upsert: { key: keyof R & string; update: readonly (keyof R & string)[] }): Promise<void> {
  // Each row's key is read once, not in the comparator: a part's sort compares every row several times (on 100 rows
  // of hashed ids, sorting with the keys read once took about half the time).
  const keyed = rows.map((r) => ({ key: String(r.row[upsert.key]), r }));
  const count = new Map<string, number>();
  for (const { key } of keyed) count.set(key, (count.get(key) ?? 0) + 1);
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fresh: R[] = [];
  const other: R[] = [];
  for (const { key, r } of keyed) (r.fresh && count.get(key) === 1 ? fresh : other).push(r.row);
  await insertRows(db, table, fresh, columns, WHOLE);
  await insertRows(db, table, other, columns, { upsert, rolledBackWhole: true });
}

/** The name an exchange_record row is listed by: an actor's or report's name, else what the record links. */
function recordName(w: PlannedWrite): string {
  const b = w.item.body as { name?: string; subject?: { id: string }; target?: string; of?: { id: string }; firstSeen?: string };
  if (w.kind === 'actor' || w.kind === 'report') return String(b.name);
  if (w.kind === 'sighting') return `${b.of?.id ?? ''} seen ${b.firstSeen ?? ''}`.trim();
  return `${b.subject?.id ?? ''} -> ${b.target ?? ''}`;
}
