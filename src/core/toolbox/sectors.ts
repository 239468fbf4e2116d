// The victim sectors an incident may name: the project's first six, the targets Decision (CFSP) 2019/797 Art. 1(4)
// names, and the sectors of the NIS2 Directive's Annexes I and II. One closed list, each value with where it comes
// from and the group the sanctions rules read (critical infrastructure, essential services, critical State functions).
import { z } from 'zod';
import type { Source } from '../provenance';

/** How the cyber-sanctions criteria group a sector (Decision (CFSP) 2019/797, Art. 1(4)(a)-(e)). */
export type SanctionsTarget =
  | 'critical-infrastructure'
  | 'essential-services'
  | 'critical-state-functions'
  | 'classified-information'
  | 'government-emergency-response'
  | 'union-institutions'
  | null;

interface SectorInfo {
  label: string;
  target: SanctionsTarget;
  /** NIS2 Annex I (sectors of high criticality) or II (other critical sectors), where the sector is one of them. */
  nis2?: 'annex-i' | 'annex-ii';
  source: 'project' | 'decision-2019-797' | 'nis2';
}

const DECISION: Source = {
  ref: 'https://eur-lex.europa.eu/eli/dec/2019/797/oj',
  locator: 'Decision (CFSP) 2019/797, Art. 1(4): information systems whose attack is a threat to member states',
};
const NIS2: Source = {
  ref: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj',
  locator: 'Directive (EU) 2022/2555 (NIS2), Annexes I and II: sectors of high criticality and other critical sectors',
};

/** Every sector, in the order forms list them. */
export const SECTORS = {
  government: { label: 'Government', target: 'critical-state-functions', source: 'project' },
  'critical-infrastructure': { label: 'Critical infrastructure', target: 'critical-infrastructure', source: 'project' },
  'essential-services': { label: 'Essential services', target: 'essential-services', source: 'project' },
  private: { label: 'Private sector', target: null, source: 'project' },
  'eu-institution': { label: 'EU institution, body or agency', target: 'union-institutions', source: 'project' },
  'civil-society': { label: 'Civil society', target: null, source: 'project' },
  // Decision (CFSP) 2019/797, Art. 1(4)(c)-(e): critical State functions, classified information, government CERTs.
  defence: { label: 'Defence', target: 'critical-state-functions', source: 'decision-2019-797' },
  elections: { label: 'Elections and the functioning of institutions', target: 'critical-state-functions', source: 'decision-2019-797' },
  'internal-security': { label: 'Internal security', target: 'critical-state-functions', source: 'decision-2019-797' },
  'external-relations': { label: 'External relations, diplomatic missions included', target: 'critical-state-functions', source: 'decision-2019-797' },
  'classified-information': { label: 'Storage or processing of classified information', target: 'classified-information', source: 'decision-2019-797' },
  'government-cert': { label: 'Government emergency response team', target: 'government-emergency-response', source: 'decision-2019-797' },
  // NIS2 Annex I: sectors of high criticality.
  energy: { label: 'Energy', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  transport: { label: 'Transport', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  banking: { label: 'Banking', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  'financial-market-infrastructure': { label: 'Financial market infrastructure', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  health: { label: 'Health', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  'drinking-water': { label: 'Drinking water', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  'waste-water': { label: 'Waste water', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  'digital-infrastructure': { label: 'Digital infrastructure', target: 'critical-infrastructure', nis2: 'annex-i', source: 'nis2' },
  'ict-service-management': { label: 'ICT service management (business to business)', target: 'essential-services', nis2: 'annex-i', source: 'nis2' },
  'public-administration': { label: 'Public administration', target: 'critical-state-functions', nis2: 'annex-i', source: 'nis2' },
  space: { label: 'Space', target: 'critical-infrastructure', nis2: 'annex-i', source: 'nis2' },
  // NIS2 Annex II: other critical sectors.
  'postal-courier': { label: 'Postal and courier services', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  'waste-management': { label: 'Waste management', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  chemicals: { label: 'Chemicals', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  food: { label: 'Food', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  manufacturing: { label: 'Manufacturing', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  'digital-providers': { label: 'Digital providers', target: 'essential-services', nis2: 'annex-ii', source: 'nis2' },
  research: { label: 'Research', target: null, nis2: 'annex-ii', source: 'nis2' },
} as const satisfies Record<string, SectorInfo>;

export type VictimSector = keyof typeof SECTORS;
export const VictimSector = z.enum(Object.keys(SECTORS) as [VictimSector, ...VictimSector[]]);

export const SECTOR_SOURCES: Readonly<Record<SectorInfo['source'], Source[]>> = {
  project: [],
  'decision-2019-797': [DECISION],
  nis2: [NIS2],
};

export function sectorInfo(sector: VictimSector): SectorInfo {
  return SECTORS[sector];
}

/** The sanctions-criteria groups the victims' sectors fall in (Art. 1(4) of the Decision), without repeats. */
export function sanctionsTargetsOf(sectors: readonly VictimSector[]): Exclude<SanctionsTarget, null>[] {
  const out = new Set<Exclude<SanctionsTarget, null>>();
  for (const s of sectors) {
    const t = SECTORS[s].target;
    if (t !== null) out.add(t);
  }
  return [...out];
}
