// The incident page writer gives JSON.stringify of the graded page whatever it keeps: with room for only a few bodies,
// over pages that repeat, change and drop incidents, each answer equals the plain one.
import { describe, expect, it } from 'vitest';
import type { StoredIncidentText } from '../store/incident-repository';
import { incidentPageWriter } from './incident-page';

/** A stand-in for the source grader: a source `{ ref, locator }` whose ref starts with "paper" gets a grade. */
function grade<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return typeof o.ref === 'string' && typeof o.locator === 'string' && o.ref.startsWith('paper') ? { ...o, grade: 'primary' } : o;
  };
  return walk(value) as T;
}

const stamp = (id: string, version: number) => ({
  id,
  version,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: `2026-01-0${1 + (version % 9)}T00:00:00.000Z`,
  marking: { tlp: 'green' as const, owner: version % 2 ? 'DE' : null, sharedWith: [], recipients: [] },
});

describe('incidentPageWriter', () => {
  it('writes the plain page over changing bodies with little room to keep them', () => {
    const writer = incidentPageWriter(grade, 3);
    const bodies = new Map<string, { version: number; body: string }>();
    for (let round = 0; round < 30; round++) {
      const ids = Array.from({ length: 1 + (round % 6) }, (_, k) => `inc-${(round * 7 + k * 3) % 10}`);
      for (const id of ids) {
        const old = bodies.get(id);
        if (!old || (round + id.length) % 4 === 0) {
          const incident = { title: `Incident ${id} “${round}”`, n: round / 3, sources: [{ ref: round % 2 ? 'paper-a' : 'https://example.org', locator: 'p. 1' }] };
          // Stored in another spelling every third time: the answer must not depend on it.
          const body = round % 3 === 0 ? JSON.stringify(incident, null, 2) : JSON.stringify(incident);
          bodies.set(id, { version: (old?.version ?? 0) + 1, body });
        }
      }
      const items: StoredIncidentText[] = ids.map((id) => ({ stamp: stamp(id, bodies.get(id)?.version ?? 0), body: bodies.get(id)?.body ?? '' }));
      const plain = JSON.stringify(grade({ total: 100 + round, items: items.map((i) => ({ ...i.stamp, incident: JSON.parse(i.body) as unknown })) }));
      expect(writer.write({ total: 100 + round, items }), `round ${round}`).toBe(plain);
    }
  });

  it('writes an empty page', () => {
    expect(incidentPageWriter(grade).write({ total: 0, items: [] })).toBe(JSON.stringify({ total: 0, items: [] }));
  });
});
