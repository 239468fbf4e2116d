// Reads the network the API serves (EU, partners, fora; weighted edges; centrality; blocs) into one shape.
import { isRecord, numberOf, sourcesOf, textOf } from './describe';
import type { Source } from '../api-types';

export interface NetNode {
  id: string;
  label: string;
  kind: string;
  bloc: string | null;
  degree: number | undefined;
  betweenness: number | undefined;
  details: [string, string][];
  sources: Source[];
}

export interface NetEdge {
  source: string;
  target: string;
  weight: number;
  label: string;
  sources: Source[];
}

export interface NetBloc {
  label: string;
  because: string;
  members: string[];
  sources: Source[];
}

export interface Network {
  nodes: NetNode[];
  edges: NetEdge[];
  blocs: NetBloc[];
}

const SKIP = new Set(['id', 'key', 'label', 'name', 'kind', 'type', 'bloc', 'community', 'x', 'y', 'size', 'color', 'sources', 'attributes', 'centrality', 'degree', 'betweenness']);

function flat(raw: Record<string, unknown>): Record<string, unknown> {
  return isRecord(raw.attributes) ? { ...raw.attributes, ...raw } : raw;
}

function readNode(raw: unknown): NetNode | null {
  if (!isRecord(raw)) return null;
  const n = flat(raw);
  const id = n.id ?? n.key;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const c = isRecord(n.centrality) ? n.centrality : {};
  const bloc = n.bloc ?? n.community;
  const details: [string, string][] = Object.entries({ ...c, ...n })
    .filter(([k, v]) => !SKIP.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    .map(([k, v]) => [k, textOf(v)]);
  return {
    id: String(id),
    label: textOf(n.label ?? n.name ?? id),
    kind: String(n.kind ?? n.type ?? 'node'),
    bloc: bloc === undefined || bloc === null ? null : String(bloc),
    degree: numberOf(c.degree) ?? numberOf(n.degree) ?? numberOf(n.degreeCentrality),
    betweenness: numberOf(c.betweenness) ?? numberOf(n.betweenness) ?? numberOf(n.betweennessCentrality),
    details,
    sources: sourcesOf(n),
  };
}

function readEdge(raw: unknown): NetEdge | null {
  if (!isRecord(raw)) return null;
  const e = flat(raw);
  if (e.source === undefined || e.target === undefined) return null;
  return {
    source: String(e.source),
    target: String(e.target),
    weight: numberOf(e.weight) ?? 1,
    label: textOf(e.label ?? e.kind ?? e.type ?? ''),
    sources: sourcesOf(e),
  };
}

function readBlocs(value: unknown): NetBloc[] {
  const list = isRecord(value) && Array.isArray(value.blocs) ? value.blocs : Array.isArray(value) ? value : [];
  return list.filter(isRecord).map((b) => {
    const members = Array.isArray(b.members) ? b.members.filter(isRecord) : [];
    return {
      label: textOf(b.label),
      because: textOf(b.because),
      members: members.map((m) => textOf(m.id)),
      sources: members.flatMap(sourcesOf),
    };
  });
}

export function readNetwork(value: unknown): Network {
  const v = isRecord(value) && isRecord(value.graph) ? value.graph : value;
  if (!isRecord(v)) return { nodes: [], edges: [], blocs: [] };
  const nodes = (Array.isArray(v.nodes) ? v.nodes : []).map(readNode).filter((n): n is NetNode => n !== null);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = (Array.isArray(v.edges) ? v.edges : Array.isArray(v.links) ? v.links : [])
    .map(readEdge)
    .filter((e): e is NetEdge => e !== null && ids.has(e.source) && ids.has(e.target));
  return { nodes, edges, blocs: readBlocs(v.blocs) };
}

export function neighbours(network: Network, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of network.edges) {
    if (e.source === id) out.add(e.target);
    if (e.target === id) out.add(e.source);
  }
  return out;
}
