// Every API route x every kind of caller x every TLP level, on every dialect: no route shows a record (or its
// count, history, plan, export or audit entry) to someone the marking excludes, and none refuses someone it admits.
// Expectations are written out here from TLP 2.0 and the role table, independently of the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/auth/roles';
import { listRoutes } from '../../src/server/app';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { CALLER_NAMES, CALLERS, addUser, anonymous, call, incident, roleOfCaller, type Caller, type Client } from './team';

const LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
type Level = (typeof LEVELS)[number];

/** Callers: role and organisation. Records are owned by DE, AMBER ones shared with FR, RED ones named for analyst-de. */
const WHO = CALLERS;
type Who = Caller;
const WHOS = CALLER_NAMES;

/** TLP 2.0 as this product applies it. editor-de writes every record, so is a RED recipient too. */
const SEES: Record<Who, Level[]> = {
  anonymous: ['clear'],
  'viewer-de': ['clear', 'green', 'amber', 'amber+strict'],
  'analyst-de': ['clear', 'green', 'amber', 'amber+strict', 'red'],
  'editor-de': ['clear', 'green', 'amber', 'amber+strict', 'red'],
  'admin-de': ['clear', 'green', 'amber', 'amber+strict'],
  'analyst-fr': ['clear', 'green', 'amber'],
  'viewer-it': ['clear', 'green'],
  'editor-it': ['clear', 'green'],
  'admin-it': ['clear', 'green'],
};

const roleOf = roleOfCaller;
const atLeast = (who: Who, role: Role) => {
  const order: Role[] = ['viewer', 'analyst', 'editor', 'admin'];
  const r = roleOf(who);
  return r !== null && order.indexOf(r) >= order.indexOf(role);
};

/** Change (PUT, PATCH): role first (401/403 say nothing of the record), then visibility (404), then ownership (403). */
function changeStatus(who: Who, level: Level): number {
  if (roleOf(who) === null) return 401;
  if (!atLeast(who, 'analyst')) return 403;
  if (!SEES[who].includes(level)) return 404;
  if (!atLeast(who, 'editor') && WHO[who]?.org !== 'DE') return 403;
  return 200;
}
function deleteStatus(who: Who, level: Level): number {
  if (roleOf(who) === null) return 401;
  if (!atLeast(who, 'editor')) return 403;
  return SEES[who].includes(level) ? 204 : 404;
}
const createStatus = (who: Who) => (roleOf(who) === null ? 401 : atLeast(who, 'analyst') ? 201 : 403);
const importStatus = (who: Who) => (roleOf(who) === null ? 401 : atLeast(who, 'editor') ? 200 : 403);
const adminStatus = (who: Who) => (roleOf(who) === null ? 401 : atLeast(who, 'admin') ? 200 : 403);
const signedInStatus = (who: Who, ok = 200) => (roleOf(who) === null ? 401 : ok);

const marking = (level: Level) => ({ tlp: level, ...(level === 'amber' ? { sharedWith: ['FR'] } : {}), ...(level === 'red' ? { recipients: ['analyst-de'] } : {}) });

