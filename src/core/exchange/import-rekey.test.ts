import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { StoredRecord } from './import-plan';
import { rekeyBatch, scopedRecordId, unseenIds } from './import-rekey';
import { emptyBatch, type ImportBatch } from './records';

const fr: Principal = { kind: 'user', id: 'u1', username: 'editor-fr', role: 'editor', org: 'FR', via: 'session' };
const source = (key: string) => ({ format: 'stix' as const, key, modified: null });

function batch(): ImportBatch {
  const b = emptyBatch();
  b.incidents.push({ id: 'inc-aaaaaaaaaaaa', body: { title: 'x' } as never, marking: null, source: source('incident--1') });
  b.actors.push({ id: 'act-bbbbbbbbbbbb', body: { name: 'y' } as never, marking: null, source: source('intrusion-set--1') });
  b.attributions.push({ id: 'atr-cccccccccccc', body: { subject: { kind: 'incident', id: 'inc-aaaaaaaaaaaa' }, target: 'act-bbbbbbbbbbbb', confidence: null }, marking: null, source: source('relationship--1') });
  b.sightings.push({ id: 'sgt-dddddddddddd', body: { of: { kind: 'incident', id: 'inc-aaaaaaaaaaaa' }, incidents: ['inc-aaaaaaaaaaaa'], count: null, where: [], summary: false }, marking: null, source: source('sighting--1') });
  b.reports.push({ id: 'rpt-eeeeeeeeeeee', body: { name: 'r', published: '2024-01-01', types: [], externalReferences: [], refs: [{ kind: 'actor', id: 'act-bbbbbbbbbbbb' }], incidents: ['inc-aaaaaaaaaaaa'] }, marking: null, source: source('report--1') });
  return b;
}

const held = (tlp: 'amber' | 'green', owner: string): StoredRecord => ({ exists: true, kind: 'incident', marking: { tlp, owner, sharedWith: [], recipients: [] } });

describe('records held out of the importer\'s sight move to ids of its own', () => {
  it('finds only the ids the importer cannot see, and only for users', () => {
    const stored = new Map([
      ['inc-aaaaaaaaaaaa', held('amber', 'DE')],
      ['act-bbbbbbbbbbbb', held('green', 'DE')],
    ]);
    expect([...unseenIds(batch(), stored, fr)]).toEqual(['inc-aaaaaaaaaaaa']);
    expect([...unseenIds(batch(), new Map([['inc-aaaaaaaaaaaa', held('amber', 'FR')]]), fr)]).toEqual([]);
    expect([...unseenIds(batch(), stored, { kind: 'operator' } as Principal)]).toEqual([]);
  });

  it('moves the record and every reference to it, and nothing else', () => {
    const moved = rekeyBatch(batch(), new Set(['inc-aaaaaaaaaaaa']), fr);
    const id = scopedRecordId('inc-aaaaaaaaaaaa', 'FR');
    expect(id).toMatch(/^inc-[0-9a-f]{12}$/);
    expect(id).not.toBe('inc-aaaaaaaaaaaa');
    expect(moved.incidents[0]?.id).toBe(id);
    expect(moved.attributions[0]?.body).toMatchObject({ subject: { id }, target: 'act-bbbbbbbbbbbb' });
    expect(moved.sightings[0]?.body).toMatchObject({ of: { id }, incidents: [id] });
    expect(moved.reports[0]?.body).toMatchObject({ refs: [{ id: 'act-bbbbbbbbbbbb' }], incidents: [id] });
    expect(moved.actors[0]?.id).toBe('act-bbbbbbbbbbbb');
  });

  it('is deterministic per organisation, and leaves a batch with nothing hidden as it is', () => {
    expect(scopedRecordId('act-bbbbbbbbbbbb', 'FR')).toBe(scopedRecordId('act-bbbbbbbbbbbb', 'FR'));
    expect(scopedRecordId('act-bbbbbbbbbbbb', 'FR')).not.toBe(scopedRecordId('act-bbbbbbbbbbbb', 'IT'));
    expect(scopedRecordId('act-bbbbbbbbbbbb', 'FR')).toMatch(/^act-/);
    const b = batch();
    expect(rekeyBatch(b, new Set(), fr)).toBe(b);
  });
});
