// The words beside a status that rests only on an unverified entry: who reports it, not counted, the verified status.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { realDataset } from '../assess/real-data.test-support';
import { buildProfile } from './profile';
import { shortSourceName, unverifiedStatusNote } from './unverified-status';

const dataset = realDataset();

describe('the note beside a status resting only on an unverified entry', () => {
  it("names China's digital dialogue's only source and the Umbrella Agreement's verified status", () => {
    const cn = buildProfile(dataset, 'CN', '2024-06-30' as IsoDate).dialogues.find((d) => d.id === 'cn-high-level-digital-dialogue')!;
    expect(unverifiedStatusNote(cn, () => 'low')).toBe('unverified: reported active only by epicnewsnation.com (low-grade source); not counted (no verified status)');
    const us = buildProfile(dataset, 'US', '2017-06-30' as IsoDate).agreements.find((a) => a.id === 'us-data-protection-agreement')!;
    expect(unverifiedStatusNote(us, () => undefined)).toBe('unverified: reported signed only by europarl.europa.eu, euractiv.com; not counted (the verified sources give negotiating)');
    // A verified status has no note.
    expect(unverifiedStatusNote({ ...us, statusUnverified: false })).toBeUndefined();
    expect(buildProfile(dataset, 'UA', '2025-06-30' as IsoDate).dialogues.filter((d) => unverifiedStatusNote(d) !== undefined).map((d) => d.id)).toEqual([]);
  });
  // An unverified round does not keep a dialogue known: Ukraine's turns unknown in 2026, three full years after its last
  // verified round (29 September 2022), and the rounds of 2024 and 2025 reported only by aggregators are named apart.
  it("names who alone reports Ukraine's dialogue after its last verified round, once its status is unknown", () => {
    const ua = buildProfile(dataset, 'UA', '2026-06-30' as IsoDate).dialogues.find((d) => d.id === 'ua-cyber-dialogue')!;
    expect(ua).toMatchObject({ status: 'unknown', statusUnverified: false, lastReported: '2022-09-29', statusSince: '2022-09-29' });
    expect(unverifiedStatusNote(ua, () => 'low')).toBe(
      'unverified: reported active after its last verified report only by inspirega.bytes.news (low-grade source), worldwidewatchers.com (low-grade source); not counted (status unknown: no verified report for three full years)',
    );
    // Without the later unverified rounds, the unknown status needs no note.
    expect(unverifiedStatusNote({ ...ua, statusHistory: ua.statusHistory.filter((e) => !e.unverified) })).toBeUndefined();
    expect(buildProfile(dataset, 'UA', '2025-12-31' as IsoDate).dialogues.find((d) => d.id === 'ua-cyber-dialogue')?.status).toBe('active');
  });

  it('names papers by author and year and pages by host', () => {
    expect(shortSourceName('renard2016')).toBe('Renard (2016)');
    expect(shortSourceName('https://www.eeas.europa.eu/x')).toBe('eeas.europa.eu');
  });
});
