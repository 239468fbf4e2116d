import { describe, expect, it } from 'vitest';
import { boundaryOf, splitMultipart } from './multipart';

const body = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe('multipart/form-data bodies', () => {
  it('reads the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryx7')).toBe('----WebKitFormBoundaryx7');
    expect(boundaryOf('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b');
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
  });

  it('splits the parts with their names, file names and bytes; a preamble, a line break or a dash run inside a file are kept apart', () => {
    const parts = splitMultipart(
      body(`preamble
--XY
Content-Disposition: form-data; name="incidents"; filename="C:\\data\\g%22lobal.csv"
Content-Type: text/csv

ID,name
1,a --XY-- b
--XY
Content-Disposition: form-data; name="note"

plain
--XY--
epilogue`),
      'XY',
    );
    expect(parts.map((p) => [p.field, p.filename, p.data.toString('utf8')])).toEqual([
      ['incidents', 'C:\\data\\g"lobal.csv', 'ID,name\r\n1,a --XY-- b'],
      ['note', undefined, 'plain'],
    ]);
  });

  it('refuses a body cut short or a part without a name, saying why', () => {
    expect(() => splitMultipart(body('--XY\nContent-Disposition: form-data; name="a"\n\nno end'), 'XY')).toThrow(/does not end with the closing boundary/);
    expect(() => splitMultipart(body('--XY\nContent-Type: text/csv\n\nx\n--XY--'), 'XY')).toThrow(/Content-Disposition: form-data with a name/);
    expect(() => splitMultipart(body('nothing here'), 'XY')).toThrow(/no part starts with the boundary/);
  });
});
