// The tables of the exchange (migrations 0003 and 0015), as Kysely sees them; joined to the store's Database type here
// so that the shared schema file stays as it is.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from './db';
import type { Database } from './schema';

export interface ExchangeRecordTable {
  id: string;
  /** `actor`, `attribution`, `sighting` or `report`. */
  kind: string;
  name: string;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExchangeLinkTable {
  record_id: string;
  record_kind: string;
  format: string;
  source_key: string;
  source_created: string | null;
  source_modified: string | null;
  /** The Marking as JSON, or null for unmarked records. */
  marking: string | null;
  /** The TLP level alone (`amber`, `clear` …), for filtering. */
  tlp: string | null;
  details: string | null;
  /** SHA-256 of the record and marking as last imported: unchanged imports are recognised by it. */
  hash: string;
  imported_at: string;
}

/** Which records an imported sighting or report refers to (migration 0015). */
export interface ExchangeRefTable {
  record_id: string;
  target_id: string;
}

export interface ImportReportTable {
  id: Generated<number>;
  format: string;
  at: string;
  files: string;
  report: string;
}

/** An import's memo for unchanged re-imports (migration 0080, core/exchange/import-memo.ts). */
export interface ImportMemoTable {
  /** Digest of importer, format and file names. */
  scope: string;
  /** Digest of the files' bytes, the options and the mapping tables. */
  input: string;
  /** Digest of the stored state of `ids` as the run left it. */
  state: string;
  /** The record ids by kind, as JSON. */
  ids: string;
  /** The answer of an unchanged re-import, as JSON. */
  report: string;
  /** The marking of that answer's report, as JSON. */
  marking: string;
  at: string;
}

export interface ExchangeDatabase extends Database {
  exchange_record: ExchangeRecordTable;
  exchange_link: ExchangeLinkTable;
  exchange_ref: ExchangeRefTable;
  import_report: ImportReportTable;
  import_memo: ImportMemoTable;
}

export type ExchangeDb = Kysely<ExchangeDatabase>;

/** The database or an open transaction of it. */
export type ExchangeConn = ExchangeDb | Transaction<ExchangeDatabase>;

/** The same connection for code that knows only the shared tables (markings, audit): Kysely's types are invariant in the schema. */
export const sharedTables = (c: ExchangeConn): Db => c as unknown as Db;

export function chunked<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
