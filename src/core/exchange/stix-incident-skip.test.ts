// A STIX incident that breaks a limit of the incident's schema (a title over 2,000 characters, an initiator's name
// over 500) is skipped with its object named and the limit stated, as CFR and EuRepoC skip such a row; the rest of
// the bundle is imported and nothing links to the skipped incident.
import { describe, expect, it } from 'vitest';
import { INCIDENT_TEXT_MAX } from '../toolbox/incident';
import { CREATED, stixImportOf } from './stix.fixture';

const KEPT = 'incident--1a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f10';
const LONG = 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11';
const ACTOR = 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500';
const base = { spec_version: '2.1', created: CREATED, modified: CREATED };
const attributed = (n: number, source: string) => ({ type: 'relationship', id: `relationship--a2e3efb5-351d-4d46-97a0-6897ee7c77a${n}`, ...base, relationship_type: 'attributed-to', source_ref: source, target_ref: ACTOR });

function importIncidents(title: string, actorName = 'APT-Franistan') {
  return stixImportOf([
    { type: 'incident', id: KEPT, ...base, name: 'An intrusion' },
    { type: 'incident', id: LONG, ...base, name: title },
    { type: 'threat-actor', id: ACTOR, ...base, name: actorName, threat_actor_types: ['nation-state'] },
    attributed(0, LONG),
  ]);
}

describe('a STIX incident over a limit of the schema', () => {
  it('keeps a title of the limit', () => {
    const { batch, report } = importIncidents('T'.repeat(INCIDENT_TEXT_MAX.title));
    expect(batch.incidents).toHaveLength(2);
    expect(batch.attributions).toHaveLength(1);
    expect(report.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('skips an incident with a longer title, named with the limit, and keeps the rest of the bundle', () => {
    const { batch, report } = importIncidents('T'.repeat(INCIDENT_TEXT_MAX.title + 1));
    expect(batch.incidents.map((i) => i.body.title)).toEqual(['An intrusion']);
    expect(batch.actors).toHaveLength(1);
    expect(report.problems).toContainEqual({ severity: 'skipped', object: LONG, path: 'title', message: 'at most 2,000 characters; incident skipped' });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Its attribution has no record to start from: skipped too, rather than name a record the batch lacks.
    expect(batch.attributions).toEqual([]);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'skipped', path: 'source_ref' }));
  });

  it('skips an incident attributed to an actor whose name is over the limit, with the actor', () => {
    const { batch, report } = importIncidents('An attack', 'N'.repeat(INCIDENT_TEXT_MAX.name + 1));
    expect(batch.incidents.map((i) => i.body.title)).toEqual(['An intrusion']);
    expect(batch.actors).toEqual([]);
    expect(report.problems).toContainEqual({ severity: 'skipped', object: LONG, path: 'initiator.name', message: 'at most 500 characters; incident skipped' });
    expect(report.problems).toContainEqual({ severity: 'skipped', object: ACTOR, path: 'name', message: 'at most 500 characters; actor skipped' });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