/** Which test below covers each route; a route missing here fails the coverage test, so new routes must be classified. */
const COVERED: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/reference': 'public',
  'GET /api/partners': 'public',
  'GET /api/partners/:id': 'public',
  'GET /api/dialogues': 'public',
  'GET /api/matrix': 'public',
  'GET /api/actors': 'public',
  'GET /api/areas-of-responsibility': 'public',
  'GET /api/strategies': 'public',
  'GET /api/national-strategies': 'public',
  'GET /api/search': 'public',
  'GET /api/assess': 'public',
  'GET /api/assess/weights': 'public',
  'GET /api/assess/:id': 'public',
  'GET /api/assess/:id/history': 'public',
  'POST /api/assess': 'public',
  'POST /api/assess/:id': 'public',
  'GET /api/network': 'public',
  'GET /api/timeline': 'public',
  'GET /api/timeline/:id': 'public',
  'GET /api/compare': 'public',
  'GET /api/gaps/:id': 'public',
  'GET /api/measures': 'public',
  'GET /api/sanctions': 'public',
  'GET /api/sanctions/screen': 'public',
  'POST /api/sanctions/screen': 'public',
  'GET /api/member-states': 'public',
  'GET /api/vote/acts': 'public',
  'POST /api/vote': 'public',
  'POST /api/respond': 'public',
  'GET /api/incidents': 'reads',
  'GET /api/incidents/:id': 'reads',
  'GET /api/incidents/:id/history': 'reads',
  'GET /api/incidents/:id/plan': 'reads',
  'POST /api/incidents': 'writes',
  'PUT /api/incidents/:id': 'writes',
  'PATCH /api/incidents/:id': 'writes',
  'DELETE /api/incidents/:id': 'writes',
  'POST /api/auth/login': 'auth',
  'POST /api/auth/logout': 'auth',
  'GET /api/auth/me': 'auth',
  'POST /api/auth/bootstrap': 'auth',
  'POST /api/auth/password': 'auth',
  'GET /api/users': 'accounts',
  'GET /api/users/:username': 'accounts',
  'POST /api/users': 'accounts',
  'PATCH /api/users/:username': 'accounts',
  'GET /api/tokens': 'accounts',
  'POST /api/tokens': 'accounts',
  'DELETE /api/tokens/:id': 'accounts',
  'GET /api/audit': 'audit',
  'GET /api/audit/verify': 'audit',
  'GET /api/audit/registry-seed': 'audit',
  'POST /api/import/stix': 'exchange',
  'POST /api/import/eurepoc': 'exchange',
  'POST /api/import/cfr': 'exchange',
  'GET /api/import/reports': 'exchange',
  'GET /api/export/:view': 'exchange',
  // Curation: roles, four eyes and hidden pending changes in kb-changes.test.ts.
  'POST /api/kb/changes': 'curation',
  'GET /api/kb/changes': 'curation',
  'GET /api/kb/changes/:id': 'curation',
  'POST /api/kb/changes/:id/approve': 'curation',
  'POST /api/kb/changes/:id/reject': 'curation',
  'POST /api/kb/changes/:id/revise': 'curation',
  'GET /api/kb/records': 'public',
  'GET /api/partners/:id/changes': 'public',
};

