import { describe, expect, it } from 'vitest';
import { hostOf, parsePublishersFile, sourceGrader } from './grades';

const table = parsePublishersFile(
  {
    papers: [{ key: 'renard2014', grade: 'secondary', citation: 'Renard 2014', url: 'https://example.org/paper', reason: 'an academic working paper' }],
    publishers: [
      { host: 'europa.eu', publisher: 'EU institutions', grade: 'primary', reason: 'the institution itself' },
      { host: 'eeas.europa.eu', publisher: 'EEAS', grade: 'primary', reason: 'the EEAS on its own dialogues' },
      { host: 'github.com', publisher: 'GitHub', grade: 'low', reason: 'depends on the repository' },
    ],
    overrides: [{ ref: 'https://github.com/org/official', grade: 'primary', reason: 'the official site source' }],
  },
  'test',
);
const g = sourceGrader(table);

describe('source grader', () => {
  it('reads the host without www. and a trailing dot, and nothing from a key', () => {
    expect(hostOf('https://www.Example.org./x')).toBe('example.org');
    expect(hostOf('renard2014')).toBeUndefined();
  });

  it('grades a subdomain by its most specific host', () => {
    expect(g.grade('https://eur-lex.europa.eu/x')).toMatchObject({ grade: 'primary', publisher: 'EU institutions', by: 'host' });
    expect(g.grade('https://www.eeas.europa.eu/x')).toMatchObject({ publisher: 'EEAS' });
    expect(g.grade('https://europa.eu.example.com/x')).toBeUndefined();
  });

  it('lets an override grade one address above its host', () => {
    expect(g.grade('https://github.com/org/official')).toMatchObject({ grade: 'primary', by: 'override', publisher: 'GitHub' });
    expect(g.grade('https://github.com/org/other')).toMatchObject({ grade: 'low', by: 'host' });
  });

  it('links a paper key to its published version', () => {
    expect(g.grade('renard2014')).toMatchObject({ grade: 'secondary', href: 'https://example.org/paper', by: 'paper' });
    expect(g.grade('renard2016')).toBeUndefined();
  });

  it('refuses a table that grades a host twice or gives no reason', () => {
    const dup = { papers: [], publishers: [table.publishers[0], table.publishers[0]] };
    expect(() => parsePublishersFile(dup, 'x')).toThrow(/twice/);
    expect(() => parsePublishersFile({ papers: [], publishers: [{ ...table.publishers[0], reason: '' }] }, 'x')).toThrow(/reason/);
  });
});

describe('graded answers', () => {
  it('adds the grade to every source object of an answer, without changing the original', async () => {
    const { withGrades } = await import('./grades');
    const answer = { facts: [{ title: 't', sources: [{ ref: 'https://eur-lex.europa.eu/x', locator: 'Art. 1' }, { ref: 'renard2014', locator: 's.1' }, { ref: 'https://unknown.example/x', locator: 'p' }] }], ref: 'not-a-source' };
    const graded = withGrades(answer, g);
    expect(graded.facts[0]?.sources).toEqual([
      { ref: 'https://eur-lex.europa.eu/x', locator: 'Art. 1', grade: 'primary' },
      { ref: 'renard2014', locator: 's.1', grade: 'secondary', href: 'https://example.org/paper' },
      { ref: 'https://unknown.example/x', locator: 'p' },
    ]);
    expect(graded.ref).toBe('not-a-source');
    expect(answer.facts[0]?.sources[0]).not.toHaveProperty('grade');
  });

  it('copies only what holds a graded source, in the same order, and gives the same JSON as a full copy would', async () => {
    const { withGrades } = await import('./grades');
    const plain = { a: [{ b: 1 }, { c: [2, 3] }], d: { e: 'x', ref: 'https://unknown.example/x', locator: 'p' } };
    expect(withGrades(plain, g)).toBe(plain);
    const mixed = { first: { n: 1 }, list: [{ n: 2 }, { ref: 'renard2014', locator: 's.1', z: 0 }, { n: 3 }], last: [4] };
    const graded = withGrades(mixed, g);
    expect(graded).not.toBe(mixed);
    expect(graded.first).toBe(mixed.first);
    expect(graded.last).toBe(mixed.last);
    expect(graded.list[0]).toBe(mixed.list[0]);
    expect(graded.list[2]).toBe(mixed.list[2]);
    expect(JSON.stringify(graded)).toBe(
      JSON.stringify({ first: { n: 1 }, list: [{ n: 2 }, { ref: 'renard2014', locator: 's.1', z: 0, grade: 'secondary', href: 'https://example.org/paper' }, { n: 3 }], last: [4] }),
    );
    expect(mixed.list[1]).not.toHaveProperty('grade');
  });
});
