// Blocs of partners found by community detection on the positions they share (renard2014 "Assessing the partnerships": like-minded
// partners, China and Russia, and those caught in between), each named after the internet-governance camp of most of its members.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Source } from '../provenance';
import type { PartnerFacts } from '../assess/facts-at';
import type { Bloc, Weights } from '../assess/weights';
import type { PartnerId } from '../vocabularies';
import { seededRandom } from '../seeded-random';

type BlocRules = Weights['network']['blocs'];

export interface BlocTie {
  a: PartnerId;
  b: PartnerId;
  weight: number;
  /** The positions both hold, e.g. `internet-governance: swing`. */
  shared: string[];
}

export interface BlocMember {
  id: PartnerId;
  internetGovernance: string | null;
  fact: string | null;
  sources: Source[];
}

export interface BlocGroup {
  label: Bloc | 'unaligned';
  members: BlocMember[];
  because: string;
}

export interface BlocResult {
  blocs: BlocGroup[];
  modularity: number;
  ties: BlocTie[];
  rule: { rationale: string; sources: Source[] };
}

/** The positions a partner holds that can be shared, each with its weight. */
function positions(f: PartnerFacts, rules: BlocRules): Map<string, number> {
  const out = new Map<string, number>();
  if (f.internetGovernance) out.set(`internet-governance: ${f.internetGovernance.value}`, rules.features.internetGovernance);
  if (f.wcit2012) out.set(`wcit-2012: ${f.wcit2012.value}`, rules.features.wcit2012);
  const b = f.budapest?.value;
  // Sharing the absence of a position says nothing; only a stance or a signature counts.
  const budapest = !b ? null : b.value !== 'not-signed' ? 'party or signatory' : (b.stance ?? null);
  if (budapest) out.set(`budapest-convention: ${budapest}`, rules.features.budapest);
  for (const m of f.memberships) {
    const weight = rules.features.memberships[m.value.id];
    if (weight) out.set(`member: ${m.value.id}`, weight);
  }
  return out;
}

export function detectBlocs(partners: PartnerFacts[], rules: BlocRules): BlocResult {
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  const held = new Map(partners.map((p) => [p.id, positions(p, rules)]));
  for (const p of partners) graph.addNode(p.id);
  const ties: BlocTie[] = [];
  for (let i = 0; i < partners.length; i++) {
    for (let j = i + 1; j < partners.length; j++) {
      const a = partners[i]!;
      const b = partners[j]!;
      const mine = held.get(a.id)!;
      const shared = [...held.get(b.id)!.keys()].filter((k) => mine.has(k)).sort();
      const weight = shared.reduce((s, k) => s + (mine.get(k) ?? 0), 0);
      if (weight <= 0) continue;
      graph.addUndirectedEdge(a.id, b.id, { weight });
      ties.push({ a: a.id, b: b.id, weight, shared });
    }
  }
  const detailed = graph.size
    ? louvain.detailed(graph, { getEdgeWeight: 'weight', resolution: rules.resolution, rng: seededRandom(rules.seed) })
    : { communities: Object.fromEntries(partners.map((p, i) => [p.id, i])), modularity: 0 };

  const groups = new Map<number, PartnerFacts[]>();
  for (const p of partners) {
    const c = detailed.communities[p.id] ?? -1;
    groups.set(c, [...(groups.get(c) ?? []), p]);
  }
  const blocs = [...groups.values()].map((members): BlocGroup => {
    const counts = new Map<string, number>();
    for (const m of members) if (m.internetGovernance) counts.set(m.internetGovernance.value, (counts.get(m.internetGovernance.value) ?? 0) + 1);
    const top = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
    const label = top ? rules.labels[top[0] as keyof BlocRules['labels']] : 'unaligned';
    return {
      label,
      members: members
        .map((m) => ({ id: m.id, internetGovernance: m.internetGovernance?.value ?? null, fact: m.internetGovernance?.ref.id ?? null, sources: m.internetGovernance?.sources ?? [] }))
        .sort((x, y) => x.id.localeCompare(y.id)),
      because: top ? `${top[1]} of ${members.length} members hold the ${top[0]} internet-governance model` : 'no member has a recorded internet-governance model',
    };
  });
  blocs.sort((x, y) => x.label.localeCompare(y.label) || x.members[0]!.id.localeCompare(y.members[0]!.id));
  return { blocs, modularity: detailed.modularity, ties, rule: { rationale: rules.rationale, sources: rules.sources } };
}
