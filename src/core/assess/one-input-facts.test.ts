// One input changed at a time: a dialogue's level or status, an agreement, a position, a membership, a perception.
// Each check says which way the papers say the assessment should move, and that the reason shown cites them.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { buildDataset, type RawDataset } from '../kb/dataset';
import { assessPartner, type Assessment } from './engine';
import { findGaps } from './gaps';
import { partnerContent, realDataset, realGaps, realRawDataset, realWeights } from './real-data.test-support';

const RENARD2016 = '2016-09-05' as IsoDate;
const weights = realWeights();
const dataset = realDataset();
const gapsFile = realGaps();

type Content = ReturnType<typeof partnerContent>;
type Entry = Record<string, unknown> & { id?: string; value?: string; from?: string | number };
const list = (c: Content, key: string) => c[key] as Entry[];
const positions = (c: Content, key: string) => (c.positions as Record<string, Entry[]>)[key]!;
const byId = (items: Entry[], id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

const before = (id: string, asOf: IsoDate = RENARD2016) => assessPartner(dataset, id, asOf, weights);

/** The partner assessed after one edit of the reviewed data. */
function after(id: string, edit: (c: Content, raw: RawDataset) => void, asOf: IsoDate = RENARD2016): Assessment {
  const raw = realRawDataset();
  edit(partnerContent(raw, id), raw);
  return assessPartner(buildDataset(raw), id, asOf, weights);
}

function gapsAfter(id: string, edit: (c: Content) => void) {
  const raw = realRawDataset();
  edit(partnerContent(raw, id));
  return findGaps(buildDataset(raw), id, RENARD2016, gapsFile).gaps.map((g) => g.rule.id);
}
const gapsBefore = (id: string) => findGaps(dataset, id, RENARD2016, gapsFile).gaps.map((g) => g.rule.id);

/** The item of the maturity explanation a rule produced for a fact. */
const reason = (a: Assessment, rule: string, fact?: string) => a.explanation.find((e) => e.rule === rule && (fact === undefined || e.fact.id === fact));
const refs = (item: { sources: { ref: string }[] } | undefined) => (item?.sources ?? []).map((s) => s.ref);
/** Scores are shown rounded: a difference of two rounded scores is within 1 of the exact one. */
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);
const src = (locator: string) => [{ ref: 'renard2016', locator }];

describe('dialogues (renard2016 s.2-3: level, frequency, cyber-specific formats, status)', () => {
  it('raising the EU-South Africa ICT dialogue from working to ministerial level thickens the partnership', () => {
    const raised = after('ZA', (c) => (byId(list(c, 'dialogues'), 'za-ict-dialogue').level = 'ministerial'));
    expect(raised.dimensions.institutionalDensity.score).toBeGreaterThan(before('ZA').dimensions.institutionalDensity.score);
    expect(reason(raised, 'dimensions.institutionalDensity.levelPoints.ministerial', 'dialogue:za-ict-dialogue')).toBeDefined();
    expect(reason(before('ZA'), 'dimensions.institutionalDensity.levelPoints.working', 'dialogue:za-ict-dialogue')).toBeDefined();
  });

  it('a dialogue dedicated to cyber serves the positional function more than a general one (renard2016 s.2, s.5)', () => {
    const dedicated = after('ZA', (c) => (byId(list(c, 'dialogues'), 'za-ict-dialogue').cyberSpecific = true));
    expect(before('ZA').metrics.cyberSpecificDialogues).toBe(0);
    expect(dedicated.metrics.cyberSpecificDialogues).toBe(1);
    expect(dedicated.purposes.reflexive.score).toBeGreaterThan(before('ZA').purposes.reflexive.score);
    expect(dedicated.dimensions.institutionalDensity.score).toBeGreaterThan(before('ZA').dimensions.institutionalDensity.score);
  });

  it('a suspended dialogue meets no more: the EU-US cyber dialogue suspended in 2015 leaves the US one dedicated dialogue (the WGCC)', () => {
    const suspended = after('US', (c) => {
      const d = byId(list(c, 'dialogues'), 'us-cyber-dialogue');
      (d.status as Entry[]).splice(1, 0, { value: 'suspended', from: 2015, sources: src('hypothetical, for the test') });
    });
    expect(before('US').metrics.cyberSpecificDialogues).toBe(2);
    expect(suspended.metrics.cyberSpecificDialogues).toBe(1);
    // The US density stays at the top of the scale (its other dialogues exceed the cap): the dialogue's own item goes.
    expect(reason(suspended, 'dimensions.institutionalDensity.levelPoints.senior-officials', 'dialogue:us-cyber-dialogue')).toBeUndefined();
  });

  it('a dialogue only planned does not count yet: Korea\u2019s cyber consultations as planned leave it without a dedicated dialogue', () => {
    const planned = after('KR', (c) => {
      const d = byId(list(c, 'dialogues'), 'kr-cyber-policy-consultation');
      for (const s of d.status as Entry[]) s.value = 'planned';
    });
    expect(before('KR').metrics.cyberSpecificDialogues).toBe(1);
    expect(planned.metrics.cyberSpecificDialogues).toBe(0);
    expect(planned.maturity).toBeLessThan(before('KR').maturity);
  });

  it('with no cyber dialogue left, China is no longer read as process-oriented: the open channel is what makes it so (renard2016 s.5)', () => {
    const closed = after('CN', (c) => {
      for (const d of list(c, 'dialogues')) (d.status as Entry[]).push({ value: 'suspended', from: '2016-09-01', sources: src('hypothetical, for the test') });
    });
    expect(before('CN').orientation).toBe('process-oriented');
    expect(closed.metrics.cyberDialogues).toBe(0);
    expect(closed.orientation).not.toBe('process-oriented');
    expect(closed.orientationExplanation.find((e) => e.fact.id === 'rule:orientation.low-trust-open-channel')?.note).toContain('cyberDialogues 0 < 1');
  });
});