describe.each(dialects)('authorization matrix on %s', (dialect) => {
  let h: Harness;
  const clients = {} as Record<Who, Client>;
  const records = {} as Record<Level, { id: string; canary: string }>;
  const run = Math.random().toString(36).slice(2, 8);

  const as = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => call(h.app, clients[who], method, url, payload);
  const hiddenCanaries = (who: Who) => LEVELS.filter((l) => !SEES[who].includes(l)).map((l) => records[l].canary);
  const expectNoLeak = (who: Who, text: string, where: string) => {
    for (const c of hiddenCanaries(who)) expect(text.includes(c), `${who} sees ${c} in ${where}`).toBe(false);
  };
  async function record(level: Level, tag: string): Promise<{ id: string; canary: string }> {
    const canary = `CANARY-${level}-${tag}-${run}`;
    const r = await as('editor-de', 'POST', '/api/incidents', { ...incident(canary), ...marking(level) });
    expect(r.status, r.text).toBe(201);
    return { id: (r.body as { id: string }).id, canary };
  }

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    clients.anonymous = anonymous;
    for (const who of WHOS) {
      const spec = WHO[who];
      if (spec) clients[who] = await addUser(h, who, spec.role, spec.org);
    }
    for (const level of LEVELS) records[level] = await record(level, 'read');
  });
  afterAll(async () => h?.close());

  it('classifies every registered API route', () => {
    const routes = listRoutes(h.app)
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    const unclassified = routes.filter((r) => !(r in COVERED));
    expect(unclassified, 'add these routes to the matrix').toEqual([]);
  });

  describe('reads', () => {
    it.each(WHOS)('%s: get, history and plan answer 200 for visible records and exactly like a missing one for hidden ones', async (who) => {
      for (const suffix of ['', '/history', '/plan', '/plan?format=markdown']) {
        const missing = await as(who, 'GET', `/api/incidents/inc-000000000000${suffix}`);
        expect(missing.status).toBe(404);
        for (const level of LEVELS) {
          const { id, canary } = records[level];
          const r = await as(who, 'GET', `/api/incidents/${id}${suffix}`);
          if (SEES[who].includes(level)) {
            expect(r.status, `${who} ${level}${suffix}`).toBe(200);
            if (!suffix.startsWith('/plan')) expect(r.text).toContain(canary);
          } else {
            expect(r.status, `${who} ${level}${suffix}`).toBe(404);
            expect(r.text.replaceAll(id, 'inc-000000000000'), `${who} ${level}${suffix}`).toBe(missing.text);
          }
        }
      }
    });

    it.each(WHOS)('%s: lists, search and counts hold exactly the visible records', async (who) => {
      const expected = SEES[who].map((l) => records[l].id).sort();
      for (const url of ['/api/incidents?limit=1000', `/api/incidents?q=${run}`, '/api/incidents?q=CANARY&category=cyber-espionage', '/api/incidents?ongoing=true']) {
        const r = await as(who, 'GET', url);
        expect(r.status).toBe(200);
        const body = r.body as { total: number; items: { id: string }[] };
        expect(body.items.map((i) => i.id).sort(), `${who} ${url}`).toEqual(expected);
        expect(body.total, `${who} ${url}`).toBe(expected.length);
        expectNoLeak(who, r.text, url);
      }
      const page = (await as(who, 'GET', '/api/incidents?limit=1&offset=0')).body as { total: number };
      expect(page.total).toBe(expected.length);
    });

    it.each(WHOS)('%s: exports hold only visible records', async (who) => {
      for (const url of ['/api/export/incidents?format=json', '/api/export/incidents?format=csv', '/api/export/plans?format=json', '/api/export/stix']) {
        const r = await as(who, 'GET', url);
        expect(r.status, `${who} ${url}`).toBe(signedInStatus(who));
        expectNoLeak(who, r.text, url);
        if (r.status === 200) for (const l of SEES[who]) expect(r.text, `${who} ${url} misses ${l}`).toContain(records[l].canary);
      }
    });
  });

  describe('writes', () => {
    it.each(WHOS)('%s: creating an incident', async (who) => {
      const r = await as(who, 'POST', '/api/incidents', incident(`created by ${who}`));
      expect(r.status, r.text).toBe(createStatus(who));
    });

    it.each(WHOS)('%s: changing and deleting an incident of each level', async (who) => {
      for (const level of LEVELS) {
        const target = await record(level, `${who}-w`);
        const patch = await as(who, 'PATCH', `/api/incidents/${target.id}`, { summary: `patched by ${who}` });
        expect(patch.status, `${who} PATCH ${level}: ${patch.text}`).toBe(changeStatus(who, level));
        const put = await as(who, 'PUT', `/api/incidents/${target.id}`, incident(target.canary, { summary: `replaced by ${who}` }));
        expect(put.status, `${who} PUT ${level}: ${put.text}`).toBe(changeStatus(who, level));
        for (const r of [patch, put]) {
          if (r.status === 404) expect(r.text.replaceAll(target.id, 'X')).toBe(JSON.stringify({ error: { code: 'unknown_incident', message: 'No incident with id "X"', issues: [{ path: 'id', message: 'not found' }] } }));
          expectNoLeak(who, r.text, `${r.status} answer`);
        }
        const del = await as(who, 'DELETE', `/api/incidents/${target.id}`);
        expect(del.status, `${who} DELETE ${level}: ${del.text}`).toBe(deleteStatus(who, level));
        const after = await as('editor-de', 'GET', `/api/incidents/${target.id}`);
        expect(after.status).toBe(deleteStatus(who, level) === 204 ? 404 : 200);
        if (after.status === 200) expect((after.body as { version: number }).version).toBe(changeStatus(who, level) === 200 ? 3 : 1);
      }
    });

    it('a changed marking takes effect at once: AMBER shared with FR, then narrowed to AMBER+STRICT', async () => {
      const { id } = await record('amber', 'narrow');
      expect((await as('analyst-fr', 'GET', `/api/incidents/${id}`)).status).toBe(200);
      expect((await as('analyst-de', 'PATCH', `/api/incidents/${id}`, { tlp: 'amber+strict' })).status).toBe(200);
      expect((await as('analyst-fr', 'GET', `/api/incidents/${id}`)).status).toBe(404);
      expect((await as('analyst-fr', 'GET', `/api/incidents/${id}/history`)).status).toBe(404);
    });
  });

  describe('accounts, tokens, audit, sign-in', () => {
    it.each(WHOS)('%s: account administration is for admins', async (who) => {
      expect((await as(who, 'GET', '/api/users')).status).toBe(adminStatus(who));
      expect((await as(who, 'GET', '/api/users/viewer-it')).status).toBe(adminStatus(who));
      const created = await as(who, 'POST', '/api/users', { username: `new-${who}`, password: 'a long enough password', role: 'viewer', org: 'DE' });
      expect(created.status, created.text).toBe(adminStatus(who) === 200 ? 201 : adminStatus(who));
      expect((await as(who, 'PATCH', '/api/users/viewer-it', { displayName: `named by ${who}` })).status).toBe(adminStatus(who));
    });

    it.each(WHOS)('%s: tokens are each user\'s own; only admins see or revoke others\'', async (who) => {
      const mine = await as(who, 'GET', '/api/tokens');
      expect(mine.status).toBe(signedInStatus(who));
      if (mine.status === 200) expect((mine.body as { username: string }[]).every((t) => t.username === who)).toBe(true);
      const made = await as(who, 'POST', '/api/tokens', { name: 'script' });
      expect(made.status).toBe(signedInStatus(who, 201));
      const other = await h.wb.accounts.createToken({ kind: 'local', org: null }, { username: who === 'viewer-de' ? 'viewer-it' : 'viewer-de', name: `victim of ${who}` });
      const revoke = await as(who, 'DELETE', `/api/tokens/${other.info.id}`);
      expect(revoke.status).toBe(roleOf(who) === null ? 401 : atLeast(who, 'admin') ? 200 : 404);
      if (made.status === 201) expect((await as(who, 'DELETE', `/api/tokens/${(made.body as { id: string }).id}`)).status).toBe(200);
    });

    it.each(WHOS)('%s: the audit trail is for admins, with the contents of records they may not see withheld', async (who) => {
      const r = await as(who, 'GET', '/api/audit?limit=1000');
      expect(r.status).toBe(adminStatus(who));
      expect((await as(who, 'GET', '/api/audit/verify')).status).toBe(adminStatus(who));
      expect((await as(who, 'GET', '/api/audit/registry-seed')).status).toBe(adminStatus(who));
      if (r.status !== 200) return;
      expectNoLeak(who, r.text, 'the audit trail');
      const entries = r.body as { action: string; targetId: string; redacted: boolean }[];
      expect(entries.some((e) => e.action === 'incident.create' && e.targetId === records.red.id)).toBe(true);
      for (const l of SEES[who]) expect(r.text).toContain(records[l].canary);
    });

    it.each(WHOS)('%s: sign-in routes', async (who) => {
      const me = await as(who, 'GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ authMode: 'on', principal: roleOf(who) ? { kind: 'user', username: who } : { kind: 'anonymous' } });
      expect((await as(who, 'POST', '/api/auth/bootstrap', { token: 'x', username: 'late', password: 'a long enough password', org: 'DE' })).status).toBe(403);
      expect((await as(who, 'POST', '/api/auth/login', { username: who, password: 'wrong password here' })).status).toBe(401);
      expect((await as(who, 'POST', '/api/auth/password', { currentPassword: 'any', newPassword: 'too short' })).status).toBe(signedInStatus(who, 400));
      expect((await as(who, 'POST', '/api/auth/logout')).status).toBe(204);
    });

    it.each(WHOS)('%s: imports need the editor role; import reports a signed-in user', async (who) => {
      const r = await as(who, 'POST', '/api/import/stix?dryRun=true', { type: 'bundle', id: 'bundle--6f1e1ab8-4d1b-4d3a-9d4c-0d6f1f3b6a11', objects: [] });
      expect(r.status, r.text).toBe(importStatus(who));
      // The file uploads decide who may import before they read the body: an editor's empty one is refused for want of files.
      for (const format of ['eurepoc', 'cfr']) {
        const upload = await as(who, 'POST', `/api/import/${format}?dryRun=true`, {});
        expect(upload.status, upload.text).toBe(importStatus(who) === 200 ? 400 : importStatus(who));
      }
      expect((await as(who, 'GET', '/api/import/reports')).status).toBe(signedInStatus(who));
    });
  });

  describe('public routes', () => {
    const PUBLIC_GETS = [
      '/api/health', '/api/ready', '/api/partners', '/api/partners/US', '/api/dialogues?partner=CN', '/api/matrix', '/api/actors', '/api/areas-of-responsibility', '/api/strategies',
      '/api/search?q=Budapest', '/api/assess', '/api/assess/weights', '/api/assess/US', '/api/network', '/api/timeline', '/api/timeline/BR', '/api/compare?ids=US,CN',
      '/api/gaps/IN', '/api/measures', '/api/member-states', '/api/vote/acts',
    ];
    it.each(WHOS)('%s: the knowledge base, assessments and computations on request data are open to everyone', async (who) => {
      for (const url of PUBLIC_GETS) {
        const r = await as(who, 'GET', url);
        expect(r.status, `${who} ${url}`).toBe(200);
        expectNoLeak(who, r.text, url);
      }
      const weights = (await as(who, 'GET', '/api/assess/weights')).body;
      expect((await as(who, 'POST', '/api/assess', { weights })).status).toBe(200);
      expect((await as(who, 'POST', '/api/assess/US', { weights })).status).toBe(200);
      expect((await as(who, 'POST', '/api/vote', { rule: 'qmv', against: ['DE'] })).status).toBe(200);
      expect((await as(who, 'POST', '/api/respond', incident('hypothetical'))).status).toBe(200);
    });
  });
});
