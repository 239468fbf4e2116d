// A partner page's prose names the papers by author and year wherever the reviewed data cites them by key: every
// summary, note and dated note of the partnership files goes through factText and comes out without a key.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PAPERS } from './citation';
import { factText, meetingSummary } from './fact-text';

const dir = new URL('../../../data/partnerships/', import.meta.url);
const files = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml'));
const KEY = new RegExp(`\\b(${Object.keys(PAPERS).join('|')})\\b`);

/** Every prose field (summary, note, dated note text) of a data file, with where it is. */
function prose(value: unknown, at: string, out: { at: string; text: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => prose(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (k === 'summary' || k === 'note' || k === 'text')) out.push({ at: `${at}.${k}`, text: v });
      else prose(v, `${at}.${k}`, out);
    }
  }
}

const fields: { at: string; text: string }[] = [];
for (const f of files) prose(YAML.parse(fs.readFileSync(new URL(f, dir), 'utf8')), f, fields);
const withKey = fields.filter((f) => KEY.test(f.text));

describe('the prose of a partner page', () => {
  it('is read from data that does cite papers by key in its prose (so that the check below checks something)', () => {
    expect(withKey.length).toBeGreaterThan(50);
  });

  it('shows every summary and note of the partnership files without a paper key', () => {
    for (const f of withKey) {
      expect(factText(f.text).summary, f.at).not.toMatch(KEY);
      expect(meetingSummary(f.text), f.at).not.toMatch(KEY);
    }
  });

  it('shows dated notes without a paper key, with their date and the places cited', () => {
    const [line] = factText(null, [
      { date: '2018-04-26', text: 'In 2018 the EU weighed sanctions against Russia (bendiek2018).', sources: [{ ref: 'bendiek2018', locator: 'Joint EU Diplomatic Response' }] },
    ] as Parameters<typeof factText>[1]).notes;
    expect(line!.line).toBe('26 Apr 2018: In 2018 the EU weighed sanctions against Russia (Bendiek (2018)). (Joint EU Diplomatic Response)');
  });

  it("names Russia's perception note as a reader cites it", () => {
    const note = fields.find((f) => f.at.startsWith('ru.yaml.perception') && f.text.includes('renard2016 adds'));
    expect(note, 'the perception note of ru.yaml').toBeDefined();
    expect(factText(note!.text).summary).toContain('Renard (2016) adds that the strategic partnership itself is in limbo');
  });
});
