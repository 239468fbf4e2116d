import { describe, expect, it } from 'vitest';
import { newReport, ReportBuilder } from './report';

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
