// Imported records in SQLite. An import is one transaction: incidents (with their history rows), actors,
// attribution records, the source link and marking of each, and the import's report. Re-importing the same
// content changes nothing; a newer STIX version updates; an older one is left as stored.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { IncidentInput } from '../core/toolbox/incident';
import type { ActorRecord, AttributionRecord, ImportBatch, Imported, Marking, RecordKind, RecordSource } from '../core/exchange/records';
import type { ImportReport, Outcome } from '../core/exchange/report';
import type { ExportRecord } from '../core/exchange/stix-export';
import type { Db } from './db';
import type { ExchangeDatabase, ExchangeDb, ExchangeLinkTable, ExchangeRecordTable, ImportReportTable } from './exchange-schema';

type Trx = Transaction<ExchangeDatabase>;

async function hasTable(db: ExchangeDb | Trx, name: string): Promise<boolean> {
  return (await db.introspection.getTables()).some((t) => t.name === name);
}

/** TLP 2.0 level of an imported marking (TLP 1.0 WHITE is TLP 2.0 CLEAR, FIRST TLP 2.0). */
function tlpFromImport(marking: Marking | null): string | undefined {
  const level = marking?.tlp?.level;
  return level === 'white' ? 'clear' : level;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
export const contentHash = (body: unknown, marking: Marking | null) => sha({ body, marking });

/** STIX timestamps compare as text when both have the same form; pad fractions so that they do. */
const comparable = (t: string) => t.replace(/(\.\d+)?Z$/, (m) => `${(m.slice(0, -1) || '.').padEnd(10, '0')}Z`);

export interface StoredLink {
  recordId: string;
  kind: RecordKind;
  source: RecordSource;
  marking: Marking | null;
  details: Record<string, unknown> | null;
  hash: string;
  importedAt: string;
}

function linkOf(r: ExchangeLinkTable): StoredLink {
  return {
    recordId: r.record_id,
    kind: r.record_kind as RecordKind,
    source: { format: r.format as RecordSource['format'], key: r.source_key, modified: r.source_modified, created: r.source_created ?? undefined },
    marking: r.marking ? (JSON.parse(r.marking) as Marking) : null,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    hash: r.hash,
    importedAt: r.imported_at,
  };
}

export class ExchangeRepository {
  private readonly db: ExchangeDb;

  constructor(db: Db) {
    this.db = db.withTables<{ exchange_record: ExchangeRecordTable; exchange_link: ExchangeLinkTable; import_report: ImportReportTable }>();
  }

  /**
   * Writes a batch in one transaction (or, with `dryRun`, only works out what would change) and fills the
   * report's `written` counts. Throws, writing nothing, if any statement fails.
   */
  async apply(batch: ImportBatch, report: ImportReport, at: string, dryRun: boolean): Promise<void> {
    const run = async (trx: ExchangeDb | Trx) => {
      const links = new Map((await trx.selectFrom('exchange_link').select(['record_id', 'hash', 'source_modified']).execute()).map((l) => [l.record_id, l]));
      const incidents = new Set((await trx.selectFrom('incident').select('id').execute()).map((r) => r.id));
      const records = new Set((await trx.selectFrom('exchange_record').select('id').execute()).map((r) => r.id));
      const markingTable = await hasTable(trx, 'record_marking');
      const step = async <T>(kind: RecordKind, item: Imported<T>, exists: boolean, write: (mode: 'insert' | 'update') => Promise<void>) => {
        const out: Outcome = report.written[kind];
        const hash = contentHash(item.body, item.marking);
        const link = links.get(item.id);
        let action: 'create' | 'update' | 'skip';
        if (!link) action = exists ? 'update' : 'create';
        else if (link.hash === hash) action = 'skip';
        else if (item.source.modified && link.source_modified && comparable(item.source.modified) <= comparable(link.source_modified)) {
          out.stale++;
          if (item.source.modified === link.source_modified) {
            report.problems.push({ severity: 'warning', object: item.source.key, path: 'modified', message: 'same version as the one stored but different content; the stored one is kept (STIX 2.1 §3.6)' });
          }
          return;
        } else action = 'update';
        if (action === 'skip') {
          out.unchanged++;
          return;
        }
        if (action === 'create') out.created++;
        else out.updated++;
        if (dryRun) return;
        await write(action === 'create' ? 'insert' : 'update');
        const row: ExchangeLinkTable = {
          record_id: item.id,
          record_kind: kind,
          format: item.source.format,
          source_key: item.source.key,
          source_created: item.source.created ?? null,
          source_modified: item.source.modified,
          marking: item.marking ? JSON.stringify(item.marking) : null,
          tlp: item.marking?.tlp?.level ?? null,
          details: item.details ? JSON.stringify(item.details) : null,
          hash,
          imported_at: at,
        };
        await trx.insertInto('exchange_link').values(row).onConflict((oc) => oc.column('record_id').doUpdateSet(row)).execute();
        links.set(item.id, { record_id: item.id, hash, source_modified: item.source.modified });
      };

      for (const item of batch.actors) {
        await step('actor', item, records.has(item.id), (mode) => this.writeRecord(trx, 'actor', item.id, item.body.name, item.body, at, mode));
        records.add(item.id);
      }
      for (const item of batch.incidents) {
        await step('incident', item, incidents.has(item.id), async (mode) => {
          await this.writeIncident(trx, item.id, item.body, at, mode);
          const tlp = tlpFromImport(item.marking);
          // Where the marking store exists, the imported TLP becomes the record's marking, in the same transaction.
          if (markingTable && tlp) {
            await sql`INSERT INTO record_marking (record_id, record_type, tlp, owner_org) VALUES (${item.id}, 'incident', ${tlp}, NULL)
              ON CONFLICT (record_id) DO UPDATE SET tlp = ${tlp}`.execute(trx);
          }
        });
        incidents.add(item.id);
      }
      for (const item of batch.attributions) {
        await step('attribution', item, records.has(item.id), (mode) => this.writeRecord(trx, 'attribution', item.id, `${item.body.subject.id} -> ${item.body.target}`, item.body, at, mode));
        records.add(item.id);
      }
      if (!dryRun) {
        const stored = { ...report, problems: report.problems.slice(0, 2000) };
        await trx.insertInto('import_report').values({ format: report.format, at, files: JSON.stringify(report.files), report: JSON.stringify(stored) }).execute();
      }
    };
    if (dryRun) await run(this.db);
    else await this.db.transaction().execute(run);
  }

  private async writeIncident(trx: ExchangeDb | Trx, id: string, incident: IncidentInput, at: string, mode: 'insert' | 'update'): Promise<void> {
    const body = JSON.stringify(incident);
    const cols = { title: incident.title, category: incident.category, start: incident.start ?? null, ongoing: incident.ongoing ? 1 : 0, body };
    if (mode === 'insert') {
      await trx.insertInto('incident').values({ id, ...cols, version: 1, created_at: at, updated_at: at }).execute();
      await trx.insertInto('incident_history').values({ incident_id: id, version: 1, action: 'create', at, before: null, after: body }).execute();
      return;
    }
    const old = await trx.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
    if (!old) return this.writeIncident(trx, id, incident, at, 'insert');
    // The same body again (an edit already matched the import): no new version.
    if (old.body === body) return;
    const version = old.version + 1;
    await trx.updateTable('incident').set({ ...cols, version, updated_at: at }).where('id', '=', id).execute();
    await trx.insertInto('incident_history').values({ incident_id: id, version, action: 'update', at, before: old.body, after: body }).execute();
  }

  private async writeRecord(trx: ExchangeDb | Trx, kind: 'actor' | 'attribution', id: string, name: string, value: unknown, at: string, mode: 'insert' | 'update'): Promise<void> {
    const body = JSON.stringify(value);
    if (mode === 'insert') {
      await trx.insertInto('exchange_record').values({ id, kind, name, body, version: 1, created_at: at, updated_at: at }).execute();
      return;
    }
    const old = await trx.selectFrom('exchange_record').select(['version', 'body']).where('id', '=', id).executeTakeFirst();
    if (!old) return this.writeRecord(trx, kind, id, name, value, at, 'insert');
    if (old.body === body) return;
    await trx.updateTable('exchange_record').set({ name, body, version: old.version + 1, updated_at: at }).where('id', '=', id).execute();
  }

  async incidentExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('incident').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async link(recordId: string): Promise<StoredLink | undefined> {
    const r = await this.db.selectFrom('exchange_link').selectAll().where('record_id', '=', recordId).executeTakeFirst();
    return r ? linkOf(r) : undefined;
  }

  /** The marking an imported record carries (null when it has none or was not imported). */
  async markingOf(recordId: string): Promise<Marking | null> {
    return (await this.link(recordId))?.marking ?? null;
  }

  async links(kind?: RecordKind): Promise<Map<string, StoredLink>> {
    let q = this.db.selectFrom('exchange_link').selectAll();
    if (kind) q = q.where('record_kind', '=', kind);
    return new Map((await q.execute()).map((r) => [r.record_id, linkOf(r)]));
  }

  async records<T>(kind: 'actor' | 'attribution', ids?: readonly string[]): Promise<(ExchangeRecordTable & { value: T })[]> {
    let q = this.db.selectFrom('exchange_record').selectAll().where('kind', '=', kind);
    if (ids) {
      if (!ids.length) return [];
      q = q.where('id', 'in', ids);
    }
    return (await q.orderBy('name').orderBy('id').execute()).map((r) => ({ ...r, value: JSON.parse(r.body) as T }));
  }

  async actors() {
    return this.records<ActorRecord>('actor');
  }

  async attributions() {
    return this.records<AttributionRecord>('attribution');
  }

  async reports(limit = 20): Promise<(Omit<ImportReportTable, 'id'> & { id: number })[]> {
    return this.db.selectFrom('import_report').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  /** Incidents with what an export needs: their source, marking and STIX timestamps. */
  async incidentsForExport(ids?: readonly string[]): Promise<ExportRecord<IncidentInput>[]> {
    let q = this.db.selectFrom('incident').selectAll();
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    const rows = await q.orderBy('start').orderBy('id').execute();
    const links = await this.links('incident');
    return rows.map((r) => this.exportRecord(r.id, JSON.parse(r.body) as IncidentInput, r.created_at, r.updated_at, links.get(r.id)));
  }

  exportRecord<T>(id: string, body: T, createdAt: string, updatedAt: string, link: StoredLink | undefined): ExportRecord<T> {
    const marking = link?.marking ?? null;
    // An untouched imported record keeps the version it came with; an edited one is a new version of ours.
    const untouched = link !== undefined && link.hash === contentHash(body, marking);
    const created = link?.source.created ?? createdAt;
    let modified = untouched ? (link?.source.modified ?? updatedAt) : updatedAt;
    if (comparable(modified) < comparable(created)) modified = created;
    return { id, body, marking, source: link?.source ?? null, created, modified };
  }
}
