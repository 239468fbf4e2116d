// The incident registry on a server's first start: the reviewed precedents seeded as TLP:CLEAR incidents with their
// sources, once (deterministic ids, nothing duplicated on a second start, deletions stand), in the seeding path a
// server takes (openWorkbench with seedRegistry, as src/server/main.ts); and dates in the future refused over HTTP.
// When the reviewed precedents change, a later start brings the copies only the seeder wrote to them, once even with
// two servers starting together, and keeps (and reports) those an analyst edited or deleted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptCopyText, SEED_ACTOR, seedPrecedentIncidents, type RegistrySeedReport } from '../../src/app/registry-seed';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import { projectRoot } from '../../src/config';
import { clearanceOf } from '../../src/core/marking/clearance';
import type { IncidentInput } from '../../src/core/toolbox/incident';
import type { Toolbox } from '../../src/core/toolbox/load';
import { precedentIncidentId } from '../../src/core/toolbox/precedent-incidents';
import type { Precedent } from '../../src/core/toolbox/precedents';
import { IncidentRepository } from '../../src/store/incident-repository';
import { buildServer } from '../../src/server/app';
import { dialects, freshDatabase, teamConfig, tempDir, testConfig, type TestDialect } from './harness';

const NAMED = ['bundestag-2015', 'wannacry-2017', 'notpetya-2017', 'cloud-hopper', 'opcw-2018'];

describe.each(dialects)('on %s', (dialect: TestDialect) => {
  let db: { target: string; drop(): Promise<void> };
  const open = async (over = {}): Promise<Workbench> => openWorkbench(testConfig({ dbPath: db.target, ...over }), { seedRegistry: true });
  beforeAll(async () => {
    db = await freshDatabase(dialect);
  });
  afterAll(async () => db.drop());

  it('a first start records every reviewed precedent, TLP:CLEAR, with its sources, attributions and the EU responses taken', async () => {
    const wb = await open();
    try {
      const expected = wb.toolbox.toolbox.precedents.precedents.map((p) => precedentIncidentId(p.id));
      expect(wb.registrySeed?.inserted.sort()).toEqual([...expected].sort());
      const app = await buildServer(wb);
      const list = (await app.inject({ method: 'GET', url: '/api/incidents' })).json<{ total: number; items: { id: string; incident: { title: string } }[] }>();
      expect(list.total).toBe(expected.length);
      for (const name of NAMED) expect(list.items.map((i) => i.id)).toContain(precedentIncidentId(name));

      const bundestag = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('bundestag-2015')}` })).json();
      expect(bundestag.marking).toMatchObject({ tlp: 'clear', owner: null });
      expect(bundestag.incident).toMatchObject({ title: 'Intrusion into the German Bundestag', start: '2015-04-01', initiator: { country: 'RU' } });
      // The sources give the month only: the record says so rather than pass the first day off as known.
      expect(bundestag.incident.summary).toContain('to April 2015 only');
      // Germany's attributions are dated to the day (the arrest warrant of 5 May 2020, the Foreign Office of 28 May 2020).
      expect(bundestag.incident).toMatchObject({ detected: '2015-05-08', disclosed: '2015-05-15' });
      expect(bundestag.incident.attribution.map((a: { date?: string }) => a.date)).toEqual(['2020-05-05', '2020-05-28']);
      const estonia = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('estonia-ministries-2020')}` })).json();
      expect(estonia.incident.summary).toContain('EE government attributed it in January 2025');
      expect(estonia.incident.disclosed).toBe('2025-01-01');
      expect(bundestag.incident.responses).toEqual([
        expect.objectContaining({ measure: 'restrictive-measures', date: '2020-10-22', by: 'Council of the EU', note: expect.stringContaining('2020/1536') }),
      ]);
      expect(bundestag.incident.sources.map((s: { ref: string }) => s.ref)).toContain('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020R1536');

      // The plan of a seeded incident ranks other precedents, never itself nor its registry copy twice.
      const plan = (await app.inject({ method: 'GET', url: `/api/incidents/${precedentIncidentId('notpetya-2017')}/plan` })).json<{ precedents: { id: string }[] }>();
      const ids = plan.precedents.map((p) => p.id);
      expect(ids).not.toContain('notpetya-2017');
      expect(ids.filter((id) => id.startsWith('inc-'))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      await app.close();
    } finally {
      await wb.close();
    }
  });

  it('a second start adds nothing, and a deleted precedent stays deleted', async () => {
    const first = await open();
    const count = (wb: Workbench) => wb.toolbox.list({ kind: 'local', org: null }, {});
    try {
      expect(first.registrySeed?.inserted).toEqual([]);
      await first.toolbox.remove({ kind: 'local', org: null }, precedentIncidentId('wannacry-2017'));
    } finally {
      await first.close();
    }
    const second = await open();
    try {
      expect(second.registrySeed?.inserted).toEqual([]);
      expect(second.registrySeed?.kept).toEqual([expect.objectContaining({ id: precedentIncidentId('wannacry-2017'), precedent: 'wannacry-2017', reason: 'deleted' })]);
      const list = await count(second);
      expect(list.total).toBe(second.toolbox.toolbox.precedents.precedents.length - 1);
      expect(list.items.map((i) => i.id)).not.toContain(precedentIncidentId('wannacry-2017'));
    } finally {
      await second.close();
    }
  });

  it('in team mode the seeded incidents are TLP:CLEAR, so an anonymous reader sees them', async () => {
    const team = await freshDatabase(dialect);
    const wb = await openWorkbench(testConfig({ dbPath: team.target, ...teamConfig() }), { seedRegistry: true });
    try {
      const list = await wb.toolbox.list({ kind: 'anonymous' }, {});
      expect(list.total).toBe(wb.toolbox.toolbox.precedents.precedents.length);
      expect(await wb.audit.verify()).toMatchObject({ valid: true, keyed: { checked: true } });
    } finally {
      await wb.close();
      await team.drop();
    }
  });

  it('refuses dates in the future, naming the field and today', async () => {
    const wb = await openWorkbench(testConfig({ dbPath: db.target }));
    const app = await buildServer(wb);
    try {
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const body = { title: 'Intrusion', start: tomorrow, category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'medium' } };
      const res = await app.inject({ method: 'POST', url: '/api/incidents', payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_incident', issues: [{ path: 'start', message: `${tomorrow} is in the future; enter a date up to today (${today})` }] } });
      expect((await app.inject({ method: 'POST', url: '/api/incidents', payload: { ...body, start: today } })).statusCode).toBe(201);
    } finally {
      await app.close();
      await wb.close();
    }
  });
});

