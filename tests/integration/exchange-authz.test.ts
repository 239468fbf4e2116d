// Imported records x every kind of caller x every TLP level, on every dialect: no read path (actor and incident
// exports in CSV, JSON and STIX, the one-incident bundle, incident lists and search, import reports, the audit
// trail) shows an imported actor, incident or attribution to someone its marking excludes, and none withholds it
// from someone it admits. Beside authz-matrix.test.ts, whose expectations it follows: written out here from
// TLP 2.0 and the role table, independently of the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/auth/roles';
import { tlpFor, tlpObject } from '../../src/core/exchange/index';
import { TLP_LEVELS, body, taggedBundle, type Level } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, call, type Client } from './team';

/** Callers: role and organisation. editor-de imports everything; RED imports name analyst-de as a recipient. */
const WHO = {
  anonymous: null,
  'viewer-de': { role: 'viewer', org: 'DE' },
  'analyst-de': { role: 'analyst', org: 'DE' },
  'editor-de': { role: 'editor', org: 'DE' },
  'admin-de': { role: 'admin', org: 'DE' },
  'analyst-fr': { role: 'analyst', org: 'FR' },
  'viewer-it': { role: 'viewer', org: 'IT' },
  'editor-it': { role: 'editor', org: 'IT' },
  'admin-it': { role: 'admin', org: 'IT' },
} as const satisfies Record<string, { role: Role; org: string } | null>;
type Who = keyof typeof WHO;
const WHOS = Object.keys(WHO) as Who[];

/** TLP 2.0 for imported records: owned by DE (the importer's organisation), shared with nobody, RED for the named. */
const SEES: Record<Who, Level[]> = {
  anonymous: ['clear'],
  'viewer-de': ['clear', 'green', 'amber', 'amber+strict'],
  'analyst-de': ['clear', 'green', 'amber', 'amber+strict', 'red'],
  'editor-de': ['clear', 'green', 'amber', 'amber+strict', 'red'],
  'admin-de': ['clear', 'green', 'amber', 'amber+strict'],
  'analyst-fr': ['clear', 'green'],
  'viewer-it': ['clear', 'green'],
  'editor-it': ['clear', 'green'],
  'admin-it': ['clear', 'green'],
};
/** The mixed bundle: a TLP:GREEN attribution between a TLP:AMBER+STRICT actor and the incident that names it. */
const SEES_MIXED = (who: Who) => SEES[who].includes('amber+strict');
const roleOf = (who: Who): Role | null => WHO[who]?.role ?? null;
const signedIn = (who: Who) => (roleOf(who) === null ? 401 : 200);

