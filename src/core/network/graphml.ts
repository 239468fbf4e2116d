// GraphML export of the network (readable by Gephi, yEd, NetworkX, igraph), with its attributes declared as GraphML keys.
import type { NetworkGraph } from './graph';
import { escapeXml, num } from './xml';

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['degree', 'double'],
  ['betweenness', 'double'],
  ['strength', 'double'],
  ['bloc', 'string'],
] as const;
const EDGE_KEYS = [
  ['kind', 'string'],
  ['weight', 'double'],
  ['label', 'string'],
  ['facts', 'string'],
] as const;

const data = (key: string, value: string) => `<data key="${key}">${value}</data>`;

export function toGraphml(graph: NetworkGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    `  <graph id="cyberdiplo${graph.getAttribute('asOf') ? `-${escapeXml(graph.getAttribute('asOf') ?? '')}` : ''}" edgedefault="undirected">`,
  ];
  graph.forEachNode((key, a) => {
    const values = [
      data('n_label', escapeXml(a.label)),
      data('n_kind', a.kind),
      data('n_degree', num(a.degree)),
      data('n_betweenness', num(a.betweenness)),
      data('n_strength', num(a.strength)),
      ...(a.bloc ? [data('n_bloc', escapeXml(a.bloc))] : []),
    ];
    lines.push(`    <node id="${escapeXml(key)}">${values.join('')}</node>`);
  });
  graph.forEachEdge((key, a, source, target) => {
    const values = [data('e_kind', a.kind), data('e_weight', num(a.weight)), data('e_label', escapeXml(a.label)), data('e_facts', escapeXml(a.facts.join(' ')))];
    lines.push(`    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${values.join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