describe('agreements (renard2014 and renard2016 s.4: MLA, extradition, Europol, Eurojust)', () => {
  it('without its MLA agreement Japan loses legal framework and maturity, and lacks legal assistance (renard2014, Appendix, EU-Japan)', () => {
    const without = after('JP', (c) => (c.agreements = list(c, 'agreements').filter((a) => a.id !== 'jp-mla-2009')));
    expect(without.dimensions.legalFramework.score).toBeLessThan(before('JP').dimensions.legalFramework.score);
    expect(without.maturity).toBeLessThan(before('JP').maturity);
    expect(gapsBefore('JP')).not.toContain('cybercrime-legal-assistance');
    expect(gapsAfter('JP', (c) => (c.agreements = list(c, 'agreements').filter((a) => a.id !== 'jp-mla-2009')))).toContain('cybercrime-legal-assistance');
    const item = reason(before('JP'), 'dimensions.legalFramework.typePoints.mla', 'agreement:jp-mla-2009');
    expect(refs(item)).toContain('renard2014');
  });

  it('an operational Europol agreement with Russia, in force instead of on hold, adds its full weight and closes the gap', () => {
    const inForce = after('RU', (c) => {
      const a = byId(list(c, 'agreements'), 'ru-europol-operational');
      (a.status as Entry[]).push({ value: 'in-force', from: 2016, sources: src('hypothetical, for the test') });
    });
    const w = weights.dimensions.legalFramework;
    const gained = (w.typePoints['europol-operational'] * (w.statusFactor['in-force'] - w.statusFactor['on-hold']) * 100) / w.cap;
    near(inForce.dimensions.legalFramework.score - before('RU').dimensions.legalFramework.score, gained);
    expect(gapsBefore('RU')).toContain('cybercrime-operational-agreement');
    expect(gapsAfter('RU', (c) => (byId(list(c, 'agreements'), 'ru-europol-operational').status as Entry[]).push({ value: 'in-force', from: 2016, sources: src('x') }))).not.toContain('cybercrime-operational-agreement');
  });

  it('a strategic Europol agreement shares no sensitive data: the US with only a strategic one weighs less (renard2014)', () => {
    const strategic = after('US', (c) => (byId(list(c, 'agreements'), 'us-europol-operational-2002').type = 'europol-strategic'));
    expect(strategic.dimensions.legalFramework.score).toBeLessThanOrEqual(before('US').dimensions.legalFramework.score);
    expect(reason(strategic, 'dimensions.legalFramework.typePoints.europol-operational')).toBeUndefined();
  });

  it('a Eurojust agreement signed with China counts at the signed factor, less than one in force', () => {
    const add = (status: string) => (c: Content) =>
      list(c, 'agreements').push({ id: 'cn-eurojust-test', partner: 'CN', type: 'eurojust', title: 'Hypothetical Eurojust agreement', status: [{ value: status, from: 2015, sources: src('hypothetical') }], sources: src('hypothetical') });
    const signed = after('CN', add('signed'));
    const inForce = after('CN', add('in-force'));
    const base = before('CN').dimensions.legalFramework.score;
    expect(signed.dimensions.legalFramework.score).toBeGreaterThan(base);
    expect(inForce.dimensions.legalFramework.score).toBeGreaterThan(signed.dimensions.legalFramework.score);
  });

  it('an agreement status recorded only as unverified is not scored, and is shown apart', () => {
    const unverified = after('CN', (c) =>
      list(c, 'agreements').push({
        id: 'cn-mla-test',
        partner: 'CN',
        type: 'mla',
        title: 'Hypothetical MLA agreement',
        status: [{ value: 'in-force', from: 2015, unverified: true, sources: src('hypothetical') }],
        sources: src('hypothetical'),
      }),
    );
    expect(unverified.dimensions.legalFramework.score).toBe(before('CN').dimensions.legalFramework.score);
    expect(unverified.unverified.map((u) => u.fact.id).join(' ')).toContain('cn-mla-test');
  });

  it('an unverified entry that repeats the verified status is not listed apart; one that changes it is', () => {
    const ua = (asOf: string, a?: Assessment) => (a ?? assessPartner(dataset, 'UA', asOf as IsoDate, weights)).unverified.map((u) => u.fact.id);
    // Ukraine's dialogue is active on the verified round of 2022; the unverified rounds of 2024 and 2025 repeat it.
    expect(ua('2025-06-30').filter((id) => id.startsWith('dialogue:ua-cyber-dialogue'))).toEqual([]);
    const raw = realRawDataset();
    const d = (partnerContent(raw, 'UA').dialogues as { id: string; status: { value: string; unverified?: boolean }[] }[]).find((x) => x.id === 'ua-cyber-dialogue')!;
    for (const e of d.status) if (e.unverified) e.value = 'suspended';
    const changed = assessPartner(buildDataset(raw), 'UA', '2025-06-30' as IsoDate, weights);
    expect(ua('', changed).filter((id) => id.startsWith('dialogue:ua-cyber-dialogue'))).toHaveLength(1);
  });
});

