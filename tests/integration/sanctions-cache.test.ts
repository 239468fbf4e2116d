// The sanctions regime on a date (GET /api/sanctions) is kept per date, today, the reader's clearance, the register's
// version and the incident version (src/app/sanctions-views.ts). A kept regime is the one the uncached service gives,
// for random dates and readers; and each of what it reads moves it, written by this server or another on the same
// database: an annex import, an incident recorded, an exchange import that creates or changes a threat actor, a write
// of an exchange record by any other code (migration 0102), and the day.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedView, derivedCache } from '../../src/app/assessment-service';
import { regime, regimeView } from '../../src/app/sanctions-views';
import type { Principal } from '../../src/core/auth/principal';
import { dialects, startHarness, TestClock, type Harness } from './harness';
import { incident as teamIncident } from './team';
import { twoServers, type TwoServers } from './two-servers';

const LOCAL: Principal = { kind: 'local', org: null };
const READERS: Principal[] = [LOCAL, { kind: 'anonymous' }, { kind: 'user', id: 'id-de', username: 'reader-de', role: 'analyst', org: 'DE', via: 'session' }, { kind: 'user', id: 'id-fr', username: 'reader-fr', role: 'analyst', org: 'FR', via: 'session' }];
const annex = fs.readFileSync(path.join(import.meta.dirname, '../../data/sanctions/32019R0796.csv'), 'utf8');
const today = () => new Date().toISOString().slice(0, 10);
const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.now() }).map((t) => new Date(t).toISOString().slice(0, 10));

/** An incident of the shared helper whose initiator (China) identifies these persons. */
const incident = (title: string, persons: string[], marking: Record<string, string>) =>
  teamIncident(title, { initiator: { type: 'state-sponsored', country: 'CN', identifiedPersons: persons, identifiedEntities: [] }, ...marking });
const T = '2024-03-01T00:00:00.000Z';
const actor = (id: string, name: string, aliases: string[], modified = T) => ({ type: 'intrusion-set', spec_version: '2.1', id, created: T, modified, name, ...(aliases.length ? { aliases } : {}) });
const bundle = (...objects: unknown[]) => ({ type: 'bundle', id: 'bundle--6f2d3a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6', objects });
const APT28 = 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29';
const SANDWORM = 'intrusion-set--8a3f0b52-6c1e-4d7a-9e2b-3f4c5d6e7f80';

type Regime = { asOf: string; targets: { id: string; links: { incidents: { id: string; title: string }[]; actors: { name: string }[] } }[] };
const linksOf = (body: string, target: string) => (JSON.parse(body) as Regime).targets.find((t) => t.id === target)?.links;
/** Whether an actor of this name is linked to any target. */
const linked = (body: string, name: string) => (JSON.parse(body) as Regime).targets.some((t) => t.links.actors.some((a) => a.name === name));

