// An incident's owner and sharing list name organisations that exist (a member state code or an EU body of the
// knowledge base), as accounts do: TLP:AMBER shared with "XX", or with "de", reached nobody while its writer believed
// it shared. A refused write writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

describe.each(dialects)('incident markings name known organisations on %s', (dialect) => {
  let h: Harness;
  let analyst: Client;
  let editor: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    analyst = await addUser(h, 'ana', 'analyst', 'DE');
    editor = await addUser(h, 'eddie', 'editor', 'DE');
  });
  afterAll(async () => h?.close());

  const total = async () => ((await call(h.app, editor, 'GET', '/api/incidents?limit=0')).body as { total: number }).total;

  it('refuses a sharing list or an owner naming no organisation, naming the entry and the allowed forms', async () => {
    const before = await total();
    const unknown = await call(h.app, analyst, 'POST', '/api/incidents', incident('shared with nobody', { tlp: 'amber', sharedWith: ['FR', 'XX'] }));
    expect(unknown.status, unknown.text).toBe(400);
    expect((unknown.body as ErrorBody).error).toMatchObject({ code: 'invalid_marking', issues: [{ path: 'sharedWith.1', message: expect.stringContaining('"XX" is neither a member state code nor an EU body id') }] });

    const lower = await call(h.app, analyst, 'POST', '/api/incidents', incident('shared in lower case', { tlp: 'amber', sharedWith: ['fr'] }));
    expect(lower.status, lower.text).toBe(400);
    expect((lower.body as ErrorBody).error.message).toContain('(member state codes are upper case: FR)');

    const owner = await call(h.app, editor, 'POST', '/api/incidents', incident('owned by nobody', { tlp: 'amber', owner: 'Atlantis' }));
    expect(owner.status, owner.text).toBe(400);
    expect((owner.body as ErrorBody).error.issues[0]?.path).toBe('owner');
    expect(await total()).toBe(before);
  });

  it('takes member states and EU bodies, and refuses an update to an unknown one, leaving the incident as it was', async () => {
    const made = await call(h.app, analyst, 'POST', '/api/incidents', incident('shared properly', { tlp: 'amber', sharedWith: ['FR', 'eeas'] }));
    expect(made.status, made.text).toBe(201);
    const { id, marking } = made.body as { id: string; marking: { sharedWith: string[] } };
    expect(marking.sharedWith).toEqual(['FR', 'eeas']);
    const patched = await call(h.app, analyst, 'PATCH', `/api/incidents/${id}`, { sharedWith: ['FR', 'ZZ'] });
    expect(patched.status, patched.text).toBe(400);
    expect((patched.body as ErrorBody).error.issues[0]?.path).toBe('sharedWith.1');
    const now = (await call(h.app, analyst, 'GET', `/api/incidents/${id}`)).body as { version: number; marking: { sharedWith: string[] } };
    expect(now).toMatchObject({ version: 1, marking: { sharedWith: ['FR', 'eeas'] } });
  });
});
