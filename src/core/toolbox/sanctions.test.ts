import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { framework, sanctionsData } from '../sanctions/sanctions.fixture';
import { countsOverTime, planSanctions, regimeOn, sanctionsAt, SanctionsFile, statedTotalsCheck } from './sanctions';

const data = sanctionsData();
const at = (d: string) => sanctionsAt(data, d as IsoDate);
const incident = (identifiedPersons: string[], identifiedEntities: string[] = []) => ({ initiator: { identifiedPersons, identifiedEntities } });

describe('the cyber-sanctions regime on a date', () => {
  it('counts the listings as the date moves: 0 → 6+3 → 8+4 → 14+4 → 17+4 → 19+7 → 27+11', () => {
    const steps = ['2020-07-29', '2020-07-30', '2020-10-22', '2024-06-24', '2025-01-27', '2026-03-16', '2026-07-13'].map((d) => at(d).counts);
    expect(steps).toEqual([
      { persons: 0, entities: 0 },
      { persons: 6, entities: 3 },
      { persons: 8, entities: 4 },
      { persons: 14, entities: 4 },
      { persons: 17, entities: 4 },
      { persons: 19, entities: 7 },
      { persons: 27, entities: 11 },
    ]);
    // The day before each round, the previous count still holds.
    expect(at('2026-07-12').counts).toEqual({ persons: 19, entities: 7 });
    expect(at('2024-06-23').counts).toEqual({ persons: 8, entities: 4 });
  });

  it('gives the same steps as a timeline for the chart', () => {
    const timeline = countsOverTime(data, '2026-12-01' as IsoDate);
    const byDate = new Map(timeline.map((p) => [p.date, `${p.persons}+${p.entities}`]));
    expect(['2019-05-17', '2020-07-30', '2020-10-22', '2024-06-24', '2025-01-27', '2026-03-16', '2026-07-13'].map((d) => byDate.get(d as IsoDate))).toEqual(['0+0', '6+3', '8+4', '14+4', '17+4', '19+7', '27+11']);
  });

  it('agrees with the totals the sources state (8 and 4 in 2022, 17 and 4 in 2025)', () => {
    for (const c of statedTotalsCheck(data)) expect(c.computed, `totals on ${c.date}`).toEqual(c.stated);
  });

  it('has no regime before 17 May 2019, and moves the expiry with each renewal (to 18 May 2028 after May 2025)', () => {
    expect(at('2019-05-16').regime).toMatchObject({ state: 'not-adopted', until: null });
    expect(at('2019-05-17').regime).toMatchObject({ state: 'in-force', until: '2020-05-18' });
    expect(at('2021-06-01').regime.until).toBe('2022-05-18');
    expect(at('2025-05-11').regime.until).toBe('2025-05-18');
    const renewed = at('2025-05-12');
    expect(renewed.regime.until).toBe('2028-05-18');
    expect(renewed.listings.until).toBe('2026-05-18');
    expect(renewed.regime.decidedBy?.sources[0]?.ref).toMatch(/aravot/);
    // The 2026 listings renewal is implied by the annex, and flagged as such.
    expect(at('2026-08-01').listings).toMatchObject({ state: 'in-force', until: '2027-05-18' });
    expect(at('2026-08-01').listings.decidedBy?.unverified).toBe(true);
  });

  // The listings are reviewed every 12 months (thelegalopinions, May 2022); the renewals of 2023 and 2024 are implied by
  // that review and flagged as such, each carrying the listings to the following 18 May.
  it('carries the listings from one 18 May to the next through 2023 and 2024, on renewals flagged as implied', () => {
    expect(at('2023-12-01').listings).toMatchObject({ state: 'in-force', until: '2024-05-18' });
    expect(at('2023-12-01').listings.decidedBy?.unverified).toBe(true);
    expect(at('2024-12-01').listings).toMatchObject({ state: 'in-force', until: '2025-05-18' });
  });

  it('says the data may be stale past the last import, and an unconfirmed lapse past it', () => {
    expect(at(data.register.knownUntil).stale).toBe(false);
    const later = at('2027-06-01');
    expect(later.stale).toBe(true);
    expect(later.listings).toMatchObject({ state: 'unconfirmed', until: '2027-05-18' });
    expect(later.counts).toEqual({ persons: 27, entities: 11 });
    expect(later.notes.join(' ')).toMatch(/last checked on 2026-08-22.*may be stale/);
  });

  it('calls a lapse a lapse when it falls before the last import', () => {
    const file = SanctionsFile.parse({ ...framework, renewals: framework.renewals.filter((r) => r.decided !== '2026-05') });
    const s = sanctionsAt({ ...data, file }, '2026-06-01' as IsoDate);
    expect(s.listings).toMatchObject({ state: 'lapsed', until: '2026-05-18' });
    expect(s.targets).toEqual([]);
    // "Until 18 May 2026" includes that day: the listings lapse on the 19th, and the timeline drops then.
    expect(sanctionsAt({ ...data, file }, '2026-05-18' as IsoDate).listings.state).toBe('in-force');
    expect(sanctionsAt({ ...data, file }, '2026-05-19' as IsoDate).listings.state).toBe('lapsed');
    const steps = new Map(countsOverTime({ ...data, file }, '2026-06-01' as IsoDate).map((p) => [p.date, p.persons]));
    expect([steps.get('2026-05-18' as IsoDate), steps.get('2026-05-19' as IsoDate)]).toEqual([undefined, 0]);
  });

  it('keeps the regime in force on its expiry day and not the day after (regimeOn, as plans read it)', () => {
    const first = SanctionsFile.parse({ ...framework, renewals: framework.renewals.filter((r) => r.decided === '2019-05-17') });
    expect(regimeOn(first, '2020-05-18' as IsoDate).state).toBe('in-force');
    expect(regimeOn(first, '2020-05-19' as IsoDate).state).toBe('expired');
    expect(regimeOn(first, '2019-12-31' as IsoDate).state).toBe('in-force');
  });

  it("gives each target its own reasons, quoted and cited, our summary, and only the incidents its reasons name", () => {
    const gao = at('2026-12-01').targets.find((t) => t.id === 'gao-qiang');
    expect(gao).toMatchObject({ kind: 'person', annexEntry: 'I.A 1', since: '2020-07-30', nationality: ['Chinese'], incidents: ['Operation Cloud Hopper'], celex: ['32019R0796', '32020R1125'] });
    expect(gao?.reasons.quotation).toBe(true);
    expect(gao?.reasons.text).toMatch(/^Gao Qiang is linked to the ‘APT10’/);
    expect(gao?.reasons.citation).toMatch(/Regulation \(EU\) 2019\/796, Annex I, part A.*entry 1/);
    expect(gao?.summary).toBeTruthy();
    expect(gao?.reasons.text).not.toContain(gao?.summary ?? '');
    const badin = at('2026-12-01').targets.find((t) => t.id === 'dmitry-sergeyevich-badin');
    expect(badin?.incidents).toEqual(['Intrusion into the German Bundestag (April-May 2015)']);
    expect(badin?.acts).toEqual(['Regulation (EU) 2019/796', 'Council Implementing Regulation (EU) 2020/1536']);
    const chosun = at('2026-12-01').targets.find((t) => t.id === 'chosun-expo');
    expect(chosun?.incidents).toContain('WannaCry');
    expect(chosun?.incidents).not.toContain('NotPetya');
  });

  it('keeps the court record: no annulment known', () => {
    expect(data.file.courts.annulments).toEqual([]);
    expect(data.file.courts.note).toMatch(/No judgment annulling/);
  });
});

