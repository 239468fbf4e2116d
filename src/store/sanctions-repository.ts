// Keeps the cyber-sanctions register: reads it back for the core, and applies an annex import in one transaction
// (the entries and the import record are written together, or not at all).
import type { Kysely } from 'kysely';
import type { IsoDate } from '../core/dates';
import type { AnnexEntry } from '../core/sanctions/annex';
import { applyAnnex, type AnnexChange, type RegisteredEntry, type SanctionsRegister } from '../core/sanctions/register';
import type { Db } from './db';
import type { Database } from './schema';

type SanctionsTables = {
  sanctions_entry: { id: string; listed_on: string; delisted_on: string | null; body: string };
  sanctions_import: { id: string; imported_at: string; known_until: string; digest: string; report: string };
};

export interface SanctionsImportResult {
  date: IsoDate;
  knownUntil: IsoDate;
  digest: string;
  changes: AnnexChange[];
  unchanged: number;
  dryRun: boolean;
}

export class SanctionsRepository {
  private readonly db: Kysely<Database & SanctionsTables>;

  constructor(db: Db) {
    this.db = db.withTables<SanctionsTables>();
  }

  /** The register as the imports left it; null before the first import. */
  async load(): Promise<SanctionsRegister | null> {
    return this.read(this.db);
  }

  private async read(db: Kysely<Database & SanctionsTables>): Promise<SanctionsRegister | null> {
    const last = await db.selectFrom('sanctions_import').select(['known_until']).orderBy('known_until', 'desc').executeTakeFirst();
    if (!last) return null;
    const rows = await db.selectFrom('sanctions_entry').select(['body']).orderBy('listed_on').orderBy('id').execute();
    return { knownUntil: last.known_until as IsoDate, entries: rows.map((r) => JSON.parse(r.body) as RegisteredEntry) };
  }

  async imported(): Promise<boolean> {
    return (await this.db.selectFrom('sanctions_import').select('id').executeTakeFirst()) !== undefined;
  }

  /**
   * Applies a complete annex as of `date`: new entries listed, changed ones amended, missing ones delisted on
   * `date`. The same file again changes no entry and only records the check. `dryRun` writes nothing.
   */
  async apply(annex: readonly AnnexEntry[], opts: { date: IsoDate; digest: string; now: string; dryRun?: boolean }): Promise<SanctionsImportResult> {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.read(trx);
      const { entries, changes, unchanged } = applyAnnex(current?.entries ?? [], annex, opts.date);
      const knownUntil = (current && current.knownUntil > opts.date ? current.knownUntil : opts.date) as IsoDate;
      const result: SanctionsImportResult = { date: opts.date, knownUntil, digest: opts.digest, changes, unchanged, dryRun: opts.dryRun === true };
      if (opts.dryRun) return result;
      // Written: the entries an import changed, and those it completed without a change (a field kept since).
      const touched = new Set(changes.map((c) => c.id));
      const stored = new Set(current?.entries ?? []);
      for (const e of entries.filter((x) => touched.has(x.id) || !stored.has(x))) {
        await trx.deleteFrom('sanctions_entry').where('id', '=', e.id).execute();
        await trx.insertInto('sanctions_entry').values({ id: e.id, listed_on: e.listedOn, delisted_on: e.delistedOn, body: JSON.stringify(e) }).execute();
      }
      await trx
        .insertInto('sanctions_import')
        .values({ id: `${opts.now}-${opts.digest.slice(0, 12)}`, imported_at: opts.now, known_until: opts.date, digest: opts.digest, report: JSON.stringify({ changes, unchanged }) })
        .execute();
      return result;
    });
  }
}