describe('positions (renard2014 "Strengthening multilateral instruments", "Shaping internet governance")', () => {
  it('India ratifying the Budapest Convention would align it and serve the structural purpose', () => {
    const ratified = after('IN', (c) => positions(c, 'budapestConvention').push({ value: 'ratified', from: 2015, sources: src('hypothetical') }));
    const w = weights.dimensions.alignment;
    near(ratified.dimensions.alignment.score - before('IN').dimensions.alignment.score, w.budapest.ratified - w.budapest['not-signed'] - w.budapestStance['uses-as-model']);
    expect(ratified.purposes.structural.score).toBeGreaterThan(before('IN').purposes.structural.score);
    expect(reason(ratified, 'dimensions.alignment.budapest.ratified')).toBeDefined();
    expect(gapsBefore('IN')).toContain('budapest-party');
    expect(gapsAfter('IN', (c) => positions(c, 'budapestConvention').push({ value: 'ratified', from: 2015, sources: src('x') }))).not.toContain('budapest-party');
  });

  it('opposing the convention costs alignment (renard2014: China and Russia oppose it): India opposed instead of using it as a model', () => {
    const item = reason(before('CN'), 'dimensions.alignment.budapestStance.opposed');
    expect(refs(item)).toEqual(expect.arrayContaining(['renard2014', 'renard2016']));
    const opposed = after('IN', (c) => {
      for (const e of positions(c, 'budapestConvention')) if (e.stance) e.stance = 'opposed';
    });
    const w = weights.dimensions.alignment.budapestStance;
    near(opposed.dimensions.alignment.score - before('IN').dimensions.alignment.score, w.opposed - w['uses-as-model']);
    expect(reason(opposed, 'dimensions.alignment.budapestStance.opposed')).toBeDefined();
  });

  it('a swing state turning multi-stakeholder (India) moves alignment by the camp and the internet-governance signal', () => {
    const turned = after('IN', (c) => (positions(c, 'internetGovernance')[0]!.value = 'multi-stakeholder'));
    const w = weights.dimensions.alignment.internetGovernance;
    near(turned.dimensions.alignment.score - before('IN').dimensions.alignment.score, w['multi-stakeholder'] - w.swing);
    expect(reason(turned, 'dimensions.alignment.internetGovernance.multi-stakeholder')).toBeDefined();
    expect(turned.purposes.structural.score).not.toBe(before('IN').purposes.structural.score);
  });

  it('South Africa refusing the WCIT-12 final acts instead of signing would raise its alignment', () => {
    const refused = after('ZA', (c) => (positions(c, 'wcit2012')[0]!.value = 'refused'));
    const w = weights.dimensions.alignment.wcit2012;
    near(refused.dimensions.alignment.score - before('ZA').dimensions.alignment.score, w.refused - w.signed);
  });

  it('an unverified Budapest entry is shown apart and not scored; once verified, it scores', () => {
    const unverified = after('IN', (c) => positions(c, 'budapestConvention').push({ value: 'ratified', from: 2015, unverified: true, sources: src('hypothetical') }));
    expect(unverified.dimensions.alignment.score).toBe(before('IN').dimensions.alignment.score);
    expect(unverified.unverified.some((u) => u.fact.id.startsWith('position:IN-budapest-convention'))).toBe(true);
  });
});