describe("a response plan's sanctions section", () => {
  it('screens the identified persons: "already listed since 2020-10-22 under Regulation 2020/1536 — strong match on …"', () => {
    const plan = planSanctions(data, incident(['Dmitriy Badin', 'Someone Unlisted']), '2026-01-01' as IsoDate);
    expect(plan.alreadyListed).toHaveLength(1);
    const [m] = plan.alreadyListed;
    expect(m).toMatchObject({ name: 'Dmitriy Badin', id: 'dmitry-sergeyevich-badin', listedName: 'Dmitry Sergeyevich BADIN', since: '2020-10-22', strong: true, score: 1 });
    expect(m?.summary).toBe("already listed since 2020-10-22 under Regulation 2020/1536 — strong match on 'Dmitry Sergeyevich BADIN'");
  });

  it('matches other scripts and group names, and not targets listed after the date', () => {
    const plan = planSanctions(data, incident(['Алексей Минин'], ['Fancy Bear', 'i-Soon']), '2025-01-01' as IsoDate);
    expect(plan.alreadyListed.map((m) => [m.name, m.id, m.strong])).toEqual([
      ['Алексей Минин', 'alexey-valeryevich-minin', true],
      ['Fancy Bear', '85th-main-centre-for-special-services', true],
    ]);
  });
});
