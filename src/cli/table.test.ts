// The CLI's source listings: papers named as a reader cites them, each source once, grades below primary noted; the
// note follows the reviewed table (change a grade, watch the text move).
import { describe, expect, it } from 'vitest';
import { sourceGrader, type PublishersFile, type SourceGrade } from '../core/sources/grades';
import { sourcesText, table, topics, words } from './table';

const grades = (paper: SourceGrade, host: SourceGrade): PublishersFile => ({
  papers: [
    {
      key: 'bendiek2018',
      grade: paper,
      citation: "Annegret Bendiek, 'The EU as a Force for Peace in International Cyber Diplomacy', SWP Comment 2018/C 19, 2018",
      url: 'https://www.swp-berlin.org/en/publication/the-eu-as-a-force-for-peace-in-international-cyber-diplomacy/',
      reason: 'Think-tank policy paper; the publisher page.',
    },
  ],
  publishers: [{ host: 'example.org', publisher: 'Example', grade: host, reason: 'A test publisher for the grade note.' }],
  overrides: [],
});

const sources = [
  { ref: 'bendiek2018', locator: 'p. 3' },
  { ref: 'https://eur-lex.example.org/act', locator: 'Art. 1' },
  { ref: 'bendiek2018', locator: 'p. 5' },
  { ref: 'bendiek2018', locator: 'p. 3' },
];

describe('sources as the CLI prints them', () => {
  it('names a paper by author, title and year with its published version, once, with all places cited', () => {
    const text = sourcesText(sources, sourceGrader(grades('secondary', 'primary')));
    expect(text).toBe(
      "Annegret Bendiek, 'The EU as a Force for Peace in International Cyber Diplomacy', SWP Comment 2018/C 19, 2018, " +
        'https://www.swp-berlin.org/en/publication/the-eu-as-a-force-for-peace-in-international-cyber-diplomacy/ (p. 3, p. 5) [secondary source]; ' +
        'https://eur-lex.example.org/act (Art. 1)',
    );
    expect(text).not.toContain('bendiek2018');
  });

  it('notes the grade only where it is below primary, as the table says', () => {
    const text = sourcesText(sources, sourceGrader(grades('primary', 'low')));
    expect(text).not.toContain('[secondary source]');
    expect(text).toContain('https://eur-lex.example.org/act (Art. 1) [low-grade source]');
  });

  it('without the table keeps the refs, still each once', () => {
    expect(sourcesText(sources)).toBe('bendiek2018 (p. 3, p. 5); https://eur-lex.example.org/act (Art. 1)');
  });

  it('does not cut the last column of a table', () => {
    const long = 'x'.repeat(80);
    expect(table(['A', 'Sources'], [['y'.repeat(80), long]]).split('\n')[2]).toBe(`${'y'.repeat(59)}…  ${long}`);
  });
});

describe('codes in table cells', () => {
  it('are written in words; ids and empty cells are left to the caller', () => {
    expect(words('senior-officials')).toBe('Senior officials');
    expect(words('not-signed (uses-as-model)')).toBe('Not signed (uses it as a model)');
    expect(words('eeas')).toBe('EEAS');
    expect(words(undefined)).toBe('');
    expect(words('')).toBe('');
    expect(topics(['cyber-security', 'internet-governance'])).toBe('cyber security, internet governance model');
  });
});

describe('an empty table', () => {
  it('says (none) under its header, so that a filter matching nothing does not look like a failed command', () => {
    expect(table(['Kind', 'Title'], [])).toBe('Kind  Title\n----  -----\n(none)');
  });
});
