// The hash chain: canonical JSON, and verification naming the first changed, missing or reordered entry.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, canonicalJson, chainHash, chainInput, type AuditEntry, type ChainedEntry, type StoredEntry } from './chain';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntry = { seq, at: `2026-01-0${seq}T00:00:00.000Z`, actor: 'user:alice', actorOrg: 'DE', action: 'incident.update', targetType: 'incident', targetId: `inc-${seq}`, before: { v: seq - 1 }, after: { v: seq } };
    const hash = chainHash(sha, prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const verify = (entries: StoredEntry[], head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? GENESIS_HASH }) => {
  const v = new ChainVerifier(sha);
  v.add(entries);
  return v.finish(head);
};

describe('audit hash chain', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('the input built around contents canonicalised once is the one chainHash hashes (property)', () => {
    const text = (s: string) => s;
    const entry = fc.record({
      seq: fc.integer({ min: 1, max: 1e9 }),
      at: fc.string(),
      actor: fc.string(),
      actorOrg: fc.option(fc.string(), { nil: null }),
      action: fc.string(),
      targetType: fc.string(),
      targetId: fc.string(),
      before: fc.option(fc.jsonValue(), { nil: null }),
      after: fc.option(fc.jsonValue(), { nil: null }),
    });
    fc.assert(
      fc.property(entry, fc.string(), (e, prev) => {
        const input = chainInput(prev, e, canonicalJson(e.before), canonicalJson(e.after));
        expect(input).toBe(chainHash(text, prev, e));
        // Another content gives another input: the parts are not ignored.
        expect(chainInput(prev, e, canonicalJson(e.before), canonicalJson({ other: e.after }))).not.toBe(input);
      }),
    );
  });

  it('accepts an intact chain, also when read in pages', () => {
    const entries = chain(5);
    expect(verify(entries)).toMatchObject({ valid: true, entries: 5 });
    const v = new ChainVerifier(sha);
    v.add(entries.slice(0, 2));
    v.add(entries.slice(2));
    expect(v.finish({ seq: 5, hash: entries[4]?.hash ?? '' }).valid).toBe(true);
  });

  it('names an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...(entries[2] as ChainedEntry), after: { v: 99 } };
    expect(verify(entries)).toMatchObject({ valid: false, seq: 3 });
  });

  it("names the first entry whose own check fails once its hash holds, and no entry after it", () => {
    const entries = chain(5);
    const seen: number[] = [];
    const v = new ChainVerifier(sha);
    expect(v.add(entries, (e) => (seen.push(e.seq), e.seq === 4 ? 'its body is not stored as it was' : undefined))).toBe(false);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(v.finish({ seq: 5, hash: entries[4]?.hash ?? '' })).toEqual({ valid: false, entries: 3, seq: 4, reason: 'its body is not stored as it was' });
    // A broken hash is named before the check is asked.
    entries[1] = { ...(entries[1] as ChainedEntry), after: { v: 99 } };
    const w = new ChainVerifier(sha);
    w.add(entries, (e) => (e.seq > 1 ? 'asked of an entry whose hash fails' : undefined));
    expect(w.finish({ seq: 5, hash: entries[4]?.hash ?? '' })).toMatchObject({ valid: false, seq: 2, reason: expect.stringContaining('does not match its hash') });
  });

  it('checks a link over the canonical text its contents were stored as, without writing them out again', () => {
    const entries: StoredEntry[] = chain(3).map((e) => {
      const storedText = { before: canonicalJson(e.before), after: canonicalJson(e.after) };
      // Contents that cannot be written out again: the stored text alone must decide.
      const unreadable = {
        get v(): never {
          throw new Error('the parsed contents were written out again');
        },
      };
      return { ...e, before: unreadable, after: unreadable, storedText };
    });
    expect(verify(entries)).toMatchObject({ valid: true, entries: 3 });
  });

  it('checks a stored text that is not the canonical one from the parsed contents, as before', () => {
    const entries: StoredEntry[] = chain(3).map((e) => ({ ...e, storedText: { before: JSON.stringify(e.before, null, 1), after: ` ${canonicalJson(e.after)}` } }));
    expect(verify(entries)).toMatchObject({ valid: true, entries: 3 });
    // Changed contents are named whatever text they came with, canonical or not.
    const changed = (e: StoredEntry, after: unknown, text: string): StoredEntry => ({ ...e, after, storedText: { before: canonicalJson(e.before), after: text } });
    const one = [...entries];
    one[1] = changed(one[1] as StoredEntry, { v: 99 }, '{"v":99}');
    expect(verify(one)).toMatchObject({ valid: false, seq: 2 });
    one[1] = changed(one[1] as StoredEntry, { v: 99 }, '{ "v": 99 }');
    expect(verify(one)).toMatchObject({ valid: false, seq: 2 });
  });

  it('names the entry after one whose hash was recomputed to match an edit', () => {
    const entries = chain(5);
    const edited = { ...(entries[1] as ChainedEntry), actor: 'user:mallory' };
    entries[1] = { ...edited, hash: chainHash(sha, edited.prevHash, edited) };
    expect(verify(entries)).toMatchObject({ valid: false, seq: 3 });
  });

  it('names a missing entry and a trail cut short at the end', () => {
    const entries = chain(5);
    expect(verify([...entries.slice(0, 2), ...entries.slice(3)])).toMatchObject({ valid: false, seq: 3, reason: expect.stringMatching(/missing/) });
    expect(verify(entries.slice(0, 3), { seq: 5, hash: entries[4]?.hash ?? '' })).toMatchObject({ valid: false, reason: expect.stringMatching(/removed from the end/) });
  });
});
