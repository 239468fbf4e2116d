// The incident registry in SQLite: each write is one transaction that also appends to the incident's history.
import type { Db } from './db';

export interface StoredIncident<T> {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  incident: T;
}

export interface HistoryEntry<T> {
  version: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  before: T | null;
  after: T | null;
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

export class IncidentRepository<T extends Summary> {
  constructor(private readonly db: Db) {}

  private row(r: { id: string; version: number; created_at: string; updated_at: string; body: string }): StoredIncident<T> {
    return { id: r.id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, incident: JSON.parse(r.body) as T };
  }

  async get(id: string): Promise<StoredIncident<T> | undefined> {
    const r = await this.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? this.row(r) : undefined;
  }

  async list(query: IncidentListQuery): Promise<{ total: number; items: StoredIncident<T>[] }> {
    let q = this.db.selectFrom('incident');
    if (query.category) q = q.where('category', '=', query.category);
    if (query.ongoing !== undefined) q = q.where('ongoing', '=', query.ongoing ? 1 : 0);
    if (query.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${query.q}%`), eb('body', 'like', `%${query.q}%`)]));
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll()
      .orderBy('start', 'desc')
      .orderBy('id')
      .limit(query.limit ?? 100)
      .offset(query.offset ?? 0)
      .execute();
    return { total, items: rows.map((r) => this.row(r)) };
  }

  async create(id: string, incident: T, at: string): Promise<StoredIncident<T>> {
    const body = JSON.stringify(incident);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('incident')
        .values({ id, title: incident.title, category: incident.category, start: incident.start ?? null, ongoing: incident.ongoing ? 1 : 0, body, version: 1, created_at: at, updated_at: at })
        .execute();
      await trx.insertInto('incident_history').values({ incident_id: id, version: 1, action: 'create', at, before: null, after: body }).execute();
    });
    return { id, version: 1, createdAt: at, updatedAt: at, incident };
  }

  /** Replaces an incident; returns undefined when it does not exist. */
  async update(id: string, incident: T, at: string): Promise<StoredIncident<T> | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
      if (!old) return undefined;
      const body = JSON.stringify(incident);
      const version = old.version + 1;
      await trx
        .updateTable('incident')
        .set({ title: incident.title, category: incident.category, start: incident.start ?? null, ongoing: incident.ongoing ? 1 : 0, body, version, updated_at: at })
        .where('id', '=', id)
        .execute();
      await trx.insertInto('incident_history').values({ incident_id: id, version, action: 'update', at, before: old.body, after: body }).execute();
      return { id, version, createdAt: old.created_at, updatedAt: at, incident };
    });
  }

  async delete(id: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
      if (!old) return false;
      await trx.deleteFrom('incident').where('id', '=', id).execute();
      await trx.insertInto('incident_history').values({ incident_id: id, version: old.version + 1, action: 'delete', at, before: old.body, after: null }).execute();
      return true;
    });
  }

  async history(id: string): Promise<HistoryEntry<T>[]> {
    const rows = await this.db.selectFrom('incident_history').selectAll().where('incident_id', '=', id).orderBy('seq').execute();
    return rows.map((r) => ({
      version: r.version,
      action: r.action as HistoryEntry<T>['action'],
      at: r.at,
      before: r.before ? (JSON.parse(r.before) as T) : null,
      after: r.after ? (JSON.parse(r.after) as T) : null,
    }));
  }
}
