// The network of the EU's cyber partnerships: the EU as hub, blocs by shared positions, and exports that standard readers open.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { realDataset, realNetworkFile, realWeights } from '../assess/real-data.test-support';
import { EU } from './graph';
import { analyseNetwork, exportNetwork, networkReport, parseNetworkFormat } from './network';
import { escapeXml } from './xml';

const dataset = realDataset();
const weights = realWeights();
const file = realNetworkFile();
const RENARD2016 = '2016-09-05' as IsoDate;
const analysis = analyseNetwork(dataset, RENARD2016, weights, file);
const report = networkReport(analysis);
const PARTNERS = ['BR', 'CA', 'CN', 'IN', 'JP', 'KR', 'MX', 'RU', 'US', 'ZA'];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue'].includes(name) });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('the network as of renard2016', () => {
  it('has the EU, the ten partners and the instruments they share', () => {
    const ids = report.nodes.map((n) => n.id);
    expect(ids).toContain(EU);
    for (const p of PARTNERS) expect(ids).toContain(p);
    expect(ids).toEqual(expect.arrayContaining(['global-alliance-csao', 'g8-24-7-network', 'budapest-convention']));
  });

  it('ties the EU to every partner through at least one cyber-related dialogue, weighted by level and frequency', () => {
    for (const p of PARTNERS) {
      const edge = report.edges.find((e) => e.kind === 'dialogue' && [e.source, e.target].sort().join() === [EU, p].sort().join());
      expect(edge, p).toBeDefined();
      expect(edge!.weight).toBeGreaterThan(0);
      expect(edge!.facts.every((f) => f.startsWith('dialogue:'))).toBe(true);
    }
    const weightTo = (p: string) => report.edges.find((e) => e.id === [EU, p].sort().join('--'))!.weight;
    expect(weightTo('US')).toBeGreaterThan(weightTo('ZA'));
  });

  it('makes the EU the hub: highest degree and highest betweenness (renard2016 s.5)', () => {
    expect(report.hub!.id).toBe(EU);
    const eu = report.nodes.find((n) => n.id === EU)!;
    for (const n of report.nodes) if (n.id !== EU) expect(eu.degree, n.id).toBeGreaterThan(n.degree);
  });

  it('finds the three blocs of the papers by community detection on shared positions', () => {
    const bloc = (label: string) => report.blocs.blocs.filter((b) => b.label === label).flatMap((b) => b.members.map((m) => m.id)).sort();
    expect(bloc('like-minded')).toEqual(['CA', 'JP', 'US']);
    expect(bloc('intergovernmental')).toEqual(['CN', 'RU']);
    expect(bloc('swing')).toEqual(['BR', 'IN', 'KR', 'MX', 'ZA']);
    for (const b of report.blocs.blocs) for (const m of b.members) expect(m.sources.length).toBeGreaterThan(0);
    expect(report.nodes.find((n) => n.id === 'CN')!.bloc).toBe('intergovernmental');
  });

  it('gives the same blocs on every run', () => {
    const again = networkReport(analyseNetwork(dataset, RENARD2016, weights, file));
    expect(again.blocs).toEqual(report.blocs);
  });
});

describe('exports', () => {
  it('writes GraphML that a standard XML reader parses, with the expected nodes, edges and keys', () => {
    const out = exportNetwork(analysis, 'graphml');
    expect(out.contentType).toMatch(/graphml/);
    const doc = parser.parse(out.body as string);
    const g = doc.graphml.graph;
    expect(g['@_edgedefault']).toBe('undirected');
    const keys = asArray(doc.graphml.key).map((k: Record<string, string>) => `${k['@_for']}:${k['@_attr.name']}`);
    expect(keys).toEqual(expect.arrayContaining(['node:label', 'node:degree', 'node:betweenness', 'node:bloc', 'edge:weight', 'edge:kind']));
    const nodes = asArray(g.node) as Record<string, unknown>[];
    const edges = asArray(g.edge) as Record<string, unknown>[];
    expect(nodes.map((n) => n['@_id']).sort()).toEqual(report.nodes.map((n) => n.id).sort());
    expect(edges).toHaveLength(analysis.graph.size);
    const nodeIds = new Set(nodes.map((n) => n['@_id']));
    for (const e of edges) {
      expect(nodeIds.has(e['@_source'])).toBe(true);
      expect(nodeIds.has(e['@_target'])).toBe(true);
    }
    const eu = nodes.find((n) => n['@_id'] === EU)!;
    const label = asArray(eu.data as Record<string, unknown>[]).find((d) => d['@_key'] === 'n_label')!;
    expect(label['#text']).toBe('European Union');
    const us = edges.find((e) => e['@_id'] === [EU, 'US'].sort().join('--'))!;
    const weight = asArray(us.data as Record<string, unknown>[]).find((d) => d['@_key'] === 'e_weight')!;
    expect(Number(weight['#text'])).toBeCloseTo(analysis.graph.getEdgeAttribute(us['@_id'] as string, 'weight'), 4);
  });

  it('writes GEXF 1.3 that parses, with every node and edge', () => {
    const out = exportNetwork(analysis, 'gexf');
    const doc = parser.parse(out.body as string);
    expect(doc.gexf['@_version']).toBe('1.3');
    expect(asArray(doc.gexf.graph.nodes.node)).toHaveLength(analysis.graph.order);
    expect(asArray(doc.gexf.graph.edges.edge)).toHaveLength(analysis.graph.size);
  });

  it('escapes what XML cannot carry as is, so the text survives a round trip', () => {
    const tricky = `Tom & Jerry's "<dialogue>"\u0001`;
    const doc = parser.parse(`<a b="${escapeXml(tricky)}">${escapeXml(tricky)}</a>`);
    expect(doc.a['#text']).toBe(`Tom & Jerry's "<dialogue>"`);
    expect(doc.a['@_b']).toBe(`Tom & Jerry's "<dialogue>"`);
  });

  it('gives JSON with nodes, edges, blocs and the rule it follows', () => {
    const out = exportNetwork(analysis, 'json');
    expect(out.format).toBe('json');
    const body = out.body as ReturnType<typeof networkReport>;
    expect(body.nodes.length).toBe(analysis.graph.order);
    expect(body.rule.sources[0]!.ref).toBe('renard2016');
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('refuses an unknown format, naming the allowed ones', () => {
    try {
      parseNetworkFormat('dot');
      throw new Error('expected invalid_filter');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('invalid_filter');
      expect((error as Error).message).toContain('json, graphml or gexf');
    }
  });
});
