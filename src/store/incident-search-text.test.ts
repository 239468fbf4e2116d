// The search index's text of a body and the trigrams a search asks for: whenever a body holds a search text (ASCII
// case ignored, as SQLite's LIKE compares), every trigram asked for is in the indexed text, over random bodies and
// texts drawn to cut across names, quotes, escapes and case.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/seeded-random';
import { incidentSearchText, LISTED_NAMES, trigrams } from './incident-search-text';

const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

describe('the indexed text of a body', () => {
  it('leaves out each quoted listed name, wherever it stands, and nothing else', () => {
    expect(incidentSearchText('{"title":"A","summary":"B","victims":[{"country":"EE"}]}')).toBe('{:"A","summary":"B",:[{:"EE"}]}');
    // Kept: a longer name, another case, a name without its quotes or escaped inside a value. Cut: a name as a value.
    expect(incidentSearchText('{"titles":1,"Title":2,"note":"title \\"type\\" b","x":"type"}')).toBe('{"titles":1,"Title":2,"note":"title \\"type\\" b","x":}');
    expect(incidentSearchText(null)).toBeNull();
  });
});

describe('trigrams a search asks for', () => {
  it('are all of them for text outside the names, none inside one (any case), only quote-free ones outside names with a quote', () => {
    expect(trigrams('Solarflare')).toEqual(['Sol', 'ola', 'lar', 'arf', 'rfl', 'fla', 'lar', 'are'].filter((g, k, a) => a.indexOf(g) === k));
    expect(trigrams('armedAtt')).toEqual([]);
    expect(trigrams('ATTACK')).toEqual([]);
    expect(trigrams('attacks')).toEqual(['att', 'tta', 'tac', 'ack', 'cks']);
    expect(trigrams('"title":"Sol')).toEqual(['Sol']);
    expect(trigrams('"summary":"x')).toEqual(['sum', 'umm', 'mma', 'mar', 'ary']);
  });

  it('never asks for a trigram the index lacks for a body holding the text (random bodies and texts)', () => {
    const rnd = seededRandom(20261206);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const pieces = [...LISTED_NAMES, 'summary', 'note', 'titles', 'Title', 'ATTACK', '"', '\\', '\\"', ':', ',', ' ', 'é', 'ü', '\n', '"title"', '"type":', 'x', 'ab', 'tle', 'cfsp', '{', '}', '[', ']'];
    const text = () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(pieces)).join('');
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 2 || r < 0.4) return text();
      if (r < 0.5) return rnd() < 0.5;
      if (r < 0.55) return Math.floor(rnd() * 1000);
      if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => [rnd() < 0.7 ? pick(LISTED_NAMES) : text(), value(depth + 1)]));
    };
    const flipCase = (s: string) => [...s].map((c) => (rnd() < 0.3 ? (rnd() < 0.5 ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
    let checked = 0;
    let narrowedLess = 0;
    for (let b = 0; b < 400; b++) {
      // A body as stored (JSON) or any text at all: the rule must hold for both.
      const body = b % 4 === 3 ? text() + text() + text() : JSON.stringify(value(0));
      const indexed = fold(String(incidentSearchText(body)));
      const chars = [...body];
      for (let k = 0; k < 40; k++) {
        const from = Math.floor(rnd() * chars.length);
        const q = flipCase(chars.slice(from, from + 1 + Math.floor(rnd() * 24)).join(''));
        if (!fold(body).includes(fold(q))) continue;
        const asked = trigrams(q);
        if ([...q].length >= 3 && asked.length < Math.min(16, new Set(Array.from({ length: [...q].length - 2 }, (_, i) => [...q].slice(i, i + 3).join(''))).size)) narrowedLess++;
        for (const g of asked) expect(indexed, `body ${JSON.stringify(body)}, text ${JSON.stringify(q)}`).toContain(fold(g));
        checked++;
      }
    }
    // The draws reach both kinds of text: those asking for every trigram and those asking for fewer.
    expect(checked).toBeGreaterThan(10_000);
    expect(narrowedLess).toBeGreaterThan(1_000);
  });
});
