import { describe, expect, it } from 'vitest';
import { CurationFile } from './curation';
import { curation } from './sanctions.fixture';

const withPeriod = (period: Record<string, unknown>) => CurationFile.safeParse({ operations: { op: { name: 'Op', match: ['Op term'], with: ['Ukraine'], period } }, targets: {} });
const messages = (r: ReturnType<typeof withPeriod>) => (r.success ? [] : r.error.issues.map((i) => i.message));

describe("an operation's period in the reviewed data", () => {
  it('is dated by an annex entry, or marked unverified with a note saying where the date comes from', () => {
    expect(withPeriod({ from: '2015-12-01', to: '2016-12-31', annex: 'I.B 3' }).success).toBe(true);
    expect(withPeriod({ from: '2020-01-01', unverified: true, note: 'Press reports of the listing.' }).success).toBe(true);
    expect(messages(withPeriod({ from: '2020-01-01', to: '2020-12-31' }))).toEqual(['a period the annex does not give is unverified, with a note']);
    expect(messages(withPeriod({ from: '2020-01-01', unverified: true }))).toEqual(['a period the annex does not give is unverified, with a note']);
  });

  it('runs forward, in real dates', () => {
    expect(messages(withPeriod({ from: '2017-06-30', to: '2017-06-01', annex: 'I.B 3' }))).toEqual(['from must not be after to']);
    expect(withPeriod({ from: '2017-02-30', annex: 'I.B 3' }).success).toBe(false);
  });

  it('dates every operation of the shipped data, so that none links by its terms alone', () => {
    expect(Object.entries(curation.operations).filter(([, o]) => !o.period).map(([id]) => id)).toEqual([]);
  });
});
