// Gaps against the EU's stated objectives in force at the date: each with the objective it serves (2013 strategy, 2015 Council
// conclusions, 2020 strategy) and its source, read from the facts the partner's page shows at the same date.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { buildDataset } from '../kb/dataset';
import { checkGapRules, findGaps } from './gaps';
import { parseGapsFile } from './gaps-file';
import { buildProfile } from '../kb/profile';
import { clone, partnerContent, readYaml, realDataset, realGaps, realRawDataset } from './real-data.test-support';

const dataset = realDataset();
const rules = realGaps();
const RENARD2016 = '2016-09-05' as IsoDate;

describe('findGaps', () => {
  it('maps every rule to an objective of the 2013 strategy, the 2015 Council conclusions or the 2020 strategy', () => {
    expect(() => checkGapRules(dataset, rules)).not.toThrow();
    const strategies = new Set(rules.rules.map((r) => r.objective.split('/')[0]));
    expect([...strategies].sort()).toEqual(['cyber-diplomacy-conclusions-2015', 'cybersecurity-strategy-2013', 'cybersecurity-strategy-2020']);
  });

  it('reads the objectives of the strategies in force at the date: the 2013 strategy until the 2020 one replaced it', () => {
    const strategiesAt = (d: string) => {
      const r = findGaps(dataset, 'JP', d as IsoDate, rules);
      return new Set([...r.gaps, ...r.met].map((g) => g.objective.strategy.id));
    };
    expect([...strategiesAt('2016-09-05')].sort()).toEqual(['cyber-diplomacy-conclusions-2015', 'cybersecurity-strategy-2013']);
    expect([...strategiesAt('2021-06-30')].sort()).toEqual(['cyber-diplomacy-conclusions-2015', 'cybersecurity-strategy-2020']);
    expect([...strategiesAt('2020-12-15')]).toContain('cybersecurity-strategy-2013');
    expect([...strategiesAt('2020-12-16')]).not.toContain('cybersecurity-strategy-2013');
  });

  it("reads the facts Japan's page shows at the same date: the 6th cyber dialogue round's fora and the 2024 Security and Defence Partnership", () => {
    const ids = (d: string) => findGaps(dataset, 'JP', d as IsoDate, rules).gaps.map((g) => g.rule.id);
    // Before the round and the partnership, both are lacking; after them, neither.
    expect(ids('2024-06-30')).toEqual(expect.arrayContaining(['strategy-2020-cyber-defence']));
    const after = findGaps(dataset, 'JP', '2025-01-31' as IsoDate, rules);
    expect(after.gaps.map((g) => g.rule.id)).not.toContain('strategy-2020-cyber-defence');
    expect(after.gaps.map((g) => g.rule.id)).not.toContain('strategy-2020-norms');
    expect(after.gaps.map((g) => g.rule.id)).not.toContain('norms-and-confidence-building');
    const metBy = (rule: string) => after.met.find((m) => m.rule.id === rule)!.metBy.map((f) => f.id);
    expect(metBy('strategy-2020-cyber-defence')).toContain('document:jp-security-defence-partnership-2024');
    expect(metBy('strategy-2020-norms')).toContain('dialogue:jp-cyber-dialogue');
    // Every fact that meets a rule is one the profile of the same date shows.
    const profile = buildProfile(dataset, 'JP', '2025-01-31' as IsoDate);
    const shown = new Set([
      ...profile.dialogues.map((d) => `dialogue:${d.id}`),
      ...profile.documents.map((d) => `document:${d.id}`),
      ...profile.agreements.map((a) => `agreement:${a.id}`),
      ...profile.cooperation.map((c) => `cooperation:${c.id}`),
    ]);
    for (const m of after.met.flatMap((x) => x.metBy).filter((f) => /^(dialogue|document|agreement|cooperation):/.test(f.id))) expect(shown.has(m.id), m.id).toBe(true);
  });

  it('counts no ended cooperation: Japan whose every cooperation item ended in 2015 lacks information exchange in 2016', () => {
    expect(findGaps(dataset, 'JP', RENARD2016, rules).gaps.map((g) => g.rule.id)).not.toContain('information-exchange');
    const raw = realRawDataset();
    const jp = partnerContent(raw, 'JP') as { cooperation: { until?: number }[] };
    for (const c of jp.cooperation) c.until = 2015;
    expect(findGaps(buildDataset(raw), 'JP', RENARD2016, rules).gaps.map((g) => g.rule.id)).toContain('information-exchange');
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

  // renard2014 ("Exchange of information" and "Assessing the partnerships"): CIIP discussed between ENISA and a Japanese
  // agency; with Japan and Canada "Cooperation has mostly taken place on cyber-crime and CIIP".
  it('does not say Japan lacks cooperation on critical infrastructure in 2014; without the ENISA exchange it would', () => {
    const ciip = (d: typeof dataset) => findGaps(d, 'JP', '2014-06-30' as IsoDate, rules);
    const met = ciip(dataset).met.find((m) => m.rule.id === 'ciip-cooperation');
    expect(met?.metBy.map((f) => f.id)).toEqual(['cooperation:jp-enisa-ipa-exchange']);
    const raw = realRawDataset();
    const jp = partnerContent(raw, 'JP') as { cooperation: { id: string }[] };
    jp.cooperation = jp.cooperation.filter((c) => c.id !== 'jp-enisa-ipa-exchange');
    expect(ciip(buildDataset(raw)).gaps.map((g) => g.rule.id)).toContain('ciip-cooperation');
  });

  it('finds an ICT dialogue where internet governance can be raised with Mexico in 2014: the working group on telecommunications', () => {
    const ig = (d: typeof dataset) => findGaps(d, 'MX', '2014-06-30' as IsoDate, rules);
    expect(ig(dataset).met.find((m) => m.rule.id === 'internet-governance-dialogue')?.metBy.map((f) => f.id)).toEqual(['dialogue:mx-telecom-working-group']);
    const raw = realRawDataset();
    const mx = partnerContent(raw, 'MX') as unknown as { dialogues: { id: string; topics: string[] }[] };
    const wg = mx.dialogues.find((d) => d.id === 'mx-telecom-working-group')!;
    wg.topics = wg.topics.filter((t) => t !== 'internet-governance');
    expect(ig(buildDataset(raw)).gaps.map((g) => g.rule.id)).toContain('internet-governance-dialogue');
  });

  it('names in cooperationOn only cooperation items the partner files hold', () => {
    const ids = new Set([...dataset.partners.values()].flatMap((p) => p.file.cooperation.map((c) => c.id)));
    const named = rules.rules.flatMap((r) => r.anyOf.flatMap((q) => ('cooperationOn' in q ? q.cooperationOn.items : [])));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
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
