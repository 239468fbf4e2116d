import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { applyAnnex, registerFromAnnex } from './register';
import { annex } from './sanctions.fixture';

const d = (s: string) => s as IsoDate;

describe('applying an annex to the register', () => {
  it('lists every entry of a first import from its printed date', () => {
    const { entries, changes } = applyAnnex([], annex, d('2026-08-22'));
    expect(changes.filter((c) => c.change === 'new')).toHaveLength(38);
    expect(entries.find((e) => e.id === 'gao-qiang')).toMatchObject({ listedOn: '2020-07-30', delistedOn: null, amendedOn: [] });
  });

  it('changes nothing when the same annex is imported again', () => {
    const first = registerFromAnnex(annex, d('2026-08-22'));
    const again = applyAnnex(first.entries, annex, d('2026-09-01'));
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(38);
    expect(again.entries).toEqual(first.entries);
  });

  it('takes the measure into an entry stored without one, as no amendment; a changed measure is one', () => {
    const stored = registerFromAnnex(annex, d('2026-08-22')).entries.map(({ measure: _measure, ...e }) => e);
    const r = applyAnnex(stored, annex, d('2026-09-01'));
    expect(r.changes).toEqual([]);
    expect(r.entries.map((e) => e.measure)).toEqual(annex.map((e) => e.measure));
    const frozen = r.entries.find((e) => e.id === 'gao-qiang');
    const changed = applyAnnex(r.entries, annex.map((e) => (e.id === 'gao-qiang' ? { ...e, measure: 'Travel ban' } : e)), d('2026-10-01'));
    expect(changed.changes).toEqual([{ change: 'amended', id: 'gao-qiang', name: frozen?.name, kind: 'person', fields: ['measure'] }]);
  });

  it('reports amendments with the fields that changed, and delistings on the import date', () => {
    const first = registerFromAnnex(annex, d('2026-08-22'));
    const next = annex.filter((e) => e.id !== 'z-pentest').map((e) => (e.id === 'chosun-expo' ? { ...e, aliases: [...e.aliases, 'Chosun Expo Joint Venture'] } : e));
    const r = applyAnnex(first.entries, next, d('2026-10-01'));
    expect(r.changes).toEqual([
      { change: 'amended', id: 'chosun-expo', name: 'Chosun Expo', kind: 'entity', fields: ['aliases'] },
      { change: 'delisted', id: 'z-pentest', name: 'Z-Pentest', kind: 'entity' },
    ]);
    expect(r.entries.find((e) => e.id === 'z-pentest')?.delistedOn).toBe('2026-10-01');
    expect(r.entries.find((e) => e.id === 'chosun-expo')?.amendedOn).toEqual(['2026-10-01']);
    // A delisted entry that comes back is a new listing.
    const back = applyAnnex(r.entries, annex, d('2026-11-01'));
    expect(back.changes.map((c) => [c.change, c.id])).toEqual([
      ['amended', 'chosun-expo'],
      ['new', 'z-pentest'],
    ]);
  });
});