const LOCAL = { kind: 'local', org: null } as const;
const BUNDESTAG = precedentIncidentId('bundestag-2015');
const NOTPETYA = precedentIncidentId('notpetya-2017');
const WANNACRY = precedentIncidentId('wannacry-2017');

/**
 * The reviewed precedents as they were before they carried detection and disclosure dates: the named ones without
 * them, and the Bundestag's attributions dated to the month only.
 */
function older(toolbox: Toolbox, ids: readonly string[]): Toolbox {
  const before = (p: Precedent): Precedent => {
    if (!ids.includes(p.id)) return p;
    const { detected: _d, disclosed: _s, ...rest } = p;
    return { ...rest, attribution: p.attribution.map((a) => (p.id === 'bundestag-2015' && a.date ? { ...a, date: a.date.slice(0, 7) } : a)) };
  };
  return { ...toolbox, precedents: { ...toolbox.precedents, precedents: toolbox.precedents.precedents.map(before) } };
}

/** A server's start in a process of its own (registry-seed-starter.ts): its registry seed report. */
function starter(target: string, meeting: string[] = []): Promise<RegistrySeedReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'tests', 'integration', 'registry-seed-starter.ts'), target, ...meeting], { cwd: projectRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(out) as RegistrySeedReport);
      } catch (e) {
        reject(new Error(`a start failed (${String(e)}): ${err}`));
      }
    });
  });
}

