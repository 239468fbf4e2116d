import { describe, expect, it } from 'vitest';
import type { ActiveDialoguesYear, DialogueFact, PartnerSummary } from '../api-types';
import { colourPartners } from './map-colouring';
import { currentDialogues } from './dialogue-counts';

const year = (y: number, byPartner: Record<string, string[]>): ActiveDialoguesYear => {
  const ids = new Set(Object.values(byPartner).flat());
  return { year: y, total: ids.size, byPartner: Object.fromEntries(Object.entries(byPartner).map(([p, l]) => [p, l.length])), dialogues: byPartner, startUnknown: 0, startUnknownByPartner: {}, statusUnknown: 0, activeUnverified: [] };
};
const dialogue = (id: string, cyberSpecific: boolean): DialogueFact => ({
  id,
  name: `Dialogue ${id}`,
  partners: [],
  thirdParties: [],
  level: 'working',
  frequency: 'unknown',
  topics: [],
  fora: [],
  cyberSpecific,
  established: null,
  firstReported: 2015,
  lastReported: null,
  status: 'active',
  statusUnverified: false,
  statusSince: 2015,
  statusHistory: [],
  meetings: [],
  keyDialogue: false,
  summary: null,
  sources: [],
});

const years = [year(2015, { JP: ['a'], US: ['b'] }), year(2016, { JP: ['a', 'tri'], US: ['b', 'tri'], RU: [] })];
const partner = (id: string, name: string, isoNumeric: string): PartnerSummary => ({ id, name, group: 'strategic-partner', partnershipSince: null, cyberDialogueSince: null, isoNumeric });
const partners = [partner('JP', 'Japan', '392'), partner('US', 'United States', '840'), partner('RU', 'Russia', '643')];

describe('one count of active dialogues', () => {
  it('reads the headline, the map and the table from the timeline’s last row', () => {
    const now = currentDialogues(years, [dialogue('a', true), dialogue('b', false), dialogue('tri', true), dialogue('old', true)]);
    expect(now).toEqual({ year: 2016, total: 3, byPartner: { JP: 2, US: 2, RU: 0 }, cyberSpecific: 2 });
    const map = colourPartners('dialogues', partners, undefined, now?.byPartner);
    expect(map.partners.map((p) => p.valueLabel)).toEqual(['2 active', '2 active', '0 active']);
    // The table's last column is the same row: each partner's map count equals it.
    for (const p of partners) expect(map.partners.find((m) => m.id === p.id)?.valueLabel).toBe(`${years.at(-1)?.byPartner[p.id] ?? 0} active`);
  });

  it('moves when the last year changes', () => {
    const later = [...years, year(2017, { JP: ['a'], US: [] })];
    expect(currentDialogues(later)?.byPartner).toEqual({ JP: 1, US: 0 });
    expect(currentDialogues(later)?.total).toBe(1);
    expect(currentDialogues([])).toBeUndefined();
  });
});
