// Every source the reviewed data cites has a grade (data/sources/publishers.yaml): a new host fails here until a
// reviewer grades it, with its reason.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostOf, parsePublishersFile, sourceGrader } from '../../src/core/sources/grades';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..');
const table = parsePublishersFile(parse(readFileSync(join(DATA, 'sources/publishers.yaml'), 'utf8')), 'sources/publishers.yaml');
const grader = sourceGrader(table);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** Every `ref` value anywhere in a parsed file. */
function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refsOf(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

const cited = yamlFiles(DATA)
  .filter((f) => !f.endsWith('publishers.yaml'))
  .flatMap((f) => refsOf(parse(readFileSync(f, 'utf8'))).map((ref) => ({ ref, file: relative(DATA, f) })));

describe('source grades', () => {
  it('finds the sources the data cite', () => {
    expect(cited.length).toBeGreaterThan(500);
  });

  it('grades every ref of data/ (a new host needs a reviewed entry in sources/publishers.yaml)', () => {
    const ungraded = cited.filter((c) => grader.grade(c.ref) === undefined).map((c) => `${hostOf(c.ref) ?? c.ref} (${c.file})`);
    expect([...new Set(ungraded)]).toEqual([]);
  });

  it('leaves grade and href to the API: no data file writes them on a source', () => {
    const graded = (node: unknown): boolean =>
      Array.isArray(node)
        ? node.some(graded)
        : !!node && typeof node === 'object' && (('ref' in node && ('grade' in node || 'href' in node)) || Object.values(node).some(graded));
    const written = yamlFiles(DATA)
      .filter((f) => !f.endsWith('publishers.yaml') && graded(parse(readFileSync(f, 'utf8'))))
      .map((f) => relative(DATA, f));
    expect(written).toEqual([]);
  });

  it('links each paper key to its published version', () => {
    for (const key of ['renard2014', 'renard2016', 'bendiek2018']) expect(grader.grade(key)?.href).toMatch(/^https:\/\//);
  });

  it('grades the EU institutions, the UN and the partners as primary and document-sharing copies as low', () => {
    expect(grader.grade('https://eur-lex.europa.eu/eli/dec/2019/797/oj')?.grade).toBe('primary');
    expect(grader.grade('https://www.mofa.go.jp/fp/is_sc/pagewe_000001_00080.html')?.grade).toBe('primary');
    expect(grader.grade('https://www.scribd.com/document/635567665/N1522835')?.grade).toBe('low');
  });
});
