// The web's short names of the papers are kept by hand beside the reviewed list (data/sources/publishers.yaml);
// this keeps the two in step: the same keys, and each short name carries the author and year of the full citation.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PAPERS } from './citation';

const file = new URL('../../../data/sources/publishers.yaml', import.meta.url);
const reviewed = (YAML.parse(fs.readFileSync(file, 'utf8')) as { papers: { key: string; citation: string }[] }).papers;

describe('the papers the web names', () => {
  it('are the papers of the reviewed source list, no more and no fewer', () => {
    expect(Object.keys(PAPERS).sort()).toEqual(reviewed.map((p) => p.key).sort());
  });
  it.each(reviewed.map((p) => [p.key, p.citation] as const))('%s: the short name has the citation’s author and year', (key, citation) => {
    const [, name = '', year = ''] = /^([a-z]+)(\d{4})$/.exec(key) ?? [];
    const short = PAPERS[key] ?? '';
    expect(short.toLowerCase().startsWith(`${name} ${year}`)).toBe(true);
    expect(citation.toLowerCase()).toContain(name);
    expect(citation).toContain(year);
  });
});
