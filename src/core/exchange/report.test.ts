import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { newReport, ReportBuilder, type ImportReport } from './report';

describe('import report: values to review', () => {
  it('lists each value once, in the order first seen, and tells apart entries that differ in any field', () => {
    const b = new ReportBuilder(newReport('cfr', ['a.csv'], false));
    b.toReview('row 2', 'victims', 'Ministry', 'no country');
    b.toReview('row 3', 'victims', 'Ministry', 'no country');
    b.toReview('row 2', 'victims', 'Ministry', 'no country');
    b.toReview('row 2', 'sponsor', 'Ministry', 'no country');
    b.toReview('row 2', 'victims', 'Ministry', 'unknown sector');
    expect(b.report.review).toEqual([
      { object: 'row 2', path: 'victims', value: 'Ministry', message: 'no country' },
      { object: 'row 3', path: 'victims', value: 'Ministry', message: 'no country' },
      { object: 'row 2', path: 'sponsor', value: 'Ministry', message: 'no country' },
      { object: 'row 2', path: 'victims', value: 'Ministry', message: 'unknown sector' },
    ]);
  });

  it('keeps the entries a report already held and does not repeat them', () => {
    const report = newReport('stix', ['b.json'], false);
    report.review = [{ object: 'x', path: 'p', value: 'v', message: 'm' }];
    const b = new ReportBuilder(report);
    b.toReview('x', 'p', 'v', 'm');
    b.toReview('y', 'p', 'v', 'm');
    expect(report.review.map((r) => r.object)).toEqual(['x', 'y']);
  });

  it('adds many distinct values without searching the list for each', () => {
    const b = new ReportBuilder(newReport('cfr', ['c.csv'], false));
    for (let i = 0; i < 20000; i++) b.toReview(`row ${i}`, 'victims', `v${i % 7}`, 'no country');
    for (let i = 0; i < 20000; i++) b.toReview(`row ${i}`, 'victims', `v${i % 7}`, 'no country');
    expect(b.report.review).toHaveLength(20000);
  });
});

describe('import report: mapping counts', () => {
  /** The plain form of ReportBuilder.mapped, which builds the key anew at every call. */
  function plainMapped(report: ImportReport, field: string, from: string, to: string): void {
    const m = (report.mappings[field] ??= {});
    const key = `${from || '(empty)'} -> ${to}`;
    m[key] = (m[key] ?? 0) + 1;
  }

  it('counts what the plain form counts, under the same keys in the same order, over drawn calls', () => {
    const random = seededRandom(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    // Texts that join to the same key from different pairs ("a -> b" + "c" and "a" + "b -> c"), blanks, case and padding.
    const texts = ['', ' ', 'a', 'A', 'a ', 'b', 'a -> b', 'b -> c', 'c', '(empty)', 'Government', 'government', 'DE (country name)', 'x'.repeat(300)];
    const fields = ['victim', 'victim sector', 'category', 'marking', 'a', ''];
    for (let run = 0; run < 200; run++) {
      const fast = new ReportBuilder(newReport('cfr', [], false));
      const plain = newReport('cfr', [], false);
      const calls = 1 + Math.floor(random() * 300);
      for (let i = 0; i < calls; i++) {
        const [field, from, to] = [pick(fields), pick(texts), pick(texts)];
        fast.mapped(field, from, to);
        plainMapped(plain, field, from, to);
      }
      expect(JSON.stringify(fast.report.mappings)).toBe(JSON.stringify(plain.mappings));
    }
  });

  it('tells apart the empty source and the words "(empty)" only as the plain form does, and adds to counts a report already held', () => {
    const report = newReport('stix', [], false);
    report.mappings.victim = { 'x -> y': 2 };
    const b = new ReportBuilder(report);
    b.mapped('victim', 'x', 'y');
    b.mapped('victim', '', 'y');
    b.mapped('victim', '(empty)', 'y');
    b.mapped('sector', 'x', 'y');
    expect(report.mappings).toEqual({ victim: { 'x -> y': 3, '(empty) -> y': 2 }, sector: { 'x -> y': 1 } });
  });
});