describe.each(dialects)('kept sanctions regime on %s', (dialect) => {
  let s: TwoServers;
  beforeAll(async () => {
    s = await twoServers(dialect, {});
    // Incidents and actors under several markings, so that readers of different clearance get different links.
    await s.a.wb.toolbox.create(LOCAL, incident('Operation Cloud Hopper follow-up', [], { tlp: 'clear' }));
    await s.a.wb.toolbox.create(LOCAL, incident('Probe one', ['Zhang Shilong'], { tlp: 'amber', owner: 'DE' }));
    await s.a.wb.toolbox.create(LOCAL, incident('Probe two', ['Gao Qiang'], { tlp: 'green' }));
    const imported = await s.a.app.inject({ method: 'POST', url: '/api/import/stix?tlp=amber&owner=FR', payload: bundle(actor(APT28, 'APT28', ['Fancy Bear'])) });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
  });
  afterAll(async () => s?.close());

  const get = async (h: Harness, asOf = '2026-08-01') => {
    const r = await h.app.inject({ method: 'GET', url: `/api/sanctions${asOf ? `?asOf=${asOf}` : ''}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.body;
  };
  const uncached = async (h: Harness, asOf = '2026-08-01') => JSON.stringify(h.app.gradeSources(await regime(h.wb, LOCAL, asOf)));

  it('answers what the uncached service answers, for random dates and readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(day, { nil: undefined }), fc.constantFrom(...READERS), async (asOf, reader) => {
        const first = await cachedView(s.a.wb, await regimeView(s.a.wb, reader, asOf));
        expect(await cachedView(s.a.wb, await regimeView(s.a.wb, reader, asOf))).toBe(first);
        expect(first).toEqual(await regime(s.a.wb, reader, asOf));
      }),
      { numRuns: 40 },
    );
    expect(derivedCache(s.a.wb).hits).toBeGreaterThan(0);
    // Readers of another clearance are other keys: only the French reader sees the amber actor, the German the amber incident.
    const asked = async (p: Principal) => JSON.stringify(await cachedView(s.a.wb, await regimeView(s.a.wb, p, '2026-08-01')));
    const [anyone, de, fr] = await Promise.all([asked(READERS[1]!), asked(READERS[2]!), asked(READERS[3]!)]);
    expect(linksOf(fr, 'dmitry-sergeyevich-badin')?.actors.map((a) => a.name)).toEqual(['APT28']);
    expect(linksOf(de, 'dmitry-sergeyevich-badin')?.actors).toEqual([]);
    expect(linksOf(de, 'zhang-shilong')?.incidents.map((i) => i.title)).toContain('Probe one');
    expect(linksOf(anyone, 'zhang-shilong')?.incidents.map((i) => i.title)).not.toContain('Probe one');
  });

  it('is the uncached answer over HTTP, and moves with what another server writes', async () => {
    const before = await get(s.a);
    expect(await get(s.a)).toBe(before);
    expect(before).toBe(await uncached(s.a));
    // Each write by server b moves a's answer to the uncached one.
    const moves = async (write: () => Promise<unknown>, check: (body: string) => void) => {
      const old = await get(s.a);
      await write();
      const now = await get(s.a);
      expect(now).not.toBe(old);
      expect(now).toBe(await uncached(s.a));
      check(now);
    };
    const stix = async (payload: ReturnType<typeof bundle>) => {
      const r = await s.b.app.inject({ method: 'POST', url: '/api/import/stix', payload });
      expect(r.statusCode, r.body).toBeLessThan(300);
    };
    // An exchange import that creates an actor linked to a target.
    await moves(
      () => stix(bundle(actor(SANDWORM, 'Sandworm Team', []))),
      (b) => expect(linked(b, 'Sandworm Team')).toBe(true),
    );
    // An exchange import that changes an actor (a newer version of it, under a name no target has).
    await moves(
      () => stix(bundle(actor(SANDWORM, 'Qwertyuiop', [], '2024-04-01T00:00:00.000Z'))),
      (b) => expect(linked(b, 'Sandworm Team')).toBe(false),
    );
    // An incident recorded that identifies a listed person.
    await moves(
      () => s.b.wb.toolbox.create(LOCAL, incident('Probe three', ['Alexey Minin'], { tlp: 'clear' })),
      (b) => expect(linksOf(b, 'alexey-valeryevich-minin')?.incidents).toHaveLength(1),
    );
    // An annex import.
    await moves(
      () => s.b.wb.sanctions.importAnnex(annex.replaceAll('Minin', 'Qwertyuiop'), { date: today() }),
      (b) => expect(b).toContain('Qwertyuiop'),
    );
    // Any other write of an exchange record: its name as stored, read by no import.
    await moves(
      () => sql`UPDATE exchange_record SET body = replace(body, 'Qwertyuiop', 'Sandworm Team') WHERE body LIKE '%Qwertyuiop%'`.execute(s.b.wb.db),
      (b) => expect(linked(b, 'Sandworm Team')).toBe(true),
    );
  });

  it("moves with the server's day when no date is asked", async () => {
    const clock = new TestClock();
    const h = await startHarness({}, dialect, undefined, clock);
    try {
      const first = (JSON.parse(await get(h, '')) as Regime).asOf;
      clock.advance(24 * 60);
      const next = (JSON.parse(await get(h, '')) as Regime).asOf;
      expect(next).not.toBe(first);
      expect(await get(h, '')).toBe(JSON.stringify(h.app.gradeSources(await regime(h.wb, LOCAL, undefined))));
    } finally {
      await h.close();
    }
  });
});
