// The audit trail: every write is an entry with who, when, what, before and after; the table refuses UPDATE and
// DELETE; and when someone with database rights edits, removes or truncates entries anyway, verification says where.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/store/db';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

describe.each(dialects)('audit trail on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let incidentId: string;
  const all = { all: true, levels: [], org: null, username: null };

  beforeEach(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'erin', 'editor', 'DE');
    incidentId = ((await call(h.app, editor, 'POST', '/api/incidents', { ...incident('audited'), tlp: 'amber' })).body as { id: string }).id;
    await call(h.app, editor, 'PATCH', `/api/incidents/${incidentId}`, { ongoing: false });
    await call(h.app, editor, 'DELETE', `/api/incidents/${incidentId}`);
  });
  afterEach(async () => h?.close());

  /** What a database administrator could do: lift the append-only triggers. */
  async function liftTriggers() {
    if (dialectOf(h.wb.db) === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(h.wb.db);
    else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(h.wb.db);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(h.wb.db);
    }
  }

  it('records every write with who, when, what, before and after, in one chain', async () => {
    const entries = await h.wb.audit.list(all, {});
    expect(entries.map((e) => e.action)).toEqual(['account.create', 'token.create', 'incident.create', 'incident.update', 'incident.delete']);
    const update = entries[3];
    expect(update).toMatchObject({ seq: 4, actor: 'user:erin', actorOrg: 'DE', targetType: 'incident', targetId: incidentId, redacted: false });
    expect(update?.before).toMatchObject({ incident: { ongoing: true }, marking: { tlp: 'amber', owner: 'DE' } });
    expect(update?.after).toMatchObject({ incident: { ongoing: false } });
    expect(JSON.stringify(entries[0])).not.toMatch(/argon2|password/i);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: true, entries: 5 });
  });

  it('refuses to change or remove entries through SQL', async () => {
    await expect(sql`UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 3`.execute(h.wb.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 3`.execute(h.wb.db)).rejects.toThrow(/append-only/);
  });

  it('names the entry that was edited', async () => {
    await liftTriggers();
    await sql`UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 3`.execute(h.wb.db);
    const v = await h.wb.audit.verify();
    expect(v).toMatchObject({ valid: false, seq: 3 });
    expect(v.valid ? '' : v.reason).toMatch(/entry 3 \(incident.create incident .*, written .*\) does not match its (keyed )?hash/);
  });

  it('names a removed entry and a trail cut short', async () => {
    await liftTriggers();
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(h.wb.db);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: false, seq: 2, reason: expect.stringMatching(/entry 2 is missing/) });
    await sql`DELETE FROM audit_log WHERE seq > 1`.execute(h.wb.db);
    expect(await h.wb.audit.verify()).toMatchObject({ valid: false, reason: expect.stringMatching(/removed from the end/) });
  });

  it('shows admins who changed a record they may not see, but not its contents', async () => {
    const other = await addUser(h, 'ivo', 'admin', 'IT');
    const r = await call(h.app, other, 'GET', `/api/audit?target=${incidentId}`);
    expect(r.status).toBe(200);
    const entries = r.body as { action: string; actor: string; redacted: boolean; before: unknown; after: unknown }[];
    expect(entries.map((e) => [e.action, e.actor, e.redacted, e.before, e.after])).toEqual([
      ['incident.create', 'user:erin', true, null, null],
      ['incident.update', 'user:erin', true, null, null],
      ['incident.delete', 'user:erin', true, null, null],
    ]);
    expect(r.text).not.toContain('audited');
  });
});
