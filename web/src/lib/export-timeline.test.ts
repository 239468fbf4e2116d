// The overview's year table as a CSV table: the counts the page draws, the dialogues by name, their sources in full.
import { describe, expect, it } from 'vitest';
import type { ActiveDialoguesYear, DialogueFact, PartnerSummary } from '../api-types';
import { timelineTable } from './export-tables';

const src = [{ ref: 'renard2016', locator: 'Table 2' }];
const partners = [
  { id: 'JP', name: 'Japan' },
  { id: 'US', name: 'United States' },
] as unknown as PartnerSummary[];
const dialogues = [
  { id: 'eu-jp-cyber', name: 'EU–Japan Cyber Dialogue', partners: ['JP'], sources: src },
  { id: 'jp-digital', name: 'EU–Japan Digital Dialogue', partners: ['JP'], sources: [{ ref: 'https://news.example/x', locator: 'aggregator', grade: 'low' }] },
  { id: 'eu-us-cyber', name: 'EU–US Cyber Dialogue', partners: ['US'], sources: [{ ref: 'https://www.eeas.europa.eu/x', locator: 'press release' }] },
] as unknown as DialogueFact[];
const year = (y: number, byPartner: Record<string, string[]>, startUnknown = 0, statusUnknown = 0, activeUnverified: string[] = []) =>
  ({
    year: y,
    byPartner: Object.fromEntries(Object.entries(byPartner).map(([k, v]) => [k, v.length])),
    dialogues: byPartner,
    total: new Set(Object.values(byPartner).flat()).size,
    startUnknown,
    statusUnknown,
    activeUnverified,
  }) as unknown as ActiveDialoguesYear;
const years = [year(2002, { US: ['eu-us-cyber'] }), year(2014, { JP: ['eu-jp-cyber'], US: ['eu-us-cyber'] }, 1, 2)];

describe('the dialogues per partner per year as a table', () => {
  it('holds a row per partner and year shown, then the year for all partners', () => {
    const t = timelineTable(years, partners, dialogues, 2003);
    expect(t).toMatchObject({ view: 'dialogues-per-year', tlp: 'clear', asOf: undefined });
    expect(t.rows).toEqual([
      [2014, 'Japan', 1, '', '', '', 'EU–Japan Cyber Dialogue', 'Renard 2016, EU cyber diplomacy: purposes and mechanisms (UACES) — Table 2'],
      [2014, 'United States', 1, '', '', '', 'EU–US Cyber Dialogue', 'https://www.eeas.europa.eu/x — press release'],
      [2014, 'All partners', 2, 1, 2, '', '', ''],
    ]);
  });
  it('follows the first year asked for, and names a dialogue it does not know by its id', () => {
    const t = timelineTable(years, partners, undefined, 2000);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[1]).toEqual([2002, 'United States', 1, '', '', '', 'eu-us-cyber', '']);
    expect(t.rows[0]?.[2]).toBe(0);
  });
  it('names a dialogue active only on an unverified report apart, not counted, with the source that alone reports it', () => {
    const t = timelineTable([year(2024, { JP: ['eu-jp-cyber'] }, 0, 0, ['jp-digital'])], partners, dialogues, 2003);
    expect(t.headers[5]).toBe('Active only on an unverified report (not counted)');
    expect(t.rows[0]).toEqual([2024, 'Japan', 1, '', '', 'EU–Japan Digital Dialogue', 'EU–Japan Cyber Dialogue', 'Renard 2016, EU cyber diplomacy: purposes and mechanisms (UACES) — Table 2 | https://news.example/x — aggregator [low-grade source]']);
    expect(t.rows[1]?.[5]).toBe('');
    expect(t.rows[2]).toEqual([2024, 'All partners', 1, 0, 0, 1, '', '']);
  });
});
