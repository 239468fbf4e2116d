// The audit trail as its page shows it: the query of a page of entries (newest first, narrowed by user, record type
// and days), what each entry changed, and the chain's verdict in words (GET /api/audit, GET /api/audit/verify).
import { request, withQuery } from '../api';
import type * as api from '../api/schema';

export type AuditEntry = api.AuditEntry;
export type AuditVerdict = api.AuditVerdict;

export interface AuditFilters {
  user: string;
  type: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { user: '', type: '', from: '', to: '' };

/** The record types the trail writes (src/store: each repository's audit entries), for the type filter. */
export const RECORD_TYPES = ['incident', 'actor', 'attribution', 'sighting', 'report', 'import_report', 'account', 'token', 'kb_change', 'audit'] as const;

/** Actors the trail names without a username (src/contract/audit.ts). */
const BARE_ACTORS = new Set(['local', 'bootstrap', 'anonymous']);

/** The actor= of a user typed as a person would (erin), or as the trail writes it (user:erin, operator:ops, local). */
export function actorFilter(input: string): string | undefined {
  const v = input.trim();
  if (!v) return undefined;
  return v.includes(':') || BARE_ACTORS.has(v) ? v : `user:${v}`;
}

/** The query of one page: newest first, older than `before` when paging on. */
export function auditQuery(f: AuditFilters, pageSize: number, before?: number): Record<string, string | number | undefined> {
  return { order: 'newest', limit: pageSize, before, actor: actorFilter(f.user), type: f.type || undefined, from: f.from || undefined, to: f.to || undefined };
}

/** A filter's problem before asking: the server would refuse it too (400 invalid_filter). */
export function filtersProblem(f: AuditFilters): string | undefined {
  if (f.from && f.to && f.to < f.from) return `The end day (${f.to}) is before the start day (${f.from}).`;
  return undefined;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value in a line of text, cut at `max` characters. */
export function shortValue(v: unknown, max = 80): string {
  if (v === undefined) return '—';
  const t = typeof v === 'string' ? v : JSON.stringify(v);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The leaves of a value as field paths (incident.title), down to `depth` levels of objects; lists stay whole. */
function leaves(v: unknown, prefix: string, depth: number, out: Map<string, unknown>): void {
  if (isRecord(v) && depth > 0) {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, depth - 1, out);
  } else if (prefix) out.set(prefix, v);
}

/**
 * What an entry changed: each field whose value differs between before and after (a creation lists what it wrote, a
 * deletion what it removed), in the order the record holds its fields.
 */
export function fieldChanges(before: unknown, after: unknown, depth = 3): FieldChange[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  leaves(before, '', depth, b);
  leaves(after, '', depth, a);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .filter((f) => JSON.stringify(b.get(f)) !== JSON.stringify(a.get(f)))
    .map((field) => ({ field, before: shortValue(b.get(field)), after: shortValue(a.get(field)) }));
}

/** What the entry says of its record's contents, when it cannot show them. */
export function entryNote(e: Pick<AuditEntry, 'before' | 'after' | 'redacted'>): string | undefined {
  if (e.redacted) return 'Contents withheld: the record\'s marking does not let you see it.';
  if (e.before === null && e.after === null) return 'No contents recorded.';
  return undefined;
}

/** The chain's verdict as a sentence: intact up to its head, or the first entry where it breaks and why. */
export function verdictWords(v: AuditVerdict): string {
  if (!v.valid) return `The chain breaks at entry ${v.seq}: ${v.reason}.`.replace(/\.\.$/, '.');
  const n = `${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
  const keyed =
    v.keyed.from === null
      ? 'The trail is not keyed (no audit key was set), so it shows edits but not a rewritten chain.'
      : v.keyed.checked
        ? `Keyed from entry ${v.keyed.from}; the keyed links and the head were checked with the audit key.`
        : `Keyed from entry ${v.keyed.from}, but this server lacks the audit key, so the keyed links were not checked.`;
  return `The chain is intact: ${n} checked, from the first to the head (${v.head.slice(0, 12)}…). ${keyed}`;
}

export const audit = {
  page: (f: AuditFilters, pageSize: number, before: number | undefined, s?: AbortSignal) =>
    request<AuditEntry[]>('GET', withQuery('/api/audit', auditQuery(f, pageSize, before)), undefined, s),
  verify: () => request<AuditVerdict>('GET', '/api/audit/verify'),
};
