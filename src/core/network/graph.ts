// The network of the EU's cyber partnerships (renard2016 s.5): the EU, the partners and the instruments and fora they share,
// with dialogues as edges weighted by level, frequency and dedication to cyber.
import { UndirectedGraph } from 'graphology';
import type { IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { listPartners } from '../kb/partners';
import { dialogueView } from '../kb/profile';
import { holdsAt, type Source } from '../provenance';
import { factsAt, type PartnerFacts } from '../assess/facts-at';
import type { Weights } from '../assess/weights';
import type { NetworkFile } from './network-file';

export const EU = 'EU';

export type NodeKind = 'eu' | 'partner' | 'instrument';
export type EdgeKind = 'dialogue' | 'membership' | 'convention' | 'eu-tie';

export interface NodeAttributes {
  label: string;
  kind: NodeKind;
  degree: number;
  betweenness: number;
  /** The sum of the weights of the node's edges. */
  strength: number;
  bloc: string | null;
}

export interface EdgeAttributes {
  kind: EdgeKind;
  weight: number;
  label: string;
  /** Ids of the facts behind the edge (`dialogue:us-wgcc`, `membership:JP-g8-24-7-network`...). */
  facts: string[];
  sources: Source[];
}

export type NetworkGraph = UndirectedGraph<NodeAttributes, EdgeAttributes, { asOf: string | null }>;

const node = (label: string, kind: NodeKind): NodeAttributes => ({ label, kind, degree: 0, betweenness: 0, strength: 0, bloc: null });

function tie(graph: NetworkGraph, a: string, b: string, attrs: EdgeAttributes): void {
  const key = [a, b].sort().join('--');
  if (!graph.hasEdge(key)) {
    graph.addUndirectedEdgeWithKey(key, a, b, attrs);
    return;
  }
  graph.updateEdgeAttributes(key, (old) => ({
    ...old,
    weight: old.weight + attrs.weight,
    label: `${old.label}; ${attrs.label}`,
    facts: [...old.facts, ...attrs.facts],
    sources: [...old.sources, ...attrs.sources.filter((s) => !old.sources.some((o) => o.ref === s.ref && o.locator === s.locator))],
  }));
}

/** Builds the graph as of a date; `partnerFacts` lets callers reuse facts they already gathered. */
export function buildGraph(
  dataset: Dataset,
  asOf: IsoDate | undefined,
  weights: Weights,
  file: NetworkFile,
  partnerFacts: PartnerFacts[] = listPartners(dataset, asOf).map((p) => factsAt(dataset, p.id, asOf)),
): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ asOf: asOf ?? null });
  const actorName = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const instrument = (id: string) => {
    if (!graph.hasNode(id)) graph.addNode(id, node(file.labels[id as keyof NetworkFile['labels']] ?? actorName.get(id) ?? id, 'instrument'));
    return id;
  };

  graph.addNode(EU, node(actorName.get('eu') ?? 'European Union', 'eu'));
  for (const f of partnerFacts) graph.addNode(f.id, node(f.name, 'partner'));

  // Dialogues, weighted as institutional density weighs them; a trilateral also ties its partners to each other.
  const w = weights.dimensions.institutionalDensity;
  for (const d of dataset.dialogues) {
    const v = dialogueView(d, asOf);
    if (!v || !v.topics.some((t) => w.countedTopics.includes(t))) continue;
    const weight = (w.levelPoints[v.level] * w.frequencyFactor[v.frequency] + (v.cyberSpecific ? w.cyberSpecificBonus : 0)) * w.statusFactor[v.status];
    if (weight <= 0) continue;
    const members = [EU, ...v.partners.filter((p) => graph.hasNode(p))];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        tie(graph, members[i]!, members[j]!, { kind: 'dialogue', weight, label: v.name, facts: [`dialogue:${v.id}`], sources: v.sources });
      }
    }
  }

  for (const f of partnerFacts) {
    for (const m of f.memberships) {
      tie(graph, f.id, instrument(m.value.id), { kind: 'membership', weight: 1, label: m.value.role ?? 'member', facts: [m.ref.id], sources: m.sources });
    }
    const b = f.budapest;
    if (b && b.value.value !== 'not-signed') {
      tie(graph, f.id, instrument('budapest-convention'), {
        kind: 'convention',
        weight: b.value.value === 'ratified' ? 1 : 0.5,
        label: b.value.value === 'ratified' ? 'party' : 'signatory',
        facts: [b.ref.id],
        sources: b.sources,
      });
    }
  }

  for (const t of file.euTies) {
    if (!holdsAt(t.from, t.until, asOf)) continue;
    tie(graph, EU, instrument(t.instrument), { kind: 'eu-tie', weight: 1, label: t.role, facts: [`eu-tie:${t.instrument}`], sources: t.sources });
  }
  return graph;
}
