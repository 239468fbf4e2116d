// The reviewed precedents' detection and disclosure: a precedent is known to a plan from the day it was made public, and
// an attribution the sources date only to a month cannot be counted before the incident was disclosed (not merely
// after its start). Seeded into the registry, a precedent's summary names it in words, not by its data key.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { incidentVocabulary, loadToolbox } from './load';
import { validateIncidentInput } from './incident';
import { incidentFromPrecedent } from './precedent-incidents';
import { candidateFromIncident, candidateFromPrecedent, rankPrecedents, type Precedent } from './precedents';
import { planResponse } from './rules';
import { bareContext } from './situation';
import { incident, MINISTRY_INTRUSION, parsedFiles, toolbox, variantOf } from './toolbox.fixture';

const precedent = (id: string): Precedent => {
  const p = toolbox.precedents.precedents.find((x) => x.id === id);
  if (!p) throw new Error(`no precedent ${id}`);
  return p;
};
const registryIncident = (p: Precedent) => validateIncidentInput(incidentFromPrecedent(p), incidentVocabulary(toolbox));
const planOn = (p: Precedent, asOf: string) => planResponse(registryIncident(p), toolbox.measures, toolbox.rules, toolbox.severity, bareContext(asOf as IsoDate));

describe('a precedent is known from its disclosure, not its start', () => {
  // An intrusion by a Chinese state-sponsored group into an IT service provider: Operation Cloud Hopper is its nearest
  // precedent, but it began in 2014 and was made public only in April 2017 (PwC and BAE Systems).
  const like = incident(variantOf(MINISTRY_INTRUSION, { initiator: { type: 'state-sponsored', country: 'CN' }, victims: [{ country: 'SE', sector: 'ict-service-management' }], effects: { severity: 'high', dataStolen: true } }));
  const reviewed = toolbox.precedents.precedents.map(candidateFromPrecedent);

  it('leaves out Operation Cloud Hopper from a plan of 2016 and ranks it first once disclosed', () => {
    expect(precedent('cloud-hopper')).toMatchObject({ start: '2014', disclosed: '2017-04' });
    expect(rankPrecedents(like, reviewed, { asOf: '2016-06-01' }).map((p) => p.id)).not.toContain('cloud-hopper');
    expect(rankPrecedents(like, reviewed, { asOf: '2017-03-31' }).map((p) => p.id)).not.toContain('cloud-hopper');
    expect(rankPrecedents(like, reviewed, { asOf: '2017-04-10' })[0]?.id).toBe('cloud-hopper');
    // The same precedent with no disclosure recorded is known from its start, as before.
    const undisclosed = candidateFromPrecedent({ ...precedent('cloud-hopper'), disclosed: undefined, detected: undefined });
    expect(rankPrecedents(like, [undisclosed], { asOf: '2016-06-01' })[0]?.id).toBe('cloud-hopper');
  });

  it('reads a registry incident\'s own disclosure, or its detection without one', () => {
    const recorded = (dates: Record<string, string>) => candidateFromIncident('inc-x', incident(variantOf(MINISTRY_INTRUSION, { start: '2024-01-10', ...dates, attribution: [] })));
    const on = (dates: Record<string, string>, asOf: string) => rankPrecedents(like, [recorded(dates)], { asOf }).length;
    expect(on({}, '2024-02-01')).toBe(1);
    expect(on({ disclosed: '2024-03-01' }, '2024-02-01')).toBe(0);
    expect(on({ disclosed: '2024-03-01' }, '2024-03-01')).toBe(1);
    expect(on({ detected: '2024-02-15' }, '2024-02-01')).toBe(0);
    expect(on({ detected: '2024-02-15' }, '2024-02-15')).toBe(1);
  });
});

describe('a seeded precedent carries its detection and disclosure, which bound an attribution dated only to a month', () => {
  // Estonia's attribution of the 2020 intrusions is dated January 2025 only; in the registry it is undated.
  const estonia = precedent('estonia-ministries-2020');

  it('does not count Estonia\'s attribution in a plan of 2022, and counts it from the disclosure of January 2025', () => {
    const record = registryIncident(estonia);
    expect(record).toMatchObject({ start: '2020-01-01', disclosed: '2025-01-01' });
    expect(record.attribution[0]?.date).toBeUndefined();
    const early = planOn(estonia, '2022-06-01');
    expect(early.notCounted.join(' ')).toContain("cannot have been made before the incident's disclosure (2025-01-01)");
    expect(early.measures.find((m) => m.id === 'restrictive-measures')?.attribution.met).toBe(false);
    const late = planOn(estonia, '2025-02-01');
    expect(late.notCounted).toEqual([]);
    expect(late.measures.find((m) => m.id === 'restrictive-measures')?.attribution.met).toBe(true);
    // Without the disclosure the same attribution would be counted from the start (2020-01-01).
    const bare = planOn({ ...estonia, disclosed: undefined }, '2022-06-01');
    expect(bare.notCounted.filter((x) => x.startsWith('attribution'))).toEqual([]);
    expect(bare.measures.find((m) => m.id === 'restrictive-measures')?.attribution.met).toBe(true);
  });

  it('records the days the sources give and says in the summary which are a period\'s first day', () => {
    expect(registryIncident(precedent('bundestag-2015'))).toMatchObject({ start: '2015-04-01', detected: '2015-05-08', disclosed: '2015-05-15' });
    const cloud = registryIncident(precedent('cloud-hopper'));
    expect(cloud).toMatchObject({ start: '2014-01-01', detected: '2016-01-01', disclosed: '2017-04-01' });
    expect(cloud.summary).toContain('The sources date its disclosure to April 2017 only');
    expect(cloud.summary).toContain('The sources date its detection to 2016 only');
  });

  it('refuses a precedent disclosed before it was found, or found before it began', () => {
    const broken = (changes: Record<string, unknown>) => {
      const copy = structuredClone(parsedFiles());
      const bundestag = (copy.precedents as { precedents: Record<string, unknown>[] }).precedents.find((p) => p['id'] === 'bundestag-2015');
      Object.assign(bundestag ?? {}, changes);
      return () => loadToolbox(copy);
    };
    expect(broken({ detected: '2015-05-08', disclosed: '2015-05-01' })).toThrow(/disclosed.*before the detection/);
    expect(broken({ detected: '2015-03' })).toThrow(/detected.*before the start/);
    expect(broken({ detected: '2015-04', disclosed: '2015-04' })).not.toThrow();
  });
});

describe('a seeded precedent names itself in words', () => {
  it('never shows the data file\'s key in its summary', () => {
    for (const p of toolbox.precedents.precedents) {
      const summary = String(incidentFromPrecedent(p)['summary']);
      expect(summary, p.id).not.toContain(p.id);
      expect(summary, p.id).toContain('from the reviewed precedents');
    }
  });
});
