import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError, CsvWidthError, csvField, parseCsv, toCsv } from './csv';

describe('csv writer', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
  });
  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-12)).toBe('-12');
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('a;=1+1')).toBe('"a;=1+1"');
    expect(csvField(true)).toBe('true');
  });
  it('writes CRLF lines with a header', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('csv reader', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\r\n"1,2","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['1,2', 'say "hi"\nthere'],
    ]);
  });
  it('gives the same records whatever the chunking', () => {
    const text = 'ID,name\n1,"a, ""b"""\n2,"multi\nline"\n3,\n';
    const whole = parseCsv(text);
    for (let size = 1; size < text.length; size++) {
      const r = new CsvReader();
      const out: string[][] = [];
      for (let i = 0; i < text.length; i += size) out.push(...r.push(text.slice(i, i + size)).map((x) => x.cells));
      out.push(...r.end().map((x) => x.cells));
      expect(out).toEqual(whole);
    }
  });
  it('skips a byte-order mark and blank lines', () => {
    expect(parseCsv('\ufeffa\n\nb\n')).toEqual([['a'], ['b']]);
  });
  it('refuses an unclosed quote with its line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
  });
  it('refuses a record with fewer or more cells than the header, naming its line and both counts', () => {
    const width = (text: string) => {
      try {
        parseCsv(text, { sameWidth: true });
        return 'read';
      } catch (error) {
        if (!(error instanceof CsvWidthError)) throw error;
        return `${error.line}:${error.expected}:${error.found}`;
      }
    };
    expect(width('a,b,c\n1,2,3\n4,5,6\n')).toBe('read');
    expect(width('a,b,c\n1,2,3\n4,5\n')).toBe('3:3:2');
    expect(width('a,b,c\n1,2,3,4\n4,5,6\n')).toBe('2:3:4');
    // A last record cut short with no line end is still a record, and still too short.
    expect(width('a,b,c\n1,"x\ny",3\n4,5')).toBe('4:3:2');
    expect(() => parseCsv('a,b,c\n4,5\n', { sameWidth: true })).toThrow('the record on line 2 has 2 cells, the header 3');
    // Without the option the reader keeps rows of any width (single-column lists, the annex reader's own check).
    expect(parseCsv('a,b,c\n4,5\n')).toEqual([['a', 'b', 'c'], ['4', '5']]);
  });
  it('refuses a file that ends inside a quoted cell, at any cut', () => {
    const text = 'a,b\n1,"two\nlines, ""quoted"""\n';
    for (let cut = text.indexOf('"') + 1; cut < text.length; cut++) {
      const part = text.slice(0, cut);
      // An odd number of quotes: the cut falls inside the quoted cell. An even one: the text read is whole CSV.
      if (part.split('"').length % 2 === 0) expect(() => parseCsv(part, { sameWidth: true }), `cut after ${cut} characters`).toThrow(CsvSyntaxError);
      else expect(parseCsv(part, { sameWidth: true })[1]?.length, `cut after ${cut} characters`).toBe(2);
    }
  });
  it('round-trips any table (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `x${c}` : c)));
        const text = toCsv(['h1', 'h2'], safe);
        expect(parseCsv(text).slice(1)).toEqual(safe);
      }),
    );
  });
});