describe.each(dialects)('when the reviewed precedents change, on %s', (dialect: TestDialect) => {
  const start = (target: string, seedRegistry = true) => openWorkbench(testConfig({ dbPath: target }), { seedRegistry });
  const repository = (wb: Workbench) => new IncidentRepository<IncidentInput>(wb.db, wb.audit, wb.config.auth.defaultTlp);
  const now = () => new Date().toISOString();

  /** A database seeded by an earlier start, with the older reviewed entries of `ids`. */
  async function seededBefore(ids: readonly string[]): Promise<{ target: string; drop(): Promise<void> }> {
    const db = await freshDatabase(dialect);
    const wb = await start(db.target, false);
    try {
      const report = await seedPrecedentIncidents(older(wb.toolbox.toolbox, ids), repository(wb), wb.audit, now());
      expect(report.inserted).toHaveLength(wb.toolbox.toolbox.precedents.precedents.length);
      expect((await wb.toolbox.get(LOCAL, BUNDESTAG)).incident.detected).toBe(ids.includes('bundestag-2015') ? undefined : '2015-05-08');
    } finally {
      await wb.close();
    }
    return db;
  }

  /** Everything a start could write: the audit trail's last entry and each seeded copy's history. */
  async function writes(wb: Workbench): Promise<unknown> {
    const ids = wb.toolbox.toolbox.precedents.precedents.map((p) => precedentIncidentId(p.id));
    const histories = await Promise.all(ids.map(async (id) => (await repository(wb).history(clearanceOf(LOCAL), id)).length));
    const audit = await wb.audit.list(clearanceOf(LOCAL), { limit: 1_000_000 });
    return { histories, audit: audit.length, last: audit.at(-1)?.hash };
  }

  it('brings an untouched seeded copy to the reviewed data as the seeder; an edited copy is kept and reported; a deleted one stays deleted', async () => {
    const db = await seededBefore(['bundestag-2015', 'notpetya-2017', 'wannacry-2017']);
    const analyst = await start(db.target, false);
    try {
      await analyst.toolbox.update(LOCAL, NOTPETYA, { summary: 'Our reading of NotPetya: a destructive attack disguised as ransomware.' }, { merge: true });
      await analyst.toolbox.remove(LOCAL, WANNACRY);
    } finally {
      await analyst.close();
    }

    const wb = await start(db.target);
    try {
      const report = wb.registrySeed;
      const total = wb.toolbox.toolbox.precedents.precedents.length;
      expect(report?.inserted).toEqual([]);
      expect(report?.updated).toEqual([BUNDESTAG]);
      expect(report?.current).toHaveLength(total - 3);
      expect(report?.kept).toEqual([
        { id: WANNACRY, precedent: 'wannacry-2017', reason: 'deleted', last: { version: 2, action: 'delete', at: expect.any(String) }, fields: [] },
        { id: NOTPETYA, precedent: 'notpetya-2017', reason: 'edited', last: { version: 2, action: 'update', at: expect.any(String) }, fields: ['detected', 'disclosed', 'summary'] },
      ]);
      const [deleted, edited] = report?.kept ?? [];
      expect(edited && keptCopyText(edited)).toMatch(/^incident inc-\w+ \(precedent notpetya-2017\) differs from the reviewed precedents and is kept as it is: written by someone other than the seeder since it was seeded \(version 2, .+\); fields that differ: detected, disclosed, summary$/);
      expect(deleted && keptCopyText(deleted)).toMatch(/\(precedent wannacry-2017\) .* it was deleted \(.+\); deletions stand$/);
      // An administrator reads the same report over the API, each kept copy with the line the server logs.
      const app = await buildServer(wb);
      const read = await app.inject({ method: 'GET', url: '/api/audit/registry-seed' });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({ seeded: true, ...report, kept: report?.kept.map((k) => ({ ...k, text: keptCopyText(k) })) });
      expect(read.json().kept.map((k: { precedent: string; text: string }) => [k.precedent, k.text.endsWith('deletions stand')])).toEqual([
        ['wannacry-2017', true],
        ['notpetya-2017', false],
      ]);
      await app.close();

      // The untouched copy now reads as the reviewed data does: found and made public on its days, attributed on its days.
      const bundestag = await wb.toolbox.get(LOCAL, BUNDESTAG);
      expect(bundestag).toMatchObject({ version: 2, marking: { tlp: 'clear', owner: null }, incident: { detected: '2015-05-08', disclosed: '2015-05-15' } });
      expect(bundestag.incident.attribution.map((a) => a.date)).toEqual(['2020-05-05', '2020-05-28']);
      expect(bundestag.incident.summary).not.toContain('attributed it in May 2020');
      const history = await wb.toolbox.history(LOCAL, BUNDESTAG);
      expect(history.map((h) => h.action)).toEqual(['create', 'update']);
      expect(history[1]).toMatchObject({ before: { title: 'Intrusion into the German Bundestag' }, after: { detected: '2015-05-08' } });
      expect(history[1]?.before).not.toHaveProperty('detected');
      const trail = await wb.audit.list(clearanceOf(LOCAL), { targetId: BUNDESTAG });
      expect(trail.map((e) => [e.actor, e.action])).toEqual([
        [SEED_ACTOR.id, 'incident.create'],
        [SEED_ACTOR.id, 'incident.update'],
      ]);
      expect(await wb.audit.verify()).toMatchObject({ valid: true });

      // The analyst's copy is as the analyst left it; the deleted one is still gone.
      const notpetya = await wb.toolbox.get(LOCAL, NOTPETYA);
      expect(notpetya.version).toBe(2);
      expect(notpetya.incident.summary).toBe('Our reading of NotPetya: a destructive attack disguised as ransomware.');
      expect(notpetya.incident.detected).toBeUndefined();
      expect((await wb.toolbox.list(LOCAL, {})).items.map((i) => i.id)).not.toContain(WANNACRY);
      expect((await wb.toolbox.history(LOCAL, WANNACRY)).map((h) => h.action)).toEqual(['create', 'delete']);
    } finally {
      await wb.close();
      await db.drop();
    }
  });

  it('a second start writes nothing once the copies equal the reviewed data', async () => {
    const db = await seededBefore(['bundestag-2015']);
    const first = await start(db.target);
    let before: unknown;
    try {
      expect(first.registrySeed?.updated).toEqual([BUNDESTAG]);
      before = await writes(first);
    } finally {
      await first.close();
    }
    const second = await start(db.target);
    try {
      expect(second.registrySeed).toEqual({ at: expect.any(String), inserted: [], updated: [], current: second.toolbox.toolbox.precedents.precedents.map((p) => precedentIncidentId(p.id)), kept: [] });
      expect(await writes(second)).toEqual(before);
    } finally {
      await second.close();
      await db.drop();
    }
  });

  it('two servers starting together update the copy once, and neither fails', async () => {
    const db = await seededBefore(['bundestag-2015']);
    const check = await start(db.target, false);
    try {
      const reports = await Promise.all([starter(db.target), starter(db.target)]);
      expect(reports.flatMap((r) => r.updated)).toEqual([BUNDESTAG]);
      expect((await check.toolbox.history(LOCAL, BUNDESTAG)).map((h) => h.action)).toEqual(['create', 'update']);
      expect(await check.audit.verify()).toMatchObject({ valid: true });
    } finally {
      await check.close();
      await db.drop();
    }
  });

  it('two servers that both read the untouched copy before either writes it update it once', async () => {
    const db = await seededBefore(['bundestag-2015']);
    const check = await start(db.target, false);
    try {
      // Each process reads who wrote the copy, then waits until the other has read it too: both decide on version 1.
      const meeting = tempDir();
      const reports = await Promise.all([starter(db.target, [meeting, 'a']), starter(db.target, [meeting, 'b'])]);
      expect(fs.readdirSync(meeting).sort()).toEqual(['a', 'b']);
      expect(reports.flatMap((r) => r.updated)).toEqual([BUNDESTAG]);
      expect(reports.flatMap((r) => r.current).filter((id) => id === BUNDESTAG)).toEqual([BUNDESTAG]);
      expect((await check.toolbox.history(LOCAL, BUNDESTAG)).map((h) => h.action)).toEqual(['create', 'update']);
      expect(await check.audit.verify()).toMatchObject({ valid: true });
    } finally {
      await check.close();
      await db.drop();
    }
  });
}, 120_000); // processes start with tsx: under a loaded machine a start alone can take tens of seconds
