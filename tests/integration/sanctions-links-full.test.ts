// The register's links to incidents over the full EuRepoC 1.1 release (where it is present): the incidents whose
// titles hold a broad operation term but are another operation (another year, place or victim) are left unlinked,
// while the incidents that are the operations the listings' reasons name stay linked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/dates';
import { parseCsv, withHeader } from '../../src/core/exchange/csv';
import { incidentLinks, type IncidentLink, type RegistryIncident } from '../../src/core/sanctions/links';
import { sanctionsData } from '../../src/core/sanctions/sanctions.fixture';
import { sanctionsAt } from '../../src/core/toolbox/sanctions';
import { FULL_EUREPOC, fullDataset } from './exchange-support';

const GLOBAL = path.join(FULL_EUREPOC, 'EuRepoC_Global_Database_1.1.csv');
const HAS_FULL = fullDataset('the full EuRepoC 1.1 release', GLOBAL);

/** The release's incidents as the register reads them: the title, and the dates where the row gives them. */
function releaseIncidents(): RegistryIncident[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(GLOBAL, 'utf8'));
  return rows.map((cells) => withHeader(header!, cells)).map((r) => ({ id: String(r.ID), title: String(r.name), names: [], start: r.start_date || undefined, end: r.end_date || undefined }));
}

describe.skipIf(!HAS_FULL)('links to the full EuRepoC 1.1 release', () => {
  const status = sanctionsAt(sanctionsData(), '2026-08-01' as IsoDate);
  const links = HAS_FULL ? incidentLinks([...status.targets, ...status.delisted], releaseIncidents()) : new Map<string, IncidentLink[]>();
  const linkedTo = (title: string) => [...links].filter(([, ls]) => ls.some((l) => l.title === title)).map(([t]) => t);

  it('leaves unlinked the incidents a broad term named that are another year, place or victim', () => {
    for (const title of [
      'Estonia 2007',
      'Anonymous Ukraine vs. Estonia',
      'Power Grid US Incident',
      'BlackEnergy usage against American SCADA Systems',
      'Bulgaria presidential election and referendum hack',
      'Post-Charlie Hebdo Islamist CyberAttack',
      'Campaign "Sandworm" - 2009',
      // APT10 in 2022, years after Operation Cloud Hopper (2014 to 2018).
      'Suspected Chinese state-sponsored hacking group APT10 targeted Japanese media and government organizations with LODEINFO backdoor beginning in March 2022',
      // APT10's other campaign (from 2006), which the US indictment of December 2018 names apart from Cloud Hopper.
      'APT 10/Technology Theft Campaign',
    ]) expect(linkedTo(title), title).toEqual([]);
  });

  it('keeps linked the incidents that are the operations the reasons name, saying the date checked', () => {
    expect(linkedTo('MSP Theft Campaign aka Operation Cloud Hopper')).toEqual(expect.arrayContaining(['gao-qiang', 'zhang-shilong', 'tianjin-huaying-haitai-science-and-technology-development-co']));
    expect(links.get('gao-qiang')!.find((l) => /Cloud Hopper/.test(l.title))?.via).toBe('"Cloud Hopper" in the title, dated 2014-01-01 to 2018-01-01, within the period 2014-01-01 to 2018-12-31');
    // The Armageddon group (Gamaredon) from 2013 on, every incident of it dated; none is linked without its date checked.
    expect(links.get('oleksandr-sklianko')!.map((l) => l.title).sort()).toEqual(['Gamaredon', 'Operation Armageddon by GamaredonGroup', 'Pterodo Attack by Gamaredon', 'Russian APT Gamaredon targeted Ukrainian organizations with infostealer in cyber operations']);
    expect([...links.values()].flat().filter((l) => /no period/.test(l.via))).toEqual([]);
    expect(linkedTo('Ukraine Power Grid 2')).toEqual(['main-centre-for-special-technologies']);
    expect(linkedTo('Bundestags Hack 2015')).toEqual(expect.arrayContaining(['dmitry-sergeyevich-badin', 'igor-olegovich-kostyukov', '85th-main-centre-for-special-services']));
    // Titles that spell a term otherwise: "APT  10" (two spaces in the release), and the names of the Lazarus operations.
    const hopper = ['gao-qiang', 'tianjin-huaying-haitai-science-and-technology-development-co', 'zhang-shilong'];
    expect(linkedTo('APT  10 2016/2017 Operation').sort()).toEqual(hopper);
    expect(linkedTo('APT  10 vs. Airbus').sort()).toEqual(hopper);
    expect(links.get('gao-qiang')!.find((l) => l.title === 'APT  10 2016/2017 Operation')?.via).toBe('"APT10" (as "APT  10") in the title, dated 2016-01-01 to 2017-01-01, within the period 2014-01-01 to 2018-12-31');
    for (const title of ['Sony Hack 2014', 'Bangladesh Central bank heist', 'Lazarus vs. Polish Banks']) expect(linkedTo(title), title).toEqual(['chosun-expo']);
    const notPetya = links.get('main-centre-for-special-technologies')!.find((l) => /NotPetya/.test(l.title));
    expect(notPetya?.via).toBe('"NotPetya" in the title, dated 2017-06-27, within the period 2017-06-01 to 2017-06-30');
  });
});
