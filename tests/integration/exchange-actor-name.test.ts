// An actor's name longer than an actor's may be (a STIX threat actor of 200,000 characters): through the API, the
// import answers with the object skipped and named with the limit, stores the rest of the bundle and not that actor.
import { describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { ActorRecord } from '../../src/core/exchange/records';
import { ALL } from './exchange-support';
import { dialects } from './harness';
import { withEditorOfDe } from './editor-harness';
import { call } from './team';

const T = '2024-03-01T10:00:00.000Z';
const ACTOR = 'threat-actor--3f1e6c1a-8b7d-4e2a-9c55-0d6b8e4f2a10';
const STATE = 'identity--9a4b2c7d-1e3f-4a5b-8c6d-7e8f9a0b1c2d';

const bundle = (name: string) => ({
  type: 'bundle',
  id: 'bundle--1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  objects: [
    { type: 'threat-actor', spec_version: '2.1', id: ACTOR, created: T, modified: T, name, threat_actor_types: ['nation-state'] },
    { type: 'identity', spec_version: '2.1', id: STATE, created: T, modified: T, name: 'Franistan Intelligence', identity_class: 'organization' },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', created: T, modified: T, relationship_type: 'attributed-to', source_ref: ACTOR, target_ref: STATE },
  ],
});

describe.each(dialects)("an over-long actor name in a STIX import on %s", (dialect) => {
  const t = withEditorOfDe(dialect);

  const names = async () => (await new ExchangeService(t.h.wb).repo.records<ActorRecord>(ALL, 'actor')).map((a) => a.value.name).sort();

  it('skips the actor, names it with the limit in the answer, and stores the rest', async () => {
    const r = await call(t.h.app, t.de, 'POST', '/api/import/stix', bundle('N'.repeat(200_000)));
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    const report = r.body as { rejected: boolean; mapped: { actor: number; attribution: number }; problems: { severity: string; object: string; path: string; message: string }[] };
    expect(report.rejected).toBe(false);
    expect(report.problems).toContainEqual({ severity: 'skipped', object: ACTOR, path: 'name', message: 'at most 500 characters; actor skipped' });
    expect(report.mapped).toMatchObject({ actor: 1, attribution: 0 });
    expect(await names()).toEqual(['Franistan Intelligence']);
  });

  it('stores the actor once its name is within the limit', async () => {
    const r = await call(t.h.app, t.de, 'POST', '/api/import/stix', bundle('APT-Franistan'));
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    expect(await names()).toEqual(['APT-Franistan', 'Franistan Intelligence']);
  });
});
