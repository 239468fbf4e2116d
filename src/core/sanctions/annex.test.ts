import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { ANNEX_HEADER, multi, parseAnnex, printedDate, targetId } from './annex';
import { annex, annexText, sanctionsData } from './sanctions.fixture';
import { curationGaps } from './targets';

const lines = annexText.trimEnd().split('\n');
const withRow = (n: number, edit: (cells: string) => string) => lines.map((l, i) => (i === n ? edit(l) : l)).join('\n');
const refusal = (text: string): AppError => {
  try {
    parseAnnex(text);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('the file was accepted');
};

describe('the annex reader', () => {
  it('reads all 38 entries of the shipped annex: 27 persons (I.A) and 11 entities (I.B)', () => {
    expect(annex).toHaveLength(38);
    expect(annex.filter((e) => e.kind === 'person' && e.annex === 'I.A')).toHaveLength(27);
    expect(annex.filter((e) => e.kind === 'entity' && e.annex === 'I.B')).toHaveLength(11);
    expect(new Set(annex.map((e) => e.id)).size).toBe(38);
  });

  it('keeps names as printed, splits alias lists, and tells monikers apart', () => {
    const kovalev = annex.find((e) => e.id === 'vitaly-nikolayevich-kovalev');
    expect(kovalev?.aliases).toEqual(['Виталий Николаевич КОВАЛЕВ']);
    expect(kovalev?.monikers).toEqual(['Bentley', 'Bergen', 'Alex Konor', 'Benny', 'Ben', 'Stern']);
    const chen = annex.find((e) => e.id === 'chen-cheng');
    expect(chen).toMatchObject({ aliases: ['陈诚', 'Jesse Chen'], monikers: ['lengmo', 'l3n6m0'], listedOn: '2026-03-16', entry: 18 });
    expect(annex.find((e) => e.id === 'emennet-pasargad')?.aliases).toEqual(['Anzu Team', 'Holy Souls', 'Aria Sepehr Ayandehsazan', 'Haywire Kitten']);
    expect(annex.find((e) => e.id === 'gao-qiang')?.details).toMatchObject({ nationality: ['Chinese'], birthDate: ['4 October 1983'], gender: ['male'] });
  });

  it('has reviewed notes for every entry, and none for an entry the annex does not hold', () => {
    expect(curationGaps(sanctionsData())).toEqual({ unknownIds: [], withoutNotes: [] });
  });

  it('derives stable ids from names', () => {
    expect(targetId('GAO Qiang')).toBe('gao-qiang');
    expect(targetId('‘Impuls’ LLC')).toBe('impuls-llc');
    expect(targetId('85th Main Centre for Special Services (GTsSS) of the Main Directorate of the General Staff of the Armed Forces of the Russian Federation (GU/GRU)')).toBe('85th-main-centre-for-special-services');
  });

  it('keeps every printed value of a row: each entity column written into an entry turns up in it', () => {
    // Columns the reader checks and stores in their own fields as something else than the text written here.
    const structural = new Set(['celex', 'recordId', 'programKey', 'annex', 'startDate', 'reason', 'schema', 'name']);
    const lost: string[] = [];
    for (const [i, column] of ANNEX_HEADER.entries()) {
      if (structural.has(column)) continue;
      const value = `Value of ${column}`;
      const text = withRow(1, (l) => {
        const cells = parseCsvLine(l);
        cells[i] = value;
        return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
      });
      const entry = parseAnnex(text)[0];
      if (!JSON.stringify(entry).includes(value)) lost.push(column);
    }
    expect(lost).toEqual([]);
    // The shipped annex's own: every row's measure as printed, and an entity's INN and OGRN codes.
    const [header = [], ...rows] = annexText.trimEnd().split('\n').map(parseCsvLine);
    expect(annex.map((e) => e.measure)).toEqual(rows.map((cells) => cells[header.indexOf('measure')]));
    expect(annex.every((e) => e.measure === 'Asset freeze')).toBe(true);
    expect(annex.some((e) => (e.details as Record<string, string[] | undefined>).innCode?.length && (e.details as Record<string, string[] | undefined>).ogrnCode?.length)).toBe(true);
  });

  it('reads printed dates and multi-valued cells', () => {
    expect(printedDate('30.7.2020')).toBe('2020-07-30');
    expect(printedDate('2 December 2025')).toBe('2025-12-02');
    expect(printedDate('31.2.2020')).toBeUndefined();
    expect(multi('"Foo; Bar"; Baz')).toEqual(['Foo; Bar', 'Baz']);
    expect(() => multi('a;;b')).toThrow(/empty value/);
  });

  it('refuses a malformed file, naming the row and the column', () => {
    const badDate = refusal(withRow(5, (l) => l.replace(',30.7.2020,', ',30.13.2020,')));
    expect(badDate.code).toBe('invalid_import');
    expect(badDate.issues[0]).toMatchObject({ path: 'row 6, column startDate' });
    expect(badDate.message).toMatch(/nothing was imported: row 6, column startDate: "30.13.2020"/);
    expect(refusal(withRow(3, (l) => l.replace(',Person,', ',Vessel,'))).issues[0]).toMatchObject({ path: 'row 4, column schema', message: expect.stringMatching(/allowed Person, LegalEntity, Organization or Company/) });
    expect(refusal(withRow(2, (l) => l.replace(',EU-CYB,I.A,', ',EU-CYB,II,'))).issues[0]?.path).toBe('row 3, column annex');
    expect(refusal(withRow(4, (l) => l.replace('32019R0796,', 'CELEX:32019R0796,'))).issues[0]?.path).toBe('row 5, column celex');
    expect(refusal(withRow(0, (l) => l.replace('startDate', 'listed'))).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringMatching(/column 6 is "listed", expected "startDate"/) });
    // A header with a column more, or one fewer, names the first column past the header's end.
    expect(refusal(withRow(0, (l) => `${l.trimEnd()},source`)).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringMatching(new RegExp(`column ${ANNEX_HEADER.length + 1} is "source", expected the end of the row`)) });
    expect(refusal(withRow(0, (l) => l.trimEnd().replace(/,notes$/, ''))).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringMatching(new RegExp(`column ${ANNEX_HEADER.length} is the end of the row, expected "notes"`)) });
    expect(refusal(`${lines.join('\n')}\n${lines[1]}`).issues[0]).toMatchObject({ path: 'row 40, column recordId', message: 'entry I.A 1 repeats row 2' });
    expect(refusal(withRow(3, (l) => l.replace(',Asset freeze,', ',,'))).issues[0]).toMatchObject({ path: 'row 4, column measure', message: expect.stringMatching(/is empty/) });
    expect(refusal(withRow(7, (l) => `${l},extra`)).issues[0]).toMatchObject({ path: 'row 8', message: expect.stringMatching(/has \d+ cells, the header \d+/) });
  });
});

/** The cells of one CSV line (quotes doubled inside quoted cells; the annex's lines hold no line breaks). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
