// The network use case: build the graph as of a date, measure centrality, find blocs, and render it as JSON, GraphML or GEXF.
import type { IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { checkFilter } from '../kb/filters';
import { listPartners } from '../kb/partners';
import type { Source } from '../provenance';
import { factsAt } from '../assess/facts-at';
import type { Weights } from '../assess/weights';
import { detectBlocs, type BlocResult } from './blocs';
import { assignCentrality } from './centrality';
import { toGexf } from './gexf';
import { buildGraph, type EdgeKind, type NetworkGraph, type NodeAttributes } from './graph';
import { toGraphml } from './graphml';
import type { NetworkFile } from './network-file';

export const NETWORK_FORMATS = ['json', 'graphml', 'gexf'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

export interface NetworkAnalysis {
  graph: NetworkGraph;
  blocs: BlocResult;
  rule: { rationale: string; sources: Source[] };
}

export function analyseNetwork(dataset: Dataset, asOf: IsoDate | undefined, weights: Weights, file: NetworkFile): NetworkAnalysis {
  const partners = listPartners(dataset, asOf).map((p) => factsAt(dataset, p.id, asOf));
  const graph = buildGraph(dataset, asOf, weights, file, partners);
  assignCentrality(graph);
  const blocs = detectBlocs(partners, weights.network.blocs);
  for (const b of blocs.blocs) for (const m of b.members) graph.setNodeAttribute(m.id, 'bloc', b.label);
  return { graph, blocs, rule: { rationale: weights.network.rationale, sources: weights.network.sources } };
}

export interface NetworkNode extends NodeAttributes {
  id: string;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  weight: number;
  label: string;
  facts: string[];
  sources: Source[];
}

export interface NetworkReport {
  asOf: string | null;
  /** The node with the highest betweenness: the broker of the network. */
  hub: NetworkNode | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  blocs: BlocResult;
  rule: { rationale: string; sources: Source[] };
}

const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

export function networkReport(a: NetworkAnalysis): NetworkReport {
  const nodes: NetworkNode[] = a.graph
    .mapNodes((id, n) => ({ id, label: n.label, kind: n.kind, degree: r4(n.degree), betweenness: r4(n.betweenness), strength: r4(n.strength), bloc: n.bloc }))
    .sort((x, y) => y.betweenness - x.betweenness || y.degree - x.degree || x.id.localeCompare(y.id));
  const edges: NetworkEdge[] = a.graph
    .mapEdges((id, e, source, target) => ({ id, source, target, kind: e.kind, weight: r4(e.weight), label: e.label, facts: e.facts, sources: e.sources }))
    .sort((x, y) => x.id.localeCompare(y.id));
  return { asOf: a.graph.getAttribute('asOf'), hub: nodes[0] ?? null, nodes, edges, blocs: a.blocs, rule: a.rule };
}

export function parseNetworkFormat(raw: string | undefined): NetworkFormat {
  return checkFilter('format', raw, NETWORK_FORMATS) ?? 'json';
}

export type NetworkExport = { format: 'json'; contentType: string; body: NetworkReport } | { format: 'graphml' | 'gexf'; contentType: string; body: string };

export function exportNetwork(a: NetworkAnalysis, format: NetworkFormat): NetworkExport {
  if (format === 'graphml') return { format, contentType: 'application/graphml+xml; charset=utf-8', body: toGraphml(a.graph) };
  if (format === 'gexf') return { format, contentType: 'application/gexf+xml; charset=utf-8', body: toGexf(a.graph) };
  return { format, contentType: 'application/json; charset=utf-8', body: networkReport(a) };
}
