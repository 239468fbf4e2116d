// The engine against the papers: computed from the reviewed data files and weights, the labels and the maturity ranking must
// agree with renard2014 (appendix and "Assessing the partnerships", June 2014) and renard2016 (s.5, September 2016).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { STRATEGIC_PARTNER_IDS } from '../vocabularies';
import { assessAll, assessPartner, type Assessment } from './engine';
import { realDataset, realWeights } from './real-data.test-support';

const dataset = realDataset();
const weights = realWeights();

const RENARD2014 = '2014-06-30' as IsoDate;
const RENARD2016 = '2016-09-05' as IsoDate;

const byId = (list: Assessment[]) => Object.fromEntries(list.map((a) => [a.id, a]));

describe.each([
  ['renard2014', RENARD2014],
  ['renard2016', RENARD2016],
])('as of %s (%s)', (_paper, asOf) => {
  const all = assessAll(dataset, asOf, weights);
  const a = byId(all);

  it('assesses all ten strategic partners', () => {
    expect(all.map((x) => x.id).sort()).toEqual([...STRATEGIC_PARTNER_IDS].sort());
  });

  it('finds the EU-US partnership results-oriented and by far the most developed', () => {
    expect(a.US!.orientation).toBe('results-oriented');
    expect(all[0]!.id).toBe('US');
    expect(a.US!.maturity - all[1]!.maturity).toBeGreaterThanOrEqual(15);
  });

  it('finds the partnerships with China and Russia process-oriented', () => {
    expect(a.CN!.orientation).toBe('process-oriented');
    expect(a.RU!.orientation).toBe('process-oriented');
  });

  it('finds Japan well developed and functioning: second, and delivering', () => {
    expect(all[1]!.id).toBe('JP');
    expect(a.JP!.orientation).toBe('results-oriented');
  });

  it('finds Canada mature (third) but with little delivered', () => {
    expect(all[2]!.id).toBe('CA');
    expect(a.CA!.orientation).toBe('under-delivering');
  });

  // renard2014 (appendix, EU-Canada): "some instances of cooperation, notably via Europol"; renard2016 s.5: "Signs of
  // cooperation arise occasionally". The under-delivering reason may not say that cooperation has yet to begin where the
  // engine itself counts some.
  it("gives Canada's under-delivering label a reason that does not deny the cooperation it counts", () => {
    expect(a.CA!.dimensions.cooperation.score).toBeGreaterThan(0);
    expect(a.CA!.orientationRule.because).not.toMatch(/still to materialise|no cooperation|not yet/i);
    expect(a.CA!.orientationRule.because).toMatch(/little delivered/);
  });

  // renard2014 calls Canada mature ("Assessing the partnerships") and says it "has delivered little" (Appendix, EU-Canada):
  // the label's sources must be those that speak of Canada, not only the sentence on "the other five partners".
  it("cites for Canada's under-delivering label what the papers say of Canada itself", () => {
    const locators = a.CA!.orientationRule.sources.map((s) => `${s.ref}: ${s.locator}`);
    expect(locators).toContainEqual(expect.stringMatching(/^renard2014: Appendix, EU-Canada/));
    expect(locators).toContainEqual(expect.stringMatching(/^renard2016: s\.4 .*Canada/));
  });

  it('finds the other five partnerships under-delivering', () => {
    for (const id of ['BR', 'IN', 'KR', 'MX', 'ZA']) expect(a[id]!.orientation, id).toBe('under-delivering');
  });

  // Before the readings, Russia's NATO, OSCE and counted-as-bilateral items lifted it above Mexico and South Africa; the papers
  // rank neither against the difficult partnerships, only below the others with something reported.
  it('ranks Mexico and South Africa, with no cooperation reported, below every other partnership that is not a difficult one', () => {
    for (const low of ['MX', 'ZA']) for (const id of ['US', 'JP', 'CA', 'IN', 'BR', 'KR']) expect(a[id]!.maturity, `${id} > ${low}`).toBeGreaterThan(a[low]!.maturity);
  });

  it('finds the difficult partnerships, with China and Russia, the least developed', () => {
    expect(all.slice(-2).map((x) => x.id).sort()).toEqual(['CN', 'RU']);
  });

  it('ranks the mature partners above every partnership the papers call under-developed or difficult', () => {
    for (const id of ['BR', 'IN', 'KR', 'MX', 'ZA', 'CN', 'RU']) {
      expect(a.CA!.maturity, id).toBeGreaterThan(a[id]!.maturity);
    }
  });
});

