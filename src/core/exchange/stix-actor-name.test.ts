// An actor's name or alias longer than an actor's may be: the STIX import leaves that one object out, named with the
// limit and counted, as the datasets skip a row with an over-long field, and keeps the rest of the bundle.
import { describe, expect, it } from 'vitest';
import { ACTOR_NAME_MAX } from './records';
import { reportSummary } from './report';
import { CREATED, stixImportOf } from './stix.fixture';

const ACTOR = 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500';
const STATE = 'identity--733c5838-34d9-4fbf-949c-62aba761184c';
const INCIDENT = 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11';
const base = { spec_version: '2.1', created: CREATED, modified: CREATED };

function importActor(actor: Record<string, unknown>) {
  return stixImportOf([
    { type: 'incident', id: INCIDENT, ...base, name: 'An intrusion' },
    { type: 'threat-actor', id: ACTOR, ...base, threat_actor_types: ['nation-state'], ...actor },
    { type: 'identity', id: STATE, ...base, name: 'Franistan Intelligence', identity_class: 'organization' },
    { type: 'relationship', id: 'relationship--b2e3efb5-351d-4d46-97a0-6897ee7c77a1', ...base, relationship_type: 'attributed-to', source_ref: ACTOR, target_ref: STATE },
  ]);
}

describe("a STIX actor's name against the limit", () => {
  it('keeps a name and an alias of the limit whole', () => {
    const name = `${'N'.repeat(ACTOR_NAME_MAX - 4)} end`;
    const { batch, report } = importActor({ name, aliases: [`${'A'.repeat(ACTOR_NAME_MAX - 1)}Z`] });
    expect(batch.actors.find((a) => a.body.kind === 'threat-actor')?.body).toMatchObject({ name, aliases: [`${'A'.repeat(ACTOR_NAME_MAX - 1)}Z`] });
    expect(batch.attributions).toHaveLength(1);
    expect(report.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  for (const [what, actor, path] of [
    ['name', { name: 'N'.repeat(ACTOR_NAME_MAX + 1) }, 'name'],
    ['name of 200,000 characters', { name: 'N'.repeat(200_000) }, 'name'],
    ['alias', { name: 'An actor', aliases: ['An actor', 'short', 'A'.repeat(ACTOR_NAME_MAX + 1)] }, 'aliases.1'],
  ] as const) {
    it(`skips the actor with a longer ${what}, named with the limit and counted, and keeps the rest of the bundle`, () => {
      const { batch, report } = importActor(actor);
      expect(batch.actors.map((a) => a.body.name)).toEqual(['Franistan Intelligence']);
      expect(batch.incidents).toHaveLength(1);
      expect(report.problems).toContainEqual({ severity: 'skipped', object: ACTOR, path, message: 'at most 500 characters; actor skipped' });
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      // Its attribution has no record to start from: it is skipped too, rather than name a record the batch lacks.
      expect(batch.attributions).toEqual([]);
      expect(report.problems.filter((p) => p.severity === 'skipped' && p.path === 'source_ref')).toHaveLength(1);
      expect(reportSummary(report)[0]).toMatch(/; 0 error\(s\), \d+ warning\(s\), 2 skipped$/);
    });
  }
});
