// One input changed at a time: the as-of date just before and just after a dated fact, and one weight of the reviewed
// file. The assessment moves only with the fact or the weight, in the direction the papers give.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { buildDataset } from '../kb/dataset';
import { comparePartners } from './compare';
import { assessPartner, type Assessment } from './engine';
import { findGaps } from './gaps';
import { clone, partnerContent, realDataset, realGaps, realRawDataset, realWeights } from './real-data.test-support';
import { parseWeights, type Weights } from './weights';

const RENARD2016 = '2016-09-05' as IsoDate;
const weights = realWeights();
const dataset = realDataset();
const at = (id: string, asOf: string, w: Weights = weights) => assessPartner(dataset, id, asOf as IsoDate, w);
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);
const item = (a: Assessment, factPrefix: string) => a.explanation.find((e) => e.fact.id.startsWith(factPrefix));

function changed(edit: (w: Weights) => void): Weights {
  const w = clone(weights);
  edit(w);
  return parseWeights(w, 'test');
}

describe('the as-of date before and after a fact', () => {
  it('Russia’s cooperation and Europol agreement stop counting when Europol and the EU suspend them (March 2022)', () => {
    const before = at('RU', '2022-02-28');
    const after = at('RU', '2022-03-01');
    expect(item(before, 'cooperation:ru-ec3-operational-cooperation')?.effect).toBeGreaterThan(0);
    expect(item(after, 'cooperation:ru-ec3-operational-cooperation')).toBeUndefined();
    expect(before.dimensions.cooperation.score).toBeGreaterThan(0);
    expect(after.dimensions.cooperation.score).toBe(0);
    expect(item(before, 'agreement:ru-europol-strategic-2003')?.effect).toBeGreaterThan(0);
    expect(item(after, 'agreement:ru-europol-strategic-2003')?.effect ?? 0).toBe(0);
    // Without the ends the sources give, the same items would still count in 2023.
    const raw = realRawDataset();
    const ru = partnerContent(raw, 'RU');
    for (const c of ru.cooperation as { until?: unknown }[]) if (c.until === '2022-03') delete c.until;
    const unended = assessPartner(buildDataset(raw), 'RU', '2023-12-31' as IsoDate, weights);
    expect(unended.dimensions.cooperation.score).toBeGreaterThan(0);
    expect(at('RU', '2023-12-31').dimensions.cooperation.score).toBe(0);
  });

  it('Japan\u2019s MLA agreement counts at the signed factor in 2010 and in full once in force (2 January 2011)', () => {
    const lf = weights.dimensions.legalFramework;
    const signed = item(at('JP', '2010-12-31'), 'agreement:jp-mla-2009');
    const inForce = item(at('JP', '2011-01-02'), 'agreement:jp-mla-2009');
    expect(signed?.rule).toBe('dimensions.legalFramework.typePoints.mla');
    expect(inForce!.effect / signed!.effect).toBeCloseTo(lf.statusFactor['in-force'] / lf.statusFactor.signed, 1);
    expect(item(at('JP', '2009-12-14'), 'agreement:jp-mla-2009')).toBeUndefined();
  });

  it('Canada\u2019s Budapest ratification (8 July 2015, renard2016) moves alignment and the structural purpose on that day', () => {
    const b = at('CA', '2015-07-07');
    const a = at('CA', '2015-07-08');
    // Canada's alignment is at the top of the scale either way; the multilateral signal shows the step.
    const w = weights.signals.multilateral;
    const step = ((w.budapest.ratified - w.budapest.signed) * 100) / w.cap;
    expect(b.explanation.some((e) => e.rule === 'dimensions.alignment.budapest.signed')).toBe(true);
    near(a.purposes.structural.score - b.purposes.structural.score, step * weights.purposes.structural.components.find((c) => c.signal === 'multilateral')!.weight);
    expect(a.explanation.find((e) => e.rule === 'dimensions.alignment.budapest.ratified')?.sources.map((s) => s.ref)).toContain('renard2016');
  });

  it('Brazil, invited in 2019, is a party from its deposit of 30 November 2022 (research note 2.1)', () => {
    const b = at('BR', '2022-11-29');
    const a = at('BR', '2022-11-30');
    expect(b.explanation.some((e) => e.rule === 'dimensions.alignment.budapestStance.invited-to-accede')).toBe(true);
    expect(a.explanation.some((e) => e.rule === 'dimensions.alignment.budapest.ratified')).toBe(true);
    expect(a.dimensions.alignment.score).toBeGreaterThan(b.dimensions.alignment.score);
  });

  it('South Africa, a signatory, loses the signature\u2019s step once its government says it does not intend to ratify (21 September 2020)', () => {
    const b = at('ZA', '2020-09-20');
    const a = at('ZA', '2020-09-21');
    const rule = 'dimensions.alignment.budapestStance.not-intending-to-ratify';
    expect(b.explanation.some((e) => e.rule === rule)).toBe(false);
    const stance = a.explanation.find((e) => e.rule === rule);
    expect(stance?.sources.map((s) => s.ref)).toEqual(['https://pmg.org.za/committee-question/14693/']);
    // Still a signatory: the signature counts as before, and the stance takes its points back.
    expect(a.explanation.some((e) => e.rule === 'dimensions.alignment.budapest.signed')).toBe(true);
    const w = weights.dimensions.alignment;
    near(a.dimensions.alignment.score - b.dimensions.alignment.score, (w.budapestStance['not-intending-to-ratify'] * 100) / w.cap);
    expect(a.maturity).toBeLessThan(b.maturity);
  });

  it('Korea joins the Global Alliance at its launch on 5 December 2012, not before', () => {
    const b = at('KR', '2012-12-04');
    const a = at('KR', '2012-12-05');
    near(a.dimensions.alignment.score - b.dimensions.alignment.score, weights.dimensions.alignment.memberships['global-alliance-csao']!);
    expect(a.purposes.structural.score).toBeGreaterThan(b.purposes.structural.score);
  });

  it('the US supports the Paris Call from 10 November 2021, not from its launch in 2018 (research note 2.5)', () => {
    const rule = 'dimensions.alignment.memberships.paris-call';
    expect(at('US', '2021-11-09').explanation.some((e) => e.rule === rule)).toBe(false);
    expect(at('US', '2021-11-10').explanation.some((e) => e.rule === rule)).toBe(true);
  });

  it('the 2011 EU-US exercise stays in the record five years after its last report (renard2016 s.4, 2016), then drops', () => {
    const kept = at('US', '2020-12-31');
    const dropped = at('US', '2021-01-01');
    expect(item(kept, 'cooperation:us-cyber-atlantic-2011')).toBeDefined();
    expect(item(dropped, 'cooperation:us-cyber-atlantic-2011')).toBeUndefined();
    expect(dropped.dimensions.cooperation.score).toBeLessThan(kept.dimensions.cooperation.score);
  });

  // renard2014 and renard2016 s.4: "In 2012, the two partners co-organised a major Internet Security Forum" - one forum,
  // held once, not a standing cooperation that still counts a decade later.
  it('the 2012 EU-Japan Internet Security Forum, last cited in 2016, stays in the record five years, then drops', () => {
    const kept = at('JP', '2020-12-31');
    const dropped = at('JP', '2021-01-01');
    expect(item(at('JP', RENARD2016), 'cooperation:jp-internet-security-forum-2012')).toBeDefined();
    expect(item(kept, 'cooperation:jp-internet-security-forum-2012')).toBeDefined();
    expect(item(dropped, 'cooperation:jp-internet-security-forum-2012')).toBeUndefined();
    expect(dropped.dimensions.cooperation.score).toBeLessThan(kept.dimensions.cooperation.score);
  });

  // renard2016 s.5 (September 2016): the transatlantic partnership aims for tangible deliverables. Nothing reported
  // between then and the year's end undoes it; the label turned only because the exercise's window closed.
  it('keeps the EU-US partnership results-oriented at the end of 2016, as renard2016 left it', () => {
    expect(at('US', '2016-09-05').orientation).toBe('results-oriented');
    expect(at('US', '2016-12-31').orientation).toBe('results-oriented');
  });

  it('the WGCC counts while sources report it and for nothing once its status is unknown (2020)', () => {
    expect(item(at('US', '2019-12-31'), 'dialogue:us-wgcc')).toBeDefined();
    expect(item(at('US', '2020-01-01'), 'dialogue:us-wgcc')).toBeUndefined();
  });

  it('Korea\u2019s cyber consultations (2014) give it a dedicated dialogue from 2014, none in 2013', () => {
    expect(at('KR', '2013-12-31').metrics.cyberSpecificDialogues).toBe(0);
    expect(at('KR', '2014-12-31').metrics.cyberSpecificDialogues).toBe(1);
  });
});

