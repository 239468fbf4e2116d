import { describe, expect, it } from 'vitest';
import { detailLines } from './detail-labels';
import { annex } from './sanctions.fixture';

describe('the annex details in words', () => {
  it('labels every detail of every shipped entry, the measure first, and loses no value', () => {
    for (const e of annex) {
      const details = { measure: [e.measure ?? ''], ...e.details };
      const lines = detailLines(details);
      expect(lines[0]).toEqual({ label: 'Measure', values: ['Asset freeze'] });
      expect(lines.flatMap((l) => l.values).sort()).toEqual(Object.values(details).flat().sort());
      expect(lines.every((l) => !/^[a-z]/.test(l.label))).toBe(true);
    }
  });

  it('keeps a detail it has no label for, under its own name, last', () => {
    expect(detailLines({ vesselClass: ['tanker'], gender: ['male'] })).toEqual([
      { label: 'Gender', values: ['male'] },
      { label: 'vesselClass', values: ['tanker'] },
    ]);
  });
});
