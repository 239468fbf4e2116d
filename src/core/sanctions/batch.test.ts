import { describe, expect, it } from 'vitest';
import { checkNames, namesFromCsv, namesFromJson, resultsCsv } from './batch';

describe('batch screening files', () => {
  it('reads one name a row from CSV, skipping a "name" header, and a list or { names } from JSON', () => {
    expect(namesFromCsv('name\r\nDmitry Badin\r\n"Puntus, Roman",extra\r\n\r\n')).toEqual(['Dmitry Badin', 'Puntus, Roman']);
    expect(namesFromCsv('陈诚\n吴海波\n')).toEqual(['陈诚', '吴海波']);
    expect(namesFromJson('["a", "b"]')).toEqual(['a', 'b']);
    expect(namesFromJson('{ "names": ["a"] }')).toEqual(['a']);
  });

  it('refuses what is not a list of names, naming the field', () => {
    expect(() => namesFromJson('{')).toThrow(/not JSON/);
    expect(() => checkNames('x')).toThrow(/names must be a list/);
    expect(() => checkNames([])).toThrow(/names is empty/);
    expect(() => checkNames(['ok', ''])).toThrow(/names\.1 must be a non-empty name/);
    expect(() => checkNames(['x'.repeat(301)])).toThrow(/longer than 300/);
    expect(() => checkNames(Array.from({ length: 10_001 }, () => 'x'))).toThrow(/at most 10000/);
    expect(() => namesFromCsv('name\n')).toThrow(/file is empty/);
  });

  it('writes one row per name with its best match, quoting what needs it', () => {
    const csv = resultsCsv([
      { query: 'Puntus, Roman', matches: [{ targetId: 'roman-alexandrovich-puntus', name: 'Roman Alexandrovich PUNTUS', kind: 'person', score: 1, strong: true, matchedOn: 'Roman Alexandrovich PUNTUS', matchedAs: 'name', listedSince: '2026-07-13' as never, inForce: true }] },
      { query: '=cmd', matches: [] },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'query,matches,strong,targetId,name,kind,score,matchedOn,listedSince,inForce',
      '"Puntus, Roman",1,true,roman-alexandrovich-puntus,Roman Alexandrovich PUNTUS,person,1,Roman Alexandrovich PUNTUS,2026-07-13,true',
      "'=cmd,0,false,,,,,,,",
      '',
    ]);
  });
});
