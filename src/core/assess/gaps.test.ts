// Gaps against the EU's stated objectives: each with the objective it serves (2013 strategy, 2015 Council conclusions) and its source.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { buildDataset } from '../kb/dataset';
import { checkGapRules, findGaps } from './gaps';
import { parseGapsFile } from './gaps-file';
import { clone, readYaml, realDataset, realGaps, realRawDataset } from './real-data.test-support';

const dataset = realDataset();
const rules = realGaps();
const RENARD2016 = '2016-09-05' as IsoDate;

describe('findGaps', () => {
  it('maps every rule to an objective of the 2013 strategy or the 2015 Council conclusions', () => {
    expect(() => checkGapRules(dataset, rules)).not.toThrow();
    const strategies = new Set(rules.rules.map((r) => r.objective.split('/')[0]));
    expect([...strategies].sort()).toEqual(['cyber-diplomacy-conclusions-2015', 'cybersecurity-strategy-2013']);
  });

  it('gives each gap its objective, its strategy and sources', () => {
    const report = findGaps(dataset, 'ZA', RENARD2016, rules);
    expect(report.gaps.length).toBeGreaterThan(0);
    for (const g of report.gaps) {
      expect(g.objective.title.length).toBeGreaterThan(0);
      expect(g.objective.strategy.id).toMatch(/2013|2015/);
      expect(g.objective.sources.length).toBeGreaterThan(0);
      expect(g.rule.sources.length).toBeGreaterThan(0);
      expect(g.metBy).toEqual([]);
    }
  });

  it('finds what the papers say each partnership lacks', () => {
    const ids = (id: string) => findGaps(dataset, id, RENARD2016, rules).gaps.map((g) => g.rule.id);
    // Russia and China oppose the Budapest Convention and the multi-stakeholder model.
    for (const id of ['CN', 'RU']) expect(ids(id)).toEqual(expect.arrayContaining(['budapest-party', 'multi-stakeholder-model']));
    // Only the US and Japan have an MLA agreement with the EU.
    expect(ids('US')).not.toContain('cybercrime-legal-assistance');
    expect(ids('JP')).not.toContain('cybercrime-legal-assistance');
    expect(ids('IN')).toContain('cybercrime-legal-assistance');
    // South Africa: no cooperation in place and no dedicated cyber dialogue.
    expect(ids('ZA')).toEqual(expect.arrayContaining(['dedicated-cyber-dialogue', 'information-exchange']));
  });

  it('says which facts meet an objective', () => {
    const us = findGaps(dataset, 'US', RENARD2016, rules);
    const mla = us.met.find((m) => m.rule.id === 'cybercrime-legal-assistance')!;
    expect(mla.metBy.map((f) => f.id)).toContain('agreement:us-mla-2003');
  });

  it('leaves the partner fewer gaps as the partnership grows: the US in 2016 lacks less than the US in 2010', () => {
    const at = (d: string) => findGaps(dataset, 'US', d as IsoDate, rules);
    expect(at('2016-09-05').gaps.length).toBeLessThanOrEqual(at('2013-12-31').gaps.length);
    // Before the 2013 strategy and the 2015 conclusions were adopted, none of their objectives can be lacking.
    expect(at('2012-12-31').gaps).toEqual([]);
  });

  it('moves when a fact changes: a dedicated cyber dialogue with South Africa closes two gaps', () => {
    const raw = realRawDataset();
    const za = raw.partnerships.find((f) => (f.content as { partner: { id: string } }).partner.id === 'ZA')!.content as { dialogues?: unknown[] };
    za.dialogues = [
      ...(za.dialogues ?? []),
      { id: 'za-test-cyber', name: 'Hypothetical EU-South Africa cyber dialogue', partners: ['ZA'], level: 'senior-officials', frequency: 'annual', topics: ['cyber-security'], cyberSpecific: true, status: [{ value: 'active', from: 2015, sources: [{ ref: 'renard2016', locator: 'hypothetical' }] }], sources: [{ ref: 'renard2016', locator: 'hypothetical' }] },
    ];
    const after = findGaps(buildDataset(raw), 'ZA', RENARD2016, rules).gaps.map((g) => g.rule.id);
    expect(after).not.toContain('dedicated-cyber-dialogue');
    expect(after).not.toContain('strategic-engagement');
  });

  it('refuses a rule that names an objective the framework does not have', () => {
    const broken = clone(readYaml('assessment/gaps.yaml')) as { rules: { objective: string }[] };
    broken.rules[0]!.objective = 'cybersecurity-strategy-2013/no-such-objective';
    try {
      checkGapRules(dataset, parseGapsFile(broken, 'gaps.yaml'));
      throw new Error('expected corrupt_data');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('corrupt_data');
      expect((error as Error).message).toContain('no-such-objective');
    }
  });
});
