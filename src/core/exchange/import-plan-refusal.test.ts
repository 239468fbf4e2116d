// An import refused for the markings of its records names those records, so that the sender can find them.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { AppError } from '../errors';
import { ImportPlanner, type PlanContext } from './import-plan';
import type { Imported, Marking } from './records';
import { newReport } from './report';

const marked = (level: 'amber' | 'red'): Marking => ({ tlp: { version: '2.0', level, id: `marking-definition--${level}` }, statements: [], unresolved: [] });
const items = (level: 'amber' | 'red', n: number): Imported<unknown>[] =>
  Array.from({ length: n }, (_, i) => ({ id: `inc-${level}-${i}`, body: { n: i }, marking: marked(level), source: { format: 'stix' as const, key: `incident--${level}-${i}`, modified: null } }));

function refusal(principal: Principal, batch: Imported<unknown>[]): AppError {
  const ctx: PlanContext = { principal, defaultTlp: 'green', options: {}, hash: (body) => body };
  const planner = new ImportPlanner(new Map(), ctx, newReport('stix', [], false));
  planner.plan('incident', batch);
  try {
    planner.finish();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('the import was not refused');
}

describe('an import refused for its markings', () => {
  it('names the first RED record without a recipient, and each of them in the issues', () => {
    const e = refusal({ kind: 'local', org: 'EE' }, items('red', 3));
    expect(e.code).toBe('invalid_marking');
    expect(e.message).toMatch(/3 record\(s\) marked TLP:RED need a named recipient.*--recipients.*; the first: incident--red-0$/);
    expect(e.issues.map((i) => i.path)).toEqual(['recipients', 'incident--red-0', 'incident--red-1', 'incident--red-2']);
  });

  it('names the first AMBER record without an owner, and at most 20 of them in the issues', () => {
    const e = refusal({ kind: 'local', org: null }, items('amber', 25));
    expect(e.message).toMatch(/25 record\(s\) marked TLP:AMBER need an owner organisation.*--tlp; the first: incident--amber-0$/);
    expect(e.issues).toHaveLength(21);
    expect(e.issues[1]).toEqual({ path: 'incident--amber-0', message: 'marked TLP:AMBER, needs an owner organisation' });
  });
});
