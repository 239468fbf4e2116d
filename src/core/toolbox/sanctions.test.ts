import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { alreadyListed, nameKey, sanctionsAt, SanctionsFile, statedTotalsCheck } from './sanctions';
import { parsedFiles, toolbox } from './toolbox.fixture';

const at = (d: string) => sanctionsAt(toolbox.sanctions, d as IsoDate);

describe('the cyber-sanctions regime as data', () => {
  it('agrees with the totals the sources state (8 persons and 4 entities in 2022, 17 and 4 in 2025)', () => {
    const checks = statedTotalsCheck(toolbox.sanctions);
    expect(checks.length).toBeGreaterThanOrEqual(2);
    for (const c of checks) expect(c.computed, `totals on ${c.date}`).toEqual(c.stated);
  });

  it('has no regime before 17 May 2019, and no listings before 30 July 2020', () => {
    const before = at('2019-05-16');
    expect(before.regime).toMatchObject({ state: 'not-adopted', until: null });
    expect(before.notes.join(' ')).toMatch(/2019-05-17.*Decision \(CFSP\) 2019\/797/);
    const adopted = at('2019-05-17');
    expect(adopted.regime).toMatchObject({ state: 'in-force', until: '2020-05-18' });
    expect(adopted.targets).toEqual([]);
    expect(at('2020-07-29').counts).toEqual({ persons: 0, entities: 0 });
    expect(at('2020-07-30').counts).toEqual({ persons: 6, entities: 3 });
  });

  it('moves the expiry with each renewal', () => {
    expect(at('2021-01-01').regime.until).toBe('2021-05-18');
    expect(at('2021-06-01').regime.until).toBe('2022-05-18');
    expect(at('2023-01-01').regime.until).toBe('2025-05-18');
    expect(at('2025-05-11').regime.until).toBe('2025-05-18');
    const renewed = at('2025-05-12');
    expect(renewed.regime.until).toBe('2028-05-18');
    expect(renewed.listings.until).toBe('2026-05-18');
    expect(renewed.regime.decidedBy?.sources[0]?.ref).toMatch(/aravot/);
  });

  it('counts the listings as they accumulate', () => {
    expect(at('2020-10-22').counts).toEqual({ persons: 8, entities: 4 });
    expect(at('2024-06-24').counts).toEqual({ persons: 14, entities: 4 });
    expect(at('2025-01-27').counts).toEqual({ persons: 17, entities: 4 });
    expect(at('2025-01-27').targets.find((t) => t.id === 'yuriy-denisov')).toMatchObject({ since: '2025-01-27', group: 'GRU Unit 29155' });
    // Each listed target carries its listing's sources and flags.
    const listed = at('2025-01-27').targets;
    expect(listed.every((t) => t.sources.length > 0)).toBe(true);
    expect(listed.find((t) => t.id === 'mikhail-tsarev')).toMatchObject({ unverified: true, note: expect.stringMatching(/act numbers/) });
    expect(listed.find((t) => t.id === 'dmitry-badin')?.unverified).toBe(false);
  });

  it("says a lapse is unconfirmed past the data's last check, and shows the last known listings", () => {
    const later = at('2026-06-01');
    expect(later.regime.state).toBe('in-force');
    expect(later.listings).toMatchObject({ state: 'unconfirmed', until: '2026-05-18' });
    expect(later.counts).toEqual({ persons: 17, entities: 4 });
    expect(later.stale).toBe(true);
    expect(later.notes.join(' ')).toMatch(/listings' last known expiry, 2026-05-18, falls after the data's last check/);
    expect(later.notes.join(' ')).toMatch(/last checked on 2025-05-31/);
    expect(at('2025-05-31').stale).toBe(false);
  });

  it('calls a lapse a lapse when it falls within the checked period', () => {
    const raw = parsedFiles().sanctions as { renewals: { decided: unknown }[] };
    // Without the May 2025 renewal, the listings' expiry of 18 May 2025 passes before the last check (31 May 2025).
    const file = SanctionsFile.parse({ ...raw, renewals: raw.renewals.filter((r) => r.decided !== '2025-05-12') });
    const s = sanctionsAt(file, '2025-05-20' as IsoDate);
    expect(s.listings).toMatchObject({ state: 'lapsed', until: '2025-05-18' });
    expect(s.regime.state).toBe('lapsed');
    expect(s.targets).toEqual([]);
    expect(s.notes.join(' ')).toMatch(/regime's last known expiry, 2025-05-18, has passed/);
  });

  it('follows a renewal added to the data', () => {
    const file = SanctionsFile.parse({
      ...(parsedFiles().sanctions as object),
      renewals: [...(parsedFiles().sanctions as { renewals: object[] }).renewals, { decided: '2026-05-11', listingsUntil: '2027-05-18', sources: [{ ref: 'https://example.org/renewal', locator: 'test' }] }],
    });
    const s = sanctionsAt(file, '2026-06-01' as IsoDate);
    expect(s.listings.until).toBe('2027-05-18');
    expect(s.counts).toEqual({ persons: 17, entities: 4 });
  });

  it('recognises listed names whatever their order, case, accents or punctuation, and aliases', () => {
    expect(nameKey('GAO Qiang')).toBe(nameKey('qiang gao'));
    expect(nameKey('Évgenii  Serebriakov.')).toBe(nameKey('SEREBRIAKOV Evgenii'));
    const s = at('2025-06-01');
    const matches = alreadyListed(s, ['Qiang Gao', 'GTsSS', 'Someone Else', 'chosun expo']);
    expect(matches.map((m) => [m.name, m.target.id, m.target.since])).toEqual([
      ['Qiang Gao', 'gao-qiang', '2020-07-30'],
      ['GTsSS', 'gru-gtsss', '2020-10-22'],
      ['chosun expo', 'chosun-expo', '2020-07-30'],
    ]);
    // Before the October 2020 listing, the GRU's 85th centre was not listed.
    expect(alreadyListed(at('2020-09-01'), ['GTsSS'])).toEqual([]);
  });

  it('refuses a target listed twice and a renewal that extends nothing', () => {
    const raw = parsedFiles().sanctions as { listings: { targets: object[] }[]; renewals: object[] };
    const twice = { ...raw, listings: [raw.listings[0], { ...raw.listings[1], targets: [...(raw.listings[1]?.targets ?? []), raw.listings[0]?.targets[0]] }] };
    expect(SanctionsFile.safeParse(twice).error?.issues[0]?.message).toMatch(/listed twice/);
    const empty = { ...raw, renewals: [{ decided: 2030, sources: [{ ref: 'https://example.org', locator: 'x' }] }] };
    expect(SanctionsFile.safeParse(empty).error?.issues[0]?.message).toMatch(/extends the regime, the listings or both/);
  });
});
