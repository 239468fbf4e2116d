// The past as it was: a partner's profile as of a date shows nothing learned after that date (no later round, no later
// end, no statement dated later), keeps "first reported" apart from "started", and ends suspended dialogues.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { partnerContent, realDataset, realRawDataset } from '../assess/real-data.test-support';
import { buildDataset } from './dataset';
import { listFacts } from './facts';
import { buildProfile } from './profile';
import { relationsWith } from './relations';

const dataset = realDataset();
/** Mid-year of every year the data covers, and the day renard2016 was presented. */
const DATES = [...Array.from({ length: 27 }, (_, i) => `${2000 + i}-06-30`), '2016-09-05'] as IsoDate[];

/**
 * Fields whose text may name a later year, and why:
 * - `sources` (ref, locator, quote and the grade and address the API adds): a source published later may report an
 *   earlier fact (renard2016 on a dialogue of 2014, a 2019 treaty-office record of a 2001 signature);
 * - `url`: a document's address, which says where to read it, not what was known;
 * - `session`: the name of a body's sitting ("2014-2015" for a UN GGE), fixed when the sitting is set up;
 * - `entryIntoForce` and a Budapest entry's `inForce`: the day the Convention binds a state that has deposited its
 *   instrument, which follows from the deposit by the Convention's rule (or is the day a source states), so a view
 *   between deposit and entry into force names it, as the response plan does; only the Budapest position has them.
 * Everything else is checked: ids, names, titles, notes, summaries, dated notes, dates.
 */
const EXEMPT = ['sources', 'url', 'session', 'entryIntoForce', 'inForce'];

/** Proper names with a year in them that state no date of a fact (a strategy named after its horizon). */
const NAMES_WITH_YEARS = [/\b2020 Strategic Agenda\b/g, /\bcn-2020-strategic-agenda\b/g, /\bEurope 2020\b/g];

/** Every piece of text the view carries, as the API serialises it, except the exempt fields. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(NAMES_WITH_YEARS.reduce((t, re) => t.replace(re, '(name)'), value));
  else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!EXEMPT.includes(k)) texts(v, out);
  }
  return out;
}

/** Each year from 2000 to 2030 later than the as-of year that a text of the view names. */
const laterYears = (value: unknown, asOf: string) =>
  texts(JSON.parse(JSON.stringify(value)))
    .flatMap((t) => [...t.matchAll(/\b(20[0-2]\d|2030)\b/g)].map((m) => Number(m[1])).filter((y) => y > Number(asOf.slice(0, 4))).map((y) => `${y} in "${t.slice(0, 100)}"`));

/** The end of each quarter of 2012-2016, where the papers' dialogues are dense, and mid-year before and after. */
const MONTH_DATES = [
  ...Array.from({ length: 12 }, (_, i) => `${2000 + i}-06-30`),
  ...Array.from({ length: 5 }, (_, i) => ['03-31', '06-30', '09-30', '12-31'].map((md) => `${2012 + i}-${md}`)).flat(),
  '2016-09-05',
  ...Array.from({ length: 10 }, (_, i) => `${2017 + i}-06-30`),
] as IsoDate[];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "May 2014", "19 May 2014", "Sept. 2014", "May, 2014" (a month name followed by its year). */
const MONTH_NAME_YEAR =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(20[0-2]\d|2030)\b/gi;
/** "2014-05" and "2014-05-19". */
const ISO_MONTH = /\b(20[0-2]\d|2030)-(0[1-9]|1[0-2])\b/g;

/** Each month and year later than the as-of month that a text of the view names, as "YYYY-MM in \"text\"". */
const laterMonths = (value: unknown, asOf: string) =>
  texts(JSON.parse(JSON.stringify(value))).flatMap((t) => {
    const named = [
      ...[...t.matchAll(MONTH_NAME_YEAR)].map((m) => `${m[2]}-${String(MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1).padStart(2, '0')}`),
      ...[...t.matchAll(ISO_MONTH)].map((m) => `${m[1]}-${m[2]}`),
    ];
    return named.filter((ym) => ym > asOf.slice(0, 7)).map((ym) => `${ym} in "${t.slice(0, 100)}"`);
  });

/**
 * Month leaks still in the data, each with why it is not fixed yet; the list may only shrink (a test below fails on an
 * entry that no longer leaks). What remains: a summit's `attention` entry has a year and no dated notes; a dialogue's
 * summary names later months and a dialogue has no dated notes; a round dated only "around" a month.
 */
