// The incident registry: each write is one transaction that also writes the marking, appends to the incident's
// history and to the audit trail. Every read takes the reader's clearance and filters by TLP in SQL, so a record
// the reader may not see is absent from lists, counts, search and history, exactly like a missing one.
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../core/auth/principal';
import { canSee, type Clearance, type RecordMarking } from '../core/marking/clearance';
import type { TlpLevel } from '../core/marking/tlp';
import type { AuditLog } from './audit-log';
import { dialectOf, type Db } from './db';
import { incidentSources, type IncidentSources } from './exchange-sources';
import type { IncidentChange, ListedIncident } from '../core/toolbox/incident-listing';
import { IncidentChanges, IncidentCounts, incidentVersion, moveIncidentVersion } from './incident-counts';
import { trigrams } from './incident-search-text';
import { asTlp, grantsOf, writeMarking } from './marking-store';
import type { IncidentTable } from './schema';
import { effectiveTlp, markingJoins, markingJoinsCovered, markingLookups, visibleCondition, visibleFilter } from './visibility';

export interface StoredIncident<T> {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  marking: RecordMarking;
  incident: T;
}

/** A stored incident without its body: what `list` gives beside the parsed body. */
export type IncidentStamp = Omit<StoredIncident<unknown>, 'incident'>;

/** A stored incident with its body as the JSON text stored (`incident` is JSON.parse of `body`). */
export interface StoredIncidentText {
  stamp: IncidentStamp;
  body: string;
}

/** One incident as read for display: with the imported sightings and reports the reader may see. */
export type ShownIncident<T> = StoredIncident<T> & Partial<IncidentSources>;

export interface HistoryEntry<T> {
  version: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  /** The TLP level the record had in this version (its current one for versions older than kept markings). */
  tlp: TlpLevel;
  before: T | null;
  after: T | null;
  /** Content of this entry is withheld: the reader could not see it under the marking it had then. */
  redacted: boolean;
}

export interface IncidentListQuery {
  category?: string | undefined;
  ongoing?: boolean | undefined;
  q?: string | undefined;
  limit?: number;
  offset?: number;
}

interface Summary {
  title: string;
  category: string;
  start?: string | undefined;
  ongoing: boolean;
}

type Row = IncidentTable & { tlp: string; owner_org: string | null };

const RECORD_TYPE = 'incident';

/**
 * The incident search (`q`): the text as typed, found anywhere in the title or the stored body (the incident's
 * JSON: every field's text, including names of fields), ASCII letters matched whatever their case. It is a literal
 * piece of text: `%`, `_` and `\` are characters like any other, not patterns; spaces and punctuation count (a
 * phrase is found as typed, two words in another order are not); a prefix of a word finds the word, and so does any
 * part of it; accents are not removed (`Türkiye` does not find `Turkiye`). PostgreSQL also matches non-ASCII
 * letters whatever their case (ILIKE), SQLite only ASCII ones (LIKE).
 * The test is a `LIKE`/`ILIKE` over title and body, as without an index; from three characters on, a trigram index
 * (migration 0070) narrows the rows it runs on: every row holding the text has the trigrams asked for in the index
 * (`trigrams`: the index leaves out the field names every body carries, migration 0100), so the narrowing drops no
 * match, and the `LIKE` drops the rows holding the trigrams elsewhere. Shorter text, or text inside such a name, is
 * looked for in every row.
 */
export function textCondition(dialect: 'sqlite' | 'postgres', q: string): RawBuilder<boolean> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (dialect === 'postgres') return sql<boolean>`(i.title ILIKE ${pattern} ESCAPE '\\' OR i.body ILIKE ${pattern} ESCAPE '\\')`;
  const like = sql<boolean>`(i.title LIKE ${pattern} ESCAPE '\\' OR i.body LIKE ${pattern} ESCAPE '\\')`;
  const grams = trigrams(q);
  if (!grams.length) return like;
  const match = grams.map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
  return sql<boolean>`(i.id IN (SELECT k.incident_id FROM incident_fts f JOIN incident_search_key k ON k.n = f.rowid WHERE incident_fts MATCH ${match}) AND ${like})`;
}

