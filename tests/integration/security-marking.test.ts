// Security (markings over time): each version of a record and each audit entry's content keeps the marking it had,
// so lowering a record to CLEAR does not publish what it said while it was RED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, call, incident, type Client } from './team';

describe.each(dialects)('security: earlier versions keep their marking on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let viewerIt: Client;
  let adminIt: Client;
  let id: string;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    viewerIt = await addUser(h, 'viewer-it', 'viewer', 'IT');
    adminIt = await addUser(h, 'admin-it', 'admin', 'IT');
    const made = await call(h.app, editor, 'POST', '/api/incidents', incident('red-era-secret title', { tlp: 'red', summary: 'red-era-secret summary' }));
    expect(made.status, made.text).toBe(201);
    id = (made.body as { id: string }).id;
    const lowered = await call(h.app, editor, 'PUT', `/api/incidents/${id}`, incident('public title', { tlp: 'clear' }));
    expect(lowered.status, lowered.text).toBe(200);
  });
  afterAll(async () => h?.close());

  it('the history shows the RED-era versions to nobody outside their recipients, with their level and a withheld flag', async () => {
    for (const who of [viewerIt, adminIt, anonymous]) {
      const r = await call(h.app, who, 'GET', `/api/incidents/${id}/history`);
      expect(r.status, `${who.name}: ${r.text}`).toBe(200);
      expect(r.text, who.name).not.toContain('red-era-secret');
      expect(r.text, who.name).toContain('public title');
      expect(r.body).toMatchObject([
        { version: 1, action: 'create', tlp: 'red', before: null, after: null, redacted: true },
        { version: 2, action: 'update', tlp: 'clear', before: null, after: { title: 'public title' }, redacted: true },
      ]);
    }
    const own = await call(h.app, editor, 'GET', `/api/incidents/${id}/history`);
    expect(own.body).toMatchObject([
      { version: 1, after: { title: 'red-era-secret title' }, redacted: false },
      { version: 2, before: { title: 'red-era-secret title' }, after: { title: 'public title' }, redacted: false },
    ]);
  });

  it('the audit view withholds the RED-era content of the same record from an admin outside its recipients', async () => {
    const r = await call(h.app, adminIt, 'GET', `/api/audit?target=${id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.text).not.toContain('red-era-secret');
    const entries = r.body as { action: string; before: unknown; after: unknown; redacted: boolean }[];
    expect(entries.map((e) => e.action)).toEqual(['incident.create', 'incident.update']);
    expect(entries[0]).toMatchObject({ after: null, redacted: true });
    expect(entries[1]).toMatchObject({ before: null, after: { incident: { title: 'public title' } }, redacted: true });
  });

  it('raising a marking hides earlier content as well (the stricter of then and now applies)', async () => {
    const made = await call(h.app, editor, 'POST', '/api/incidents', incident('clear-then-red', { tlp: 'clear' }));
    const raised = (made.body as { id: string }).id;
    expect((await call(h.app, editor, 'PATCH', `/api/incidents/${raised}`, { tlp: 'red' })).status).toBe(200);
    expect((await call(h.app, viewerIt, 'GET', `/api/incidents/${raised}/history`)).status).toBe(404);
    expect((await call(h.app, adminIt, 'GET', `/api/audit?target=${raised}`)).text).not.toContain('clear-then-red');
  });
});
