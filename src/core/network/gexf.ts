// GEXF 1.3 export of the network (Gephi's own format), with node and edge attributes declared.
import type { NetworkGraph } from './graph';
import { escapeXml, num } from './xml';

const NODE_ATTRS = [
  ['kind', 'string'],
  ['degree', 'double'],
  ['betweenness', 'double'],
  ['strength', 'double'],
  ['bloc', 'string'],
] as const;
const EDGE_ATTRS = [
  ['kind', 'string'],
  ['facts', 'string'],
] as const;

const attvalues = (values: [number, string][]) =>
  `<attvalues>${values.map(([i, v]) => `<attvalue for="${i}" value="${v}"/>`).join('')}</attvalues>`;

export function toGexf(graph: NetworkGraph): string {
  const asOf = graph.getAttribute('asOf');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>cyberdiplo</creator><description>The EU's cyber partnerships${asOf ? ` as of ${escapeXml(asOf)}` : ''}</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    `    <attributes class="node">${NODE_ATTRS.map(([t, type], i) => `<attribute id="${i}" title="${t}" type="${type}"/>`).join('')}</attributes>`,
    `    <attributes class="edge">${EDGE_ATTRS.map(([t, type], i) => `<attribute id="${i}" title="${t}" type="${type}"/>`).join('')}</attributes>`,
    '    <nodes>',
  ];
  graph.forEachNode((key, a) => {
    const values: [number, string][] = [
      [0, a.kind],
      [1, num(a.degree)],
      [2, num(a.betweenness)],
      [3, num(a.strength)],
      ...(a.bloc ? ([[4, escapeXml(a.bloc)]] as [number, string][]) : []),
    ];
    lines.push(`      <node id="${escapeXml(key)}" label="${escapeXml(a.label)}">${attvalues(values)}</node>`);
  });
  lines.push('    </nodes>', '    <edges>');
  graph.forEachEdge((key, a, source, target) => {
    lines.push(
      `      <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}" weight="${num(a.weight)}" label="${escapeXml(a.label)}">${attvalues([
        [0, a.kind],
        [1, escapeXml(a.facts.join(' '))],
      ])}</edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}
