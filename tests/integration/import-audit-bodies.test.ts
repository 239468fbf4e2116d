// An import's audit entry of a record it created refers to the body it stored (its version and the SHA-256 of its
// canonical JSON) instead of holding a copy: the trail's readers give the body back as the copy gave it, and
// `audit verify` names the entry whose stored first version was changed or removed outside the application, while
// changes made through the application (a later import, an edit, a deletion) leave the trail valid.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptStatementsOf } from '../../src/store/db';
import { ALL, body, taggedBundle } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, type Client } from './team';

type Entry = { seq: number; action: string; targetType: string; targetId: string; before: unknown; after: unknown };

describe.each(dialects)("an import's entries refer to the bodies it stored, on %s", (dialect) => {
  let h: Harness;
  let erin: Client;
  let created: Entry[];
  const tag = `bodies-${dialect}`;

  beforeEach(async () => {
    h = await startHarness(teamConfig(), dialect);
    erin = await addUser(h, 'erin', 'editor', 'DE');
    const r = await call(h.app, erin, 'POST', '/api/import/stix', body(taggedBundle(tag, 'green')));
    expect(r.status, r.text).toBe(200);
    created = (await entries()).filter((e) => e.action === 'import.stix' && e.targetType !== 'import_report');
    expect(created.map((e) => e.targetType).sort()).toEqual(['actor', 'attribution', 'incident']);
  });
  afterEach(async () => h?.close());

  const entries = async () => (await h.wb.audit.list(ALL, { limit: 1000 })) as unknown as Entry[];
  const entryOf = (kind: string) => created.find((e) => e.targetType === kind) as Entry;
  const stored = async (seq: number) => (await sql<{ after: string }>`SELECT after FROM audit_log WHERE seq = ${seq}`.execute(h.wb.db)).rows[0]?.after ?? '';

  it('stores a digest in the entry and reads the body back in its place', async () => {
    const incident = entryOf('incident');
    const text = await stored(incident.seq);
    expect(JSON.parse(text)).toMatchObject({ stored: { version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, marking: { tlp: 'green' } });
    expect(text).not.toContain(`Incident ${tag}`);
    expect(incident.after).toMatchObject({ incident: { title: `Incident ${tag}` }, marking: { tlp: 'green', owner: 'DE' }, source: { format: 'stix' } });
    expect(Object.keys(incident.after as object)).toEqual(['incident', 'marking', 'source']);
    expect(entryOf('actor').after).toMatchObject({ actor: { name: `Actor ${tag}`, description: `Set ${tag}.` } });
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
  });

  it('names the entry of an incident whose stored body was changed behind the application', async () => {
    const incident = entryOf('incident');
    await sql`UPDATE incident SET body = replace(body, ${`Incident ${tag}`}, 'Something else') WHERE id = ${incident.targetId}`.execute(h.wb.db);
    const v = await h.wb.audit.verify();
    expect(v).toMatchObject({ valid: false, seq: incident.seq });
    expect(v.valid ? '' : v.reason).toMatch(new RegExp(`entry ${incident.seq} \\(import.stix incident .*no stored body of that version matches it`));
  });

  it('names the entry of an imported record whose stored body was changed or removed', async () => {
    const actor = entryOf('actor');
    await sql`UPDATE exchange_record SET body = replace(body, ${`Set ${tag}.`}, 'Another set.') WHERE id = ${actor.targetId}`.execute(h.wb.db);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: false, seq: actor.seq });
    const incident = entryOf('incident');
    await sql`UPDATE exchange_record SET body = replace(body, 'Another set.', ${`Set ${tag}.`}) WHERE id = ${actor.targetId}`.execute(h.wb.db);
    await sql`DELETE FROM incident WHERE id = ${incident.targetId}`.execute(h.wb.db);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: false, seq: incident.seq });
  });

  it('keeps the first bodies readable and the trail valid after a later import, an edit and a deletion', async () => {
    const newer = taggedBundle(tag, 'green', { modified: '2024-06-01T00:00:00.000Z', description: 'Newer text.' });
    expect((await call(h.app, erin, 'POST', '/api/import/stix', body(newer))).status).toBe(200);
    const incident = entryOf('incident');
    const edit = await call(h.app, erin, 'PATCH', `/api/incidents/${incident.targetId}`, { title: 'Edited title' });
    expect(edit.status, edit.text).toBe(200);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
    const again = await entries();
    const first = (kind: string) => again.find((e) => e.seq === entryOf(kind).seq);
    expect(first('actor')?.after).toMatchObject({ actor: { description: `Set ${tag}.` } });
    expect(first('incident')?.after).toMatchObject({ incident: { title: `Incident ${tag}` } });
    expect((await call(h.app, erin, 'DELETE', `/api/incidents/${incident.targetId}`)).status).toBe(204);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true });
    expect((await entries()).find((e) => e.seq === incident.seq)?.after).toMatchObject({ incident: { title: `Incident ${tag}` } });
    // The first version's text, kept by the edit's history entry, changed: the import's entry is named.
    await sql`UPDATE incident_history SET before = replace(before, ${`Incident ${tag}`}, 'Something else') WHERE incident_id = ${incident.targetId} AND version = 2`.execute(h.wb.db);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: false, seq: incident.seq });
  });
});

describe("the trail's reader, on sqlite", () => {
  it('reads the first versions of a page of entries of every kind in one statement', async () => {
    const h = await startHarness(teamConfig(), 'sqlite');
    try {
      const erin = await addUser(h, 'erin', 'editor', 'DE');
      expect((await call(h.app, erin, 'POST', '/api/import/stix', body(taggedBundle('one-statement', 'green')))).status).toBe(200);
      // SQLite's kept statements count every statement run (sqlite-statements.ts).
      const kept = keptStatementsOf(h.wb.db);
      if (!kept) throw new Error('an SQLite store keeps its statements');
      const ran = kept.prepared + kept.reused;
      const read = (await h.wb.audit.list(ALL, { limit: 1000 })) as unknown as Entry[];
      // The page's own statement, and one for the first versions of its incident, actor and attribution.
      expect(kept.prepared + kept.reused - ran).toBe(2);
      const created = read.filter((e) => e.action === 'import.stix' && e.targetType !== 'import_report');
      expect(created.map((e) => [e.targetType, Object.keys(e.after as object)])).toEqual(
        expect.arrayContaining([
          ['incident', ['incident', 'marking', 'source']],
          ['actor', ['actor', 'marking', 'source']],
          ['attribution', ['attribution', 'marking', 'source']],
        ]),
      );
    } finally {
      await h.close();
    }
  });
});
