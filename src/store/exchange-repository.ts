// Imported records in the store. An import is one transaction: incidents (with their history rows), actors,
// attribution records, the source link and marking of each, the import's report, and an audit entry for every
// record created or changed plus one for the run. Re-importing the same content changes nothing; a newer STIX
// version updates; an older one is left as stored. Reads take the reader's clearance and filter by TLP in SQL.
import { createHash, hash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../core/audit/canonical-json';
import type { Actor } from '../core/auth/principal';
import { exportMarking } from '../core/exchange/tlp';
import { stateAfterWrite, stateDigest, stateDigestOf, stateLine, unionIds, type DigestSink, type MemoIds } from '../core/exchange/import-memo';
import { PLAN_ORDER, itemsOf, settle, type ContentHashes, type ImportPlanner, type PlannedWrite, type StoredRecord } from '../core/exchange/import-plan';
import { RECORD_KINDS, emptyBatch, type ExchangeKind, type ImportBatch, type ImportFormat, type Imported, type Marking, type RecordKind, type RecordSource } from '../core/exchange/records';
import type { ImportReport } from '../core/exchange/report';
import type { StoredSourceKey } from '../core/exchange/report-absent';
import type { ExportRecord } from '../core/exchange/stix-export';
import { compareTimestamps } from '../core/exchange/stix-checks';
import type { Clearance, RecordMarking } from '../core/marking/clearance';
import type { TlpLevel } from '../core/marking/tlp';
import type { IncidentInput } from '../core/toolbox/incident';
import type { AuditLog, AuditWrite } from './audit-log';
import { storedRef } from './audit-stored-bodies';
import type { Db } from './db';
import { chunked, sharedTables, type ExchangeConn, type ExchangeDb, type ExchangeLinkTable, type ExchangeRecordTable, type ExchangeRefTable, type ImportMemoTable, type ImportReportTable } from './exchange-schema';
import { storedBodies, storedState } from './exchange-state';
import { WrittenState } from './import-memo-state';
import { largeWrite } from './bulk-insert';
import { markingJson, writeSettled, type Settled } from './exchange-writer';
import { holdIncidentVersion } from './incident-counts';
import { IncidentSearchBatch } from './incident-search-batch';
import { asTlp, writeMarking } from './marking-store';
import { effectiveTlp, markingJoins, visibleCondition } from './visibility';

/** SHA-256 of `{"body":…,"marking":…}` as JSON: what an import link keeps to recognise unchanged records. */
export const contentHashOfJson = (bodyJson: string, marking: Marking | null) => hash('sha256', `{"body":${bodyJson},"marking":${markingJson(marking)}}`, 'hex');
export const contentHash = (body: unknown, marking: Marking | null) => contentHashOfJson(JSON.stringify(body), marking);

/** SHA-256 fed a piece at a time, as hex. */
export const sha256Sink = (): DigestSink => {
  const h = createHash('sha256');
  return { update: (text: string) => h.update(text), digest: () => h.digest('hex') };
};

const idsOf = (b: ImportBatch): MemoIds => ({
  incident: b.incidents.map((i) => i.id),
  actor: b.actors.map((a) => a.id),
  attribution: b.attributions.map((a) => a.id),
  sighting: b.sightings.map((s) => s.id),
  report: b.reports.map((r) => r.id),
});

/**
 * Records per part of an import's plan and writes. What a part holds while it is written outlives the young
 * generation's collections and is promoted, and V8 may not collect the old generation during the whole write step:
 * the heap of a 100,000-row CFR import grew by about 670 MB while it was written in parts of 1,000, by about 270 MB in
 * parts of 100 (bench/README.md, Imports).
 */
const PART = 100;

/** The record id an import report is marked under (record_marking, audit entries). */
export const reportRecordId = (id: number) => `imp-${id}`;
const REPORT_ID = sql`'imp-' || CAST(r.id AS TEXT)`;

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

/** What every import run writes besides its records: who, when, the audit trail, the sources. */
export interface RunContext {
  at: string;
  actor: Actor;
  /** `import.stix`, `import.eurepoc`, `import.cfr`: the action of every audit entry of the run. */
  action: string;
  audit: AuditLog;
  /** What the run's audit entry says of its source: each file (or the request body) with its SHA-256. */
  sources: { name: string; sha256: string }[];
}

/** Where an import's memo is kept and the digest of its input (import-memo.ts). */
export interface MemoContext {
  scope: string;
  input: string;
}

export interface ApplyContext extends RunContext {
  dryRun: boolean;
  /**
   * Called once the report's marking is known, before the report is kept: what the report may still say. Returns how
   * many records it counted as no longer in the source (report-absent.ts): a run that counts any keeps no memo, since an
   * unchanged re-import must say of them what is stored then (one may be deleted meanwhile), not what was stored now.
   */
  reported?(marking: RecordMarking): number | void;
  /**
   * Decides what to write from what is stored, a part at a time, counting into `report`; its `finish` throws to
   * refuse the import, which then writes nothing.
   */
  planner(stored: ReadonlyMap<string, StoredRecord>, report: ImportReport, hashes?: ContentHashes): ImportPlanner;
  /**
   * The batch to write given what is stored: records whose ids are held out of the importer's sight move to ids of
   * their own (`import-rekey.ts`). Returns the same batch when nothing moves.
   */
  rekey?(batch: ImportBatch, stored: ReadonlyMap<string, StoredRecord>): ImportBatch;
  /** Keep a memo of this run for unchanged re-imports of the same input. */
  memo?: MemoContext | undefined;
}

/** An imported actor or attribution a reader may see, with its effective TLP level. */
export type VisibleRecord<T> = ExchangeRecordTable & { value: T; tlp: TlpLevel; owner: string | null };

export class ExchangeRepository {
  private readonly db: ExchangeDb;
  /** Records per part of an import (tests compare a batch written whole with one written in parts). */
  partSize = PART;
  /** Whether CFR imports write their incidents as they are mapped (`applyStream`); tests compare with the whole batch. */
  streamCfr = true;
  /** Whether the memo's state is worked out from the writes rather than read back after them; tests compare both. */
  memoFromWrites = true;
  /** How a record's state is worked out from its write (import-memo.ts); tests put wrong rules in to show they only miss. */
  stateAfterWrite = stateAfterWrite;

  constructor(
    db: Db,
    private readonly defaultTlp: TlpLevel,
  ) {
    this.db = db.withTables<{ exchange_record: ExchangeRecordTable; exchange_link: ExchangeLinkTable; exchange_ref: ExchangeRefTable; import_report: ImportReportTable; import_memo: ImportMemoTable }>();
  }

  /**
   * Plans and writes a batch in one transaction (or, with `dryRun`, only works out what would change) and fills
   * the report's `written` counts. Throws, writing nothing, if the plan refuses or any statement fails. With
   * `memo`, a run that writes keeps what an unchanged re-import of the same input needs to answer at once (`replay`).
   *
   * The plan is made from the state stored before the run, and planned, compared, written and audited a part at a
   * time (`parts`), each part's JSON bodies, stored rows and audit entries let go once written: the same rows and
   * the same audit trail as planning the whole batch first, in a fraction of the memory. The incident search index
   * is filled once for the incidents written (incident-search-batch.ts).
   */
  async apply(batch: ImportBatch, report: ImportReport, ctx: ApplyContext): Promise<void> {
    const run = async (trx: ExchangeConn) => {
      // One move of the incident version for the whole run instead of one per row written (migration 0096).
      const version = ctx.dryRun ? undefined : await holdIncidentVersion(sharedTables(trx));
      const blank = await nothingStored(trx);
      let state = blank ? new Map<string, StoredRecord>() : await storedState(trx, idsOf(batch));
      const moved = ctx.rekey?.(batch, state) ?? batch;
      // What was read before the run, of the ids brought and of those they moved to.
      const read = state;
      if (moved !== batch) {
        state = await storedState(trx, idsOf(moved));
        for (const [id, s] of state) read.set(id, s);
      }
      const before = ctx.memo && !ctx.dryRun ? (structuredClone(report) as ImportReport) : undefined;
      // The memo's state after the writes, worked out from them (import-memo-state.ts).
      const written = before && this.memoFromWrites ? new WrittenState(read, blank ? undefined : [idsOf(batch), idsOf(moved)], this.stateAfterWrite) : undefined;
      // The memo plans the same items again after the writes: their hashes are worked out once.
      const hashes: ContentHashes | undefined = before ? new Map() : undefined;
      const planner = ctx.planner(state, report, hashes);
      const search = ctx.dryRun ? undefined : await IncidentSearchBatch.open(trx);
      for (const part of parts(moved, this.partSize)) {
        const settled = await this.writePart(trx, planner, part, report, ctx, search);
        written?.note(settled);
      }
      const marking = planner.finish();
      const absent = ctx.reported?.(marking) ?? 0;
      if (ctx.dryRun) return;
      await search?.close();
      await this.writeRun(trx, report, marking, ctx);
      if (ctx.memo && absent) await trx.deleteFrom('import_memo').where('scope', '=', ctx.memo.scope).execute();
      else if (ctx.memo && before) await this.keepMemo(trx, batch, before, ctx, ctx.memo, hashes, written);
      await version?.release();
    };
    if (ctx.dryRun) await run(this.db);
    else await largeWrite(this.db, run);
  }

  /** Plans, compares, counts, writes and audits one part, and returns what it wrote; a refused or dry run only plans and counts it. */
  private async writePart(trx: ExchangeConn, planner: ImportPlanner, part: Part, report: ImportReport, ctx: ApplyContext, search: IncidentSearchBatch | undefined): Promise<Settled[]> {
    const settled = await this.settle(trx, part.flatMap(({ kind, items }) => planner.plan(kind, items)));
    for (const s of settled) {
      const out = report.written[s.w.kind];
      if (s.create) out.created++;
      else if (s.content || s.marking) out.updated++;
      else out.unchanged++;
    }
    // A refused import is planned to the end, for the counts of its refusal, but no longer written.
    if (ctx.dryRun || planner.refused) return [];
    await writeSettled(trx, settled, ctx.at, search);
    const twice = broughtTwice(settled);
    await ctx.audit.appendMany(sharedTables(trx), settled.filter((s) => s.create || s.content || s.marking).map((s) => auditEntry(s, ctx, twice)));
    return settled;
  }

  /**
   * `apply` for incidents handed over as they are mapped (`fill` calls `put` with each part), so that the whole batch
   * is never held: each part is planned from the state stored before the run, written and audited in the one
   * transaction, and planned again over what it left for the memo. For batches whose records refer to no other record
   * of the batch (CFR incidents): each part is then what the plan of the whole batch makes of it. An id brought twice
   * throws (the caller maps each key once); report errors after `fill` roll the run back and only mark the report
   * rejected; a refusal anywhere rolls everything back, as `apply` does. Planning problems must not interleave with the
   * mapping's: only plans that add none (records without versions) may be streamed.
   */
  async applyStream(report: ImportReport, ctx: ApplyContext, fill: (put: (incidents: Imported<unknown>[]) => Promise<void>) => Promise<void>): Promise<void> {
    const rejected = new Error('rejected');
    const run = async (trx: ExchangeConn) => {
      const version = ctx.dryRun ? undefined : await holdIncidentVersion(sharedTables(trx));
      const state = new Map<string, StoredRecord>();
      // Into a store holding no record yet, no part's ids (each brought once) can be stored before the run: not read.
      const blank = await nothingStored(trx);
      // Each part is planned again for the memo right after it is written: its items' hashes are kept until then.
      const hashes: ContentHashes | undefined = ctx.memo && !ctx.dryRun ? new Map() : undefined;
      const planner = ctx.planner(state, report, hashes);
      const search = ctx.dryRun ? undefined : await IncidentSearchBatch.open(trx);
      // Of the parts already written only what the memo needs is kept: ids and their state digest's lines.
      const keep = ctx.memo && !ctx.dryRun ? { ids: { ...NO_IDS, incident: [] as string[] }, lines: new Map<string, string>(), after: new Map<string, StoredRecord>(), scratch: structuredClone(report) as ImportReport, writes: 0 } : undefined;
      const again = keep && ctx.planner(keep.after, keep.scratch, hashes);
      const seen = new Set<string>();
      await fill(async (incidents) => {
        for (const i of incidents) {
          if (seen.has(i.id)) throw new Error(`an incident id brought twice in one streamed import: ${i.id}`);
          seen.add(i.id);
        }
        const part: ImportBatch = { ...emptyBatch(), incidents: incidents as Imported<IncidentInput>[] };
        const ids = { ...NO_IDS, incident: incidents.map((i) => i.id) };
        let before = blank ? new Map<string, StoredRecord>() : await storedState(trx, ids);
        const moved = ctx.rekey?.(part, before) ?? part;
        const read = before;
        if (moved !== part) {
          before = await storedState(trx, idsOf(moved));
          for (const [id, s] of before) read.set(id, s);
        }
        // The planners read the state of the part they plan only.
        state.clear();
        for (const [id, s] of before) state.set(id, s);
        const settled = await this.writePart(trx, planner, [{ kind: 'incident', items: moved.incidents }], report, ctx, search);
        if (!keep || !again) return;
        // What an unchanged re-import would plan for this part (as keepMemo plans the batch): no other part writes its ids.
        const written = this.memoFromWrites ? new WrittenState(read, [ids, idsOf(moved)], this.stateAfterWrite) : undefined;
        written?.note(settled);
        const now = (of: MemoIds) => (written ? written.of(trx, of) : storedState(trx, of));
        let after = await now(ids);
        const movedAfter = ctx.rekey?.(part, after) ?? part;
        const all = unionIds(ids, idsOf(movedAfter));
        if (movedAfter !== part) after = await now(all);
        keep.ids.incident.push(...all.incident);
        for (const id of all.incident) keep.lines.set(id, stateLine(id, after.get(id)));
        keep.after.clear();
        for (const [id, s] of after) keep.after.set(id, s);
        keep.writes += again.plan('incident', movedAfter.incidents).length;
        hashes?.clear();
      });
      if (report.problems.some((x) => x.severity === 'error')) throw rejected;
      const marking = planner.finish();
      const absent = ctx.reported?.(marking) ?? 0;
      if (ctx.dryRun) return;
      await search?.close();
      await this.writeRun(trx, report, marking, ctx);
      if (ctx.memo && keep && again) {
        await trx.deleteFrom('import_memo').where('scope', '=', ctx.memo.scope).execute();
        let final: RecordMarking | undefined;
        try {
          final = again.finish();
        } catch {
          final = undefined;
        }
        if (final && !keep.writes && !absent) {
          const answer = { ...(structuredClone(report) as ImportReport), written: keep.scratch.written };
          keep.ids.incident.sort();
          await this.insertMemo(trx, ctx.memo, keep.ids, stateDigestOf(keep.ids, (id) => keep.lines.get(id) ?? stateLine(id, undefined), sha256Sink()), answer, final, ctx.at);
        }
      }
      await version?.release();
    };
    const written = structuredClone(report.written);
    try {
      if (ctx.dryRun) await run(this.db);
      else await largeWrite(this.db, run);
    } catch (error) {
      if (error !== rejected) throw error;
      report.written = written;
      report.rejected = true;
    }
  }

  /** The run's report, its marking and its audit entry, which follows the entries of the records it wrote. */
  private async writeRun(trx: ExchangeConn, report: ImportReport, marking: RecordMarking, ctx: RunContext): Promise<void> {
    const stored = { ...report, problems: report.problems.slice(0, 2000) };
    const row = await trx
      .insertInto('import_report')
      .values({ format: report.format, at: ctx.at, files: JSON.stringify(report.files), report: JSON.stringify(stored) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reportId = reportRecordId(Number(row.id));
    await writeMarking(sharedTables(trx), reportId, 'import_report', marking);
    await ctx.audit.appendMany(sharedTables(trx), [{
      actor: ctx.actor,
      at: ctx.at,
      action: ctx.action,
      targetType: 'import_report',
      targetId: reportId,
      after: { format: report.format, sources: ctx.sources, read: report.read, mapped: report.mapped, written: report.written, problems: report.problems.length, marking },
    }]);
  }

  /**
   * After the writes, inside the transaction: plans the same batch again over what is now stored, which is what an
   * unchanged re-import would do. When that plan writes nothing, its answer is kept with the digest of the records'
   * state; otherwise (or if it refuses) the scope keeps no memo and its next run takes the full path.
   */
  private async keepMemo(trx: ExchangeConn, batch: ImportBatch, before: ImportReport, ctx: ApplyContext, memo: MemoContext, hashes?: ContentHashes, written?: WrittenState): Promise<void> {
    await trx.deleteFrom('import_memo').where('scope', '=', memo.scope).execute();
    const now = (ids: MemoIds) => (written ? written.of(trx, ids) : storedState(trx, ids));
    const first = idsOf(batch);
    let state = await now(first);
    const moved = ctx.rekey?.(batch, state) ?? batch;
    const ids = unionIds(first, idsOf(moved));
    if (moved !== batch) state = await now(ids);
    const again = structuredClone(before);
    let writes: number;
    let marking: RecordMarking;
    try {
      const planner = ctx.planner(state, again, hashes);
      writes = PLAN_ORDER.reduce((n, kind) => n + planner.plan(kind, itemsOf(moved, kind)).length, 0);
      marking = planner.finish();
    } catch {
      return;
    }
    if (writes) return;
    await this.insertMemo(trx, memo, ids, stateDigest(ids, state, sha256Sink()), again, marking, ctx.at);
  }

  private async insertMemo(trx: ExchangeConn, memo: MemoContext, ids: MemoIds, state: string, again: ImportReport, marking: RecordMarking, at: string): Promise<void> {
    await trx
      .insertInto('import_memo')
      .values({ scope: memo.scope, input: memo.input, state, ids: JSON.stringify(ids), report: JSON.stringify(again), marking: JSON.stringify(marking), at })
      // Runs of one scope are ordered by the audit head's lock, taken before this; the upsert holds without it too.
      .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ input: eb.ref('excluded.input'), state: eb.ref('excluded.state'), ids: eb.ref('excluded.ids'), report: eb.ref('excluded.report'), marking: eb.ref('excluded.marking'), at: eb.ref('excluded.at') })))
      .execute();
  }

  /** Whether the scope holds a memo of this very input (its records' state is checked by `replay`). */
  async hasMemo(memo: MemoContext): Promise<boolean> {
    const row = await this.db.selectFrom('import_memo').select('input').where('scope', '=', memo.scope).executeTakeFirst();
    return row?.input === memo.input;
  }

  /**
   * An unchanged re-import answered from its memo, in one transaction: when the scope's memo has the same input
   * digest and every record it covers is stored as it was left, writes the run's report, its marking and its audit
   * entry (what a full run that changes nothing writes) and returns the answer; else returns undefined, writing nothing.
   */
  async replay(ctx: RunContext & { memo: MemoContext }): Promise<ImportReport | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const memo = await trx.selectFrom('import_memo').selectAll().where('scope', '=', ctx.memo.scope).executeTakeFirst();
      if (!memo || memo.input !== ctx.memo.input) return undefined;
      const ids = JSON.parse(memo.ids) as MemoIds;
      const state = await storedState(trx, ids);
      if (stateDigest(ids, state, sha256Sink()) !== memo.state) return undefined;
      const report = JSON.parse(memo.report) as ImportReport;
      await this.writeRun(trx, report, JSON.parse(memo.marking) as RecordMarking, ctx);
      return report;
    });
  }

  /** Compares each `check` write with its stored row: what changes, if anything. */
  private async settle(trx: ExchangeConn, writes: PlannedWrite[]): Promise<Settled[]> {
    const old = new Map<string, { body: string; version: number }>();
    for (const kind of RECORD_KINDS) {
      // Incidents are read even when only their marking may change: a new marking is a new version with its history row.
      const ids = writes.filter((w) => w.kind === kind && w.mode === 'check' && (w.content || kind === 'incident')).map((w) => w.item.id);
      for (const [id, row] of await storedBodies(trx, kind, ids)) old.set(id, row);
    }
    return writes.map((w) => {
      if (w.mode === 'create') return { w, create: true, content: true, marking: true };
      const prior = old.get(w.item.id);
      return { w, create: false, ...settle(w, prior?.body), old: prior };
    });
  }

  async link(recordId: string): Promise<StoredLink | undefined> {
    const r = await this.db.selectFrom('exchange_link').selectAll().where('record_id', '=', recordId).executeTakeFirst();
    return r ? linkOf(r) : undefined;
  }

  /**
   * The source keys of the records imported from `format` that are still stored (a record deleted here keeps its
   * link), by kind, with each one's effective marking: what a later import of the same dataset is compared with to
   * name the records it no longer holds.
   */
  async sourceKeys(format: ImportFormat, defaultTlp: TlpLevel): Promise<StoredSourceKey[]> {
    const r = await sql<{ record_kind: string; source_key: string; tlp: string; owner_org: string | null }>`
      SELECT l.record_kind, l.source_key, ${effectiveTlp(defaultTlp)} AS tlp, m.owner_org FROM exchange_link l
      LEFT JOIN record_marking m ON m.record_id = l.record_id
      WHERE l.format = ${format}
        AND (EXISTS (SELECT 1 FROM incident i WHERE i.id = l.record_id) OR EXISTS (SELECT 1 FROM exchange_record x WHERE x.id = l.record_id))`.execute(this.db);
    return r.rows.map((row) => ({ kind: row.record_kind as RecordKind, key: row.source_key, tlp: row.tlp as TlpLevel, owner: row.owner_org }));
  }

  async links(kind?: RecordKind): Promise<Map<string, StoredLink>> {
    let q = this.db.selectFrom('exchange_link').selectAll();
    if (kind) q = q.where('record_kind', '=', kind);
    return new Map((await q.execute()).map((r) => [r.record_id, linkOf(r)]));
  }

  /** The actors, attributions, sightings or reports a clearance may see, by name, with their effective TLP level. */
  async records<T>(c: Clearance, kind: ExchangeKind): Promise<VisibleRecord<T>[]> {
    const r = await sql<ExchangeRecordTable & { tlp: string; owner: string | null }>`
      SELECT r.*, ${effectiveTlp(this.defaultTlp)} AS tlp, m.owner_org AS owner
      FROM exchange_record r ${markingJoins('r.id')}
      WHERE r.kind = ${kind} AND ${visibleCondition(c, 'r.id', this.defaultTlp)}
      ORDER BY r.name, r.id`.execute(this.db);
    return r.rows.map((row) => ({ ...row, value: JSON.parse(row.body) as T, tlp: asTlp(row.tlp) }));
  }

  /**
   * Reports of past imports a clearance may see (each is marked with the most restrictive level it touched), with
   * who ran each (its audit entry's actor, found by the trail's record index) and its marking's level.
   */
  async reports(c: Clearance, limit = 20): Promise<(Omit<ImportReportTable, 'id'> & { id: number; by: string | null; tlp: TlpLevel })[]> {
    type Row = Omit<ImportReportTable, 'id'> & { id: number; run_by: string | null; tlp: string | null };
    const r = await sql<Row>`
      SELECT r.*, m.tlp AS tlp,
        (SELECT a.actor FROM audit_log a WHERE a.target_type = 'import_report' AND a.target_id = ${REPORT_ID} ORDER BY a.seq LIMIT 1) AS run_by
      FROM import_report r ${markingJoins(REPORT_ID)}
      WHERE ${visibleCondition(c, REPORT_ID, this.defaultTlp)}
      ORDER BY r.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows.map(({ run_by, ...row }) => ({ ...row, id: Number(row.id), by: run_by ?? null, tlp: row.tlp ? asTlp(row.tlp) : this.defaultTlp }));
  }

  /** The marking of a record as stored (record_marking and grants), for tests and presenters. */
  async recordMarking(recordId: string): Promise<RecordMarking | undefined> {
    const m = await this.db.selectFrom('record_marking').selectAll().where('record_id', '=', recordId).executeTakeFirst();
    if (!m) return undefined;
    const grants = await this.db.selectFrom('record_grant').select('grantee').where('record_id', '=', recordId).orderBy('grantee').execute();
    const list = (prefix: string) => grants.filter((g) => g.grantee.startsWith(prefix)).map((g) => g.grantee.slice(prefix.length));
    return { tlp: asTlp(m.tlp), owner: m.owner_org, sharedWith: list('org:'), recipients: list('user:') };
  }

  /**
   * Incidents with what an export needs: their source, marking (the level they have here) and STIX timestamps.
   * With a clearance, only those it may see; `only` narrows to one id.
   */
  async incidentsForExport(c: Clearance = ALL, only?: string): Promise<ExportRecord<IncidentInput>[]> {
    const rows = await sql<{ id: string; body: string; created_at: string; updated_at: string; tlp: string }>`
      SELECT i.id, i.body, i.created_at, i.updated_at, i.start, ${effectiveTlp(this.defaultTlp)} AS tlp
      FROM incident i ${markingJoins('i.id')}
      WHERE ${visibleCondition(c, 'i.id', this.defaultTlp)} ${only === undefined ? sql`` : sql`AND i.id = ${only}`}
      ORDER BY i.start, i.id`.execute(this.db);
    const links = await this.links('incident');
    return rows.rows.map((r) => this.exportRecord(r.id, JSON.parse(r.body) as IncidentInput, r.created_at, r.updated_at, links.get(r.id), asTlp(r.tlp)));
  }

  exportRecord<T>(id: string, body: T, createdAt: string, updatedAt: string, link: StoredLink | undefined, level: TlpLevel): ExportRecord<T> {
    // An untouched imported record keeps the version it came with; an edited one is a new version of ours.
    const untouched = link !== undefined && link.hash === contentHash(body, link.marking);
    const created = link?.source.created ?? createdAt;
    let modified = untouched ? (link?.source.modified ?? updatedAt) : updatedAt;
    if (compareTimestamps(modified, created) < 0) modified = created;
    return { id, body, marking: exportMarking(link?.marking ?? null, level), source: link?.source ?? null, created, modified };
  }
}

const ALL: Clearance = { all: true, levels: [], org: null, username: null };


/**
 * The batch in parts of at most `size` records of one kind, in the order a plan of the whole batch takes them. A batch
 * that brings one id twice is one part: a later part would otherwise be compared with what an earlier one wrote,
 * where the plan of the whole batch compares every record with what was stored before the run.
 */
type Part = { kind: RecordKind; items: readonly Imported<unknown>[] }[];

const NO_IDS: MemoIds = { incident: [], actor: [], attribution: [], sighting: [], report: [] };

function parts(batch: ImportBatch, size: number): Part[] {
  const seen = new Set<string>();
  let twice = false;
  for (const kind of PLAN_ORDER) {
    for (const item of itemsOf(batch, kind)) {
      if (seen.has(item.id)) twice = true;
      seen.add(item.id);
    }
  }
  if (twice) return [PLAN_ORDER.map((kind) => ({ kind, items: itemsOf(batch, kind) }))];
  return PLAN_ORDER.flatMap((kind) => chunked(itemsOf(batch, kind), size).map((items) => [{ kind, items }]));
}

/**
 * Whether the store holds no imported or incident record at all (rows, links, markings): the stored state of any id
 * (exchange-state.ts reads exactly these tables, grants only for ids with a marking) is then empty, and a run into such
 * a store need not look its ids up one part at a time. Asked before the run writes anything.
 */
async function nothingStored(trx: ExchangeConn): Promise<boolean> {
  const r = await sql<{ n: number | string }>`SELECT CASE WHEN EXISTS (SELECT 1 FROM incident) OR EXISTS (SELECT 1 FROM exchange_record) OR EXISTS (SELECT 1 FROM exchange_link) OR EXISTS (SELECT 1 FROM record_marking) THEN 1 ELSE 0 END AS n`.execute(trx);
  return Number(r.rows[0]?.n ?? 1) === 0;
}

/** The ids a part brings more than once (none, as the plans make them). */
function broughtTwice(settled: readonly Settled[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { w } of settled) (seen.has(w.item.id) ? twice : seen).add(w.item.id);
  return twice;
}

/** The audit entry of one record an import created or changed: contents and marking before and after. */
function auditEntry(s: Settled, ctx: ApplyContext, twice: ReadonlySet<string>): AuditWrite {
  const { w } = s;
  const source = { format: w.item.source.format, key: w.item.source.key, modified: w.item.source.modified };
  const base = { actor: ctx.actor, at: ctx.at, action: ctx.action, targetType: w.kind, targetId: w.item.id };
  // A created record's body is stored as its first version: the entry refers to it by the digest of its canonical
  // JSON (audit-stored-bodies.ts), unless the part brings the id twice, whose last row would replace that version.
  if (s.create) return { ...base, after: { ...(twice.has(w.item.id) ? { [w.kind]: w.item.body } : { stored: storedRef(canonicalJson(w.item.body)) }), marking: w.marking, source } };
  if (!s.content) return { ...base, before: { marking: w.stored ?? null }, after: { marking: w.marking, source } };
  const before = s.old ? (JSON.parse(s.old.body) as unknown) : null;
  return { ...base, before: { [w.kind]: before, marking: w.stored ?? null }, after: { [w.kind]: w.item.body, marking: s.marking ? w.marking : (w.stored ?? w.marking), source } };
}
