// Imported records x every kind of caller x every TLP level, on every dialect: no read path (actor and incident
// exports in CSV, JSON and STIX, the one-incident bundle, incident lists and search, import reports, the audit
// trail) shows an imported actor, incident or attribution to someone its marking excludes, and none withholds it
// from someone it admits. Beside authz-matrix.test.ts, whose expectations it follows: written out here from
// TLP 2.0 and the role table, independently of the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlpFor, tlpObject, uuidV5 } from '../../src/core/exchange/index';
import { TLP_LEVELS, body, taggedBundle, type Level } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { CALLER_NAMES, CALLERS, addUser, anonymous, call, roleOfCaller, type Caller, type Client } from './team';

/** Callers: role and organisation. editor-de imports everything; RED imports name analyst-de as a recipient. */
const WHO = CALLERS;
type Who = Caller;
const WHOS = CALLER_NAMES;

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
const roleOf = roleOfCaller;

/** Adds to a tagged bundle a sighting of its incident and a report on it, marked like the incident. */
function withSources(b: ReturnType<typeof taggedBundle>, tag: string) {
  const t = '2024-03-02T10:00:00.000Z';
  const incident = (b.objects as Record<string, unknown>[]).find((o) => o.type === 'incident')!;
  const marks = incident.object_marking_refs ? { object_marking_refs: incident.object_marking_refs } : {};
  const id = (type: string) => `${type}--${uuidV5(`${type}:${tag}`)}`;
  (b.objects as Record<string, unknown>[]).push(
    { type: 'sighting', spec_version: '2.1', id: id('sighting'), created: t, modified: t, first_seen: t, count: 2, sighting_of_ref: b.ids.incident, description: `Sighting ${tag}`, ...marks },
    { type: 'report', spec_version: '2.1', id: id('report'), created: t, modified: t, name: `Report ${tag}`, published: t, object_refs: [b.ids.incident], ...marks },
  );
  return b;
}

/**
 * Two incidents, A at TLP:GREEN and B at TLP:AMBER+STRICT, and three reports: a GREEN one on both (raised to
 * AMBER+STRICT, as it links B), an AMBER+STRICT one on A, a GREEN one on A. Names carry no run tag, so the other
 * rows of this file do not count them.
 */
function linkedBundle(run: string) {
  const t = '2024-03-03T10:00:00.000Z';
  const id = (type: string, what: string) => `${type}--${uuidV5(`${what}:linked:${run}`)}`;
  const green = tlpFor('2.0', 'green')!;
  const strict = tlpFor('2.0', 'amber+strict')!;
  const de = id('location', 'de');
  const [a, b] = [id('incident', 'a'), id('incident', 'b')];
  return {
    bundle: {
      type: 'bundle',
      id: id('bundle', 'bundle'),
      objects: [
        tlpObject(green),
        tlpObject(strict),
        { type: 'location', spec_version: '2.1', id: de, created: t, modified: t, name: 'Germany', country: 'DE' },
        { type: 'incident', spec_version: '2.1', id: a, created: t, modified: t, name: 'Linked incident A', labels: ['cyber-espionage'], object_marking_refs: [green.id] },
        { type: 'incident', spec_version: '2.1', id: b, created: t, modified: t, name: 'Linked incident B', labels: ['cyber-espionage'], object_marking_refs: [strict.id] },
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 'ta'), created: t, modified: t, relationship_type: 'targets', source_ref: a, target_ref: de },
        { type: 'relationship', spec_version: '2.1', id: id('relationship', 'tb'), created: t, modified: t, relationship_type: 'targets', source_ref: b, target_ref: de },
        { type: 'report', spec_version: '2.1', id: id('report', 'both'), created: t, modified: t, name: 'Linked report on A and B', published: t, object_refs: [a, b], object_marking_refs: [green.id] },
        { type: 'report', spec_version: '2.1', id: id('report', 'strict'), created: t, modified: t, name: 'Strict report on A', published: t, object_refs: [a], object_marking_refs: [strict.id] },
        { type: 'report', spec_version: '2.1', id: id('report', 'green'), created: t, modified: t, name: 'Green report on A', published: t, object_refs: [a], object_marking_refs: [green.id] },
      ],
    },
    stix: { a, b },
  };
}
const signedIn = (who: Who) => (roleOf(who) === null ? 401 : 200);

