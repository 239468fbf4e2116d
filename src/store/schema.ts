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
  /** The marking (JSON) the record had in this version; null for versions written before markings were kept. */
  marking: string | null;
}

/**
 * incident_history as its readers take it (migration 0103): an import's `create` entry stored without its body
 * (`after` NULL, "the body as first stored") reads with that body.
 */
export type IncidentHistoryReadView = IncidentHistoryTable;

export interface AccountTable {
  id: string;
  username: string;
  display_name: string | null;
  org: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** Refreshed at most once a minute while the session is used; the idle timeout counts from it. */
  last_used_at: string;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** Written at most once a minute while the token is used; null until its first use. */
  last_used_at: string | null;
  /** `read` or `read-write`. */
  scope: string;
  /** The token that minted this one, if any: it ends no later than its parent and is revoked with it. */
  parent_id: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface RecordMarkingTable {
  record_id: string;
  record_type: string;
  tlp: string;
  owner_org: string | null;
}

export interface RecordGrantTable {
  record_id: string;
  grantee: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  actor_org: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The first entry chained under the audit key (HMAC); null while the trail is unkeyed. */
  keyed_from: number | null;
  /** HMAC of seq, hash and keyed_from under the audit key; null while the trail is unkeyed. */
  mac: string | null;
}

export interface KbChangeTable {
  id: string;
  partner: string;
  kind: string;
  action: string;
  target: string;
  /** JSON of the record after the change; null for retire. */
  record: string | null;
  /** JSON of the target when proposed or last revised; null for add. */
  before: string | null;
  comment: string | null;
  comment_tlp: string | null;
  status: string;
  proposed_by: string;
  proposed_by_org: string | null;
  proposed_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_reason: string | null;
  published_seq: number | null;
}

export interface Database {
  kb_record: KbRecordTable;
  meta: MetaTable;
  incident: IncidentTable;
  incident_history: IncidentHistoryTable;
  incident_history_read: IncidentHistoryReadView;
  account: AccountTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  rate_limit: RateLimitTable;
  record_marking: RecordMarkingTable;
  record_grant: RecordGrantTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  kb_change: KbChangeTable;
}
