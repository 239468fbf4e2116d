// The tables of the store, as Kysely sees them.
import type { Generated } from 'kysely';

export interface KbRecordTable {
  /** `<kind>:<natural id>`, deterministic so that re-seeding updates instead of duplicating. */
  id: string;
  kind: string;
  partner: string | null;
  body: string;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface IncidentTable {
  id: string;
  title: string;
  category: string;
  start: string | null;
  ongoing: number;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface IncidentHistoryTable {
  seq: Generated<number>;
  incident_id: string;
  version: number;
  action: string;
  at: string;
  before: string | null;
  after: string | null;
}

export interface Database {
  kb_record: KbRecordTable;
  meta: MetaTable;
  incident: IncidentTable;
  incident_history: IncidentHistoryTable;
}
