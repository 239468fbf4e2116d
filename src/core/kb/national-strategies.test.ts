// National cybersecurity strategies: loaded with their checks, dated as precisely as their sources date them, and shown
// in the profile, the timeline and the search as known at a date.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { IsoDate } from '../dates';
import { clone, realRawDataset } from '../assess/real-data.test-support';
import { applyLayer, tryChange, type LayerChange } from '../curation/apply';
import { resolveProposal } from '../curation/proposal';
import { allEvents, timelineEvents } from '../timeline/events';
import { buildDataset, type RawDataset } from './dataset';
import { listFacts } from './facts';
import { allStrategiesAt, strategiesAt, strategyRows } from './national-strategies';
import { buildProfile } from './profile';

type Entry = { partner: string; strategies: Record<string, unknown>[]; counted?: Record<string, unknown>; datedNotes?: Record<string, unknown>[] };

/** The real files with the strategies' file changed by `edit`. */
function withStrategies(edit: (entries: Entry[]) => void): RawDataset {
  const raw = clone(realRawDataset());
  edit((raw.nationalStrategies!.content as { partners: Entry[] }).partners);
  return raw;
}
const entryOf = (entries: Entry[], partner: string) => entries.find((e) => e.partner === partner)!;

function refusal(raw: RawDataset): AppError {
  try {
    buildDataset(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the dataset was accepted');
}

const dataset = buildDataset(realRawDataset());

describe('national strategies: the data', () => {
  it('holds each of the ten strategic partners and the EU, every first date from the Kostyuk dataset at the precision it gives', () => {
    const all = allStrategiesAt(dataset.nationalStrategies, undefined);
    expect(all.map((v) => v.partner)).toEqual(['BR', 'CA', 'CN', 'IN', 'JP', 'KR', 'MX', 'RU', 'UA', 'UK', 'US', 'ZA', 'EU']);
    const firsts = Object.fromEntries(all.map((v) => [v.partner, [v.first?.adopted, v.first?.precision, v.first?.dateAsGiven]]));
    expect(firsts.IN).toEqual([2013, 'year', '20130101']);
    expect(firsts.MX).toEqual([2017, 'year', '20170101']);
    expect(firsts.US).toEqual(['2003-02', 'month', '20030201']);
    expect(firsts.CA).toEqual(['2010-10-03', 'day', null]);
    expect(firsts.RU).toEqual(['2000-09-09', 'day', null]);
    expect(all.find((v) => v.partner === 'JP')?.counted?.count).toBe(7);
  });

  it('moves with the file: another first date, precision or count is what the views give', () => {
    const changed = buildDataset(
      withStrategies((entries) => {
        const mx = entryOf(entries, 'MX');
        mx.strategies[0] = { ...mx.strategies[0], adopted: '2017-11', dateAsGiven: '20171101' };
        mx.counted = { ...mx.counted, count: 5 };
      }),
    );
    const mx = strategiesAt(changed.nationalStrategies, 'MX', undefined)!;
    expect([mx.first?.adopted, mx.first?.precision, mx.first?.dateAsGiven, mx.counted?.count]).toEqual(['2017-11', 'month', '20171101', 5]);
    expect(buildProfile(changed, 'MX', '2017-12-31' as IsoDate).nationalStrategies?.hadStrategy).toBe(true);
    expect(buildProfile(changed, 'MX', '2017-10-31' as IsoDate).nationalStrategies?.hadStrategy).toBe(false);
  });
});

describe('national strategies: the checks on loading', () => {
  it('refuses a partner with no data file, naming the file and field', () => {
    const e = refusal(withStrategies((entries) => void (entries[0]!.partner = 'XX')));
    expect(e.code).toBe('corrupt_data');
    expect(e.message).toContain('national-strategies.yaml');
    expect(e.message).toContain('partners.0.partner: XX has no data file');
  });

  it('refuses a partner listed twice and an id used twice', () => {
    expect(refusal(withStrategies((entries) => void entries.push(clone(entryOf(entries, 'CN'))))).message).toMatch(/CN is listed twice/);
    expect(
      refusal(
        withStrategies((entries) => {
          const us = entryOf(entries, 'US');
          us.strategies[1] = { ...us.strategies[1], id: us.strategies[0]!.id };
        }),
      ).message,
    ).toMatch(/is the id of another strategy/);
  });

  it('refuses an invalid date, and a date as written that the reading does not match or that gives nothing more', () => {
    expect(refusal(withStrategies((entries) => void (entryOf(entries, 'CA').strategies[0]!.adopted = '2010-02-30'))).message).toMatch(/strategies\.0\.adopted/);
    expect(refusal(withStrategies((entries) => void (entryOf(entries, 'IN').strategies[0]!.dateAsGiven = '20140101'))).message).toMatch(/20140101 is not a date of 2013/);
    expect(refusal(withStrategies((entries) => void (entryOf(entries, 'CA').strategies[0]!.dateAsGiven = '20101003'))).message).toMatch(/only for a date read as a year or a month/);
  });

  it("keeps the EU's entries to its framework's strategies, same date, and no one else's", () => {
    expect(refusal(withStrategies((entries) => void (entryOf(entries, 'EU').strategies[0]!.adopted = '2013-02-08'))).message).toMatch(/must be the date eu-framework.yaml gives cybersecurity-strategy-2013/);
    expect(refusal(withStrategies((entries) => void delete entryOf(entries, 'EU').strategies[0]!.frameworkStrategy)).message).toMatch(/an EU entry names its strategy/);
    expect(refusal(withStrategies((entries) => void (entryOf(entries, 'US').strategies[0]!.frameworkStrategy = 'cybersecurity-strategy-2013'))).message).toMatch(/only the EU's entries/);
  });
});

describe('national strategies as known at a date', () => {
  it('South Africa in 2014: no strategy yet, and renard2014 saying it was only starting one; its first from December 2015', () => {
    const y2014 = buildProfile(dataset, 'ZA', '2014-12-31' as IsoDate).nationalStrategies!;
    expect([y2014.hadStrategy, y2014.first, y2014.strategies.length]).toEqual([false, null, 0]);
    expect(y2014.datedNotes.map((n) => n.sources[0]?.ref)).toEqual(['renard2014']);
    const y2015 = buildProfile(dataset, 'ZA', '2015-12-04' as IsoDate).nationalStrategies!;
    expect([y2015.hadStrategy, y2015.first?.adopted]).toEqual([true, '2015-12-04']);
  });

  it('gives later strategies only from their date, and a count only once its period has ended', () => {
    const kr = (d: string) => strategiesAt(dataset.nationalStrategies, 'KR', d as IsoDate)!;
    expect(kr('2019-03-31').strategies.map((s) => s.adopted)).toEqual(['2011-08-02']);
    expect(kr('2019-04-01').strategies.map((s) => [s.adopted, s.first])).toEqual([
      ['2011-08-02', true],
      ['2019-04', false],
    ]);
    expect(kr('2019-04-01').datedNotes.map((n) => n.date)).toEqual(['2014-06']);
    expect(kr('2024-12-30').counted).toBeNull();
    expect(kr('2024-12-31').counted?.count).toBe(3);
  });

  // Research notes 2.8 (Global Affairs Canada's international cyber policy page): a cyber policy unit in 2018 and a
  // policy of public attribution in 2019, beside Canada's strategies, each shown only from its year.
  it("Canada: Global Affairs Canada's cyber unit (2018) and its public-attribution policy (2019) as dated notes from their year", () => {
    const ca = (d: string) => strategiesAt(dataset.nationalStrategies, 'CA', d as IsoDate)!;
    expect(ca('2017-12-31').datedNotes).toEqual([]);
    expect(ca('2018-12-31').datedNotes.map((n) => n.date)).toEqual([2018]);
    const notes = ca('2026-01-31').datedNotes;
    expect(notes.map((n) => n.date)).toEqual([2018, 2019]);
    expect(notes[1]!.text).toMatch(/attribut/);
    for (const n of notes) expect(n.sources[0]!.ref).toMatch(/^https:\/\/www\.international\.gc\.ca\//);
  });

  it('is on the timeline as dated events at their precision, the first one marked, the EU not twice', () => {
    const us = timelineEvents(dataset, 'US', '2020-01-01' as IsoDate).filter((e) => e.kind === 'national-strategy');
    expect(us.map((e) => [e.date, e.precision, e.detail])).toEqual([
      ['2003-02-01', 'month', 'first'],
      ['2015-10-30', 'day', null],
    ]);
    expect(timelineEvents(dataset, 'US', '2015-10-29' as IsoDate).filter((e) => e.kind === 'national-strategy')).toHaveLength(1);
    const eu2013 = allEvents(dataset).filter((e) => e.date === '2013-02-07' && /Cybersecurity Strategy of the European Union/.test(e.title));
    expect(eu2013.map((e) => e.kind)).toEqual(['strategy-adopted']);
  });

  it('is searchable as facts of its partner, and exported one row per strategy', () => {
    const facts = listFacts(dataset).filter((f) => f.kind === 'national-strategy');
    expect(facts.find((f) => f.id === 'national-strategy:br-e-ciber-2020')).toMatchObject({ partner: 'BR', from: '2020-02-01' });
    const rows = strategyRows(allStrategiesAt(dataset.nationalStrategies, '2016-06-30' as IsoDate));
    expect(rows.filter((r) => r.partner === 'IN')).toEqual([expect.objectContaining({ adopted: '2013', precision: 'year', dateAsGiven: '20130101', first: true })]);
    expect(rows.filter((r) => r.partner === 'MX')).toEqual([expect.objectContaining({ id: '', counted: '' })]);
  });
});

describe('national strategies a dataset counts but no source here dates', () => {
  it("South Korea's third counted strategy: its date unknown, said in the view and the export, marked unverified (an inference)", () => {
    const kr = strategiesAt(dataset.nationalStrategies, 'KR', '2025-01-01' as IsoDate)!;
    expect(kr.undated).toMatchObject({ count: 1, unverified: true });
    expect(kr.undated?.note).toMatch(/date is unknown/);
    expect(strategiesAt(dataset.nationalStrategies, 'KR', '2024-12-30' as IsoDate)!.undated).toBeNull();
    const rows = strategyRows([kr]);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ partner: 'KR', adopted: '', precision: 'unknown', unverified: true, counted: 3 });
    expect(String(rows[2]!.title)).toMatch(/^1 strategy counted in 2000-2024 not dated by any source held here \(date unknown\)/);
  });

  it('moves with the data: the count worked out again from the count and the entries dated within its period', () => {
    const more = buildDataset(withStrategies((entries) => (entryOf(entries, 'KR').counted!.count = 5)));
    expect(strategiesAt(more.nationalStrategies, 'KR', undefined)!.undated?.count).toBe(3);
    const dated = buildDataset(
      withStrategies((entries) =>
        entryOf(entries, 'KR').strategies.push({ id: 'kr-strategy-2024', title: 'A third strategy', adopted: 2024, sources: [{ ref: 'renard2014', locator: 'test' }] }),
      ),
    );
    expect(strategiesAt(dated.nationalStrategies, 'KR', undefined)!.undated).toBeNull();
    const later = buildDataset(
      withStrategies((entries) =>
        entryOf(entries, 'KR').strategies.push({ id: 'kr-strategy-2025', title: 'Outside the period', adopted: 2025, sources: [{ ref: 'renard2014', locator: 'test' }] }),
      ),
    );
    expect(strategiesAt(later.nationalStrategies, 'KR', undefined)!.undated?.count).toBe(1);
  }, 30_000); // three datasets built from the files: seconds each on a busy machine

  it('every partner whose count is more than its dated entries says what is known of the others in the reviewed file', () => {
    for (const e of dataset.nationalStrategies) {
      const v = strategiesAt(dataset.nationalStrategies, e.partner, undefined)!;
      if (v.undated) expect(e.counted?.undated?.note, e.partner).toBeTruthy();
    }
    expect(allStrategiesAt(dataset.nationalStrategies, undefined).filter((v) => v.undated).map((v) => [v.partner, v.undated!.count])).toEqual([
      ['CA', 2],
      ['IN', 1],
      ['JP', 5],
      ['KR', 1],
      ['RU', 2],
      ['UA', 1],
      ['UK', 3],
      ['US', 1],
    ]);
  });
});

describe('national strategies under curation', () => {
  const change = (id: string, body: Record<string, unknown>, base = dataset): LayerChange => ({ id, ...resolveProposal(base, body) });
  const e2018 = { id: 'ca-strategy-2018', title: 'National Cyber Security Strategy of 2018', adopted: 2018, sources: [{ ref: 'https://example.org/ca', locator: 'p. 1' }] };

  it("adds, updates and retires a partner's strategy through the published layer", () => {
    const added = applyLayer(dataset, [change('c1', { partner: 'CA', kind: 'national-strategy', action: 'add', record: e2018 })]);
    expect(added.skipped).toEqual([]);
    expect(strategiesAt(added.dataset.nationalStrategies, 'CA', undefined)?.strategies.map((s) => [s.id, s.precision, s.first])).toEqual([
      ['ca-first-strategy-2010', 'day', true],
      ['ca-strategy-2018', 'year', false],
    ]);
    const updated = applyLayer(added.dataset, [change('c2', { partner: 'CA', kind: 'national-strategy', action: 'update', target: 'ca-strategy-2018', record: { ...e2018, adopted: '2018-08' } }, added.dataset)]);
    expect(strategiesAt(updated.dataset.nationalStrategies, 'CA', undefined)?.strategies[1]).toMatchObject({ adopted: '2018-08', precision: 'month' });
    const retired = applyLayer(dataset, [change('c3', { partner: 'KR', kind: 'national-strategy', action: 'retire', target: 'kr-national-cybersecurity-strategy-2019' })]);
    expect(strategiesAt(retired.dataset.nationalStrategies, 'KR', undefined)?.strategies.map((s) => s.id)).toEqual(['kr-first-strategy-2011']);
  });

  it("refuses a change the dataset's checks refuse (a date as written that is not the strategy's), naming why", () => {
    expect(() => change('c4', { partner: 'CA', kind: 'national-strategy', action: 'add', record: { ...e2018, dateAsGiven: '20190101' } })).toThrow(/invalid: .*20190101 is not a date of 2018/);
    const good = change('c5', { partner: 'CA', kind: 'national-strategy', action: 'add', record: e2018 });
    expect(() => tryChange(dataset, { ...good, record: { ...e2018, adopted: '2018-02-30' } })).toThrow(/would leave the knowledge base invalid/);
  });
});
