// Who attributed, read from the author's words: a member state's public authority named by its adjective ("German
// government", "French ANSSI") is a member state's attribution, as "DE government" or "Germany" are; a firm, a fund or
// a research body with the same adjective is not (bendiek2018: attribution is the states' political decision).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { attributorTypeOf, attributorTypeOn } from './incident';
import { measureIn, plan, MINISTRY_INTRUSION } from './toolbox.fixture';

describe("an attribution's author named by its state's adjective", () => {
  it.each([
    ['German government', 'member-state'],
    ['French ANSSI', 'member-state'],
    ['Dutch Ministry of Defence', 'member-state'],
    ['Greek government', 'member-state'],
    ['German Marshall Fund', 'other'],
    ['Dutch firm Fox-IT', 'other'],
    ['German researchers', 'other'],
    ['Russian government', 'other'],
  ])('%s reads as %s', (by, type) => {
    expect(attributorTypeOf(by)).toBe(type);
  });

  it("reads a state's adjective with the membership of the day: the British government counts as a member state's up to 31 January 2020", () => {
    expect(attributorTypeOn({ by: 'British government' }, '2020-01-31' as IsoDate)).toBe('member-state');
    expect(attributorTypeOn({ by: 'British government' }, '2020-02-01' as IsoDate)).toBe('other');
    expect(attributorTypeOn({ by: 'UK government' }, '2018-12-20' as IsoDate)).toBe('member-state');
  });

  it("opens the restrictive measures on the German government's public political attribution, and keeps them closed on a German firm's", () => {
    const by = (author: string) => measureIn(plan({ ...MINISTRY_INTRUSION, attribution: [{ kind: 'political', by: author, confidence: 'high', public: true }] }), 'restrictive-measures');
    expect(by('DE government').available).toBe(true);
    expect(by('German government').available).toBe(true);
    expect(by('German security firm').available).toBe(false);
  });
});