describe('trust and memberships (renard2014 "Assessing the partnerships"; renard2016 s.5)', () => {
  it('Russia seen as a challenge rather than a threat gains trust and serves the integrative function less', () => {
    const challenge = after('RU', (c) => {
      for (const p of list(c, 'perception')) p.value = 'challenge';
    });
    const w = weights.dimensions.trust.perception;
    near(challenge.dimensions.trust.score - before('RU').dimensions.trust.score, w.challenge - w.threat);
    expect(challenge.purposes.reflexive.score).toBeLessThan(before('RU').purposes.reflexive.score);
  });

  it('a surveillance tension with Japan erodes trust and feeds the integrative function (renard2016 s.5)', () => {
    const tension = after('JP', (c) => {
      c.tensions = [{ id: 'jp-test-surveillance', title: 'Hypothetical surveillance revelations', from: 2015, sources: src('hypothetical') }];
    });
    const w = { ...weights };
    w.readings = { ...weights.readings, tensions: { ...weights.readings.tensions, 'jp-test-surveillance': { kind: 'surveillance', reason: 'test', sources: src('hypothetical') } } };
    const raw = realRawDataset();
    partnerContent(raw, 'JP').tensions = [{ id: 'jp-test-surveillance', title: 'Hypothetical surveillance revelations', from: 2015, sources: src('hypothetical') }];
    const read = assessPartner(buildDataset(raw), 'JP', RENARD2016, w);
    expect(read.dimensions.trust.score).toBeLessThan(before('JP').dimensions.trust.score);
    expect(read.purposes.reflexive.score).toBeGreaterThan(before('JP').purposes.reflexive.score);
    // Unread, a tension is political friction: it still costs trust but does not feed the integrative function.
    expect(tension.dimensions.trust.score).toBeLessThan(before('JP').dimensions.trust.score);
    expect(tension.purposes.reflexive.score).toBe(before('JP').purposes.reflexive.score);
  });

  it('a sourced absence never scores: Brazil recorded as not in the Freedom Online Coalition gets nothing for it', () => {
    const asMember = after('BR', (c) => {
      const m = list(c, 'memberships').find((e) => e.id === 'freedom-online-coalition')!;
      delete m.status;
    }, '2015-06-30' as IsoDate);
    expect(reason(before('BR', '2015-06-30' as IsoDate), 'dimensions.alignment.memberships.freedom-online-coalition')).toBeUndefined();
    expect(reason(asMember, 'dimensions.alignment.memberships.freedom-online-coalition')).toBeDefined();
  });

  it('an unverified membership is shown apart and not scored', () => {
    const unverified = after('KR', (c) => {
      const m = list(c, 'memberships').find((e) => e.id === 'global-alliance-csao')!;
      m.unverified = true;
    });
    expect(reason(before('KR'), 'dimensions.alignment.memberships.global-alliance-csao')).toBeDefined();
    expect(reason(unverified, 'dimensions.alignment.memberships.global-alliance-csao')).toBeUndefined();
    expect(unverified.dimensions.alignment.score).toBeLessThan(before('KR').dimensions.alignment.score);
    expect(unverified.unverified.some((u) => u.fact.id.includes('global-alliance-csao'))).toBe(true);
  });
});
