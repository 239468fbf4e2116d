import { describe, expect, it } from 'vitest';
import { showsCode } from '../core/labels';
import { incident, toolbox } from '../core/toolbox/toolbox.fixture';
import { incidentLines } from './incident-text';

const ransomware = {
  title: 'Ransomware campaign against hospitals',
  start: '2026-10-05',
  ongoing: true,
  category: 'cyber-crime',
  victims: [
    { country: 'DE', sector: 'health' },
    { country: 'EU', sector: 'eu-institution', name: 'European Medicines Agency' },
  ],
  effects: { severity: 'high', disruptsEssentialServices: true },
  initiator: { type: 'state-sponsored', country: 'RU', name: 'Sandworm', identifiedEntities: ['Unit 74455'] },
  attribution: [
    { kind: 'political', by: 'DE', date: '2026-11-02', confidence: 'high', public: true },
    { kind: 'technical', by: 'Mandiant', byType: 'private', confidence: 'medium', public: false },
  ],
  responses: [{ measure: 'hr-declaration-on-behalf-of-eu', date: '2026-11-20', by: 'High Representative' }],
};

describe('an incident as the CLI shows it', () => {
  it('names who attributed it, the suspected group and what was done, with sectors and kinds in words', () => {
    const lines = incidentLines(incident(ransomware), (id) => toolbox.measures.measures.find((m) => m.id === id)?.title);
    expect(lines).toContain('victims: DE (Health), EU (EU institution, body or agency: European Medicines Agency)');
    expect(lines).toContain('initiator: State-sponsored, Sandworm (RU); identified: Unit 74455');
    expect(lines).toContain('attribution: political by DE on 2026-11-02 (high confidence, public)');
    expect(lines).toContain('attribution: technical by Mandiant (medium confidence, not public)');
    expect(lines.find((l) => l.startsWith('response: '))).toBe('response: Declaration by the High Representative on behalf of the EU on 2026-11-20 by High Representative');
    expect(showsCode(lines.join('\n'), ['eu-institution', 'state-sponsored', 'hr-declaration-on-behalf-of-eu'])).toBeUndefined();
  });

  it('says when no attribution is recorded', () => {
    expect(incidentLines(incident({ ...ransomware, attribution: [], responses: [] }))).toContain('attribution: none recorded');
  });
});