export { trigrams };

export class IncidentRepository<T extends Summary> {
  /** Totals of the list per filter and clearance, kept while the incident version stays (incident-counts.ts). */
  /** Told of each write of one incident this repository commits, after the kept counts have been carried by it. */
  readonly changes = new IncidentChanges();
  private readonly counts = new IncidentCounts(this.changes);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly defaultTlp: TlpLevel,
  ) {}

  private async present(db: Db, rows: Row[]): Promise<StoredIncident<T>[]> {
    const stamps = await this.stamped(db, rows);
    return rows.map((r, k) => ({ ...(stamps[k] as IncidentStamp), incident: JSON.parse(r.body) as T }));
  }

  /** Each row's presentation without its body, in the key order of `present` (whose last key is `incident`). */
  private async stamped(db: Db, rows: Row[]): Promise<IncidentStamp[]> {
    const grants = await grantsOf(db, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      marking: { tlp: asTlp(r.tlp), owner: r.owner_org, ...(grants.get(r.id) ?? { sharedWith: [], recipients: [] }) },
    }));
  }

  /** The incidents a clearance may see, with their effective marking; `where` narrows further. */
  private async select(db: Db, c: Clearance, where: ReturnType<typeof sql>, page?: { limit: number; offset: number }, lock = false): Promise<Row[]> {
    const dialect = dialectOf(db);
    const r = await sql<Row>`
      SELECT i.*, ${effectiveTlp(this.defaultTlp)} AS tlp, m.owner_org AS owner_org
      FROM incident i ${markingLookups('i.id', dialect)}
      WHERE ${visibleFilter(c, 'i.id', this.defaultTlp, dialect)} AND ${where}
      ORDER BY i.start DESC, i.id
      ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}
      ${lock && dialectOf(db) === 'postgres' ? sql`FOR UPDATE OF i` : sql``}`.execute(db);
    return r.rows;
  }

  /**
   * One incident if the clearance reaches it; inside a write transaction, `trx` also locks its row (PostgreSQL).
   * Read for display (no `trx`), it comes with the imported sightings and reports the clearance reaches.
   */
  async get(c: Clearance, id: string, trx?: Db): Promise<ShownIncident<T> | undefined> {
    const db = trx ?? this.db;
    const rows = await this.select(db, c, sql`i.id = ${id}`, undefined, trx !== undefined);
    const found = (await this.present(db, rows))[0];
    if (!found || trx) return found;
    return { ...found, ...(await incidentSources(db, c, id, this.defaultTlp)) };
  }

  /**
   * The incident version now (incident-counts.ts): every write of an incident, a marking, a grant or an import link
   * moves it in its own transaction, so a list read while it stays the same answers for that version.
   */
  version(): Promise<number> {
    return incidentVersion(this.db);
  }

  /** A page of the incidents a clearance sees, with its total: the plain read, which listStored's answer must equal. */
  async list(c: Clearance, query: IncidentListQuery): Promise<{ total: number; items: StoredIncident<T>[] }> {
    const { total, rows } = await this.page(c, query);
    return { total, items: await this.present(this.db, rows) };
  }

  /**
   * The page of `list` with each incident's body as the JSON text stored, unparsed (`list` gives JSON.parse of it), for
   * an answer written without parsing every body on every read.
   */
  async listStored(c: Clearance, query: IncidentListQuery): Promise<{ total: number; items: StoredIncidentText[] }> {
    const { total, rows } = await this.page(c, query, c.all);
    const stamps = await this.stamped(this.db, rows);
    return { total, items: rows.map((r, k) => ({ stamp: stamps[k] as IncidentStamp, body: r.body })) };
  }

  /** `idsFirst` (for a clearance that sees everything): the page's rows read by selectAllPage, else by `select`. */
  private async page(c: Clearance, query: IncidentListQuery, idsFirst = false): Promise<{ total: number; rows: Row[] }> {
    const conditions = [sql`1 = 1`];
    if (query.category) conditions.push(sql`i.category = ${query.category}`);
    if (query.ongoing !== undefined) conditions.push(sql`i.ongoing = ${query.ongoing ? 1 : 0}`);
    if (query.q) conditions.push(textCondition(dialectOf(this.db), query.q));
    const where = sql.join(conditions, sql` AND `);
    const total = await this.counts.count(this.db, c, query, () => this.count(c, where, query.q !== undefined && query.q !== ''));
    const range = { limit: query.limit ?? 100, offset: query.offset ?? 0 };
    const rows = idsFirst ? await this.selectAllPage(where, range) : await this.select(this.db, c, where, range);
    return { total, rows };
  }

  /**
   * A page of `select` for a clearance that sees every record (whose TLP test is `1 = 1`): the page's ids are found
   * in the list's order from the incident's own columns (on SQLite through the index of the filter and the order
   * alone, covering), then only the page's rows are read with their markings, in the same order. `select` looks up
   * the marking and import link of every row it walks past, the offset's included (on a page at offset 450, ten
   * times the rows it answers). Marking and link are one row at most per record (their primary keys), so the join
   * neither adds nor drops rows.
   */
  private async selectAllPage(where: RawBuilder<unknown>, page: { limit: number; offset: number }): Promise<Row[]> {
    const r = await sql<Row>`
      WITH p AS (SELECT i.id, i.start FROM incident i WHERE ${where} ORDER BY i.start DESC, i.id LIMIT ${page.limit} OFFSET ${page.offset})
      SELECT i.*, ${effectiveTlp(this.defaultTlp)} AS tlp, m.owner_org AS owner_org
      FROM p JOIN incident i ON i.id = p.id ${markingLookups('i.id', dialectOf(this.db))}
      ORDER BY p.start DESC, p.id`.execute(this.db);
    return r.rows;
  }

  /**
   * The exact count of the incidents a clearance sees under `where`, counted now (list keeps it by version). A text
   * search finds few rows through its index: each one's marking is looked up; other filters count many rows, whose
   * markings are best read through joins.
   */
  private async count(c: Clearance, where: RawBuilder<unknown>, search: boolean): Promise<number> {
    const dialect = dialectOf(this.db);
    // A clearance that sees everything needs no marking joins to count (the filters name incident columns only).
    const joins = c.all ? sql`` : search ? markingLookups('i.id', dialect) : markingJoinsCovered('i.id', dialect);
    const count = await sql<{ n: number }>`
      SELECT count(*) AS n FROM incident i ${joins} WHERE ${visibleCondition(c, 'i.id', this.defaultTlp)} AND ${where}`.execute(this.db);
    return Number(count.rows[0]?.n ?? 0);
  }

  /**
   * The most recent incidents a clearance may see, in the order of `list`, without their bodies: id, version and
   * update time, which change with every write of the row, so that a reader may keep what it derived from a body.
   */
  async recentStamps(c: Clearance, limit: number): Promise<{ id: string; version: number; updatedAt: string }[]> {
    const r = await sql<{ id: string; version: number; updated_at: string }>`
      SELECT i.id, i.version, i.updated_at FROM incident i ${markingLookups('i.id', dialectOf(this.db))}
      WHERE ${visibleFilter(c, 'i.id', this.defaultTlp, dialectOf(this.db))}
      ORDER BY i.start DESC, i.id
      LIMIT ${limit}`.execute(this.db);
    return r.rows.map((x) => ({ id: x.id, version: Number(x.version), updatedAt: x.updated_at }));
  }

  /** These incidents, those of them the clearance may see, with their stamps (see recentStamps) and bodies. */
  async visibleBodies(c: Clearance, ids: readonly string[]): Promise<{ id: string; version: number; updatedAt: string; incident: T }[]> {
    const out: { id: string; version: number; updatedAt: string; incident: T }[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const r = await sql<{ id: string; version: number; updated_at: string; body: string }>`
        SELECT i.id, i.version, i.updated_at, i.body FROM incident i ${markingLookups('i.id', dialectOf(this.db))}
        WHERE ${visibleFilter(c, 'i.id', this.defaultTlp, dialectOf(this.db))} AND i.id IN (${sql.join(chunk)})`.execute(this.db);
      for (const x of r.rows) out.push({ id: x.id, version: Number(x.version), updatedAt: x.updated_at, incident: JSON.parse(x.body) as T });
    }
    return out;
  }

  /** Ids of every incident the clearance may see, for exports. */
  async visibleIds(c: Clearance): Promise<string[]> {
    return (await this.select(this.db, c, sql`1 = 1`)).map((r) => r.id);
  }

  async create(actor: Actor, id: string, incident: T, marking: RecordMarking, at: string): Promise<StoredIncident<T>> {
    const body = JSON.stringify(incident);
    const end = this.changes.begin();
    const change = await this.db.transaction().execute(async (trx) => {
      const from = await moveIncidentVersion(trx);
      await trx
        .insertInto('incident')
        .values({ id, title: incident.title, category: incident.category, start: incident.start ?? null, ongoing: incident.ongoing ? 1 : 0, body, version: 1, created_at: at, updated_at: at })
        .execute();
      await writeMarking(trx, id, RECORD_TYPE, marking);
      await trx.insertInto('incident_history').values({ incident_id: id, version: 1, action: 'create', at, before: null, after: body, marking: JSON.stringify(marking) }).execute();
      await this.audit.append(trx, { actor, at, action: 'incident.create', targetType: RECORD_TYPE, targetId: id, after: { incident, marking } });
      return this.change(trx, from, null, listed(incident, body, marking));
    }).catch(ended(end));
    this.changed(change, end);
    return { id, version: 1, createdAt: at, updatedAt: at, marking, incident };
  }

  /**
   * Replaces an incident and its marking; undefined when it does not exist or the clearance does not reach it, or
   * (`ifVersion`) when it is no longer at that version, which leaves it as it is.
   */
  async update(actor: Actor, c: Clearance, id: string, incident: T, marking: RecordMarking, at: string, opts: { ifVersion?: number } = {}): Promise<StoredIncident<T> | undefined> {
    const end = this.changes.begin();
    const done = await this.db.transaction().execute(async (trx) => {
      const from = await moveIncidentVersion(trx);
      const old = await this.get(c, id, trx);
      if (!old || (opts.ifVersion !== undefined && old.version !== opts.ifVersion)) return undefined;
      const before = await storedListed(trx, id, old.marking);
      const body = JSON.stringify(incident);
      const version = old.version + 1;
      await trx
        .updateTable('incident')
        .set({ title: incident.title, category: incident.category, start: incident.start ?? null, ongoing: incident.ongoing ? 1 : 0, body, version, updated_at: at })
        .where('id', '=', id)
        .execute();
      await writeMarking(trx, id, RECORD_TYPE, marking);
      await trx
        .insertInto('incident_history')
        .values({ incident_id: id, version, action: 'update', at, before: JSON.stringify(old.incident), after: body, marking: JSON.stringify(marking) })
        .execute();
      await this.audit.append(trx, {
        actor,
        at,
        action: 'incident.update',
        targetType: RECORD_TYPE,
        targetId: id,
        before: { incident: old.incident, marking: old.marking },
        after: { incident, marking },
      });
      const change = await this.change(trx, from, before, listed(incident, body, marking));
      return { change, stored: { id, version, createdAt: old.createdAt, updatedAt: at, marking, incident } };
    }).catch(ended(end));
    this.changed(done?.change, end);
    if (!done) return undefined;
    return done.stored;
  }

  /** Deletes an incident the clearance reaches; its marking stays, so that its history stays protected. */
  async delete(actor: Actor, c: Clearance, id: string, at: string): Promise<boolean> {
    const end = this.changes.begin();
    const change = await this.db.transaction().execute(async (trx) => {
      const from = await moveIncidentVersion(trx);
      const old = await this.get(c, id, trx);
      if (!old) return undefined;
      const before = await storedListed(trx, id, old.marking);
      await trx.deleteFrom('incident').where('id', '=', id).execute();
      await trx
        .insertInto('incident_history')
        .values({ incident_id: id, version: old.version + 1, action: 'delete', at, before: JSON.stringify(old.incident), after: null, marking: JSON.stringify(old.marking) })
        .execute();
      await this.audit.append(trx, { actor, at, action: 'incident.delete', targetType: RECORD_TYPE, targetId: id, before: { incident: old.incident, marking: old.marking } });
      return this.change(trx, from, before, null);
    }).catch(ended(end));
    this.changed(change, end);
    return change !== undefined;
  }

  /** A write's change, read at the end of its transaction: the version it moved to, its own moves alone (it holds the lock). */
  private async change(trx: Db, from: number, before: ListedIncident | null, after: ListedIncident | null): Promise<IncidentChange> {
    return { from, to: await incidentVersion(trx), textCase: dialectOf(trx) === 'postgres' ? 'locale' : 'ascii', before, after };
  }

  /**
   * After the write's commit: the kept counts carried by it, then the listeners told (the kept pages of the server);
   * then the write ends (`end`, from changes.begin), which readers of its version may be waiting for.
   */
  private changed(change: IncidentChange | undefined, end: () => void): void {
    try {
      if (change) {
        this.counts.carry(change);
        this.changes.tell(change);
      }
    } finally {
      end();
    }
  }

  /**
   * The versions of an incident the clearance reaches now. Each version's content keeps the marking it had: a
   * version the reader could not have seen under its own marking (a RED draft later lowered to CLEAR) is listed
   * with its content withheld. Versions written before markings were kept are judged by the current marking.
   */
  async history(c: Clearance, id: string): Promise<HistoryEntry<T>[]> {
    const rows = await sql<{ version: number; action: string; at: string; before: string | null; after: string | null; marking: string | null; tlp: string; owner_org: string | null }>`
      SELECT h.version, h.action, h.at, h.before, h.after, h.marking, ${effectiveTlp(this.defaultTlp)} AS tlp, m.owner_org AS owner_org
      FROM incident_history_read h ${markingJoins('h.incident_id')}
      WHERE h.incident_id = ${id} AND ${visibleCondition(c, 'h.incident_id', this.defaultTlp)}
      ORDER BY h.seq`.execute(this.db);
    if (!rows.rows.length) return [];
    const grants = (await grantsOf(this.db, [id])).get(id) ?? { sharedWith: [], recipients: [] };
    const first = rows.rows[0];
    const current: RecordMarking = { tlp: asTlp(first?.tlp ?? 'red'), owner: first?.owner_org ?? null, ...grants };
    let previous: RecordMarking = current;
    return rows.rows.map((r) => {
      const marking = r.marking ? (JSON.parse(r.marking) as RecordMarking) : current;
      // `before` is the previous version's content, under the previous version's marking.
      const showBefore = canSee(c, previous).visible;
      const showAfter = canSee(c, marking).visible;
      previous = marking;
      return {
        version: r.version,
        action: r.action as HistoryEntry<T>['action'],
        at: r.at,
        tlp: marking.tlp,
        before: r.before && showBefore ? (JSON.parse(r.before) as T) : null,
        after: r.after && showAfter ? (JSON.parse(r.after) as T) : null,
        redacted: (r.before !== null && !showBefore) || (r.after !== null && !showAfter),
      };
    });
  }
}

/** For a write's failure: ends the write (changes.begin), then fails as it did. */
const ended =
  (end: () => void) =>
  (error: unknown): never => {
    end();
    throw error;
  };

/** An incident as the list query reads it (core/toolbox/incident-listing.ts): its columns, stored body and marking. */
function listed(incident: Summary, body: string, marking: RecordMarking): ListedIncident {
  return { title: incident.title, category: incident.category, ongoing: incident.ongoing ? true : false, body, marking };
}

/** An incident as stored now (in a write's transaction, before it changes the row): its columns as the list reads them. */
async function storedListed(trx: Db, id: string, marking: RecordMarking): Promise<ListedIncident> {
  const r = await sql<{ title: string; category: string; ongoing: number | boolean; body: string }>`SELECT title, category, ongoing, body FROM incident WHERE id = ${id}`.execute(trx);
  const row = r.rows[0];
  if (!row) throw new Error(`incident ${id} vanished inside its own write`);
  return { title: row.title, category: row.category, ongoing: Number(row.ongoing) === 1, body: row.body, marking };
}
