// A relationship the mapping would read whose source or target is not in the bundle gives nothing to any record:
// the report counts it as not mapped, for that reason, and never as read.
import { describe, expect, it } from 'vitest';
import { stixImportOf } from './stix.fixture';

const t = '2024-03-01T00:00:00.000Z';
const id = (type: string, n: number) => `${type}--0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rel = (n: number, type: string, source: string, target: string) => ({ type: 'relationship', spec_version: '2.1', id: id('relationship', n), created: t, modified: t, relationship_type: type, source_ref: source, target_ref: target });
const [incident, actor, home, pattern] = [id('incident', 1), id('threat-actor', 2), id('location', 3), id('attack-pattern', 4)];
const [absentActor, absentPlace, absentPattern, absentIncident] = [id('threat-actor', 90), id('location', 91), id('attack-pattern', 92), id('incident', 93)];
const objects = [
  { type: 'incident', spec_version: '2.1', id: incident, created: t, modified: t, name: 'Ministry breached' },
  { type: 'threat-actor', spec_version: '2.1', id: actor, created: t, modified: t, name: 'A unit', threat_actor_types: ['nation-state'] },
  { type: 'location', spec_version: '2.1', id: home, created: t, modified: t, country: 'RU' },
  { type: 'attack-pattern', spec_version: '2.1', id: pattern, created: t, modified: t, name: 'Spearphishing' },
];

describe('relationships with an end not in the bundle', () => {
  it('are counted as not mapped, with the reason, beside those read', () => {
    const { report } = stixImportOf([
      ...objects,
      rel(1, 'located-at', actor, home),
      rel(2, 'uses', actor, pattern),
      rel(3, 'located-at', actor, absentPlace),
      rel(4, 'located-at', absentActor, home),
      rel(5, 'uses', actor, absentPattern),
      rel(6, 'targets', absentIncident, home),
      rel(7, 'targets', incident, absentPlace),
    ]);
    expect(report.mappings['relationships read']).toEqual({ 'located-at from threat-actor -> where the actor or victim is from': 1, "uses from threat-actor -> the actor's uses": 1 });
    expect(report.mappings['relationships not mapped']).toEqual({
      'located-at from threat-actor -> an end not in the bundle': 2,
      'uses from threat-actor -> an end not in the bundle': 1,
      'targets from incident -> an end not in the bundle': 2,
    });
    // Each is named with the reference that is missing.
    for (const n of [3, 4, 5, 6, 7]) expect(report.problems.some((p) => p.object === id('relationship', n) && /which is not in the bundle/.test(p.message))).toBe(true);
    // Every relationship accounted for once: read or not mapped (no attribution here).
    const counted = (k: string) => Object.values(report.mappings[k] ?? {}).reduce((a, b) => a + b, 0);
    expect(counted('relationships read') + counted('relationships not mapped')).toBe(report.types.relationship);
  });
});