describe('gaps either side of a date', () => {
  const gaps = (id: string, asOf: string) => findGaps(dataset, id, asOf as IsoDate, realGaps()).gaps.map((g) => g.rule.id);

  it('Brazil stops lacking a Budapest party on its deposit of 30 November 2022, under the 2020 strategy\u2019s objective', () => {
    expect(gaps('BR', '2022-11-29')).toContain('strategy-2020-budapest');
    expect(gaps('BR', '2022-11-30')).not.toContain('strategy-2020-budapest');
  });

  it('no gap before the 2013 strategy set objectives for partnerships (7 February 2013); South Africa\u2019s appear on that day', () => {
    expect(gaps('ZA', '2013-02-06')).toEqual([]);
    expect(gaps('ZA', '2013-02-07')).toEqual(expect.arrayContaining(['budapest-party', 'cybercrime-legal-assistance', 'dedicated-cyber-dialogue']));
    expect(gaps('ZA', '2013-02-07').some((id) => id === 'strategic-engagement')).toBe(false);
    expect(gaps('ZA', '2015-02-11')).toContain('strategic-engagement');
  });

  it('the 2013 strategy\u2019s objectives give way to the 2020 strategy\u2019s on its adoption (16 December 2020)', () => {
    expect(gaps('IN', '2020-12-15')).toContain('budapest-party');
    expect(gaps('IN', '2020-12-15')).not.toContain('strategy-2020-budapest');
    expect(gaps('IN', '2020-12-16')).toContain('strategy-2020-budapest');
    expect(gaps('IN', '2020-12-16')).not.toContain('budapest-party');
  });
});

