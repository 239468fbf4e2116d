import { describe, expect, it } from 'vitest';
import { fairTurns } from './fair-turns';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('fair turns', () => {
  it('starts at most perTurn requests per loop turn, first come first served', async () => {
    const turns = fairTurns({ perTurn: 3, maxWaiting: 100 });
    const started: number[] = [];
    for (let i = 0; i < 8; i++) turns.admit(() => started.push(i));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(turns.waiting).toBe(0);
  });

  it('lets I/O of the same turn run between batches', async () => {
    const turns = fairTurns({ perTurn: 1, maxWaiting: 100 });
    const log: string[] = [];
    turns.admit(() => log.push('a'));
    turns.admit(() => log.push('b'));
    // Queued after the first batch was scheduled: runs between the two batches, as an accept would.
    setImmediate(() => log.push('io'));
    await nextTurn();
    await nextTurn();
    expect(log).toEqual(['a', 'io', 'b']);
  });

  it('refuses beyond maxWaiting and admits again once the queue drains', async () => {
    const turns = fairTurns({ perTurn: 2, maxWaiting: 2 });
    expect(turns.admit(() => {})).toBe(true);
    expect(turns.admit(() => {})).toBe(true);
    expect(turns.admit(() => {})).toBe(false);
    await nextTurn();
    expect(turns.waiting).toBe(0);
    expect(turns.admit(() => {})).toBe(true);
  });
});
