// Cooperation read at "some" counts together at most its ceiling (ADR 0008): the case that raised it, Canada's "numerous
// contacts ... still in development" against Russia's "cooperation remains very limited" (renard2016 s.4), moved input by input.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { buildDataset, type RawDataset } from '../kb/dataset';
import { assessAll, type Assessment } from './engine';
import { clone, partnerContent, realRawDataset, realWeightsRaw } from './real-data.test-support';
import { parseWeights, type Weights } from './weights';

const RENARD2016 = '2016-09-05' as IsoDate;
const LIMIT = 'limit:dimensions.cooperation.extentCeiling.some';

/** The parts of the raw weights file these cases change. */
interface RawWeights {
  dimensions: { cooperation: { extentCeiling?: { some: { points: number } } } };
  readings: { cooperation: Record<string, { extent: string }> };
}

const weightsFrom = (edit: (w: RawWeights) => void = () => {}): Weights => {
  const raw = clone(realWeightsRaw());
  edit(raw as unknown as RawWeights);
  return parseWeights(raw, 'weights.yaml');
};

function assess(editData: (raw: RawDataset) => void = () => {}, weights = weightsFrom()): Map<string, Assessment> {
  const raw = realRawDataset();
  editData(raw);
  return new Map(assessAll(buildDataset(raw), RENARD2016, weights).map((a) => [a.id, a]));
}
const coop = (all: Map<string, Assessment>, id: string) => all.get(id)!.dimensions.cooperation;
const dropCooperation = (raw: RawDataset, partner: string, id: string) => {
  const c = partnerContent(raw, partner);
  c.cooperation = c.cooperation!.filter((i) => i.id !== id);
};

describe('Canada and Russia in 2016 (renard2016 s.4)', () => {
  const base = assess();

  it("scores Canada's numerous contacts above Russia's very limited cooperation", () => {
    expect(coop(base, 'CA').score).toBeGreaterThan(coop(base, 'RU').score);
  });

  it("shows Russia's items that counted and the ceiling that held them, with its passage", () => {
    const ru = coop(base, 'RU').explanation;
    const counted = ru.filter((e) => e.fact.id.startsWith('cooperation:')).map((e) => e.fact.id);
    expect(counted).toHaveLength(5);
    const limit = ru.find((e) => e.fact.id === LIMIT)!;
    expect(limit.effect).toBeLessThan(0);
    for (const id of counted) expect(limit.note).toContain(id.replace('cooperation:', ''));
    expect(limit.sources.map((s) => s.quote)).toContain('Overall, however, cooperation remains very limited');
    expect(Math.abs(ru.reduce((s, e) => s + e.effect, 0) - coop(base, 'RU').score)).toBeLessThanOrEqual(0.5);
  });

  it("puts Canada under Russia once Canada's numerous contacts are taken out", () => {
    const without = assess((raw) => dropCooperation(raw, 'CA', 'ca-cybercrime-ciip-contacts'));
    expect(coop(without, 'CA').score).toBeLessThan(coop(without, 'RU').score);
  });

  it('puts Russia over Canada again without the ceiling: the rule, not the data, orders them', () => {
    const summed = assess(undefined, weightsFrom((w) => delete w.dimensions.cooperation.extentCeiling));
    expect(coop(summed, 'RU').score).toBeGreaterThan(coop(summed, 'CA').score);
    expect(coop(summed, 'RU').explanation.some((e) => e.fact.id === LIMIT)).toBe(false);
  });

  it('a further instance read at "some" adds nothing to Russia once at the ceiling', () => {
    const more = assess((raw) => {
      const c = partnerContent(raw, 'RU');
      const copy = { ...clone(c.cooperation!.find((i) => i.id === 'ru-ec3-operational-cooperation')!), id: 'ru-another-instance' };
      c.cooperation!.push(copy);
    });
    expect(coop(more, 'RU').score).toBe(coop(base, 'RU').score);
    expect(coop(more, 'RU').explanation.find((e) => e.fact.id === LIMIT)!.fact.title).toMatch(/^6 cooperation items read at 'some' add up to [0-9.]+; together they count at most [0-9.]+$/);
  });

  it('the ceiling moves with its points: a higher one lifts Russia over Canada', () => {
    const raised = assess(undefined, weightsFrom((w) => (w.dimensions.cooperation.extentCeiling!.some.points = 20)));
    expect(coop(raised, 'RU').score).toBeGreaterThan(coop(raised, 'CA').score);
  });

  it('an item read as more than "some" counts outside the ceiling', () => {
    const regular = assess(undefined, weightsFrom((w) => (w.readings.cooperation['ru-ec3-operational-cooperation']!.extent = 'regular')));
    expect(coop(regular, 'RU').score).toBeGreaterThan(coop(base, 'RU').score);
  });

  it('leaves a partner under the ceiling as it was (China: two instances)', () => {
    expect(coop(base, 'CN').explanation.some((e) => e.fact.id === LIMIT)).toBe(false);
    expect(coop(base, 'CN').score).toBe(coop(assess(undefined, weightsFrom((w) => delete w.dimensions.cooperation.extentCeiling)), 'CN').score);
  });

  it("shares the held points between Russia's results and process, so the two still add up to the whole", () => {
    const ru = base.get('RU')!;
    expect(Math.abs(ru.metrics.cooperationResults + ru.metrics.cooperationProcess - ru.dimensions.cooperation.score)).toBeLessThanOrEqual(1);
    const relational = ru.purposes.relational.explanation.filter((e) => e.fact.id === LIMIT);
    expect(relational.map((e) => e.note?.split(' ')[0]).sort()).toEqual(['cooperationProcess', 'cooperationResults']);
  });
});
