// The labels come from facts and rules, not from a table of conclusions: change a fact or a weight and the label moves.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { buildDataset } from '../kb/dataset';
import { assessAll, assessPartner } from './engine';
import { clone, partnerContent, realDataset, realRawDataset, realWeights, realWeightsRaw } from './real-data.test-support';
import type { CooperationReading } from './readings';
import { parseWeights, type Weights } from './weights';

const RENARD2016 = '2016-09-05' as IsoDate;
const weights = realWeights();
const dataset = realDataset();

/** A copy of the reviewed weights with one change. */
function changed(edit: (w: Weights) => void): Weights {
  const w = clone(weights);
  edit(w);
  return parseWeights(w, 'test');
}

describe('changing a fact', () => {
  it('without the WGCC and what it delivered (joint exercise, awareness month), the US is no longer results-oriented', () => {
    const raw = realRawDataset();
    const us = partnerContent(raw, 'US');
    us.dialogues = us.dialogues!.filter((d) => d.id !== 'us-wgcc');
    us.cooperation = us.cooperation!.filter((c) => !['us-cyber-atlantic-2011', 'us-awareness-month-2014'].includes(c.id));
    const without = assessPartner(buildDataset(raw), 'US', RENARD2016, weights);
    expect(assessPartner(dataset, 'US', RENARD2016, weights).orientation).toBe('results-oriented');
    expect(without.orientation).not.toBe('results-oriented');
    expect(without.maturity).toBeLessThan(assessPartner(dataset, 'US', RENARD2016, weights).maturity);
  });

  it('if the EU came to see China as a partner, the China partnership would no longer be process-oriented', () => {
    const raw = realRawDataset();
    const cn = partnerContent(raw, 'CN');
    cn.perception = [{ value: 'partner', from: 2016, sources: [{ ref: 'renard2016', locator: 'hypothetical, for the test' }] }];
    cn.tensions = [];
    expect(assessPartner(buildDataset(raw), 'CN', RENARD2016, weights).orientation).not.toBe('process-oriented');
  });

  it('a joint exercise with South Korea added to its cyber consultations makes that partnership deliver', () => {
    const raw = realRawDataset();
    const kr = partnerContent(raw, 'KR');
    const exercise = { id: 'kr-test-exercise', kind: 'joint-exercise', title: 'Hypothetical joint exercise', from: 2015, sources: [{ ref: 'renard2016', locator: 'hypothetical' }] };
    const research = { id: 'kr-test-research', kind: 'joint-research-funding', title: 'Hypothetical joint research', from: 2015, sources: [{ ref: 'renard2016', locator: 'hypothetical' }] };
    kr.cooperation = [...(kr.cooperation ?? []), exercise, research];
    // Facts the review has not read count at the `unread` extent; read as functioning EU-Korea cooperation, they deliver.
    const read = clone(weights);
    const functioning: CooperationReading = { channel: 'eu-partner', extent: 'functioning', reason: 'hypothetical', sources: [{ ref: 'renard2016', locator: 'hypothetical' }] };
    read.readings.cooperation['kr-test-exercise'] = functioning;
    read.readings.cooperation['kr-test-research'] = functioning;
    expect(assessPartner(dataset, 'KR', RENARD2016, read).orientation).toBe('under-delivering');
    expect(assessPartner(buildDataset(raw), 'KR', RENARD2016, weights).orientation, 'not yet read').toBe('under-delivering');
    expect(assessPartner(buildDataset(raw), 'KR', RENARD2016, read).orientation).toBe('results-oriented');
  });
});

describe('changing a weight or a threshold', () => {
  it('raising the bar for tangible results flips Japan to under-delivering while the US stays results-oriented', () => {
    const strict = changed((w) => {
      const rule = w.orientation.rules.find((r) => r.id === 'tangible-deliverables')!;
      rule.when = rule.when.map((c) => (c.metric === 'cooperationResults' ? { ...c, atLeast: 80 } : c));
    });
    expect(assessPartner(dataset, 'JP', RENARD2016, strict).orientation).toBe('under-delivering');
    expect(assessPartner(dataset, 'US', RENARD2016, strict).orientation).toBe('results-oriented');
  });

  it('if being seen as a challenge did not cost trust, China would not be process-oriented', () => {
    const lenient = changed((w) => {
      w.dimensions.trust.perception.challenge = 0;
    });
    expect(assessPartner(dataset, 'CN', RENARD2016, lenient).orientation).toBe('under-delivering');
  });

  it('lowering the trust threshold below China and Russia leaves no process-oriented partnership', () => {
    const low = changed((w) => {
      w.orientation.rules[0]!.when[0] = { metric: 'trust', below: 0 };
    });
    expect(assessAll(dataset, RENARD2016, low).filter((a) => a.orientation === 'process-oriented')).toEqual([]);
  });

  it('weighing only the legal framework reorders maturity', () => {
    const legalOnly = changed((w) => {
      w.maturity.weights = { institutionalDensity: 0, legalFramework: 1, alignment: 0, cooperation: 0, trust: 0 };
    });
    const ranking = assessAll(dataset, RENARD2016, legalOnly).map((a) => a.id);
    expect(ranking[0]).toBe('US');
    expect(ranking.indexOf('CA')).toBeLessThan(ranking.indexOf('IN'));
    expect(assessPartner(dataset, 'CN', RENARD2016, legalOnly).maturity).toBeLessThan(5);
  });

  it('reports which weights file produced the result', () => {
    const renamed = changed((w) => {
      w.title = 'an analyst variant';
    });
    expect(assessPartner(dataset, 'US', RENARD2016, renamed).weights).toBe('an analyst variant');
  });

  it('takes the reviewed file as written', () => {
    expect(parseWeights(realWeightsRaw(), 'data/assessment/weights.yaml')).toEqual(weights);
  });
});
