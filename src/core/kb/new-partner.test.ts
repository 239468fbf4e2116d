// Partners are data: a partner file added to the dataset (here Norway, a made-up cyber dialogue for the test) appears in
// the profile, the list, the comparison, the network, the instrument matrix and the assessment, from the date its cyber
// dialogue began; the real files of Ukraine and the United Kingdom do the same.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { comparePartners } from '../assess/compare';
import { assessAll, assessPartner } from '../assess/engine';
import { realNetworkFile, realRawDataset, realWeights } from '../assess/real-data.test-support';
import { analyseNetwork } from '../network/network';
import { buildDataset } from './dataset';
import { instrumentMatrix } from './matrix';
import { listPartners, normalisePartnerId } from './partners';
import { buildProfile } from './profile';

const weights = realWeights();
const networkFile = realNetworkFile();
const BEFORE = '2019-12-31' as IsoDate;
const AFTER = '2026-01-01' as IsoDate;

const NORWAY = {
  partner: { id: 'NO', name: 'Norway', group: 'cyber-dialogue-partner', cyberDialogueSince: '2020-05-04', isoNumeric: '578' },
  dialogues: [
    {
      id: 'no-cyber-dialogue',
      name: 'EU-Norway Cyber Dialogue (test fixture)',
      partners: ['NO'],
      thirdParties: ['eeas'],
      level: 'senior-officials',
      frequency: 'annual',
      topics: ['cyber-security'],
      cyberSpecific: true,
      established: '2020-05-04',
      status: [{ value: 'active', from: '2020-05-04', sources: [{ ref: 'https://example.org/no-dialogue', locator: 'fixture' }] }],
      sources: [{ ref: 'https://example.org/no-dialogue', locator: 'fixture' }],
    },
  ],
  positions: {
    budapestConvention: [{ value: 'ratified', from: '2006-06-30', sources: [{ ref: 'https://example.org/no-budapest', locator: 'fixture' }] }],
  },
};

function withNorway() {
  const raw = realRawDataset();
  return buildDataset({ ...raw, partnerships: [...raw.partnerships, { name: 'partnerships/no.yaml', content: structuredClone(NORWAY) }] });
}

describe('a partner added as a data file', () => {
  const dataset = withNorway();

  it('has a profile and is listed, with its group', () => {
    const profile = buildProfile(dataset, 'no', AFTER);
    expect(profile.name).toBe('Norway');
    expect(profile.dialogues.map((d) => d.id)).toEqual(['no-cyber-dialogue']);
    expect(profile.positions.budapestConvention?.value).toBe('ratified');
    expect(listPartners(dataset).find((p) => p.id === 'NO')).toMatchObject({ group: 'cyber-dialogue-partner', isoNumeric: '578' });
  });

  it('is an allowed id, and the error for an unknown one names it with the others', () => {
    expect(normalisePartnerId(' no ', dataset)).toBe('NO');
    try {
      normalisePartnerId('XX', dataset);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('unknown_partner');
      expect((e as Error).message).toMatch(/BR, CA, CN.*NO.*UA, UK/);
    }
    expect(() => normalisePartnerId('NO', buildDataset(realRawDataset()))).toThrow(/Unknown partner "NO"/);
  });

  it('is assessed and compared', () => {
    expect(assessAll(dataset, AFTER, weights).map((a) => a.id)).toContain('NO');
    expect(assessPartner(dataset, 'NO', AFTER, weights).id).toBe('NO');
    const c = comparePartners(dataset, ['NO', 'JP'], AFTER, weights);
    expect(c.partners.map((p) => p.id)).toEqual(['NO', 'JP']);
  });

  it('is in the network, tied to the EU by its dialogue, and in the instrument matrix', () => {
    const report = analyseNetwork(dataset, AFTER, weights, networkFile);
    expect(report.graph.hasNode('NO')).toBe(true);
    expect(report.graph.hasEdge(['EU', 'NO'].sort().join('--'))).toBe(true);
    expect(instrumentMatrix(dataset, AFTER).rows.map((r) => r.id)).toContain('NO');
  });

  it('is not part of the picture before its cyber dialogue began', () => {
    expect(assessAll(dataset, BEFORE, weights).map((a) => a.id)).not.toContain('NO');
    expect(analyseNetwork(dataset, BEFORE, weights, networkFile).graph.hasNode('NO')).toBe(false);
    expect(instrumentMatrix(dataset, BEFORE).rows.map((r) => r.id)).not.toContain('NO');
  });

  it('must say when its cyber dialogue began if it is not one of the ten', () => {
    const raw = realRawDataset();
    const content = structuredClone(NORWAY) as { partner: Record<string, unknown> };
    delete content.partner.cyberDialogueSince;
    try {
      buildDataset({ ...raw, partnerships: [...raw.partnerships, { name: 'partnerships/no.yaml', content }] });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('corrupt_data');
      expect((e as Error).message).toMatch(/no\.yaml.*cyberDialogueSince/);
    }
  });
});

describe('Ukraine and the United Kingdom', () => {
  const dataset = buildDataset(realRawDataset());

  // The network links a partner to the EU by what is counted; Ukraine's dialogue is of unknown status from 2026 (no verified
  // round after September 2022), so its link is read while the dialogue was still reported.
  it.each([
    ['UA', '2021-06-03', '2025-06-30'],
    ['UK', '2023-12-14', AFTER],
  ])('%s is in the profile, compare, network and assessment from its first dialogue (%s)', (id, _first, linked) => {
    expect(buildProfile(dataset, id, AFTER).dialogues.length).toBeGreaterThan(0);
    expect(assessAll(dataset, AFTER, weights).map((a) => a.id)).toContain(id);
    expect(comparePartners(dataset, [id, 'US'], AFTER, weights).partners.map((p) => p.id)).toContain(id);
    expect(analyseNetwork(dataset, linked as IsoDate, weights, networkFile).graph.hasEdge(['EU', id].sort().join('--'))).toBe(true);
    expect(assessAll(dataset, '2016-09-05' as IsoDate, weights).map((a) => a.id)).not.toContain(id);
  });
});