describe.each(dialects)('imported records: authorization matrix on %s', (dialect) => {
  let h: Harness;
  const clients = {} as Record<Who, Client>;
  const run = Math.random().toString(36).slice(2, 8);
  const tag = (level: Level | 'mixed') => `CANARY-${level}-${run}`;
  const imported = {} as Record<Level | 'mixed', { incident: string; report: number }>;

  const as = (who: Who, url: string) => call(h.app, clients[who], 'GET', url);
  /** Every name an imported record of this level could show: actor, incident, attribution. */
  const canaries = (key: Level | 'mixed') => [`Actor ${tag(key)}`, `Incident ${tag(key)}`, `Attribution ${tag(key)}`];
  const hidden = (who: Who) => [...TLP_LEVELS.filter((l) => !SEES[who].includes(l)), ...(SEES_MIXED(who) ? [] : ['mixed' as const])];
  const expectNoLeak = (who: Who, text: string, where: string) => {
    for (const key of hidden(who)) for (const c of canaries(key)) expect(text.includes(c), `${who} sees "${c}" in ${where}`).toBe(false);
  };
  const expectShown = (who: Who, text: string, where: string, which: (key: Level | 'mixed') => string[]) => {
    for (const key of [...SEES[who], ...(SEES_MIXED(who) ? ['mixed' as const] : [])]) for (const c of which(key)) expect(text, `${who} misses "${c}" in ${where}`).toContain(c);
  };

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    clients.anonymous = anonymous;
    for (const who of WHOS) {
      const spec = WHO[who];
      if (spec) clients[who] = await addUser(h, who, spec.role, spec.org);
    }
    const importOne = async (key: Level | 'mixed', b: ReturnType<typeof taggedBundle>, query = '') => {
      const r = await call(h.app, clients['editor-de'], 'POST', `/api/import/stix${query}`, body(b));
      expect(r.status, r.text).toBe(200);
      const reports = (await as('editor-de', '/api/import/reports?limit=1')).body as { id: number }[];
      const link = await h.wb.db.selectFrom('incident').select('id').where('title', '=', `Incident ${tag(key)}`).executeTakeFirstOrThrow();
      imported[key] = { incident: link.id, report: reports[0]!.id };
    };
    for (const level of TLP_LEVELS) await importOne(level, taggedBundle(tag(level), level), level === 'red' ? '?recipients=analyst-de' : '');
    // The actor is AMBER+STRICT; the incident (which names it) and the attribution are marked GREEN at the source.
    const mixed = taggedBundle(tag('mixed'), 'green');
    const strict = tlpFor('2.0', 'amber+strict')!;
    mixed.objects.unshift(tlpObject(strict));
    for (const o of mixed.objects as Record<string, unknown>[]) if (o.type === 'intrusion-set') o.object_marking_refs = [strict.id];
    await importOne('mixed', mixed);
  });
  afterAll(async () => h?.close());

  it.each(WHOS)('%s: actor exports (JSON, CSV) hold exactly the visible imported actors', async (who) => {
    for (const url of ['/api/export/actors?format=json', '/api/export/actors?format=csv']) {
      const r = await as(who, url);
      expect(r.status, `${who} ${url}`).toBe(signedIn(who));
      expectNoLeak(who, r.text, url);
      if (r.status === 200) expectShown(who, r.text, url, (k) => [`Actor ${tag(k)}`]);
    }
  });

  it.each(WHOS)('%s: the STIX bundle holds visible actors, incidents and attributions only, never an attribution naming a hidden record', async (who) => {
    const r = await as(who, '/api/export/stix');
    expect(r.status).toBe(signedIn(who));
    if (r.status !== 200) return;
    expectNoLeak(who, r.text, 'the STIX bundle');
    expectShown(who, r.text, 'the STIX bundle', canaries);
    // Every relationship points at objects in the same bundle.
    const objects = (r.body as { objects: { id: string; type: string; source_ref?: string; target_ref?: string }[] }).objects;
    const ids = new Set(objects.map((o) => o.id));
    for (const o of objects.filter((x) => x.type === 'relationship')) expect(ids.has(o.source_ref!) && ids.has(o.target_ref!), `${who}: ${o.id} points outside the bundle`).toBe(true);
  });

  it.each(WHOS)('%s: one incident\'s bundle answers 200 with its actor when visible, and exactly like a missing id when hidden', async (who) => {
    const missing = await as(who, '/api/export/stix?incident=inc-000000000000');
    expect(missing.status).toBe(roleOf(who) === null ? 401 : 404);
    for (const key of [...TLP_LEVELS, 'mixed'] as const) {
      const { incident } = imported[key];
      const r = await as(who, `/api/export/stix?incident=${incident}`);
      const visible = key === 'mixed' ? SEES_MIXED(who) : SEES[who].includes(key);
      if (roleOf(who) !== null && visible) {
        expect(r.status, `${who} ${key}`).toBe(200);
        for (const c of canaries(key)) expect(r.text, `${who} ${key}`).toContain(c);
      } else expect(r.text.replaceAll(incident, 'inc-000000000000'), `${who} ${key}`).toBe(missing.text);
      const get = await as(who, `/api/incidents/${incident}`);
      const missingGet = await as(who, '/api/incidents/inc-000000000000');
      if (visible) expect(get.status, `${who} GET ${key}`).toBe(200);
      else expect(get.text.replaceAll(incident, 'inc-000000000000'), `${who} GET ${key}`).toBe(missingGet.text);
    }
  });

  it.each(WHOS)('%s: incident exports, lists, search and counts hold exactly the visible imported incidents', async (who) => {
    for (const url of ['/api/export/incidents?format=json', '/api/export/incidents?format=csv', '/api/export/plans?format=csv']) {
      const r = await as(who, url);
      expect(r.status, `${who} ${url}`).toBe(signedIn(who));
      expectNoLeak(who, r.text, url);
      if (r.status === 200) expectShown(who, r.text, url, (k) => [`Incident ${tag(k)}`]);
    }
    const list = await as(who, `/api/incidents?q=${run}&limit=1000`);
    const expected = [...SEES[who].map((l) => imported[l].incident), ...(SEES_MIXED(who) ? [imported.mixed.incident] : [])].sort();
    const got = list.body as { total: number; items: { id: string }[] };
    expect(got.items.map((i) => i.id).sort()).toEqual(expected);
    expect(got.total).toBe(expected.length);
  });

  it.each(WHOS)('%s: import reports are marked like the most restrictive record they wrote', async (who) => {
    const r = await as(who, '/api/import/reports?limit=200');
    expect(r.status).toBe(signedIn(who));
    if (r.status !== 200) return;
    const ids = (r.body as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
    const expected = [...SEES[who].map((l) => imported[l].report), ...(SEES_MIXED(who) ? [imported.mixed.report] : [])].sort((a, b) => a - b);
    expect(ids).toEqual(expected);
  });

  it.each(WHOS)('%s: the audit trail names every import but shows the contents of visible records only', async (who) => {
    const r = await as(who, '/api/audit?limit=1000');
    expect(r.status).toBe(roleOf(who) === null ? 401 : roleOf(who) === 'admin' ? 200 : 403);
    if (r.status !== 200) return;
    expectNoLeak(who, r.text, 'the audit trail');
    expectShown(who, r.text, 'the audit trail', canaries);
    const entries = r.body as { action: string; targetId: string }[];
    for (const key of [...TLP_LEVELS, 'mixed'] as const) expect(entries.some((e) => e.action === 'import.stix' && e.targetId === imported[key].incident), `${who} ${key}`).toBe(true);
  });
});
