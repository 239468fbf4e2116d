// Where the sources stop, the data say so: a partner missing from a list is recorded as a sourced absence only as far as the
// list goes, and a coverage limit (votes to 2019, members to 2017, conference hosts only) is stated, not filled in.
import { describe, expect, it } from 'vitest';
import { toDate } from '../dates';
import { clone, partnerContent, readYaml, realRawDataset } from '../assess/real-data.test-support';
import { buildDataset } from './dataset';
import { buildProfile } from './profile';
import { STRATEGIC_PARTNER_IDS } from '../vocabularies';
import { parsePublishersFile, sourceGrader } from '../sources/grades';

type Membership = { id: string; status?: string; from: string | number; until?: string | number; datedNotes?: { date: string | number; unverified?: boolean }[] };
type Actor = { id: string; role?: string; sources: { ref: string }[] };

const raw = realRawDataset();
const memberships = (id: string) => (partnerContent(raw, id).memberships ?? []) as Membership[];
const actors = (readYaml('actors.yaml') as { actors: Actor[] }).actors;
const actor = (id: string) => actors.find((a) => a.id === id)!;
const NOT_PARIS_CALL = ['BR', 'CN', 'IN', 'RU', 'ZA'];

describe('coverage of the sources', () => {
  it('the Paris Call: each strategic partner is a supporter or a sourced non-supporter, as the official list gives them', () => {
    for (const id of STRATEGIC_PARTNER_IDS) {
      const entries = memberships(id).filter((m) => m.id === 'paris-call');
      expect(entries.length, id).toBeGreaterThan(0);
      const absent = entries.every((m) => m.status === 'not-member');
      expect(absent, id).toBe(NOT_PARIS_CALL.includes(id));
    }
  });

  it('a sourced absence from the Paris Call never shows as a membership, and dropping it leaves the profile the same', () => {
    const today = '2026-01-31' as Parameters<typeof buildProfile>[2];
    const withAbsence = buildProfile(buildDataset(raw), 'CN', today);
    const copy = clone(raw);
    const cn = partnerContent(copy, 'CN');
    cn.memberships = (cn.memberships as Membership[]).filter((m) => m.id !== 'paris-call');
    expect(withAbsence.memberships).not.toContain('paris-call');
    expect(withAbsence.memberships).toEqual(buildProfile(buildDataset(copy), 'CN', today).memberships);
  });

  it('Freedom Online Coalition: an absence ends with the 2017 list, and a membership from before it says the list is the latest reviewed', () => {
    for (const id of STRATEGIC_PARTNER_IDS) {
      for (const m of memberships(id).filter((x) => x.id === 'freedom-online-coalition')) {
        if (m.status === 'not-member') expect(toDate(m.until!), id).toBe('2017-10-11');
        else if (toDate(m.from) < '2017-10-11') expect(m.datedNotes?.some((n) => toDate(n.date) === '2017-10-11'), id).toBe(true);
      }
    }
  });

  it('no partner vote on a UN cyber resolution after 2019 is recorded, and the General Assembly entry says the voting data end there', () => {
    for (const id of STRATEGIC_PARTNER_IDS) {
      const votes = (partnerContent(raw, id).positions as { unVotes: { date: string }[] }).unVotes;
      expect(votes.filter((v) => v.date > '2019-12-31'), id).toEqual([]);
    }
    expect(actor('un-general-assembly').role).toMatch(/2016 to 2019 only/);
    expect(actor('un-general-assembly').sources.map((s) => s.ref)).toContain('https://github.com/cran/unvotes');
  });

  it('the London Process is recorded by its hosts only, and its entry says participation is not recorded', () => {
    const hosts = STRATEGIC_PARTNER_IDS.filter((id) => memberships(id).some((m) => m.id === 'london-process'));
    expect([...hosts].sort()).toEqual(['IN', 'KR']);
    for (const id of hosts) expect(memberships(id).find((m) => m.id === 'london-process')!).toHaveProperty('from');
    expect(actor('london-process').role).toMatch(/not recorded/);
  });

  it('Russia\u2019s signature of the UN cybercrime convention rests on no low-grade source; the 2017 proposal claimed by one is an unverified note', () => {
    const grader = sourceGrader(parsePublishersFile(readYaml('sources/publishers.yaml'), 'publishers.yaml'));
    const low = (sources: { ref: string }[]) => sources.filter((s) => grader.grade(s.ref)?.grade !== 'secondary' && grader.grade(s.ref)?.grade !== 'primary').map((s) => s.ref);
    type Noted = { sources: { ref: string }[]; datedNotes?: { unverified?: boolean; sources: { ref: string }[] }[] };
    const membership = memberships('RU').find((m) => m.id === 'un-cybercrime-convention') as unknown as Noted;
    const position = (partnerContent(raw, 'RU').positions as { unCybercrimeConvention: Noted[] }).unCybercrimeConvention;
    for (const entry of [membership, ...position]) {
      expect(low(entry.sources)).toEqual([]);
      for (const n of entry.datedNotes ?? []) if (low(n.sources).length) expect(n.unverified).toBe(true);
    }
    expect(membership.datedNotes?.some((n) => n.unverified && low(n.sources).length > 0)).toBe(true);
  });

  it('Mexico\u2019s possible invitation to the Budapest Convention by 2012 is kept as an unverified note, not scored as a stance', () => {
    const bc = (partnerContent(raw, 'MX').positions as { budapestConvention: Membership[] & { stance?: string }[] }).budapestConvention;
    const first = bc[0]!;
    expect(first.datedNotes?.find((n) => toDate(n.date) === '2012-07-06')?.unverified).toBe(true);
    expect((first as { stance?: string }).stance).toBeUndefined();
  });
});
