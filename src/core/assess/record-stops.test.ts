// An under-delivering label that rests only on the record stopping says so: the reason names the lapsed deliverables
// and the dialogues no source reports any more, and the label they would give. A later report moves the reason back.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { buildDataset } from '../kb/dataset';
import { assessPartner } from './engine';
import { partnerContent, realDataset, realRawDataset, realWeights } from './real-data.test-support';

const TODAY = '2026-12-06' as IsoDate;
const weights = realWeights();
const dataset = realDataset();
const LITTLE_DELIVERED = weights.orientation.rules.find((r) => r.id === 'little-delivered')!.because;

type Entry = Record<string, unknown> & { id: string };

describe('an under-delivering verdict that rests on the record stopping', () => {
  it('says for the US of today that the record stops, naming the lapsed deliverables and the label they would give', () => {
    const a = assessPartner(dataset, 'US', TODAY, weights);
    expect(a.orientation).toBe('under-delivering');
    expect(a.recordStops?.wouldBe).toBe('results-oriented');
    expect(a.recordStops?.lapsed.map((l) => l.fact.id)).toContain('cooperation:us-cyber-atlantic-2011');
    expect(a.orientationRule.because).toMatch(/^the record stops, not the partnership: 2 one-off deliverables lapsed 5 years after their last report/);
    expect(a.orientationRule.because).toContain('would read results-oriented');
    expect(a.orientationExplanation[0]?.fact.title).toBe(`under-delivering: ${a.orientationRule.because}`);
  });

  it('names what lapsed and the dialogue rounds the sources still report (the US in 2023, Japan in 2024), with the scores unmoved', () => {
    const us = assessPartner(dataset, 'US', TODAY, weights);
    expect(us.orientationRule.because).toContain('(Cyber Atlantic 2011: first joint EU-US cyber-security exercise; ');
    expect(us.orientationRule.because).toContain('the sources reviewed report none of them after 2016, but still report dialogue rounds after it (EU-US Cyber Dialogue, latest 6 December 2023)');
    const jp = assessPartner(dataset, 'JP', TODAY, weights);
    expect(jp.orientationRule.because).toMatch(/^the record stops, not the partnership: a one-off deliverable lapsed 5 years after its last report \(EU-Japan Internet Security Forum\); the sources reviewed do not report it after 2016, but still report dialogue rounds after it \(EU-Japan Cyber Dialogue, latest 11 November 2024; /);
    // Without the rounds, the reason says only what lapsed; the label and the maturity stay.
    const raw = realRawDataset();
    for (const d of partnerContent(raw, 'JP').dialogues as (Entry & { meetings?: { date: string | number }[] })[]) d.meetings = (d.meetings ?? []).filter((m) => String(m.date) < '2017');
    const without = assessPartner(buildDataset(raw), 'JP', TODAY, weights);
    expect(without.orientationRule.because).not.toContain('dialogue rounds');
    expect(without.orientation).toBe(jp.orientation);
    // China reports no round after its dialogues lapsed: no rounds are named.
    expect(assessPartner(dataset, 'CN', TODAY, weights).orientationRule.because).not.toContain('dialogue rounds');
  });

  it('says the same of China today and of Russia before 2022, whose open channels turned unknown for want of reports', () => {
    for (const [id, asOf] of [['CN', TODAY], ['RU', '2021-12-31']] as [string, IsoDate][]) {
      const a = assessPartner(dataset, id, asOf, weights);
      expect(a.recordStops?.wouldBe, id).toBe('process-oriented');
      expect(a.recordStops?.lapsed.every((l) => l.kind === 'dialogue'), id).toBe(true);
    }
  });

  it('adds to Russia\u2019s record that stops (2020-2021) the Permanent Partnership Council the sources report suspended in 2014', () => {
    const PPC = '; yet not only the record: the sources also report the EU-Russia Permanent Partnership Council (PPC) suspended in 2014';
    const a = assessPartner(dataset, 'RU', '2021-06-01' as IsoDate, weights);
    expect(a.recordStops?.wouldBe).toBe('process-oriented');
    expect(a.orientationRule.because.endsWith(PPC)).toBe(true);
    expect(a.orientationExplanation[0]?.sources.map((s) => s.ref)).toContain('https://russiaeu.ru/en/political-dialogue');
    // China's record stops with no channel suspended: nothing is added.
    expect(assessPartner(dataset, 'CN', TODAY, weights).orientationRule.because).not.toContain('not only the record');
    // Without the PPC's suspension the reason does not name it.
    const raw = realRawDataset();
    const ppc = (partnerContent(raw, 'RU').dialogues as (Entry & { status: { value: string }[] })[]).find((d) => d.id === 'ru-permanent-partnership-council')!;
    ppc.status = ppc.status.filter((s) => s.value !== 'suspended');
    const plain = assessPartner(buildDataset(raw), 'RU', '2021-06-01' as IsoDate, weights);
    expect(plain.orientationRule.because).not.toContain('Permanent Partnership Council');
  });

  it('does not say it of Russia once the sources report its channels suspended (March 2022): it names the suspension', () => {
    const a = assessPartner(dataset, 'RU', TODAY, weights);
    expect(a.orientation).toBe('under-delivering');
    expect(a.recordStops).toBeNull();
    // The reason names the suspension the data holds (the Europol agreement, the dialogues, the items ended in March 2022).
    expect(a.orientationRule.because).toMatch(/^the sources report the channels suspended, not a record that stops: the Cooperation Agreement between the Russian Federation and Europol \(strategic\) and 2 dialogues suspended and 5 cooperation items ended in March 2022/);
    expect(a.orientationRule.because.endsWith(`what remains: ${LITTLE_DELIVERED}`)).toBe(true);
    expect(a.orientationExplanation[0]?.sources.map((s) => s.ref)).toContain('https://www.border-security-report.com/decision-of-europols-management-board-on-the-situation-in-ukraine/');
    // Items that end with no suspension dated the same leave the plain reason; the scores do not move.
    const unended = realRawDataset();
    for (const c of partnerContent(unended, 'RU').cooperation as Entry[]) if (c.until === '2022-03') c.until = '2022-04';
    const plain = assessPartner(buildDataset(unended), 'RU', TODAY, weights);
    expect(plain.orientationRule.because).toBe(LITTLE_DELIVERED);
    expect(plain.maturity).toBe(a.maturity);
    // Without the suspensions the record would be said to stop again.
    const raw = realRawDataset();
    for (const d of partnerContent(raw, 'RU').dialogues as (Entry & { status: { value: string }[] })[]) d.status = d.status.filter((s) => s.value !== 'suspended' || d.id === 'ru-permanent-partnership-council');
    expect(assessPartner(buildDataset(raw), 'RU', TODAY, weights).recordStops?.wouldBe).toBe('process-oriented');
  });

  it('keeps the plain reason where the record does not decide the label (Mexico, South Africa) and on the papers\' dates', () => {
    for (const id of ['MX', 'ZA']) {
      const a = assessPartner(dataset, id, TODAY, weights);
      expect(a.recordStops, id).toBeNull();
      expect(a.orientationRule.because, id).toBe(LITTLE_DELIVERED);
    }
    for (const asOf of ['2014-06-30', '2016-09-05'] as IsoDate[]) {
      for (const id of ['US', 'CN', 'RU', 'CA', 'IN']) expect(assessPartner(dataset, id, asOf, weights).recordStops, `${id} ${asOf}`).toBeNull();
    }
  });

  it('moves with the data: a later report of the exercise keeps it counted and the US results-oriented', () => {
    const raw = realRawDataset();
    const us = partnerContent(raw, 'US');
    const exercise = (us.cooperation as Entry[]).find((c) => c.id === 'us-cyber-atlantic-2011')!;
    exercise.datedNotes = [...((exercise.datedNotes as unknown[]) ?? []), { date: 2024, text: 'Reported again.', sources: [{ ref: 'renard2016', locator: 'test' }] }];
    const a = assessPartner(buildDataset(raw), 'US', TODAY, weights);
    expect(a.orientation).toBe('results-oriented');
    expect(a.recordStops).toBeNull();
  });

  it('moves with the data: China with its taskforce reported as ended reads under-delivering with the plain reason', () => {
    const raw = realRawDataset();
    const cn = partnerContent(raw, 'CN');
    for (const d of cn.dialogues as (Entry & { status: { value: string }[] })[]) {
      for (const s of d.status) if (s.value === 'unknown') s.value = 'ended';
    }
    const a = assessPartner(buildDataset(raw), 'CN', TODAY, weights);
    expect(a.orientation).toBe('under-delivering');
    expect(a.recordStops).toBeNull();
    expect(a.orientationRule.because).toBe(LITTLE_DELIVERED);
  });
});
