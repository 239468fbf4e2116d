import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordId, sha1Hex, stixIdFor, uuidV5 } from './hash';

describe('sha1Hex', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex('a'.repeat(1000))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });
  it('hashes UTF-8 text', () => {
    expect(sha1Hex('Heizölrückstoßabdämpfung')).toHaveLength(40);
  });
  it("gives the platform's digest for texts of every length around the block boundaries, in any script", () => {
    const node = (t: string) => createHash('sha1').update(t).digest('hex');
    const letters = 'aZ9 -:|ößΩж漢😀';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let length = 0; length < 200; length++) {
      const text = Array.from({ length }, () => letters[next() % letters.length]).join('');
      expect(sha1Hex(text)).toBe(node(text));
    }
  });
});

describe('uuidV5', () => {
  it('matches RFC 4122 for the DNS namespace (python uuid.uuid5(NAMESPACE_DNS, "www.example.com"))', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('gives ids the STIX identifier pattern accepts', () => {
    expect(stixIdFor('incident', 'inc-123')).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('is deterministic', () => {
    expect(recordId('inc', 'eurepoc:1032')).toBe(recordId('inc', 'eurepoc:1032'));
    expect(recordId('inc', 'eurepoc:1032')).toMatch(/^inc-[0-9a-f]{12}$/);
  });
  it('gives the same ids with the platform\'s SHA-1 as with its own, so imports may use either', () => {
    const node = (t: string) => createHash('sha1').update(t).digest('hex');
    for (const key of ['incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', 'eurepoc:1032', 'cfr:Heizölrückstoß|2015-05-01', '']) expect(recordId('act', key, node)).toBe(recordId('act', key));
  });
});
