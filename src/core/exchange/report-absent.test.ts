import { describe, expect, it } from 'vitest';
import { TLP_LEVELS, type TlpLevel } from '../marking/tlp';
import { everyReaderSees } from './report-absent';

const rec = (tlp: TlpLevel, owner: string | null = 'FR') => ({ tlp, owner });

describe('which absent records an import report may name', () => {
  it('names CLEAR records in any report, GREEN ones in any report but a CLEAR one', () => {
    for (const level of TLP_LEVELS) expect(everyReaderSees({ tlp: level, owner: 'DE' }, rec('clear'))).toBe(true);
    expect(everyReaderSees({ tlp: 'clear', owner: 'DE' }, rec('green'))).toBe(false);
    expect(everyReaderSees({ tlp: 'green', owner: 'DE' }, rec('green'))).toBe(true);
  });

  it("names an AMBER record only in an AMBER or AMBER+STRICT report of its own owner", () => {
    expect(everyReaderSees({ tlp: 'amber', owner: 'FR' }, rec('amber'))).toBe(true);
    expect(everyReaderSees({ tlp: 'amber+strict', owner: 'FR' }, rec('amber'))).toBe(true);
    expect(everyReaderSees({ tlp: 'amber', owner: 'DE' }, rec('amber'))).toBe(false);
    expect(everyReaderSees({ tlp: 'green', owner: 'FR' }, rec('amber'))).toBe(false);
    expect(everyReaderSees({ tlp: 'red', owner: 'FR' }, rec('amber'))).toBe(false);
    expect(everyReaderSees({ tlp: 'amber', owner: null }, rec('amber', null))).toBe(false);
  });

  it('names an AMBER+STRICT record only in an AMBER+STRICT report of its owner, and a RED one never', () => {
    expect(everyReaderSees({ tlp: 'amber+strict', owner: 'FR' }, rec('amber+strict'))).toBe(true);
    expect(everyReaderSees({ tlp: 'amber', owner: 'FR' }, rec('amber+strict'))).toBe(false);
    expect(everyReaderSees({ tlp: 'amber+strict', owner: 'DE' }, rec('amber+strict'))).toBe(false);
    for (const level of TLP_LEVELS) expect(everyReaderSees({ tlp: level, owner: 'FR' }, rec('red'))).toBe(false);
  });
});
