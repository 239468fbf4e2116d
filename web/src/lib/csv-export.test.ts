import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/exchange/csv';
import { factWithCitations, citationsText } from './citation';
import { exportCsv, exportFileName, type ExportTable } from './csv-export';

const table = (over: Partial<ExportTable> = {}): ExportTable => ({
  view: 'partner',
  subject: 'JP',
  asOf: '2014-06-30',
  tlp: 'clear',
  headers: ['Fact', 'Sources'],
  rows: [['=HYPERLINK("http://x")', 'renard2014 — s.3']],
  ...over,
});

describe('the views’ CSV files', () => {
  it('name the view, its subject, its date and its marking', () => {
    expect(exportFileName(table(), '2026-12-06')).toBe('cyberdiplo-partner-JP-2014-06-30-TLP-CLEAR.csv');
    expect(exportFileName(table({ asOf: undefined, view: 'matrix', subject: undefined }), '2026-12-06')).toBe('cyberdiplo-matrix-2026-12-06-TLP-CLEAR.csv');
    expect(exportFileName(table({ view: 'plan', subject: 'Viasat KA-SAT: 24 Feb 2022', tlp: 'amber+strict' }), '2026-12-06', 'md')).toBe(
      'cyberdiplo-plan-Viasat-KA-SAT-24-Feb-2022-2014-06-30-TLP-AMBER+STRICT.md',
    );
  });

  it('carry the marking and the date on every row, and defuse formulas', () => {
    const rows = parseCsv(exportCsv(table({ tlp: 'amber' }), '2026-12-06'));
    expect(rows[0]).toEqual(['Marking', 'As of', 'Fact', 'Sources']);
    expect(rows[1]?.slice(0, 2)).toEqual(['TLP:AMBER', '2014-06-30']);
    expect(rows[1]?.[2]).toBe('\'=HYPERLINK("http://x")');
    expect(parseCsv(exportCsv(table({ asOf: undefined }), '2026-12-06'))[1]?.[1]).toBe('2026-12-06');
  });
});

describe('citations', () => {
  const sources = [
    { ref: 'renard2014', locator: 'Assessing the partnerships' },
    { ref: 'https://www.consilium.europa.eu/en/press/', locator: 'press release', quote: 'a <b> quote' },
    { ref: 'renard2014', locator: 'Assessing the partnerships' },
  ];
  it('give a paper’s published address and a grade below primary', () => {
    expect(citationsText([{ ref: 'renard2016', locator: 's.5', href: 'https://example.org/renard2016', grade: 'secondary' }])).toBe(
      'Renard 2016, EU cyber diplomacy: purposes and mechanisms (UACES), https://example.org/renard2016 — s.5 [secondary source]',
    );
    const { html } = factWithCitations({ title: 'x', sources: [{ ref: 'renard2016', locator: 's.5', href: 'https://example.org/r', grade: 'low' }] });
    expect(html).toContain('<a href="https://example.org/r"><cite>Renard 2016');
    expect(html).toContain('[low-grade source]');
  });
  it('name the paper, not its key, and each source once', () => {
    expect(citationsText(sources)).toBe(
      'Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7) — Assessing the partnerships | https://www.consilium.europa.eu/en/press/ — press release (“a <b> quote”)',
    );
  });
  it('put a fact on the clipboard as formatted and as plain text, its markup escaped', () => {
    const { html, text } = factWithCitations({ title: 'EU–Japan cyber dialogue', detail: 'Working, active', sources });
    expect(text.split('\n')).toEqual([
      'EU–Japan cyber dialogue (Working, active)',
      '[1] Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7) — Assessing the partnerships',
      '[2] https://www.consilium.europa.eu/en/press/ — press release (“a <b> quote”)',
    ]);
    expect(html).toContain('<a href="https://www.consilium.europa.eu/en/press/">');
    expect(html).toContain('a &#60;b&#62; quote');
    expect(html.match(/<li>/g)).toHaveLength(2);
  });
});