const KNOWN_MONTH_LEAKS: { partner: string; text: string; why: string }[] = [
  { partner: 'IN', text: 'renard2014 counts India, with China and Brazil', why: 'summit attention has a year only' },
  { partner: 'JP', text: 'renard2014 counts Japan, with the US', why: 'summit attention has a year only' },
  { partner: 'KR', text: 'At the 8th summit (Seoul, 15 September 2015)', why: 'summit attention has a year only' },
  { partner: 'UA', text: '4th round around October 2025', why: 'the source gives the month only approximately (low-quality source)' },
  { partner: 'US', text: 'The 3 November 2009 summit declaration', why: 'summit attention has a year only' },
  { partner: 'US', text: 'Set up at the Lisbon summit of November 2010', why: 'the dialogue summary names the April 2011 concept paper and the November 2011 exercise; a dialogue has no dated notes' },
];
const isKnown = (partner: string, leak: string) => KNOWN_MONTH_LEAKS.some((k) => k.partner === partner && leak.slice(12).startsWith(k.text));

describe('a profile as of a date', () => {
  it('names no later year anywhere in the profile (notes, summaries, titles, dated notes), for every partner', () => {
    const leaks = DATES.flatMap((asOf) => [...dataset.partners.keys()].flatMap((id) => laterYears(buildProfile(dataset, id, asOf), asOf).map((l) => `${id} as of ${asOf}: ${l}`)));
    expect(leaks).toEqual([]);
  });

  it('the year check catches a later statement: a 2016 remark put back into a 2014 note is found', () => {
    const raw = realRawDataset();
    const cn = raw.partnerships.find((f) => f.name === 'partnerships/cn.yaml')!.content as { positions: { budapestConvention: { note?: string }[] } };
    cn.positions.budapestConvention[1]!.note += ' Still opposed in 2016.';
    const p = buildProfile(buildDataset(raw), 'CN', '2014-06-30' as IsoDate);
    // Found in the position and in its history, and nowhere else.
    const found = laterYears(p, '2014-06-30');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.startsWith('2016 in "With Russia, China leads'))).toBe(true);
  });

  const monthLeaks = () =>
    MONTH_DATES.flatMap((asOf) => [...dataset.partners.keys()].flatMap((id) => laterMonths(buildProfile(dataset, id, asOf), asOf).map((leak) => ({ id, asOf, leak }))));

  it('names no later month anywhere in the profile, for every partner at the end of each quarter of 2012-2016', () => {
    const leaks = monthLeaks().filter((l) => !isKnown(l.id, l.leak)).map((l) => `${l.id} as of ${l.asOf}: ${l.leak}`);
    expect(leaks).toEqual([]);
  });

  it('lists as known only month leaks that are still there', () => {
    const leaks = monthLeaks();
    const stale = KNOWN_MONTH_LEAKS.filter((k) => !leaks.some((l) => l.id === k.partner && l.leak.slice(12).startsWith(k.text)));
    expect(stale).toEqual([]);
  });

  it('the month check reads month names and ISO months, and lets the as-of month and earlier ones through', () => {
    const v = { note: 'Charges of 19 May 2014; talks in Sept. 2014; a round on 2014-02-03; a plan of March 2014.', sources: [{ locator: 'December 2014' }] };
    expect(laterMonths(v, '2014-03-31').map((l) => l.slice(0, 7))).toEqual(['2014-05', '2014-09']);
    expect(laterMonths(v, '2014-01-31').map((l) => l.slice(0, 7))).toEqual(['2014-05', '2014-09', '2014-03', '2014-02']);
    expect(laterMonths(v, '2014-09-30')).toEqual([]);
  });

  it('the month check catches a within-year leak: a May 2014 remark put back into a note shown as of 2014-01-31', () => {
    const raw = realRawDataset();
    const cn = raw.partnerships.find((f) => f.name === 'partnerships/cn.yaml')!.content as { positions: { budapestConvention: { note?: string }[] } };
    cn.positions.budapestConvention[1]!.note += ' Unchanged in May 2014.';
    const before = new Set(laterMonths(buildProfile(dataset, 'CN', '2014-01-31' as IsoDate), '2014-01-31'));
    const p = buildProfile(buildDataset(raw), 'CN', '2014-01-31' as IsoDate);
    // Found in the position and in its history, and nowhere else.
    const found = laterMonths(p, '2014-01-31').filter((l) => !before.has(l));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.startsWith('2014-05 in "With Russia, China leads'))).toBe(true);
    expect(laterMonths(p, '2014-06-30').filter((l) => l.includes('Unchanged'))).toEqual([]);
  });

  it('shows a dated note only from its date: Russia in the Council of Europe, and China on the Budapest Convention', () => {
    const coeNotes = (asOf: string) =>
      (buildProfile(dataset, 'RU', asOf as IsoDate).membershipDetails.find((m) => m.id === 'council-of-europe')?.datedNotes ?? []).map((n) => n.date);
    expect(coeNotes('2013-06-30')).toEqual([]);
    expect(coeNotes('2014-06-30')).toEqual([2014]);
    expect(coeNotes('2016-09-05')).toEqual([2014, '2016-09-05']);
    expect(coeNotes('2022-03-01')).toEqual([2014, '2016-09-05', '2022-02-25']);
    // Without a date, every note is there.
    expect(buildProfile(dataset, 'RU', undefined).membershipDetails.find((m) => m.id === 'council-of-europe')).toBeUndefined();
    const budapest = (asOf: string) => buildProfile(dataset, 'CN', asOf as IsoDate).positions.budapestConvention?.datedNotes?.length ?? 0;
    expect([budapest('2016-06-30'), budapest('2016-09-05')]).toEqual([0, 1]);
  });

  it('keeps a dated note searchable: the Russia Council of Europe fact still names the 2022 exclusion', () => {
    const coe = listFacts(dataset).find((f) => f.id === 'membership:RU-council-of-europe')!;
    expect(coe.text).toContain('Committee of Ministers');
  });

  it('gives no round, status or end dated after the date, for every partner', () => {
    for (const asOf of DATES) {
      for (const id of dataset.partners.keys()) {
        const p = buildProfile(dataset, id, asOf);
        for (const d of p.dialogues) {
          for (const m of d.meetings) expect(String(m.date) <= asOf || Number(m.date) <= Number(asOf.slice(0, 4)), d.id).toBe(true);
          for (const s of d.statusHistory) expect(s.until === undefined || String(s.until) <= asOf || Number(s.until) <= Number(asOf.slice(0, 4))).toBe(true);
        }
      }
    }
  });

  it("replays Japan as of 2014-06-30 without the 2024 round, the 2026 round or the 2023 protocol", () => {
    const jp = buildProfile(dataset, 'JP', '2014-06-30' as IsoDate);
    expect(laterYears(jp, '2014-06-30')).toEqual([]);
    const cyber = jp.dialogues.find((d) => d.id === 'jp-cyber-dialogue')!;
    expect(cyber.meetings).toEqual([]);
    expect(cyber.fora).toEqual([]);
    // As of 2025 the 6th round and what it took up are there; the unverified 7th round is not counted.
    const later = buildProfile(dataset, 'JP', '2026-06-30' as IsoDate).dialogues.find((d) => d.id === 'jp-cyber-dialogue')!;
    expect(later.meetings.map((m) => m.title)).toEqual(['6th round, Tokyo', '7th round, Brussels (around January 2026)']);
    expect(later.fora).toEqual(expect.arrayContaining(['un-oewg', 'un-programme-of-action', 'g7', 'asean-regional-forum']));
    expect(later.lastReported).toBe('2024-11-11');
  });

  it('dates "unknown since" from the last report, a dated note on a status included (Mexico\u2019s telecom group, still listed in 2016)', () => {
    const view = (ds: typeof dataset) => buildProfile(ds, 'MX', '2021-06-30' as IsoDate).dialogues.find((d) => d.id === 'mx-telecom-working-group')!;
    const telecom = view(dataset);
    expect(telecom.status).toBe('unknown');
    expect(telecom.statusSince).toBe('2016-09-05');
    expect(telecom.lastReported).toBe('2016-09-05');
    // The note unverified, it is no report: the last report is the status entry of 2016.
    const raw = realRawDataset();
    const d = (partnerContent(raw, 'MX').dialogues as { id: string; status: { datedNotes?: { unverified?: boolean }[] }[] }[]).find((x) => x.id === 'mx-telecom-working-group')!;
    for (const s of d.status) for (const n of s.datedNotes ?? []) n.unverified = true;
    expect(view(buildDataset(raw)).statusSince).toBe(2016);
    // India's cyber dialogue, reported meeting annually by renard2014 and renard2016, is last reported by them, not in 2011.
    const india = (asOf: string) => buildProfile(dataset, 'IN', asOf as IsoDate).dialogues.find((x) => x.id === 'in-cyber-dialogue')!.lastReported;
    expect(india('2014-12-31')).toBe(2014);
    expect(india('2016-12-31')).toBe('2016-09-05');
  });

  it('says when a status rests only on an unverified entry, and a plan\u2019s relations do not count it', () => {
    const digital = (ds: typeof dataset) => buildProfile(ds, 'CN', '2024-06-30' as IsoDate).dialogues.find((d) => d.id === 'cn-high-level-digital-dialogue')!;
    expect(digital(dataset)).toMatchObject({ status: 'active', statusUnverified: true });
    expect(relationsWith(dataset, 'CN', '2024-06-30' as IsoDate).cyberDialogues.map((d) => d.id)).not.toContain('cn-high-level-digital-dialogue');
    // An unverified round that repeats a verified status leaves it verified (Ukraine's dialogue, active since 2021).
    expect(buildProfile(dataset, 'UA', '2025-06-30' as IsoDate).dialogues.find((d) => d.id === 'ua-cyber-dialogue')).toMatchObject({ status: 'active', statusUnverified: false });
    expect(buildProfile(dataset, 'US', '2017-06-30' as IsoDate).agreements.find((a) => a.id === 'us-data-protection-agreement')).toMatchObject({ status: 'signed', statusUnverified: true });
    // Verified, the same entries count.
    const raw = realRawDataset();
    const d = (partnerContent(raw, 'CN').dialogues as { id: string; status: { unverified?: boolean }[] }[]).find((x) => x.id === 'cn-high-level-digital-dialogue')!;
    for (const e of d.status) delete e.unverified;
    const verified = buildDataset(raw);
    expect(digital(verified).statusUnverified).toBe(false);
    expect(relationsWith(verified, 'CN', '2024-06-30' as IsoDate).cyberDialogues.map((x) => x.id)).toContain('cn-high-level-digital-dialogue');
  });

  it("replays China as of 2014-06-30 without citing or describing the 2018 paper", () => {
    const cn = buildProfile(dataset, 'CN', '2014-06-30' as IsoDate);
    expect(JSON.stringify(cn)).not.toContain('bendiek2018');
    expect(texts(cn).filter((t) => /\b2018\b/.test(t))).toEqual([]);
  });

  it('hides an end that comes after the date: Russia in the Council of Europe as of 2016 has no end yet', () => {
    const ru = buildProfile(dataset, 'RU', '2016-09-05' as IsoDate);
    const coe = ru.membershipDetails.find((m) => m.id === 'council-of-europe');
    expect(coe).toBeDefined();
    expect(coe!.until).toBeUndefined();
  });

  it('keeps "first reported" apart from "started": the summit is first reported in 2014, its start unknown', () => {
    const jp = buildProfile(dataset, 'JP', '2016-09-05' as IsoDate);
    const summit = jp.dialogues.find((d) => d.id === 'jp-summit')!;
    expect(summit.established).toBeNull();
    expect(summit.firstReported).toBe(2014);
    const cyber = jp.dialogues.find((d) => d.id === 'jp-cyber-dialogue')!;
    expect(cyber.established).toBe(2014);
  });

  it('dates a fact with no known start by its first report, and says so: no year of entry into force is invented', () => {
    const jp = buildProfile(dataset, 'JP', '2016-09-05' as IsoDate);
    const liaison = jp.agreements.find((a) => a.id === 'jp-eurojust-liaison-magistrate')!;
    expect(liaison.status).toBe('in-force');
    expect(liaison.statusReported).toBe(true);
    expect(liaison.inForceYear).toBeNull();
    const mla = jp.agreements.find((a) => a.id === 'jp-mla-2009')!;
    expect([mla.statusReported, mla.inForceYear]).toEqual([false, 2011]);
    expect(jp.membershipDetails.find((m) => m.id === 'g8-24-7-network')?.reported).toBe(true);
    expect(jp.cooperation.find((c) => c.id === 'jp-joint-research-funding')?.reported).toBe(true);
  });

  it('ends the EU-Russia Permanent Partnership Council in 2014, and says since when a status is unknown', () => {
    const ppc = (asOf: string) => buildProfile(dataset, 'RU', asOf as IsoDate).dialogues.find((d) => d.id === 'ru-permanent-partnership-council')!;
    expect(ppc('2016-09-05').status).toBe('suspended');
    expect(ppc('2026-06-30').status).toBe('suspended');
    const summit = buildProfile(dataset, 'IN', '2026-06-30' as IsoDate).dialogues.find((d) => d.id === 'in-summit')!;
    expect(summit.status).toBe('unknown');
    expect(summit.statusSince).toBe(2014);
    // A later report ends the unknown: the EU-Japan summit, unknown from 2018, is reported again on 13 July 2023.
    const jp = (asOf: string) => buildProfile(dataset, 'JP', asOf as IsoDate).dialogues.find((d) => d.id === 'jp-summit')!;
    expect(jp('2023-07-12').status).toBe('unknown');
    expect(jp('2026-06-30').status).toBe('active');
    // The EU-Korea cyber dialogue's 6th round (November 2020) and 7th (May 2025) leave three full years without a report.
    const kr = (asOf: string) => buildProfile(dataset, 'KR', asOf as IsoDate).dialogues.find((d) => d.id === 'kr-cyber-policy-consultation')!;
    expect(kr('2023-12-31').status).toBe('active');
    expect(kr('2024-06-30').status).toBe('unknown');
    expect(kr('2025-05-20').status).toBe('active');
  });
});
