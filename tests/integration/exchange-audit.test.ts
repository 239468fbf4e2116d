// Imports in the audit trail: an entry for every record an import creates or changes (who, when, what, before and
// after) and one for the run, written in the import's transaction: a failed import leaves neither records nor
// entries, an unchanged re-import adds only the run's entry, and the chain still verifies.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/store/db';
import { ALL, body, oneMoreRun, storeCounts, taggedBundle } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, type Client } from './team';

type Entry = { seq: number; actor: string; actorOrg: string | null; action: string; targetType: string; targetId: string; before: unknown; after: unknown };

describe.each(dialects)('imports in the audit trail on %s', (dialect) => {
  let h: Harness;
  let erin: Client;

  beforeEach(async () => {
    h = await startHarness(teamConfig(), dialect);
    erin = await addUser(h, 'erin', 'editor', 'DE');
  });
  afterEach(async () => h?.close());

  const entries = async (after = 0) => (await h.wb.audit.list(ALL, { after, limit: 1000 })) as (Entry & { redacted: boolean })[];
  const head = async () => (await entries()).at(-1)?.seq ?? 0;
  const post = (b: unknown, query = '') => call(h.app, erin, 'POST', `/api/import/stix${query}`, b);

  it('records each record created with who, when, its content and marking, and the run with its digest and counts', async () => {
    const before = await head();
    const bundle = taggedBundle('audit-1', 'amber');
    const r = await post(body(bundle));
    expect(r.status, r.text).toBe(200);
    const written = (await entries(before)).filter((e) => e.action === 'import.stix');
    expect(written.map((e) => e.targetType).sort()).toEqual(['actor', 'attribution', 'import_report', 'incident']);
    for (const e of written) expect(e).toMatchObject({ actor: 'user:erin', actorOrg: 'DE' });
    const incident = written.find((e) => e.targetType === 'incident');
    expect(incident?.before).toBeNull();
    expect(incident?.after).toMatchObject({ incident: { title: 'Incident audit-1' }, marking: { tlp: 'amber', owner: 'DE' }, source: { format: 'stix', key: bundle.ids.incident } });
    const run = written.at(-1);
    expect(run?.targetType).toBe('import_report');
    const sha256 = createHash('sha256').update(JSON.stringify(body(bundle))).digest('hex');
    expect(run?.after).toMatchObject({ format: 'stix', sources: [{ name: '(request body)', sha256 }], written: { incident: { created: 1 }, actor: { created: 1 }, attribution: { created: 1 } } });
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true, entries: await head() });
  });

  it('an unchanged re-import adds only the run\'s entry; a newer version adds an update with before and after', async () => {
    await post(body(taggedBundle('audit-2', 'green')));
    const counts = await storeCounts(h.wb);
    const mark = await head();
    expect((await post(body(taggedBundle('audit-2', 'green')))).status).toBe(200);
    expect((await entries(mark)).map((e) => e.targetType)).toEqual(['import_report']);
    expect(await storeCounts(h.wb)).toEqual(oneMoreRun(counts));

    const mark2 = await head();
    const newer = taggedBundle('audit-2', 'green', { modified: '2024-06-01T00:00:00.000Z', description: 'Newer text.' });
    expect((await post(body(newer))).status).toBe(200);
    const update = (await entries(mark2)).filter((e) => e.targetType === 'actor');
    expect(update).toHaveLength(1);
    expect(update[0]?.before).toMatchObject({ actor: { description: 'Set audit-2.' }, marking: { tlp: 'green', owner: 'DE' } });
    expect(update[0]?.after).toMatchObject({ actor: { description: 'Newer text.' }, marking: { tlp: 'green', owner: 'DE' } });
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
  });

  it('a dry run and a refused import write no entry', async () => {
    const counts = await storeCounts(h.wb);
    expect((await post(body(taggedBundle('audit-3', 'amber')), '?dryRun=true')).status).toBe(200);
    const bad = body(taggedBundle('audit-3', 'amber'));
    (bad.objects[1] as Record<string, unknown>).modified = '2000-01-01T00:00:00.000Z';
    expect((await post(bad)).status).toBe(400);
    expect(await storeCounts(h.wb)).toEqual(counts);
  });

  it('a failure at the last statement of an import rolls back its records, markings, report and entries', async () => {
    // The run's own entry is the import's last write: make the database refuse it.
    if (dialectOf(h.wb.db) === 'postgres') {
      await sql`CREATE FUNCTION refuse_import_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(h.wb.db);
      await sql`CREATE TRIGGER refuse_import_entry BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.target_type = 'import_report') EXECUTE FUNCTION refuse_import_entry()`.execute(h.wb.db);
    } else {
      await sql`CREATE TRIGGER refuse_import_entry BEFORE INSERT ON audit_log WHEN NEW.target_type = 'import_report' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`.execute(h.wb.db);
    }
    const counts = await storeCounts(h.wb);
    const r = await post(body(taggedBundle('audit-4', 'amber')));
    expect(r.status).toBe(500);
    expect(await storeCounts(h.wb)).toEqual(counts);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
  });
});
