import { describe, expect, it } from 'vitest';
import { ActorRecord, AttributionRecord } from './records';
import { parseAttribution, safeParseActor, plainActor, plainAttribution, type ActorInput, type AttributionInput } from './stix-record-check';
import { seededRandom } from '../seeded-random';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const TEXTS = ['APT 28', ' padded ', 'x', '', '   ', '\tTab\n', 'Ünïcode'];
const ODD: unknown[] = [undefined, null, 5, 1.5, true, {}, [], ['a'], [''], [' a '], ['a', 7], 'EE', 'ee', 'EST', ' EE', 'E1', -1, 0, 100, 101, 60, Number.NaN, 'incident', 'actor', 'identity', 'threat-actor', 'tool'];

/** A value of the kind the mapping gives this key, or now and then any other value. */
function value(rnd: () => number, key: string): unknown {
  if (rnd() < 0.06) return pick(rnd, ODD);
  switch (key) {
    case 'kind':
      return pick(rnd, ['threat-actor', 'intrusion-set', 'campaign', 'identity']);
    case 'aliases':
    case 'types':
    case 'uses':
      return Array.from({ length: Math.floor(rnd() * 3) }, () => pick(rnd, TEXTS));
    case 'country':
      return pick(rnd, [null, 'EE', 'RU', 'CN']);
    case 'confidence':
      return pick(rnd, [null, 0, 30, 60, 100]);
    case 'subject':
      return { kind: pick(rnd, ['incident', 'actor']), id: pick(rnd, ['inc-1', 'act-2', ' act-3 ']) };
    case 'name':
    case 'target':
      return pick(rnd, TEXTS);
    default:
      return rnd() < 0.4 ? undefined : pick(rnd, TEXTS);
  }
}

const ACTOR_KEYS = ['kind', 'name', 'aliases', 'description', 'country', 'types', 'sophistication', 'resourceLevel', 'primaryMotivation', 'firstSeen', 'lastSeen', 'uses'];
const ATTRIBUTION_KEYS = ['subject', 'target', 'confidence', 'description', 'by', 'date'];

/** An input in the schema's key order, at times with a key dropped, an unknown one added or the subject broken. */
function draw(rnd: () => number, keys: readonly string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of keys) o[k] = value(rnd, k);
  if (rnd() < 0.05) delete o[pick(rnd, keys)];
  if (rnd() < 0.05) o.extra = 'x';
  if (rnd() < 0.05 && o.subject && typeof o.subject === 'object') (o.subject as Record<string, unknown>)[pick(rnd, ['kind', 'id', 'extra'])] = pick(rnd, ODD);
  return o;
}

/** The schema's answer: its output, or its refusal's issues. */
function schema(s: typeof ActorRecord | typeof AttributionRecord, o: unknown) {
  const r = s.safeParse(o);
  return r.success ? { ok: r.data } : { issues: r.error.issues };
}

describe('the written-out actor and attribution checks give the schema answer', () => {
  it('actors: whenever the check answers, the schema gives the same value with its keys in the same order', () => {
    const rnd = seededRandom(7);
    let answered = 0;
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      const o = draw(rnd, ACTOR_KEYS);
      const expected = schema(ActorRecord, o);
      const got = plainActor(o as unknown as ActorInput);
      if (got !== undefined) {
        answered++;
        expect(expected, JSON.stringify(o)).toStrictEqual({ ok: got });
        expect(Object.keys(got)).toEqual(Object.keys((expected as { ok: object }).ok));
      } else if ('issues' in expected) refused++;
      // Through the entry point the mapping calls: the schema's value, or its refusal.
      if ('ok' in expected) expect(safeParseActor(o as unknown as ActorInput)).toStrictEqual({ success: true, data: expected.ok });
      else expect(safeParseActor(o as unknown as ActorInput).success).toBe(false);
    }
    expect(answered).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  }, 60_000);

  it('attributions: whenever the check answers, the schema gives the same value with its keys in the same order', () => {
    const rnd = seededRandom(8);
    let answered = 0;
    let refused = 0;
    for (let k = 0; k < 3000; k++) {
      const o = draw(rnd, ATTRIBUTION_KEYS);
      const expected = schema(AttributionRecord, o);
      const got = plainAttribution(o as unknown as AttributionInput);
      if (got !== undefined) {
        answered++;
        expect(expected, JSON.stringify(o)).toStrictEqual({ ok: got });
        expect(Object.keys(got)).toEqual(Object.keys((expected as { ok: object }).ok));
      } else if ('issues' in expected) refused++;
      if ('ok' in expected) expect(parseAttribution(o as unknown as AttributionInput)).toStrictEqual(expected.ok);
      else expect(() => parseAttribution(o as unknown as AttributionInput)).toThrow();
    }
    expect(answered).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  }, 60_000);
});
