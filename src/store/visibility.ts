// The TLP rule of core/marking/clearance.ts as SQL, so that every query over marked records filters in the database:
// lists, counts, search, history and the audit trail all see exactly what the principal may see, and nothing else.
import { sql, type RawBuilder } from 'kysely';
import type { Clearance } from '../core/marking/clearance';
import type { TlpLevel } from '../core/marking/tlp';

/** A column holding the record id (`i.id`), or an expression for records whose id is derived (import reports). */
export type RecordIdRef = string | RawBuilder<unknown>;
const idOf = (r: RecordIdRef) => (typeof r === 'string' ? sql.ref(r) : r);

/**
 * A record's effective marking comes from record_marking (alias `m`); for a record an import wrote without one,
 * from the TLP the import stored (exchange_link, alias `l`; TLP 1.0 WHITE is CLEAR); failing both, the
 * deployment default. Records without an owner are hidden at AMBER and AMBER+STRICT: the rule fails closed.
 */
export function markingJoins(recordId: RecordIdRef): RawBuilder<unknown> {
  const id = idOf(recordId);
  return sql`LEFT JOIN record_marking m ON m.record_id = ${id} LEFT JOIN exchange_link l ON l.record_id = ${id}`;
}

/**
 * The same joins for a count over many records on SQLite: through the indexes of migration 0071, which hold every
 * column the TLP rule reads, so that no table row is read. SQLite would otherwise take the primary keys' indexes
 * (as good by its estimate, without statistics) and read each marking's and each import link's row besides.
 */
export function markingJoinsCovered(recordId: RecordIdRef, dialect: 'sqlite' | 'postgres'): RawBuilder<unknown> {
  if (dialect === 'postgres') return markingJoins(recordId);
  const id = idOf(recordId);
  return sql`LEFT JOIN record_marking m INDEXED BY record_marking_visibility ON m.record_id = ${id} LEFT JOIN exchange_link l INDEXED BY exchange_link_tlp ON l.record_id = ${id}`;
}

/**
 * The same joins for reading records in an index's order (a page of a list) or a few found by another index (a text
 * search): on PostgreSQL each record's marking and import link are looked up by its id through the indexes of
 * migration 0071, one lookup per record read, kept apart from the planner's join choice. Joined plainly, the
 * planner cannot estimate how many records the TLP rule lets through and hashes both tables whole (reading every
 * marking) to sort the page, where walking the list order and stopping at the page's end reads a few hundred.
 * SQLite already looks each one up.
 */
export function markingLookups(recordId: RecordIdRef, dialect: 'sqlite' | 'postgres'): RawBuilder<unknown> {
  if (dialect === 'sqlite') return markingJoins(recordId);
  const id = idOf(recordId);
  return sql`LEFT JOIN LATERAL (SELECT tlp, owner_org FROM record_marking WHERE record_id = ${id} OFFSET 0) m ON true LEFT JOIN LATERAL (SELECT tlp FROM exchange_link WHERE record_id = ${id} OFFSET 0) l ON true`;
}

export function effectiveTlp(defaultTlp: TlpLevel): RawBuilder<string> {
  return sql<string>`COALESCE(m.tlp, CASE WHEN l.tlp = 'white' THEN 'clear' ELSE l.tlp END, ${defaultTlp})`;
}

/** A boolean SQL condition: may a principal of this clearance see the record `recordId` (with the joins above)? */
export function visibleCondition(c: Clearance, recordId: RecordIdRef, defaultTlp: TlpLevel): RawBuilder<boolean> {
  if (c.all) return sql<boolean>`1 = 1`;
  const tlp = effectiveTlp(defaultTlp);
  const id = idOf(recordId);
  const granted = (grantee: string) => sql`EXISTS (SELECT 1 FROM record_grant g WHERE g.record_id = ${id} AND g.grantee = ${grantee})`;
  const clauses: RawBuilder<unknown>[] = [sql`${tlp} IN (${sql.join(c.levels.map((l) => sql`${l}`))})`];
  if (c.org !== null) {
    clauses.push(sql`(${tlp} = 'amber' AND (m.owner_org = ${c.org} OR ${granted(`org:${c.org}`)}))`);
    clauses.push(sql`(${tlp} = 'amber+strict' AND m.owner_org = ${c.org})`);
  }
  if (c.username !== null) clauses.push(sql`(${tlp} = 'red' AND ${granted(`user:${c.username}`)})`);
  return sql<boolean>`(${sql.join(clauses, sql` OR `)})`;
}

/**
 * visibleCondition for the planner of PostgreSQL an opaque test (a scalar subquery, estimated to let half the rows
 * through), so that a page is read in the list's order and stops at its end instead of sorting every row the planner
 * wrongly expects to be few. The same test, evaluated the same way; SQLite takes visibleCondition as it is.
 */
export function visibleFilter(c: Clearance, recordId: RecordIdRef, defaultTlp: TlpLevel, dialect: 'sqlite' | 'postgres'): RawBuilder<boolean> {
  const condition = visibleCondition(c, recordId, defaultTlp);
  return dialect === 'postgres' && !c.all ? sql<boolean>`(SELECT ${condition})` : condition;
}
