// The victim sectors the incident form offers, grouped by where they come from, with the help text that cites the
// source. A mirror of src/core/toolbox/sectors.ts (the browser test checks that the two agree); the server decides.

export type SectorGroupId = 'project' | 'decision-2019-797' | 'nis2-annex-i' | 'nis2-annex-ii';

export interface SectorGroup {
  id: SectorGroupId;
  label: string;
  /** Where the group comes from, in a sentence. */
  help: string;
  sectors: readonly (readonly [string, string])[];
}

export const SECTOR_GROUPS: readonly SectorGroup[] = [
  {
    id: 'project',
    label: 'The toolbox’s first six',
    help: 'One of the six broad sectors the toolbox started with; a more precise one below helps the sanctions criteria and the precedents.',
    sectors: [
      ['government', 'Government'],
      ['critical-infrastructure', 'Critical infrastructure'],
      ['essential-services', 'Essential services'],
      ['private', 'Private sector'],
      ['eu-institution', 'EU institution, body or agency'],
      ['civil-society', 'Civil society'],
    ],
  },
  {
    id: 'decision-2019-797',
    label: 'Targets named by Decision (CFSP) 2019/797',
    help: 'Decision (CFSP) 2019/797, Art. 1(4)(c)–(e): attacks on critical State functions, on classified information and on government emergency response teams are a threat to member states.',
    sectors: [
      ['defence', 'Defence'],
      ['elections', 'Elections and the functioning of institutions'],
      ['internal-security', 'Internal security'],
      ['external-relations', 'External relations, diplomatic missions included'],
      ['classified-information', 'Storage or processing of classified information'],
      ['government-cert', 'Government emergency response team'],
    ],
  },
  {
    id: 'nis2-annex-i',
    label: 'NIS2, Annex I: sectors of high criticality',
    help: 'Directive (EU) 2022/2555 (NIS2), Annex I: a sector of high criticality. Decision (CFSP) 2019/797, Art. 1(4)(a)–(b) names critical infrastructure and essential services such as energy, transport, banking, health and drinking water.',
    sectors: [
      ['energy', 'Energy'],
      ['transport', 'Transport'],
      ['banking', 'Banking'],
      ['financial-market-infrastructure', 'Financial market infrastructure'],
      ['health', 'Health'],
      ['drinking-water', 'Drinking water'],
      ['waste-water', 'Waste water'],
      ['digital-infrastructure', 'Digital infrastructure'],
      ['ict-service-management', 'ICT service management (business to business)'],
      ['public-administration', 'Public administration'],
      ['space', 'Space'],
    ],
  },
  {
    id: 'nis2-annex-ii',
    label: 'NIS2, Annex II: other critical sectors',
    help: 'Directive (EU) 2022/2555 (NIS2), Annex II: another critical sector.',
    sectors: [
      ['postal-courier', 'Postal and courier services'],
      ['waste-management', 'Waste management'],
      ['chemicals', 'Chemicals'],
      ['food', 'Food'],
      ['manufacturing', 'Manufacturing'],
      ['digital-providers', 'Digital providers'],
      ['research', 'Research'],
    ],
  },
];

const BY_ID = new Map(SECTOR_GROUPS.flatMap((g) => g.sectors.map(([id, label]) => [id, { label, group: g }] as const)));

/** The sector's label, or its id humanised by the caller when the server knows a sector this list does not. */
export const sectorLabel = (id: string): string | undefined => BY_ID.get(id)?.label;

/** The help text of the sector's group. */
export const sectorHelp = (id: string): string | undefined => BY_ID.get(id)?.group.help;
