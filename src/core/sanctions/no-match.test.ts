import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { screenAt } from '../toolbox/sanctions';
import { nameTokens } from './names';
import { noMatchText } from './no-match';
import { sanctionsData } from './sanctions.fixture';
import { nameScore, SCREENING_THRESHOLDS } from './screen';

const data = sanctionsData();
const matches = (name: string) => screenAt(data, [name], '2026-12-01' as IsoDate).results[0]?.matches ?? [];

describe('a screening that reports nothing', () => {
  it('says a surname alone cannot reach the threshold, as screening finds: MININ is listed, "Minin" alone finds nothing', () => {
    expect(matches('Alexey Minin')[0]?.strong).toBe(true);
    expect(matches('Minin')).toEqual([]);
    const alone = nameScore(nameTokens('Minin'), nameTokens('Alexey Valeryevich MININ', 'person'));
    expect(alone).toBeLessThan(SCREENING_THRESHOLDS.report);
    const text = noMatchText('Minin');
    expect(text).toContain(`scores ${SCREENING_THRESHOLDS.report.toFixed(2)} or more`);
    expect(text).toContain(`A single word scores ${alone.toFixed(2)} at most`);
    expect(text).toMatch(/a surname alone finds no listed person: screen the full name\.$/);
  });

  it('says only the threshold for a full name, and for a name in a script written without spaces', () => {
    expect(matches('John Smith')).toEqual([]);
    expect(noMatchText('John Smith')).toBe(`No listed person or entity matches: no name they are known by scores ${SCREENING_THRESHOLDS.report.toFixed(2)} or more.`);
    expect(noMatchText('王小明')).toBe(noMatchText('John Smith'));
  });
});
