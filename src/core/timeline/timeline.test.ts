// The timeline reproduces what the papers say of the thickening fabric of dialogues (renard2014 "Assessing the partnerships";
// renard2016 s.5): four new dialogues in 2014 and at least one cyber-related dialogue with every partner by 2016.
import { describe, expect, it } from 'vitest';
import { displayDate, type IsoDate } from '../dates';
import { isAppError } from '../errors';
import { partnerContent, realDataset, realRawDataset } from '../assess/real-data.test-support';
import { buildDataset } from '../kb/dataset';
import { STRATEGIC_PARTNER_IDS } from '../vocabularies';
import { activeCyberDialoguesByYear, dialoguesLaunchedIn } from './active-dialogues';
import { membershipTitle } from './events';
import { buildTimeline } from './timeline';

const dataset = realDataset();

describe('the fabric of dialogues', () => {
  it('has four new cyber dialogues launched in 2014, with Brazil, Japan, South Korea and the US', () => {
    const launched = dialoguesLaunchedIn(dataset, 2014);
    expect(launched).toHaveLength(4);
    expect(launched.flatMap((d) => d.partners).sort()).toEqual(['BR', 'JP', 'KR', 'US']);
  });

  it('has at least one active cyber-related dialogue with every partner by 2016', () => {
    const row = activeCyberDialoguesByYear(dataset, undefined, undefined).find((r) => r.year === 2016)!;
    for (const p of STRATEGIC_PARTNER_IDS) expect(row.byPartner[p], p).toBeGreaterThanOrEqual(1);
  });

  it('shows the fabric thickening: more active cyber-related dialogues in 2016 than in 2010', () => {
    const rows = activeCyberDialoguesByYear(dataset, undefined, '2016-12-31' as IsoDate);
    const total = (y: number) => rows.find((r) => r.year === y)!.total;
    expect(total(2016)).toBeGreaterThan(total(2010));
    expect(rows.at(-1)!.year).toBe(2016);
  });

  it('keeps first reports apart from launches: the 2014 rise is the four new dialogues plus dialogues first reported then', () => {
    const rows = activeCyberDialoguesByYear(dataset, undefined, '2016-12-31' as IsoDate);
    const row = (y: number) => rows.find((r) => r.year === y)!;
    const started = (y: number) => row(y).total - row(y).startUnknown;
    // Dialogues with a known start: exactly the four launched in 2014 are added.
    expect(started(2014) - started(2013)).toBe(dialoguesLaunchedIn(dataset, 2014).length);
    // The rest of the rise is dialogues whose start is not given, first reported by renard2014.
    expect(row(2014).startUnknown).toBeGreaterThan(row(2013).startUnknown);
    expect(row(2014).total - row(2013).total).toBe(started(2014) - started(2013) + row(2014).startUnknown - row(2013).startUnknown);
  });

  it('ends dialogues when the sources say so, and says when their status is unknown', () => {
    const ru = activeCyberDialoguesByYear(dataset, 'RU', '2026-12-31' as IsoDate);
    // The Permanent Partnership Council, suspended in 2014, is not active then or after.
    for (const r of ru.filter((x) => x.year >= 2014)) expect(r.dialogues.RU).not.toContain('ru-permanent-partnership-council');
    const all = activeCyberDialoguesByYear(dataset, undefined, '2026-12-31' as IsoDate);
    const row = (y: number) => all.find((r) => r.year === y)!;
    expect(row(2016).statusUnknown).toBe(0);
    expect(row(2020).statusUnknown).toBeGreaterThan(0);
  });

  it('counts a dialogue active only on an unverified entry apart, never in the total, and its status as the verified entries give it', () => {
    const raw = realRawDataset();
    const mx = partnerContent(raw, 'MX');
    const telecom = (mx.dialogues as { id: string; status: Record<string, unknown>[] }[]).find((d) => d.id === 'mx-telecom-working-group')!;
    telecom.status.push({ value: 'active', from: 2021, unverified: true, sources: [{ ref: 'renard2016', locator: 'test' }] });
    const rows = activeCyberDialoguesByYear(buildDataset(raw), 'MX', '2022-12-31' as IsoDate);
    const real = activeCyberDialoguesByYear(dataset, 'MX', '2022-12-31' as IsoDate);
    const row = (r: typeof rows, y: number) => r.find((x) => x.year === y)!;
    expect(row(rows, 2022).dialogues.MX).not.toContain('mx-telecom-working-group');
    expect(row(rows, 2022).total).toBe(row(real, 2022).total);
    expect(row(rows, 2022).statusUnknown).toBe(row(real, 2022).statusUnknown);
    expect(row(rows, 2022).activeUnverified).toEqual(['mx-telecom-working-group']);
    expect(row(real, 2022).activeUnverified).toEqual([]);
    // Verified, the same entry counts.
    delete telecom.status.at(-1)!.unverified;
    const verified = activeCyberDialoguesByYear(buildDataset(raw), 'MX', '2022-12-31' as IsoDate);
    expect(row(verified, 2022).dialogues.MX).toContain('mx-telecom-working-group');
    expect(row(verified, 2022).activeUnverified).toEqual([]);
  });

  it('counts per partner, naming the dialogues counted', () => {
    const rows = activeCyberDialoguesByYear(dataset, 'US', undefined);
    const y2014 = rows.find((r) => r.year === 2014)!;
    expect(Object.keys(y2014.byPartner)).toEqual(['US']);
    expect(y2014.dialogues.US).toEqual(expect.arrayContaining(['us-wgcc', 'us-cyber-dialogue']));
  });
});