describe.each(dialects)('imported records: authorization matrix on %s', (dialect) => {
  let h: Harness;
  const clients = {} as Record<Who, Client>;
  const run = Math.random().toString(36).slice(2, 8);
  const tag = (level: Level | 'mixed') => `CANARY-${level}-${run}`;
  const imported = {} as Record<Level | 'mixed', { incident: string; report: number }>;

  const as = (who: Who, url: string) => call(h.app, clients[who], 'GET', url);
  /** Every name an imported record of this level could show: actor, incident, attribution. */
  const canaries = (key: Level | 'mixed') => [`Actor ${tag(key)}`, `Incident ${tag(key)}`, `Attribution ${tag(key)}`, `Sighting ${tag(key)}`, `Report ${tag(key)}`];
  const linked = linkedBundle(run);
  const linkedIds = { a: '', b: '', report: 0 };
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
    for (const level of TLP_LEVELS) await importOne(level, withSources(taggedBundle(tag(level), level), tag(level)), level === 'red' ? '?recipients=analyst-de' : '');
    // The actor is AMBER+STRICT; the incident (which names it) and the attribution are marked GREEN at the source.
    const mixed = taggedBundle(tag('mixed'), 'green');
    const strict = tlpFor('2.0', 'amber+strict')!;
    mixed.objects.unshift(tlpObject(strict));
    for (const o of mixed.objects as Record<string, unknown>[]) if (o.type === 'intrusion-set') o.object_marking_refs = [strict.id];
    await importOne('mixed', withSources(mixed, tag('mixed')));
    const r = await call(h.app, clients['editor-de'], 'POST', '/api/import/stix', linked.bundle);
    expect(r.status, r.text).toBe(200);
    linkedIds.report = ((await as('editor-de', '/api/import/reports?limit=1')).body as { id: number }[])[0]!.id;
    for (const k of ['a', 'b'] as const) {
      const row = await h.wb.db.selectFrom('incident').select('id').where('title', '=', `Linked incident ${k.toUpperCase()}`).executeTakeFirstOrThrow();
      linkedIds[k] = row.id;
    }
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
      if (visible) {
        expect(get.status, `${who} GET ${key}`).toBe(200);
        // Its sighting and report, marked like it, are shown on it.
        const shown = get.body as { sightings: { description: string }[]; reports: { name: string }[] };
        expect(shown.sightings.map((s) => s.description), `${who} GET ${key}`).toEqual([`Sighting ${tag(key)}`]);
        expect(shown.reports.map((s) => s.name), `${who} GET ${key}`).toEqual([`Report ${tag(key)}`]);
      } else expect(get.text.replaceAll(incident, 'inc-000000000000'), `${who} GET ${key}`).toBe(missingGet.text);
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
    // The linked import's report is marked AMBER+STRICT, like its most restrictive record.
    const expected = [...SEES[who].map((l) => imported[l].report), ...(SEES_MIXED(who) ? [imported.mixed.report, linkedIds.report] : [])].sort((a, b) => a - b);
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

  it.each(WHOS)('%s: a report shows on the incidents the caller may see, never names one the caller may not, and a hidden report does not show', async (who) => {
    const strict = SEES[who].includes('amber+strict');
    const a = await as(who, `/api/incidents/${linkedIds.a}`);
    if (!SEES[who].includes('green')) {
      expect(a.status, who).toBe(404);
      return;
    }
    expect(a.status, who).toBe(200);
    const reports = (a.body as { reports: { name: string }[] }).reports.map((r) => r.name).sort();
    expect(reports, who).toEqual(strict ? ['Green report on A', 'Linked report on A and B', 'Strict report on A'] : ['Green report on A']);
    if (!strict) for (const hiddenText of [linkedIds.b, linked.stix.b, 'Linked incident B']) expect(a.text.includes(hiddenText), `${who} sees ${hiddenText} on A`).toBe(false);
    const b = await as(who, `/api/incidents/${linkedIds.b}`);
    expect(b.status, who).toBe(strict ? 200 : 404);
    if (strict) expect((b.body as { reports: { name: string }[] }).reports.map((r) => r.name), who).toEqual(['Linked report on A and B']);
    // The STIX bundle holds the reports the caller may see, each referring to objects of the bundle only.
    const bundle = (await as(who, '/api/export/stix')).body as { objects: { id: string; type: string; name?: string; object_refs?: string[] }[] };
    const names = bundle.objects.filter((o) => o.type === 'report' && o.name?.includes(' on A')).map((o) => o.name).sort();
    expect(names, who).toEqual(strict ? ['Green report on A', 'Linked report on A and B', 'Strict report on A'] : ['Green report on A']);
    const ids = new Set(bundle.objects.map((o) => o.id));
    for (const o of bundle.objects.filter((x) => x.type === 'report')) for (const ref of o.object_refs ?? []) expect(ids.has(ref), `${who}: ${o.name} refers outside the bundle`).toBe(true);
    expect(JSON.stringify(bundle).includes(linked.stix.b), who).toBe(strict);
  });
});
