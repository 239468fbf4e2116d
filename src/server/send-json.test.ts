// How a cached view's answer reads the client's If-None-Match and Accept-Encoding headers.
import { describe, expect, it } from 'vitest';
import { chosenCoding, matchesTag } from './send-json';

describe('entity tags', () => {
  it('matches the tag itself, its weak form, * and a tag in a list; nothing else', () => {
    expect(matchesTag('"abc"', '"abc"')).toBe(true);
    expect(matchesTag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesTag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesTag('*', '"abc"')).toBe(true);
    expect(matchesTag('"abd"', '"abc"')).toBe(false);
    expect(matchesTag('abc', '"abc"')).toBe(false);
    expect(matchesTag(undefined, '"abc"')).toBe(false);
    expect(matchesTag('', '"abc"')).toBe(false);
  });
});

describe('content coding', () => {
  it('prefers br, then gzip, among the codings accepted with q > 0', () => {
    expect(chosenCoding('gzip, deflate, br')).toBe('br');
    expect(chosenCoding('gzip, deflate')).toBe('gzip');
    expect(chosenCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chosenCoding('GZIP')).toBe('gzip');
    expect(chosenCoding('*')).toBe('br');
    expect(chosenCoding('*, br;q=0')).toBe('gzip');
  });

  it('sends the body as it is when nothing usable is accepted', () => {
    expect(chosenCoding(undefined)).toBeUndefined();
    expect(chosenCoding('identity')).toBeUndefined();
    expect(chosenCoding('deflate')).toBeUndefined();
    expect(chosenCoding('gzip;q=0, br;q=0')).toBeUndefined();
    expect(chosenCoding('*;q=0')).toBeUndefined();
  });
});
