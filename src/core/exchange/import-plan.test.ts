import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { seededRandom } from '../seeded-random';
import { ImportPlanner, type ContentHashes, type PlanContext, type StoredRecord } from './import-plan';
import type { Imported, Marking } from './records';
import { newReport } from './report';

const local: Principal = { kind: 'local', org: 'EE' };
const amber: Marking = { tlp: { version: '2.0', level: 'amber', id: 'marking-definition--amber' }, statements: [], unresolved: [] };

/** A stand-in for the link hash: what it hashes, readable, and how often it was asked. */
function counting() {
  const calls = { n: 0 };
  const hash: PlanContext['hash'] = (body, marking) => {
    calls.n++;
    return `${body}|${JSON.stringify(marking)}`;
  };
  return { calls, hash };
}

function drawItems(random: () => number, n: number): Imported<unknown>[] {
  // Ids repeat on purpose: two items of one id are still two records with their own bodies.
  return Array.from({ length: n }, (_, i) => ({
    id: `inc-${Math.floor(random() * (n / 2 + 1))}`,
    body: { title: `t${Math.floor(random() * 5)}`, n: i % 3 },
    marking: random() < 0.5 ? null : amber,
    source: { format: 'stix' as const, key: `incident--${i}`, modified: null },
  }));
}

describe('the import plan: content hashes worked out once for a second plan of the same items', () => {
  it('plans with the hashes of a first plan exactly as without them, asking for each item\'s hash once', () => {
    const random = seededRandom(3);
    for (let run = 0; run < 50; run++) {
      const items = drawItems(random, 1 + Math.floor(random() * 40));
      // Some ids stored with a link whose hash is that of a drawn body, so that both "unchanged" and "check" occur.
      const stored = new Map<string, StoredRecord>();
      for (const item of items) {
        if (random() < 0.4) stored.set(item.id, { exists: true, kind: 'incident', link: { hash: `${JSON.stringify({ title: `t${Math.floor(random() * 5)}`, n: Math.floor(random() * 3) })}|${JSON.stringify(item.marking)}`, sourceModified: null }, marking: { tlp: 'amber', owner: 'EE', sharedWith: [], recipients: [] } });
      }
      const plain = counting();
      const plan = (hash: PlanContext['hash'], hashes?: ContentHashes) => {
        const report = newReport('stix', [], false);
        const writes = new ImportPlanner(stored, { principal: local, defaultTlp: 'green', options: {}, hash, hashes }, report).plan('incident', items);
        return { writes, written: report.written };
      };
      const expected = plan(plain.hash);
      const shared = counting();
      const hashes: ContentHashes = new Map();
      const first = plan(shared.hash, hashes);
      const second = plan(shared.hash, hashes);
      expect(first).toEqual(expected);
      expect(second).toEqual(expected);
      expect(plain.calls.n).toBe(items.length);
      expect(shared.calls.n).toBe(items.length);
      expect(hashes.size).toBe(items.length);
    }
  });
});
