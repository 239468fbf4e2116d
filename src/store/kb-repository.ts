// The knowledge base in the store: seeding from the validated dataset (idempotent), loading it back with the published
// layer of curated changes over it, and full-text search.
import { createHash } from 'node:crypto';
import { sql, type CompiledQuery } from 'kysely';
import { applyLayer } from '../core/curation/apply';
import { buildDataset, type Dataset, type RawDataset } from '../core/kb/dataset';
import { listFacts, type Fact } from '../core/kb/facts';
import { dialectOf, type Db } from './db';
import { publishedLayer } from './kb-change-repository';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

interface SeedRow {
  id: string;
  kind: 'partnership' | 'dialogue' | 'actor' | 'framework' | 'national-strategies';
  partner: string | null;
  body: string;
}

function rowsFromDataset(dataset: Dataset): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const [id, { file }] of dataset.partners) {
    rows.push({ id: `partnership:${id}`, kind: 'partnership', partner: id, body: JSON.stringify({ ...file, dialogues: [] }) });
  }
  for (const d of dataset.dialogues) rows.push({ id: `dialogue:${d.id}`, kind: 'dialogue', partner: d.partners.join(','), body: JSON.stringify(d) });
  for (const a of dataset.actors) rows.push({ id: `actor:${a.id}`, kind: 'actor', partner: null, body: JSON.stringify(a) });
  rows.push({ id: 'framework:eu', kind: 'framework', partner: null, body: JSON.stringify(dataset.framework) });
  for (const s of dataset.nationalStrategies) rows.push({ id: `national-strategies:${s.partner}`, kind: 'national-strategies', partner: s.partner, body: JSON.stringify(s) });
  return rows;
}

export interface SeedReport {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  facts: number;
}

/**
 * Writes the dataset into the store in one transaction. Ids are the records' natural keys, so seeding twice
 * changes nothing the second time and an edited data file updates its records.
 */
const SOURCE_DIGEST_KEY = 'kb_source_digest';
/** The version of the seeded files alone; `kb_version` adds the head of the published layer of curated changes. */
const BASE_VERSION_KEY = 'kb_base_version';
/** The last published change (`seq:id`), empty while none is. */
const LAYER_KEY = 'kb_layer';
/** The advisory lock key that orders concurrent seeds and publications on PostgreSQL (any constant unique to this use). */
export const SEED_LOCK = 0x6b620001;

const SEARCH_ROWS = 100;

async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

async function getMeta(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** The knowledge base's version: the files' alone, or combined with the layer's head once changes are published. */
const combined = (base: string, layer: string | undefined) => (layer ? sha(`${base}\n${layer}`) : base);

/**
 * Records a publication in `trx`: the layer's head moves, and with it `kb_version`, which every process's caches
 * key on (derived-cache.ts), so no process serves a view computed before the change.
 */
export async function moveLayerHead(trx: Db, head: string): Promise<string> {
  const base = (await getMeta(trx, BASE_VERSION_KEY)) ?? (await getMeta(trx, 'kb_version')) ?? 'empty';
  await setMeta(trx, BASE_VERSION_KEY, base);
  await setMeta(trx, LAYER_KEY, head);
  const version = combined(base, head);
  await setMeta(trx, 'kb_version', version);
  return version;
}

/** Replaces the full-text index with the facts of `dataset` (the files with the published layer over them). */
export async function rebuildSearch(trx: Db, facts: Fact[]): Promise<void> {
  await sql`DELETE FROM kb_search`.execute(trx);
  // Multi-row inserts: one statement per hundred facts rather than one per fact (7 parameters each, well under
  // SQLite's limit of 32,766 and PostgreSQL's 65,535).
  for (let i = 0; i < facts.length; i += SEARCH_ROWS) {
    const rows = facts.slice(i, i + SEARCH_ROWS).map((f) => sql`(${f.id}, ${f.kind}, ${f.partner}, ${f.from}, ${JSON.stringify(f)}, ${f.title}, ${f.text})`);
    await sql`INSERT INTO kb_search (fact_id, kind, partner, from_date, payload, title, body) VALUES ${sql.join(rows)}`.execute(trx);
  }
}

/** The knowledge base as the files seeded it (kb_record), validated; `name` of each partner row for messages. */
export async function readBaseline(db: Db): Promise<Dataset> {
  const rows = await db.selectFrom('kb_record').select(['id', 'kind', 'body']).orderBy('id').execute();
  const byKind = (k: string) => rows.filter((r) => r.kind === k).map((r) => ({ name: r.id, content: JSON.parse(r.body) as unknown }));
  const framework = byKind('framework')[0] ?? { name: 'framework:eu', content: undefined };
  return buildDataset({
    partnerships: byKind('partnership'),
    sharedDialogues: { name: 'dialogues', content: { dialogues: byKind('dialogue').map((d) => d.content) } },
    actors: { name: 'actors', content: { actors: byKind('actor').map((a) => a.content) } },
    framework,
    nationalStrategies: { name: 'national-strategies', content: { partners: byKind('national-strategies').map((s) => s.content) } },
  });
}

/** The published knowledge base read in `db` (a transaction or not): the baseline with the layer applied. */
export async function readPublished(db: Db): Promise<Dataset> {
  return applyLayer(await readBaseline(db), await publishedLayer(db)).dataset;
}

/** The digest of the data files the knowledge base was last seeded from (see datasetDigest). */
export async function seededSourceDigest(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', SOURCE_DIGEST_KEY).executeTakeFirst())?.value;
}

/** What a start finds when the data files are byte for byte those of the last seed: every record unchanged. */
export async function unchangedSeedReport(db: Db): Promise<SeedReport> {
  const records = await db.selectFrom('kb_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { inserted: 0, updated: 0, unchanged: Number(records?.n ?? 0), deleted: 0, facts: await countSearchRows(db) };
}

/** Brings the store in line with the data; `sourceDigest`, stored in the same transaction, lets later starts skip it. */
export async function seedKnowledgeBase(db: Db, raw: RawDataset, sourceDigest?: string): Promise<{ report: SeedReport; dataset: Dataset; version: string }> {
  const files = buildDataset(raw);
  const rows = rowsFromDataset(files);
  const report: SeedReport = { inserted: 0, updated: 0, unchanged: 0, deleted: 0, facts: 0 };
  let version = '';
  let dataset = files;
  await db.transaction().execute(async (trx) => {
    // Servers started together each seed: one at a time, so that each compares with what the one before wrote and
    // only the first reports records as new. SQLite's immediate transactions are already one at a time; PostgreSQL
    // reads (READ COMMITTED) what was committed before each statement, so a lock taken first orders the seeds.
    if (dialectOf(db) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = new Map((await trx.selectFrom('kb_record').select(['id', 'hash']).execute()).map((r) => [r.id, r.hash]));
    for (const row of rows) {
      const hash = sha(row.body);
      const old = existing.get(row.id);
      existing.delete(row.id);
      if (old === hash) {
        report.unchanged++;
        continue;
      }
      await trx
        .insertInto('kb_record')
        .values({ ...row, hash })
        .onConflict((oc) => oc.column('id').doUpdateSet({ body: row.body, hash, kind: row.kind, partner: row.partner }))
        .execute();
      if (old === undefined) report.inserted++;
      else report.updated++;
    }
    for (const gone of existing.keys()) {
      await trx.deleteFrom('kb_record').where('id', '=', gone).execute();
      report.deleted++;
    }
    // Published curated changes stay a layer over the files: a re-seed keeps them (core/curation/apply.ts).
    dataset = applyLayer(files, await publishedLayer(trx)).dataset;
    const facts = listFacts(dataset);
    report.facts = facts.length;
    if (report.inserted + report.updated + report.deleted > 0 || (await countSearchRows(trx)) !== facts.length) await rebuildSearch(trx, facts);
    const base = sha(rows.map((r) => r.id + sha(r.body)).join('\n'));
    await setMeta(trx, BASE_VERSION_KEY, base);
    version = combined(base, await getMeta(trx, LAYER_KEY));
    await setMeta(trx, 'kb_version', version);
    if (sourceDigest !== undefined) {
      await trx
        .insertInto('meta')
        .values({ key: SOURCE_DIGEST_KEY, value: sourceDigest })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: sourceDigest }))
        .execute();
    }
  });
  return { report, dataset, version };
}

