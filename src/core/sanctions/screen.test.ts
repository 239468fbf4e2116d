import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { screenAt } from '../toolbox/sanctions';
import { fold, nameTokens } from './names';
import { sanctionsData } from './sanctions.fixture';
import { nameScore, SCREENING_THRESHOLDS } from './screen';
import { SCREENING_SET } from './screening-set';

const data = sanctionsData();
const screen = (names: string[], asOf = '2026-12-01') => screenAt(data, names, asOf as IsoDate).results;

describe('name screening', () => {
  it('folds the usual transliterations of one name together', () => {
    expect(new Set(['Aleksei', 'Alexey', 'Aleksey', 'Alexei', 'Aleksej'].map((n) => fold(n.toLowerCase())))).toEqual(new Set(['aleksi']));
    expect(fold('vitaly')).toBe(fold('vitaliy'));
    expect(nameTokens('Юлия').map((t) => t.key)).toEqual(nameTokens('Iuliia').map((t) => t.key));
    expect(nameTokens('Impuls LLC', 'entity').map((t) => t.key)).toEqual(['impuls']);
    expect(nameTokens('Dmitry Sergeyevich BADIN', 'person').map((t) => t.optional)).toEqual([false, true, false]);
  });

  it('scores a missing patronymic as nothing and a missing surname as half', () => {
    const listed = nameTokens('Dmitry Sergeyevich BADIN', 'person');
    expect(nameScore(nameTokens('Dmitry Badin'), listed)).toBe(1);
    expect(nameScore(nameTokens('Badin'), listed)).toBe(0.5);
  });

  it.each(SCREENING_SET.filter((c) => c.expect))('finds $query strongly as $expect ($why)', ({ query, expect: id }) => {
    const [r] = screen([query]);
    expect(r?.matches[0]?.targetId, JSON.stringify(r?.matches.slice(0, 2))).toBe(id);
    expect(r?.matches[0]?.strong).toBe(true);
  });

  it.each(SCREENING_SET.filter((c) => !c.expect))('does not call $query a strong match ($why)', ({ query }) => {
    const [r] = screen([query]);
    expect(r?.matches.filter((m) => m.strong), JSON.stringify(r?.matches)).toEqual([]);
  });

  it('answers best first, with what matched, since when, and whether in force on the date', () => {
    const [r] = screen(['Sandworm']);
    expect(r?.matches.length).toBeGreaterThanOrEqual(2);
    for (const m of r?.matches ?? []) expect(m).toMatchObject({ matchedOn: 'Sandworm', strong: false, score: SCREENING_THRESHOLDS.weakCap, inForce: true });
    const [badin] = screen(['Dmitry Badin']);
    expect(badin?.matches[0]).toMatchObject({ targetId: 'dmitry-sergeyevich-badin', name: 'Dmitry Sergeyevich BADIN', kind: 'person', score: 1, strong: true, listedSince: '2020-10-22', inForce: true });
  });

  it('does not screen against targets listed after the date', () => {
    expect(screen(['Chen Cheng'], '2025-12-31')[0]?.matches).toEqual([]);
    expect(screen(['Chen Cheng'], '2026-03-16')[0]?.matches[0]?.strong).toBe(true);
  });

  it('reports a match on a listing the date falls outside of as not in force', () => {
    const lapsed = { ...data, file: { ...data.file, renewals: data.file.renewals.filter((r) => r.decided !== '2026-05') } };
    const [r] = screenAt(lapsed, ['Dmitry Badin'], '2026-06-01' as IsoDate).results;
    expect(r?.matches[0]).toMatchObject({ targetId: 'dmitry-sergeyevich-badin', inForce: false });
  });
});