describe('one weight of the reviewed file', () => {
  it('Budapest ratification worth nothing to the multilateral signal costs Japan its weight and leaves India (not a party) unchanged', () => {
    const w = changed((x) => (x.signals.multilateral.budapest.ratified = 0));
    const m = weights.signals.multilateral;
    const share = weights.purposes.structural.components.find((c) => c.signal === 'multilateral')!.weight;
    near(at('JP', RENARD2016).purposes.structural.score - at('JP', RENARD2016, w).purposes.structural.score, ((m.budapest.ratified * 100) / m.cap) * share);
    expect(at('IN', RENARD2016, w).purposes.structural.score).toBe(at('IN', RENARD2016).purposes.structural.score);
  });

  it('weighing trust more moves every partner\u2019s maturity towards its trust score (Russia down, trusted partners up)', () => {
    const w = changed((x) => {
      x.maturity.weights.trust = 0.5;
      x.maturity.weights.institutionalDensity = 0.15;
      x.maturity.weights.cooperation = 0.15;
      x.maturity.weights.legalFramework = 0.1;
      x.maturity.weights.alignment = 0.1;
    });
    let moved = 0;
    for (const id of ['BR', 'CA', 'CN', 'IN', 'JP', 'KR', 'MX', 'RU', 'US', 'ZA']) {
      const now = at(id, RENARD2016);
      const toward = now.dimensions.trust.score - now.maturity;
      if (Math.abs(toward) < 5) continue;
      expect(Math.sign(at(id, RENARD2016, w).maturity - now.maturity), id).toBe(Math.sign(toward));
      moved++;
    }
    expect(moved).toBeGreaterThan(5);
  });

  it('the structural purpose without the internet-governance signal is the multilateral signal alone', () => {
    const w = changed((x) => {
      x.purposes.structural.components = [{ signal: 'multilateral', weight: 1, note: 'test' }];
    });
    const a = at('IN', RENARD2016, w);
    expect(a.purposes.structural.explanation.every((e) => e.rule.startsWith('signals.multilateral'))).toBe(true);
    expect(a.purposes.structural.score).not.toBe(at('IN', RENARD2016).purposes.structural.score);
  });

  it('a lower trust threshold for the open-channel rule leaves Russia process-oriented only while its trust is below it', () => {
    const trustRU = at('RU', RENARD2016).metrics.trust;
    const below = changed((x) => (x.orientation.rules[0]!.when[0]!.below = trustRU));
    const above = changed((x) => (x.orientation.rules[0]!.when[0]!.below = trustRU + 1));
    expect(at('RU', RENARD2016, below).orientation).not.toBe('process-oriented');
    expect(at('RU', RENARD2016, above).orientation).toBe('process-oriented');
  });
});

describe('comparison', () => {
  it('changing India\u2019s Budapest status moves India\u2019s column of the comparison and not Brazil\u2019s', () => {
    const raw = realRawDataset();
    const pos = partnerContent(raw, 'IN').positions as Record<string, unknown[]>;
    pos.budapestConvention!.push({ value: 'ratified', from: 2015, sources: [{ ref: 'renard2016', locator: 'hypothetical' }] });
    const row = (c: ReturnType<typeof comparePartners>) => c.rows.find((r) => r.key === 'dimension:alignment')!;
    const b = comparePartners(dataset, ['IN', 'BR'], RENARD2016, weights);
    const a = comparePartners(buildDataset(raw), ['IN', 'BR'], RENARD2016, weights);
    expect(row(a).values['IN']).not.toEqual(row(b).values['IN']);
    expect(row(a).values['BR']).toEqual(row(b).values['BR']);
  });
});
