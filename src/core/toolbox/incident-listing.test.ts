import { describe, expect, it } from 'vitest';
import type { Clearance, RecordMarking } from '../marking/clearance';
import { containsText, listedBeforeAfter, listedIn, type IncidentChange, type ListedIncident } from './incident-listing';

const ALL: Clearance = { all: true, levels: [], org: null, username: null };
const FR: Clearance = { all: false, levels: ['clear', 'green'], org: 'FR', username: 'bob' };
const amberDe: RecordMarking = { tlp: 'amber', owner: 'DE', sharedWith: [], recipients: [] };
const x = (over: Partial<ListedIncident> = {}): ListedIncident => ({
  title: 'Kestrel intrusion',
  category: 'hybrid',
  ongoing: true,
  body: '{"title":"Kestrel intrusion","summary":"Türkiye 50%"}',
  marking: { tlp: 'green', owner: null, sharedWith: [], recipients: [] },
  ...over,
});

describe('containsText', () => {
  it.each([
    ['Kestrel', 'kESTREL', 'ascii', true],
    ['Kestrel', 'trel ', 'ascii', false],
    ['50% off', '0%', 'ascii', true],
    ['50 off', '0%', 'ascii', false],
    ['a_b', '_', 'ascii', true],
    ['Türkiye', 'TÜRK', 'ascii', false],
    ['Türkiye', 'Türk', 'ascii', true],
    ['Türkiye', 'Türk', 'locale', undefined],
    ['Kestrel', 'KES', 'locale', true],
    ['Kestrel', 'kes ', 'locale', false],
  ] as const)('%s holds %s (%s): %s', (text, q, textCase, expected) => {
    expect(containsText(text, q, textCase)).toBe(expected);
  });
});

describe('listedIn', () => {
  it('applies the TLP rule before the filters, so that a hidden incident is out whatever its text', () => {
    expect(listedIn(FR, { q: 'Türk' }, x({ marking: amberDe }), 'locale')).toBe(false);
    expect(listedIn(FR, {}, x({ marking: { ...amberDe, sharedWith: ['FR'] } }), 'ascii')).toBe(true);
    expect(listedIn(ALL, { category: 'cyber-crime' }, x(), 'ascii')).toBe(false);
    expect(listedIn(ALL, { ongoing: false }, x(), 'ascii')).toBe(false);
    expect(listedIn(ALL, { category: '', q: '' }, x(), 'ascii')).toBe(true);
  });
  it('finds the text in the title or the stored body, and leaves to the database what only it can tell', () => {
    expect(listedIn(ALL, { q: 'intrusion' }, x({ body: '{}' }), 'ascii')).toBe(true);
    expect(listedIn(ALL, { q: '"summary"' }, x(), 'ascii')).toBe(true);
    expect(listedIn(ALL, { q: 'kestrel' }, x(), 'locale')).toBe(true);
    expect(listedIn(ALL, { q: 'türkiye' }, x(), 'locale')).toBeUndefined();
    expect(listedIn(ALL, { q: 'nothing' }, x(), 'locale')).toBeUndefined();
    expect(listedIn(ALL, { q: 'nothing' }, x(), 'ascii')).toBe(false);
  });
});

describe('listedBeforeAfter', () => {
  const change = (before: ListedIncident | null, after: ListedIncident | null): IncidentChange => ({ from: 1, to: 3, textCase: 'ascii', before, after });
  it('tells a re-marking that hides the incident from one reader and not from another', () => {
    const remark = change(x(), x({ marking: amberDe }));
    expect(listedBeforeAfter(FR, {}, remark)).toEqual({ before: true, after: false });
    expect(listedBeforeAfter(ALL, {}, remark)).toEqual({ before: true, after: true });
    expect(listedBeforeAfter(FR, { category: 'cyber-crime' }, remark)).toEqual({ before: false, after: false });
  });
  it('reads a create and a delete as absent before and after', () => {
    expect(listedBeforeAfter(ALL, {}, change(null, x()))).toEqual({ before: false, after: true });
    expect(listedBeforeAfter(ALL, {}, change(x(), null))).toEqual({ before: true, after: false });
    expect(listedBeforeAfter(ALL, { q: 'é' }, { ...change(x(), null), textCase: 'locale' })).toBeUndefined();
  });
});