async function countSearchRows(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM kb_search`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Reads the knowledge base back from the store, cached per seeded version. */
export class KnowledgeRepository {
  private cache: { version: string; dataset: Dataset } | undefined;

  /** Takes the dataset a seed has just validated, so the first read does not validate it again. */
  prime(version: string, dataset: Dataset): void {
    this.cache = { version, dataset };
  }

  constructor(private readonly db: Db) {}

  /** Built once: every cached read asks for the version, and building the query cost as much as running it. */
  private versionQuery: CompiledQuery<{ value: string }> | undefined;

  async version(): Promise<string | undefined> {
    this.versionQuery ??= this.db.selectFrom('meta').select('value').where('key', '=', 'kb_version').compile();
    return (await this.db.executeQuery(this.versionQuery)).rows[0]?.value;
  }

  async dataset(): Promise<Dataset> {
    const version = (await this.version()) ?? 'empty';
    if (this.cache?.version === version) return this.cache.dataset;
    const dataset = await readPublished(this.db);
    this.cache = { version, dataset };
    return dataset;
  }

  /** Full-text search over every fact; each word of the query must appear (prefix match). */
  async search(query: string, opts: { asOf?: string | undefined; partner?: string | undefined; kind?: string | undefined; limit?: number }): Promise<(Fact & { snippet: string })[]> {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const limit = opts.limit ?? 50;
    const asOf = opts.asOf ?? null;
    const partner = opts.partner ?? null;
    const kind = opts.kind ?? null;
    const partnerLike = `%,${opts.partner ?? ''},%`;
    const result =
      dialectOf(this.db) === 'postgres'
        ? await sql<{ payload: string; snippet: string }>`
      SELECT payload, ts_headline('english', body, q, 'StartSel=[, StopSel=], MaxWords=14, MinWords=5') AS snippet
      FROM kb_search, to_tsquery('english', ${words.map((w) => `${w.replace(/'/g, '')}:*`).join(' & ')}) AS q
      WHERE tsv @@ q
        AND (${asOf}::text IS NULL OR from_date IS NULL OR from_date <= ${asOf})
        AND (${partner}::text IS NULL OR (',' || partner || ',') LIKE ${partnerLike})
        AND (${kind}::text IS NULL OR kind = ${kind})
      ORDER BY ts_rank(tsv, q) DESC, fact_id LIMIT ${limit}`.execute(this.db)
        : await sql<{ payload: string; snippet: string }>`
      SELECT payload, snippet(kb_search, 6, '[', ']', '…', 12) AS snippet FROM kb_search
      WHERE kb_search MATCH ${words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' AND ')}
        AND (${asOf} IS NULL OR from_date IS NULL OR from_date <= ${asOf})
        AND (${partner} IS NULL OR (',' || partner || ',') LIKE ${partnerLike})
        AND (${kind} IS NULL OR kind = ${kind})
      ORDER BY rank LIMIT ${limit}`.execute(this.db);
    return result.rows.map((r) => ({ ...(JSON.parse(r.payload) as Fact), snippet: r.snippet }));
  }
}