describe('buildTimeline', () => {
  it('lists dated events overall, in order, including the EU strategies', () => {
    const t = buildTimeline(dataset, undefined, '2016-09-05' as IsoDate);
    const dates = t.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d <= '2016-09-05')).toBe(true);
    const kinds = new Set(t.events.map((e) => e.kind));
    for (const k of ['dialogue-launched', 'agreement', 'document', 'strategy-adopted', 'position']) expect(kinds.has(k as never), k).toBe(true);
    expect(t.events.find((e) => e.fact === 'strategy:cybersecurity-strategy-2013')?.date).toBe('2013-02-07');
  });

  it("gives a partner's events: the US agreements signed in 2003 and in force in 2010, the WGCC launched in 2010", () => {
    const t = buildTimeline(dataset, 'us', undefined);
    expect(t.partner).toBe('US');
    expect(t.events.every((e) => e.partners.includes('US'))).toBe(true);
    const mla = t.events.filter((e) => e.fact === 'agreement:us-mla-2003').map((e) => `${e.year} ${e.detail}`);
    expect(mla).toEqual(['2003 signed', '2010 in-force']);
    expect(t.events.find((e) => e.fact === 'dialogue:us-wgcc' && e.kind === 'dialogue-launched')?.year).toBe(2010);
    for (const e of t.events) expect(e.sources.length, e.fact).toBeGreaterThan(0);
  });

  it('carries month precision: a document the sources date to November 2023 starts on its first day, shown as a month', () => {
    const event = (asOf: string | undefined) => buildTimeline(dataset, 'CA', asOf as IsoDate | undefined).events.find((e) => e.fact === 'document:ca-digital-partnership-2023');
    const e = event(undefined)!;
    expect(e).toMatchObject({ date: '2023-11-01', year: 2023, precision: 'month' });
    expect(displayDate(e.date, e.precision)).toBe('November 2023');
    expect(event('2023-10-31')).toBeUndefined();
    expect(event('2023-11-01')).toBeDefined();
  });

  it('gives a dialogue without a known start as first reported, with the precision of its date, and its dated rounds', () => {
    const t = buildTimeline(dataset, 'JP', undefined);
    const summit = t.events.find((e) => e.fact === 'dialogue:jp-summit' && e.kind === 'dialogue-reported')!;
    expect(summit.title).toContain('first reported');
    expect(summit.precision).toBe('year');
    expect(t.events.some((e) => e.fact === 'dialogue:jp-summit' && e.kind === 'dialogue-launched')).toBe(false);
    const round = t.events.find((e) => e.kind === 'dialogue-meeting' && e.fact === 'dialogue:jp-cyber-dialogue')!;
    expect(round.date).toBe('2024-11-11');
    expect(round.precision).toBe('day');
    // A membership whose joining date is not given is first reported, not joined, that year.
    const g8 = t.events.find((e) => e.fact === 'membership:JP-g8-24-7-network')!;
    expect(g8.title).toContain('first reported');
    expect(g8.title).not.toContain('joins');
    expect(g8.precision).toBe('year');
    // The unverified 7th round is not an event.
    expect(t.events.filter((e) => e.kind === 'dialogue-meeting' && e.fact === 'dialogue:jp-cyber-dialogue')).toHaveLength(1);
  });

  it('words a membership by its role: a signatory signs, an observer is admitted, a member joins', () => {
    const ru = buildTimeline(dataset, 'RU', undefined).events.find((e) => e.fact === 'membership:RU-un-cybercrime-convention')!;
    expect(ru.title).toBe('Russia signs the UN Convention against Cybercrime');
    const ca = buildTimeline(dataset, 'CA', undefined).events.find((e) => e.fact === 'membership:CA-council-of-europe')!;
    expect(ca.title).toBe('Canada in the Council of Europe as an observer (first reported; start not given)');
    // The same entry moves with its role.
    const entry = { id: 'council-of-europe', from: '1996-05-29' } as const;
    expect(membershipTitle('Canada', { ...entry, role: 'observer' })).toContain('becomes an observer of');
    expect(membershipTitle('Canada', { ...entry, role: 'Signatory' })).toBe('Canada signs the Council of Europe');
    expect(membershipTitle('Canada', { ...entry, role: 'founding member' })).toBe('Canada joins the Council of Europe');
    expect(membershipTitle('Canada', entry)).toBe('Canada joins the Council of Europe');
    expect(membershipTitle('Canada', { ...entry, role: 'observer', reported: true })).toBe('Canada in the Council of Europe as an observer (first reported; start not given)');
  });

  it('gives the end of a cooperation item the sources date (Russia, March 2022) as an event, with the sources of that end', () => {
    const ended = (asOf: string | undefined) => buildTimeline(dataset, 'RU', asOf as IsoDate | undefined).events.filter((e) => e.kind === 'cooperation' && e.detail === 'ended');
    const ec3 = ended(undefined).find((e) => e.fact === 'cooperation:ru-ec3-operational-cooperation')!;
    expect(ec3).toMatchObject({ date: '2022-03-01', precision: 'month', title: 'Operational cooperation on cyber-crime reported by EC3: ended' });
    expect(ec3.sources.map((s) => s.ref)).toContain('https://www.border-security-report.com/decision-of-europols-management-board-on-the-situation-in-ukraine/');
    expect(ended('2022-02-28').filter((e) => e.date.startsWith('2022'))).toEqual([]);
    // A one-off held within its year has no end event of its own.
    expect(buildTimeline(dataset, 'US', undefined).events.some((e) => e.fact === 'cooperation:us-cyber-atlantic-2011' && e.detail === 'ended')).toBe(false);
  });

  it('gives a sourced non-signature of the UN cybercrime convention (the US, Japan unverified) and no second event for a signature', () => {
    const un = (id: string) => buildTimeline(dataset, id, undefined).events.filter((e) => e.kind === 'position' && e.fact.startsWith(`position:${id}-un-cybercrime-convention`));
    expect(un('US').map((e) => [e.date, e.title])).toEqual([['2025-10-25', 'United States: UN Convention against Cybercrime — not signed']]);
    expect(un('JP').map((e) => e.title)).toEqual(['Japan: UN Convention against Cybercrime — not signed (unverified)']);
    expect(un('CN')).toEqual([]);
    expect(buildTimeline(dataset, 'US', '2025-10-24' as IsoDate).events.some((e) => e.fact.startsWith('position:US-un-cybercrime-convention'))).toBe(false);
  });

  it('words a change of stance on the Budapest Convention as such, not as a second signature (South Africa, 21 September 2020)', () => {
    const budapest = (id: string, asOf?: string) =>
      buildTimeline(dataset, id, asOf as IsoDate | undefined)
        .events.filter((e) => e.kind === 'position' && e.fact.startsWith(`position:${id}-budapest-convention`))
        .map((e) => [e.date, e.title]);
    expect(budapest('ZA')).toEqual([
      ['2001-11-23', 'South Africa: Budapest Convention — signed'],
      ['2020-09-21', 'South Africa: Budapest Convention — does not intend to ratify (still signed)'],
    ]);
    expect(budapest('ZA', '2020-09-20')).toEqual([['2001-11-23', 'South Africa: Budapest Convention — signed']]);
    // A change of status with a stance reads as the status first (Brazil's ratification follows its invitation).
    expect(budapest('BR').map(([, t]) => t)).toEqual([
      'Brazil: Budapest Convention — not signed',
      'Brazil: Budapest Convention — uses it as a model (still not signed) (first reported; start not given)',
      'Brazil: Budapest Convention — invited to accede (still not signed)',
      'Brazil: Budapest Convention — ratified',
    ]);
  });

  it('dates the Canada-EU Digital Dialogue by the month its statement gives (February 2024), not by the year alone', () => {
    const ca = buildTimeline(dataset, 'CA', undefined).events.filter((e) => e.fact === 'dialogue:ca-digital-dialogue' && e.kind !== 'dialogue-meeting');
    expect(ca.map((e) => [e.date, e.precision])).toEqual([['2024-02-01', 'month']]);
    expect(buildTimeline(dataset, 'CA', '2024-01-31' as IsoDate).events.some((e) => e.fact === 'dialogue:ca-digital-dialogue')).toBe(false);
  });

  it('marks an event that rests on an unverified entry', () => {
    const cn = buildTimeline(dataset, 'CN', undefined).events.filter((e) => e.fact === 'dialogue:cn-high-level-digital-dialogue' && e.kind !== 'dialogue-meeting' && e.date < '2027');
    expect(cn.length).toBeGreaterThan(0);
    for (const e of cn) expect(e.title, e.date).toMatch(/\(unverified\)$/);
    const ukraine = buildTimeline(dataset, 'UA', undefined).events.filter((e) => e.fact === 'dialogue:ua-cyber-dialogue' && e.date >= '2024-07-24' && e.date < '2026' && e.kind !== 'dialogue-meeting');
    expect(ukraine.length).toBe(2);
    for (const e of ukraine) expect(e.title, e.date).toMatch(/\(unverified\)$/);
    const us = buildTimeline(dataset, 'US', undefined).events.filter((e) => e.fact === 'agreement:us-mla-2003');
    for (const e of us) expect(e.title).not.toContain('unverified');
  });

  // Unverified rounds do not keep a dialogue known: Ukraine's last verified round is 29 September 2022, so from 2026
  // (after three full years) its status is unknown and it no longer counts active, although aggregators report rounds
  // in 2024 and 2025.
  it('counts Ukraine\u2019s dialogue active up to 2025 and of unknown status from 2026, its unverified rounds not counted', () => {
    const t = buildTimeline(dataset, 'UA', '2026-12-07' as IsoDate);
    const unknown = t.events.find((e) => e.fact === 'dialogue:ua-cyber-dialogue' && e.kind === 'dialogue-status' && e.detail === 'unknown');
    expect(unknown?.date.slice(0, 4)).toBe('2026');
    expect(unknown?.title).not.toContain('unverified');
    const row = (y: number) => t.activeCyberDialogues.find((r) => r.year === y)!;
    expect(row(2025).dialogues.UA).toContain('ua-cyber-dialogue');
    expect(row(2026).dialogues.UA ?? []).not.toContain('ua-cyber-dialogue');
    expect(row(2026).statusUnknown).toBe(1);
  });

  it('records a dialogue going dormant', () => {
    const t = buildTimeline(dataset, 'RU', undefined);
    expect(t.events.some((e) => e.fact === 'dialogue:us-ru-jha-trilateral' && e.kind === 'dialogue-status' && e.detail === 'dormant')).toBe(true);
  });

  it('refuses an unknown partner, naming the ten', () => {
    try {
      buildTimeline(dataset, 'XX', undefined);
      throw new Error('expected unknown_partner');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('unknown_partner');
    }
  });
});
