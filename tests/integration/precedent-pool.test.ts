// Plans rank precedents from candidates kept between plans (src/app/precedent-pool.ts). The answer must be the one
// the uncached read gives (every visible incident's body read and parsed for each plan), for every reader under
// TLP, after edits, re-markings and deletions, including writes by another process on the same database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../src/app/workbench';
import type { Principal } from '../../src/core/auth/principal';
import { clearanceOf } from '../../src/core/marking/clearance';
import { candidateFromIncident, candidateFromPrecedent, rankPrecedents, type IncidentInput } from '../../src/core/toolbox/index';
import { precedentIncidentId } from '../../src/core/toolbox/precedent-incidents';
import { IncidentRepository } from '../../src/store/incident-repository';
import { dialects, freshDatabase, startHarness, teamConfig, testConfig, type Harness } from './harness';
import { addUser, incident } from './team';

const user = (username: string, org: string): Principal => ({ kind: 'user', id: `id-${username}`, username, role: 'editor', org, via: 'session' });
const DE = user('editor-de', 'DE');
const FR = user('editor-fr', 'FR');
const READERS: Principal[] = [{ kind: 'anonymous' }, DE, FR, { kind: 'local', org: null }];

const MARKINGS = [{ tlp: 'clear' }, { tlp: 'green' }, { tlp: 'amber' }, { tlp: 'amber+strict' }, { tlp: 'red', recipients: ['editor-de'] }, { tlp: 'amber', sharedWith: ['FR'] }] as const;
const CATEGORIES = ['cyber-espionage', 'cyber-crime', 'hybrid', 'cyber-warfare'] as const;
const STATES = ['RU', 'CN', 'KP', 'IR'] as const;

/** What a plan read before the pool: every visible incident (up to the pool size) read, parsed and ranked. */
async function uncached(wb: Workbench, p: Principal, x: IncidentInput) {
  const repo = new IncidentRepository<IncidentInput>(wb.db, wb.audit, wb.config.auth.defaultTlp);
  const registry = await repo.list(clearanceOf(p), { limit: wb.toolbox.pool.size });
  const seeded = new Set(wb.toolbox.toolbox.precedents.precedents.map((r) => precedentIncidentId(r.id)));
  const candidates = [...wb.toolbox.toolbox.precedents.precedents.map(candidateFromPrecedent), ...registry.items.filter((i) => !seeded.has(i.id)).map((i) => candidateFromIncident(i.id, i.incident))];
  return rankPrecedents(x, candidates, { limit: 5 });
}

const probe = (category: string, country: string) => incident('probe', { category, initiator: { type: 'state-sponsored', country } }) as unknown as IncidentInput;

describe.each(dialects)('precedents from the kept candidates on %s', (dialect) => {
  let h: Harness;
  let other: Workbench;
  let drop: () => Promise<void>;
  const ids: string[] = [];

  const expectSame = async () => {
    for (const p of READERS) {
      for (const category of CATEGORIES.slice(0, 2)) {
        for (const country of STATES.slice(0, 2)) {
          const x = probe(category, country);
          expect(await h.wb.toolbox.precedents(p, x)).toEqual(await uncached(h.wb, p, x));
        }
      }
    }
  };

  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    h = await startHarness(teamConfig(), dialect, { target: db.target, drop: async () => {} });
    await addUser(h, 'editor-de', 'editor', 'DE');
    await addUser(h, 'editor-fr', 'editor', 'FR');
    // Another process on the same database.
    other = await openWorkbench(testConfig({ ...teamConfig(), dbPath: db.target }), { seed: false });
    for (let i = 0; i < 24; i++) {
      const marking = MARKINGS[i % MARKINGS.length];
      const body = incident(`Operation ${i}`, { category: CATEGORIES[i % 4], start: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-01`, initiator: { type: 'state-sponsored', country: STATES[(i * 3) % 4] }, ...marking });
      ids.push((await h.wb.toolbox.create(DE, body)).id);
    }
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await h?.close();
    await drop?.();
  });

  it('ranks what the uncached read ranks, for every reader, and keeps the candidates between plans', async () => {
    await expectSame();
    const before = h.wb.toolbox.pool.misses;
    await expectSame();
    expect(h.wb.toolbox.pool.misses).toBe(before);
    expect(h.wb.toolbox.pool.hits).toBeGreaterThan(0);
    }, 120_000);

  it('follows edits, re-markings and deletions, here and by another process', async () => {
    const x = probe('cyber-crime', 'RU');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('edit', 'remark', 'delete', 'create'), fc.nat(23), fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 4 }),
        async (ops) => {
          for (const [op, n, m, elsewhere] of ops) {
            const wb = elsewhere ? other : h.wb;
            const id = ids[n % ids.length] as string;
            const exists = await wb.toolbox.get(DE, id).then(
              () => true,
              () => false,
            );
            if (op === 'create' || !exists) ids[n % ids.length] = (await wb.toolbox.create(DE, incident(`New ${n} ${m}`, { category: CATEGORIES[m % 4], initiator: { type: 'state-sponsored', country: STATES[m % 4] }, ...MARKINGS[m] }))).id;
            else if (op === 'edit') await wb.toolbox.update(DE, id, { category: CATEGORIES[m % 4], initiator: { type: 'state-sponsored', country: STATES[(m + 1) % 4] } }, { merge: true });
            else if (op === 'remark') await wb.toolbox.update(DE, id, { ...MARKINGS[m] }, { merge: true });
            else await wb.toolbox.remove(DE, id);
          }
          for (const p of READERS) expect(await h.wb.toolbox.precedents(p, x)).toEqual(await uncached(h.wb, p, x));
        },
      ),
      { numRuns: 12 },
    );
    }, 300_000);

  it('hands out copies: changing an answer changes no later one', async () => {
    const x = probe('cyber-espionage', 'RU');
    const first = await h.wb.toolbox.precedents(DE, x);
    for (const r of first) {
      r.responses.length = 0;
      r.attribution.length = 0;
    }
    expect(await h.wb.toolbox.precedents(DE, x)).toEqual(await uncached(h.wb, DE, x));
  });
});
