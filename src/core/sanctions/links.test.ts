import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { sanctionsAt } from '../toolbox/sanctions';
import { actorLinks, incidentLinks, type RegistryIncident } from './links';
import { sanctionsData } from './sanctions.fixture';
import type { SanctionsTarget } from './targets';

const targets = sanctionsAt(sanctionsData(), '2026-08-01' as IsoDate).targets;

describe('links to the registry', () => {
  it("links an incident by an operation its title names, or by a person it identifies, to that target only", () => {
    const links = incidentLinks(targets, [
      { id: 'inc-1', title: 'NotPetya wiper in Ukraine', names: [] },
      { id: 'inc-2', title: 'Phishing wave', names: ['Андрей Коринец'] },
      { id: 'inc-3', title: 'Unrelated outage', names: ['John Smith'] },
    ]);
    expect(links.get('main-centre-for-special-technologies')).toEqual([
      { id: 'inc-1', title: 'NotPetya wiper in Ukraine', via: '"NotPetya" in the title; no date known, so the period (2017-06-01 to 2017-06-30) could not be checked' },
    ]);
    expect(links.get('andrey-stanislavovich-korinets')?.map((l) => l.id)).toEqual(['inc-2']);
    // GAO Qiang's reasons name Cloud Hopper only: a NotPetya incident is not his.
    expect(links.get('gao-qiang')).toEqual([]);
    expect([...links.values()].flat().filter((l) => l.id === 'inc-3')).toEqual([]);
  });

  const linked = (incidents: RegistryIncident[], target: string, over: readonly SanctionsTarget[] = targets) => incidentLinks(over, incidents).get(target) ?? [];
  const korchagin = 'nikolay-alexandrovich-korchagin';
  const gtsst = 'main-centre-for-special-technologies';

  it("links by an operation's term only when the incident's dates meet the operation's period", () => {
    const estonia = (start: string, end?: string) => ({ id: `inc-${start}`, title: 'Estonia government networks breached', names: [], start, end });
    // The same title: dated 2007 it is not the intrusions of 2020 the officers are listed for; dated 2020 it is.
    expect(linked([estonia('2007-04-27', '2007-05-01')], korchagin)).toEqual([]);
    expect(linked([estonia('2020-03-02')], korchagin)).toEqual([
      { id: 'inc-2020-03-02', title: 'Estonia government networks breached', via: '"Estonia" in the title, dated 2020-03-02, within the period 2020-01-01 to 2020-12-31' },
    ]);
    // Up to a year before the period (a campaign's first traces), and one running into the period, link; after it, not.
    expect(linked([estonia('2019-02-01')], korchagin).map((l) => l.via)).toEqual(['"Estonia" in the title, dated 2019-02-01, within a year before the period 2020-01-01 to 2020-12-31']);
    expect(linked([estonia('2018-06-01', '2020-02-01')], korchagin).map((l) => l.via)).toEqual(['"Estonia" in the title, dated 2018-06-01 to 2020-02-01, within the period 2020-01-01 to 2020-12-31']);
    expect(linked([estonia('2018-12-31')], korchagin)).toEqual([]);
    expect(linked([estonia('2021-01-01')], korchagin)).toEqual([]);
    // An end recorded before the start (seen in datasets) is read as no end.
    expect(linked([estonia('2018-06-01', '2017-01-01')], korchagin)).toEqual([]);
  });

  it('links an incident with no known date, saying the date could not be checked', () => {
    expect(linked([{ id: 'inc-x', title: 'Estonia government networks breached', names: [] }], korchagin).map((l) => l.via)).toEqual([
      '"Estonia" in the title; no date known, so the period (2020-01-01 to 2020-12-31) could not be checked',
    ]);
  });

  it('follows the period the data gives: moved, the same incident links or not', () => {
    const old = { id: 'inc-2007', title: 'Estonia 2007', names: [], start: '2007-04-27', end: '2007-05-01' };
    const moved = targets.map((t) => (t.id === korchagin ? { ...t, operations: t.operations.map((o) => ({ ...o, period: { from: '2007-04-01', to: '2007-05-31', annex: 'I.A 15' } })) } : t));
    expect(linked([old], korchagin)).toEqual([]);
    expect(linked([old], korchagin, moved).map((l) => l.via)).toEqual(['"Estonia" in the title, dated 2007-04-27 to 2007-05-01, within the period 2007-04-01 to 2007-05-31']);
    // Without a period the terms alone link, and the link says so.
    const undated = targets.map((t) => (t.id === korchagin ? { ...t, operations: t.operations.map(({ period: _period, ...o }) => o) } : t));
    expect(linked([old], korchagin, undated).map((l) => l.via)).toEqual(['"Estonia" in the title (the operation has no period to check)']);
  });

  it("dates Cloud Hopper and the Armageddon campaigns by their periods: an incident moved across an edge links or not", () => {
    const hopper = (start: string, end?: string) => ({ id: `hopper-${start}`, title: 'APT10 intrusion at a managed service provider', names: [], start, end });
    const gao = 'gao-qiang';
    // 2014 to 2018: the campaign's last day links, the next day does not (a 2022 APT10 campaign is another operation).
    expect(linked([hopper('2018-12-31')], gao).map((l) => l.via)).toEqual(['"APT10" in the title, dated 2018-12-31, within the period 2014-01-01 to 2018-12-31']);
    expect(linked([hopper('2019-01-01')], gao)).toEqual([]);
    expect(linked([hopper('2022-03-01', '2022-09-01')], gao)).toEqual([]);
    // Its first traces up to a year before 2014 link; earlier, not.
    expect(linked([hopper('2013-01-01')], gao).map((l) => l.via)).toEqual(['"APT10" in the title, dated 2013-01-01, within a year before the period 2014-01-01 to 2018-12-31']);
    expect(linked([hopper('2012-12-31')], gao)).toEqual([]);
    expect(linked([hopper('2012-06-01', '2016-04-01')], gao).map((l) => l.id)).toEqual(['hopper-2012-06-01']);
    // Armageddon (Gamaredon) from mid-2013, with no end: the first edge moves the link, a recent incident keeps it.
    const gamaredon = (start: string) => ({ id: `gamaredon-${start}`, title: 'Gamaredon phishing against Ukrainian officials', names: [], start });
    const sklianko = 'oleksandr-sklianko';
    expect(linked([gamaredon('2012-06-01')], sklianko).map((l) => l.via)).toEqual(['"Gamaredon" in the title, dated 2012-06-01, within a year before the period from 2013-06-01']);
    expect(linked([gamaredon('2012-05-31')], sklianko)).toEqual([]);
    expect(linked([gamaredon('2025-11-03')], sklianko).map((l) => l.via)).toEqual(['"Gamaredon" in the title, dated 2025-11-03, within the period from 2013-06-01']);
  });

  it("finds an operation's term spelt with or without its spaces and hyphens, in any case, its digits joined or apart", () => {
    const gao = 'gao-qiang';
    const at = (title: string, start = '2016-06-01') => ({ id: title, title, names: [], start });
    const via = (title: string, target: string, start?: string) => linked([at(title, start)], target).map((l) => l.via);
    for (const spelt of ['APT 10', 'APT-10', 'apt 10', 'APT  10', 'Apt – 10']) {
      expect(via(`${spelt} intrusions at managed service providers`, gao), spelt).toEqual([`"APT10" (as "${spelt}") in the title, dated 2016-06-01, within the period 2014-01-01 to 2018-12-31`]);
    }
    // A difference of case alone is not worth saying.
    expect(via('apt10 intrusions', gao)).toEqual(['"APT10" in the title, dated 2016-06-01, within the period 2014-01-01 to 2018-12-31']);
    expect(via('CloudHopper campaign', gao)).toEqual(['"Cloud Hopper" (as "CloudHopper") in the title, dated 2016-06-01, within the period 2014-01-01 to 2018-12-31']);
    expect(via('cloud-hopper campaign', gao)).toEqual(['"Cloud Hopper" (as "cloud-hopper") in the title, dated 2016-06-01, within the period 2014-01-01 to 2018-12-31']);
    // Where a small letter meets a capital the name may break: WannaCry, NotPetya, BlackBasta, LummaC2.
    expect(linked([at('Wanna Cry outbreak in hospitals', '2017-05-12')], 'chosun-expo').map((l) => l.via)).toEqual([
      '"WannaCry" (as "Wanna Cry") in the title, dated 2017-05-12, within the period 2017-05-01 to 2017-05-31',
    ]);
    expect(linked([at('Not-Petya wiper', '2017-06-27')], gtsst).map((l) => l.id)).toEqual(['Not-Petya wiper']);
    expect(linked([at('Trick Bot loader', '2019-06-01')], 'vitaly-nikolayevich-kovalev').map((l) => l.via)).toEqual(['"TrickBot" (as "Trick Bot") in the title, dated 2019-06-01, within the period from 2016-01-01']);
    // The co-term too: the grid with "Ukraine", written in a title as "power-grid".
    expect(linked([at('Power-grid outage in Ukraine', '2015-12-23')], gtsst).map((l) => l.via)).toEqual([
      '"power grid" (as "Power-grid") with "Ukraine" in the title, dated 2015-12-23, within the period 2015-12-01 to 2016-12-31',
    ]);
    // The period still decides: APT 10 in 2022 is not Cloud Hopper.
    expect(linked([at('APT 10 targets Japanese media', '2022-03-01')], gao)).toEqual([]);
  });

  it('leaves unlinked the titles that only come near a term', () => {
    const gao = 'gao-qiang';
    const at = (title: string, start = '2016-06-01') => ({ id: title, title, names: [], start });
    // Another number, a digit split inside the number, a longer word.
    for (const title of ['APT 100 campaign', 'APT1 espionage', 'APT 1 0 report', 'APT10x tooling', 'XAPT10 sample', 'Cloud Hoppers club']) expect(linked([at(title)], gao), title).toEqual([]);
    // A term's letters split where its spelling has no break: "Conti" is not "Con ti", nor in "Continental".
    for (const title of ['Con ti ransomware', 'Continental outage']) expect(linked([at(title, '2021-06-01')], 'vitaly-nikolayevich-kovalev'), title).toEqual([]);
    // APT10's other campaign of the same years, named apart by the US indictment, is not Cloud Hopper.
    expect(linked([at('APT 10/Technology Theft Campaign', '2006-01-01')], gao)).toEqual([]);
    expect(linked([{ ...at('APT10 technology-theft campaign', '2015-01-01') }], gao)).toEqual([]);
    // Sony's PlayStation Network, knocked out in December 2014, is not the Sony Pictures attack; another bank of Bangladesh is not its central bank.
    expect(linked([at('Sony PlayStation Network DDoS', '2014-12-25')], 'chosun-expo')).toEqual([]);
    expect(linked([at('Bangladesh Krishi Bank defaced', '2016-02-10')], 'chosun-expo')).toEqual([]);
  });

  it("links the names the register's terms missed, within their periods", () => {
    const chosun = 'chosun-expo';
    const at = (title: string, start: string) => ({ id: title, title, names: [], start });
    expect(linked([at('Sony Hack 2014', '2014-11-24')], chosun).map((l) => l.via)).toEqual(['"Sony Hack" in the title, dated 2014-11-24, within the period 2014-11-01 to 2014-12-31']);
    expect(linked([at('Bangladesh Central bank heist', '2016-02-04')], chosun).map((l) => l.via)).toEqual(['"Bangladesh Central Bank" in the title, dated 2016-02-04, within the period 2016-02-01 to 2016-02-29']);
    expect(linked([at('Lazarus vs. Polish Banks', '2016-10-01')], chosun).map((l) => l.via)).toEqual(['"Polish banks" in the title, dated 2016-10-01, within the period 2016-10-01 to 2017-02-28']);
    // Outside the periods, not.
    expect(linked([at('Sony Hack 2011', '2011-04-20'), at('Bangladesh Central bank heist', '2020-01-01'), at('Polish banks DDoS', '2022-06-01')], chosun)).toEqual([]);
  });

  it('links a broad term only with the place or victim the reasons name', () => {
    const grid = (title: string) => ({ id: title, title, names: [], start: '2015-12-23' });
    expect(linked([grid('Power grid outage')], gtsst)).toEqual([]);
    expect(linked([grid('Power grid outage in western Ukraine')], gtsst).map((l) => l.via)).toEqual([
      '"power grid" with "Ukraine" in the title, dated 2015-12-23, within the period 2015-12-01 to 2016-12-31',
    ]);
    // The same for the election and the Games, whatever the date.
    const emennet = 'emennet-pasargad';
    expect(linked([{ id: 'bg', title: 'Bulgaria presidential election and referendum hack', names: [], start: '2020-10-01' }], emennet)).toEqual([]);
    expect(linked([{ id: 'us', title: 'Hack-and-leak around the US presidential election', names: [], start: '2020-10-01' }], emennet).map((l) => l.id)).toEqual(['us']);
    expect(linked([{ id: 'oly', title: 'Olympic Games ticketing fraud', names: [], start: '2024-07-30' }], emennet)).toEqual([]);
    expect(linked([{ id: 'oly', title: 'Olympic Games Paris billboards hijacked', names: [], start: '2024-07-30' }], emennet).map((l) => l.id)).toEqual(['oly']);
  });

  it('links an imported actor to the target that bears its name and to those its reasons place in that group', () => {
    const links = actorLinks(targets, [
      { id: 'actor-1', name: 'Sandworm Team', aliases: ['Voodoo Bear'] },
      { id: 'actor-2', name: 'Cozy Bear', aliases: ['APT29'] },
    ]);
    expect(links.get('main-centre-for-special-technologies')?.map((a) => a.id)).toEqual(['actor-1']);
    expect(links.get('evgenii-mikhaylovich-serebriakov')?.map((a) => a.id)).toEqual(['actor-1']);
    expect([...links.values()].flat().filter((l) => l.id === 'actor-2')).toEqual([]);
  });
});
