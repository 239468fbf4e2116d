import { describe, expect, it } from 'vitest';
import type { RecordMarking } from '../marking/clearance';
import { stateAfterWrite, stateLine, type SettledWrite } from './import-memo';
import type { StoredRecord } from './import-plan';

const green: RecordMarking = { tlp: 'green', owner: 'DE', sharedWith: [], recipients: [] };
const amber: RecordMarking = { tlp: 'amber', owner: 'DE', sharedWith: ['FR'], recipients: [] };
const stored: StoredRecord = { exists: true, version: 4, kind: 'incident', marking: green, link: { hash: 'h-old', sourceModified: '2024-01-01T00:00:00.000Z' } };

function write(kind: SettledWrite['w']['kind'], change: Partial<Omit<SettledWrite, 'w'>>): SettledWrite {
  const w = { kind, item: { id: 'x', source: { modified: '2024-02-01T00:00:00.000Z' } }, hash: 'h-new', marking: amber };
  return { w, create: false, content: false, marking: false, old: { version: 4 }, ...change };
}

describe('the state an import leaves for a record it wrote (as store/exchange-writer.ts writes it)', () => {
  it('a created record: its row as version 1, its link and its marking under its kind', () => {
    expect(stateAfterWrite(undefined, write('actor', { create: true, content: true, marking: true, old: undefined }))).toEqual({
      exists: true, version: 1, kind: 'actor', marking: amber, link: { hash: 'h-new', sourceModified: '2024-02-01T00:00:00.000Z' },
    });
    // Over a deleted record whose marking was kept: created again.
    expect(stateAfterWrite({ exists: false, kind: 'incident', marking: green }, write('incident', { create: true, content: true, marking: true, old: undefined }))).toMatchObject({ exists: true, version: 1, marking: amber });
  });

  it('a changed content is the next version; a changed marking alone is one for an incident only', () => {
    expect(stateAfterWrite(stored, write('incident', { content: true }))).toMatchObject({ version: 5, marking: green, kind: 'incident' });
    expect(stateAfterWrite(stored, write('incident', { marking: true }))).toMatchObject({ version: 5, marking: amber });
    expect(stateAfterWrite({ ...stored, kind: 'actor' }, write('actor', { marking: true }))).toMatchObject({ version: 4, marking: amber, kind: 'actor' });
  });

  it('a record neither changes: only its link is written anew', () => {
    const after = stateAfterWrite(stored, write('incident', {}));
    expect(after).toEqual({ ...stored, link: { hash: 'h-new', sourceModified: '2024-02-01T00:00:00.000Z' } });
    // Each of these is in the memo's digest line, so a state worked out wrongly cannot match the stored one.
    expect(stateLine('x', after)).not.toBe(stateLine('x', stored));
  });
});