describe('the explanation', () => {
  const all = assessAll(dataset, RENARD2016, weights);

  it('has the contract shape: id, orientation, maturity 0-100, three purposes with score and explanation', () => {
    for (const a of all) {
      expect(a.maturity).toBeGreaterThanOrEqual(0);
      expect(a.maturity).toBeLessThanOrEqual(100);
      for (const p of ['reflexive', 'relational', 'structural'] as const) {
        expect(a.purposes[p].score).toBeGreaterThanOrEqual(0);
        expect(a.purposes[p].score).toBeLessThanOrEqual(100);
        expect(a.purposes[p].explanation.length, `${a.id} ${p}`).toBeGreaterThan(0);
      }
    }
  });

  it('names for every item a fact, an effect and at least one source', () => {
    for (const a of all) {
      for (const e of [...a.explanation, ...a.orientationExplanation, ...Object.values(a.purposes).flatMap((p) => p.explanation)]) {
        expect(e.fact.id).toMatch(/^[a-z-]+:/);
        expect(e.fact.title.length).toBeGreaterThan(0);
        expect(typeof e.effect).toBe('number');
        expect(e.sources.length, e.fact.id).toBeGreaterThan(0);
      }
    }
  });

  it('adds up: the effects on maturity sum to the maturity score, and each dimension to its score', () => {
    for (const a of all) {
      const sum = a.explanation.reduce((s, e) => s + e.effect, 0);
      expect(Math.abs(sum - a.maturity), a.id).toBeLessThanOrEqual(1.5);
      for (const d of Object.values(a.dimensions)) {
        expect(Math.abs(d.explanation.reduce((s, e) => s + e.effect, 0) - d.score), `${a.id} ${d.title}`).toBeLessThanOrEqual(1.5);
      }
    }
  });

  it("starts with the orientation rule that gave the label, citing the paper's passage", () => {
    const us = all.find((a) => a.id === 'US')!;
    expect(us.explanation[0]!.fact.id).toBe('rule:orientation.tangible-deliverables');
    expect(us.explanation[0]!.sources.some((s) => s.ref === 'renard2016')).toBe(true);
    const cn = all.find((a) => a.id === 'CN')!;
    expect(cn.explanation[0]!.fact.id).toBe('rule:orientation.low-trust-open-channel');
  });

  it("traces the US label to the WGCC and the joint exercise, and China's to how the EU perceives it", () => {
    const us = assessPartner(dataset, 'US', RENARD2016, weights);
    const ids = us.orientationExplanation.map((e) => e.fact.id);
    expect(ids).toContain('dialogue:us-wgcc');
    expect(ids).toContain('cooperation:us-cyber-atlantic-2011');
    const cn = assessPartner(dataset, 'CN', RENARD2016, weights);
    expect(cn.orientationExplanation.map((e) => e.fact.id).some((id) => id.startsWith('perception:CN'))).toBe(true);
  });

  it('reads the facts as of the date: the EU-US cyber dialogue of March 2014 counts in June 2014 but not in 2013', () => {
    const before = assessPartner(dataset, 'US', '2013-12-31' as IsoDate, weights);
    const after = assessPartner(dataset, 'US', RENARD2014, weights);
    expect(after.metrics.cyberSpecificDialogues).toBe(before.metrics.cyberSpecificDialogues + 1);
  });

  it('scores the purposes as renard2016 s.5 describes them: the challenging partnerships serve the integrative function', () => {
    const a = byId(all);
    for (const id of ['US', 'CN', 'RU']) {
      for (const other of ['CA', 'MX', 'ZA']) expect(a[id]!.purposes.reflexive.score, `${id} vs ${other}`).toBeGreaterThan(a[other]!.purposes.reflexive.score);
    }
    expect(a.US!.purposes.structural.score).toBeGreaterThan(a.CN!.purposes.structural.score);
  });
});
